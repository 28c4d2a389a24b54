// Pagefind's options for the search page, and for the bench's plain Pagefind page that it is
// measured against, so both rank the same index the same way and fetch the same fragments.
// Long provider pages (every server, quirk and source) should not lose to short ones just for
// length. The kind, priority and order metadata are for result labels and the `rank` sort, not
// words to match; a port page's number is, above anything else, so a bare number finds its port
// page first.
export const PAGEFIND_OPTIONS = {
  excerptLength: 24,
  ranking: { pageLength: 0.25, metaWeights: { kind: 0, priority: 0, order: 0, port: 10 } },
};

/**
 * The search page's first script, inline and classic rather than a module, so it runs while the
 * page is still being parsed instead of after every module script's imports: it starts Pagefind
 * (worker, WebAssembly, index meta) and, for a ?q= link (the header search box submits one),
 * fetches the query's index chunks if it is one word (a port, a server, a domain): a pasted error
 * reply is searched without its variable parts (src/lib/query.ts), whose chunks it would not need.
 * An empty search page starts Pagefind only when something is typed, so a visit that searches
 * nothing downloads none of it. The page adds this script's hash to its CSP.
 */
export const PAGEFIND_START = `(() => {
  let started;
  window.portolanPagefind = () => (started ??= import('/pagefind/pagefind.js').then(async (pf) => {
    await pf.options(${JSON.stringify(PAGEFIND_OPTIONS)});
    await pf.init();
    return pf;
  }));
  const q = new URLSearchParams(location.search).get('q')?.trim();
  if (q) window.portolanPagefind().then((pf) => /\\s/.test(q) || pf.preload(q));
})();`;
