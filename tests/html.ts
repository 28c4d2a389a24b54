// Reading built pages without a browser, for checks of what the HTML itself says (tests/build/):
// an element by what it holds, and its text as textContent gives it.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? all),
  );

/** The text of some HTML, white space folded as Playwright's toHaveText folds it. */
export const text = (html: string) => decode(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** The whole element whose opening tag starts at `start` (nested elements of the same name counted). */
function elementAt(html: string, start: number): string {
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))![1]!;
  const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 0;
  for (let m; (m = re.exec(html)); ) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, re.lastIndex);
  }
  throw new Error(`<${tag}> at ${start} is never closed`);
}

/** Every `tag` element (outermost first) in document order, or only those whose HTML holds `holding`. */
export function elements(html: string, tag: string, holding?: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}(?=[\\s/>])`, 'gi'))) {
    const el = elementAt(html, m.index);
    if (holding === undefined || el.includes(holding)) found.push(el);
  }
  return found;
}

/** Where the next (or, with `back`, the previous) opening `tag` starts from `from`; -1 if none. */
function openingTag(html: string, tag: string, from: number, back = false): number {
  for (let i = back ? html.lastIndexOf(`<${tag}`, from) : html.indexOf(`<${tag}`, from); i >= 0; i = back ? html.lastIndexOf(`<${tag}`, i - 1) : html.indexOf(`<${tag}`, i + 1)) {
    if (/[\s/>]/.test(html[i + tag.length + 1] ?? '')) return i;
    if (back && i === 0) break;
  }
  return -1;
}

/** The innermost `tag` element around the first place `marker` stands, e.g. the `li` of `id="step-password"`. */
export function around(html: string, tag: string, marker: string): string | undefined {
  const at = html.indexOf(marker);
  if (at < 0) return undefined;
  for (let start = openingTag(html, tag, at, true); start >= 0; start = start > 0 ? openingTag(html, tag, start - 1, true) : -1) {
    const el = elementAt(html, start);
    if (start + el.length > at) return el;
  }
  return undefined;
}

/** The first `tag` element after the element whose opening tag holds `marker` (CSS `#id + dd` where it is the next element). */
export function next(html: string, marker: string, tag: string): string | undefined {
  const at = html.indexOf(marker);
  if (at < 0) return undefined;
  const start = openingTag(html, tag, at);
  return start < 0 ? undefined : elementAt(html, start);
}
