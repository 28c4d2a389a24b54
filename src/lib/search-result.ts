// How one Pagefind result is shown: its excerpt, the section it links to, and whether it
// matches the query at all. Pure functions, so the search page's choices can be unit-tested.

export interface SubResult {
  url: string;
  title: string;
  excerpt: string;
  locations?: number[];
}

/** A piece of an excerpt: plain text, or a hit Pagefind wrapped in <mark>. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);

/** Pagefind's excerpts are escaped text with <mark> around hits; split them so the page builds nodes, never HTML. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => {
      const m = part.match(/^<mark>([\s\S]*)<\/mark>$/);
      return m ? { text: decode(m[1]!), mark: true } : { text: decode(part), mark: false };
    });
}

/** The section to link: the one whose heading says most of the query, then the one with most hits; none if no section has an anchor. */
export function bestSection<S extends SubResult>(query: string, subs: readonly S[] = []): S | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const said = (t: string) => words.filter((w) => t.toLowerCase().includes(w)).length;
  const best = [...subs].sort((a, b) => said(b.title) - said(a.title) || (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
  return best?.url.includes('#') ? best : undefined;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const pieces = (s: string) => s.toLowerCase().match(/[\u3400-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu) ?? [];
const shared = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};

/**
 * Whether a page's text really answers the query. When a word is in no page, Pagefind
 * searches for its longest indexed prefix instead (`Axxxxxxxx` finds every page with "a";
 * `发票` every page with `发`), or drops it. A query matches when at least one of its words
 * is on the page: a CJK run by any two adjacent characters of it, a Latin word or number by
 * a word that starts with at least half of it (so stems and half-typed words still count).
 */
export function isRealMatch(query: string, content: string): boolean {
  const text = content.toLowerCase();
  const words = new Set(pieces(content));
  return pieces(query).some((q) => {
    if (CJK.test(q)) {
      if (q.length === 1) return text.includes(q);
      for (let i = 0; i + 2 <= q.length; i++) if (text.includes(q.slice(i, i + 2))) return true;
      return false;
    }
    const need = Math.min(q.length, Math.max(2, Math.ceil(q.length / 2)));
    for (const w of words) if (shared(q, w) >= need) return true;
    return false;
  });
}
