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
