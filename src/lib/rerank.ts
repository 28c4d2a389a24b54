// Pagefind finds the pages; this puts the one a person meant first. Pagefind matches
// word parts (`imap.126.com` also hits `imap.vip.126.com`, `25` also hits `250`) and
// favours short pages, so a page whose title or heading says exactly what was typed,
// or whose text has the typed hostname as a whole, comes before one that merely mentions it.

export interface Candidate {
  /** Position in Pagefind's own order. */
  index: number;
  title: string;
  /** Heading of the best section, if any. */
  section?: string;
  content: string;
  kind?: string;
  /** Provider order: 1 is the most used. */
  priority?: number;
  /** A guide's client order: 1 is the most used. */
  order?: number;
}

// The page that explains a thing before the pages that use it: an error's own page, a provider's,
// a port's, then guides; any other page last.
const KIND_ORDER: Record<string, number> = { error: 0, provider: 1, port: 2, guide: 3 };
const kindOrder = (kind: string | undefined) => KIND_ORDER[kind ?? ''] ?? 9;

/**
 * The page's place in the index's `rank` sort (data-pagefind-sort): by kind, then provider
 * priority. Pagefind keeps it with the index, so the search page learns every result's
 * kind and priority without fetching a single result fragment.
 */
export const searchRank = (kind: string | undefined, priority?: number, order?: number) => kindOrder(kind) * 100_000 + Math.min(priority ?? 999, 999) * 100 + Math.min(order ?? 99, 99);

/**
 * Pagefind's order, except that the results scoring close to the best one (within `near` of it)
 * are taken as equally good answers and ordered by their place in the `rank` sort. Only this
 * order's first few are fetched and shown, so it must already hold the page a person meant.
 * The band is wide because Pagefind's scores for one query move with the index's layout: with
 * index chunks of 8,000 words instead of 20,000 (src/integrations/pagefind.ts), `授权码` scored
 * 163.com's provider page at 0.79 of the best guide instead of 0.85.
 */
export function preorder<T extends { id: string; score: number }>(results: readonly T[], rankPlace: ReadonlyMap<string, number>, phrase: ReadonlySet<string> = new Set(), near = 0.75): T[] {
  const best = results[0]?.score ?? 0;
  const close = results.filter((r) => r.score >= best * near);
  const rest = results.filter((r) => r.score < best * near);
  const place = (r: T) => rankPlace.get(r.id) ?? Infinity;
  // Among those, a page with the query as one phrase (Pagefind's quoted search) first.
  const whole = (r: T) => (phrase.has(r.id) ? 0 : 1);
  return [...close.sort((a, b) => whole(a) - whole(b) || place(a) - place(b) || b.score - a.score), ...rest];
}

const norm = (s: string) => s.toLowerCase();
/** Query split into tokens: whitespace-separated words, and each CJK run as one token. */
export function tokens(query: string): string[] {
  return norm(query).split(/\s+/).filter(Boolean);
}

/** `needle` occurs in `hay` not glued to more letters, digits, dots or hyphens (CJK needles match anywhere). */
export function hasWhole(hay: string, needle: string): boolean {
  const h = norm(hay);
  const n = norm(needle);
  if (/[\u3400-\u9fff]/.test(n)) return h.includes(n);
  let i = h.indexOf(n);
  while (i >= 0) {
    const before = h[i - 1] ?? ' ';
    const after = h[i + n.length] ?? ' ';
    // A trailing dot ends a sentence, so it does not glue.
    const gluedAfter = /[a-z0-9-]/.test(after) || (after === '.' && /[a-z0-9]/.test(h[i + n.length + 1] ?? ''));
    if (!/[a-z0-9.-]/.test(before) && !gluedAfter) return true;
    i = h.indexOf(n, i + 1);
  }
  return false;
}

const coverage = (text: string | undefined, words: string[]) => (text ? words.filter((w) => hasWhole(text, w)).length / words.length : 0);

export function rerank<T extends Candidate>(query: string, results: T[]): T[] {
  const words = tokens(query);
  if (!words.length) return results;
  const phrase = words.join(' ');
  const score = (r: T): number[] => [
    hasWhole(r.title, phrase) ? 1 : 0,
    coverage(r.title, words),
    hasWhole(r.section ?? '', phrase) ? 1 : 0,
    hasWhole(r.content, phrase) ? 1 : 0,
    coverage(r.section, words),
    -kindOrder(r.kind),
    -(r.priority ?? 99),
    -(r.order ?? 99),
    -r.title.length,
    -r.index,
  ];
  const scored = results.map((r) => ({ r, s: score(r) }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.s.length; i++) if (a.s[i] !== b.s[i]) return b.s[i]! - a.s[i]!;
    return 0;
  });
  return scored.map((x) => x.r);
}
