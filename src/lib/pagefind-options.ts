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

/** Attributes of the start script that the build fills in once the index exists (src/integrations/pagefind.ts). */
export const PAGEFIND_TAG_ATTR = 'data-pagefind-tag';
export const PAGEFIND_PRELOAD_ATTR = 'data-pagefind-preload';

/**
 * The search page's first script, inline and classic rather than a module, so it runs while the
 * page is still being parsed instead of after every module script's imports. An empty search page
 * starts Pagefind only when something is typed, so a visit that searches nothing downloads none of
 * it. For a ?q= link (the header search box submits one) it asks for the files Pagefind reads
 * first (its entry file, the language's metadata and WebAssembly) as preloads, before Pagefind's
 * own script has even run. Pagefind itself starts later, from the page's main module once the
 * answer card is settled (src/browser/search.ts): started while the page was parsed, its start held
 * the parser and the main thread, and the card waited for it.
 *
 * For a ?q= link Pagefind runs without its web worker: a worker cannot use the page's preloads,
 * and its start (its own script, then a round of messages before each step) cost the link more on
 * a page still rendering than the searches it moves off the main thread, which on this site's
 * small index chunks are short. Where the visitor types the first search, the worker stays: there
 * Pagefind's start (compiling its WebAssembly) would otherwise block typing once
 * (docs/performance.md has the measurements). `metaCacheTag` is what makes the entry file's address known in
 * advance (Pagefind otherwise adds the time to it); the build sets it from the entry file's
 * content, so a new index still gets a new address. The page adds this script's hash to its CSP.
 */
export const PAGEFIND_START = `(() => {
  const me = document.currentScript;
  const tag = me.getAttribute('${PAGEFIND_TAG_ATTR}');
  const q = new URLSearchParams(location.search).get('q')?.trim();
  let started;
  window.portolanPagefind = () => (started ??= import('/pagefind/pagefind.js').then(async (pf) => {
    await pf.options({ ...${JSON.stringify(PAGEFIND_OPTIONS)}, noWorker: Boolean(q), ...(tag && { metaCacheTag: tag }) });
    await pf.init();
    return pf;
  }));
  if (!q) return;
  for (const href of me.getAttribute('${PAGEFIND_PRELOAD_ATTR}').split(' ').filter(Boolean)) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }));
})();`;
