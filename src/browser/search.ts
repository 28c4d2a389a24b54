// The search page: Pagefind, loaded only here, with filters and ?q= links.
// Everything the user typed is put into the page as text, never as HTML.
import { namesUncoveredApp } from '../lib/not-covered.ts';
import { preorder, rerank } from '../lib/rerank.ts';
import { bestSection, excerptParts, isRealMatch } from '../lib/search-result.ts';
import { looksLikeReply, searchQueries } from '../lib/query.ts';
// Only its types (window.portolanAnswer): importing its code would bundle the card into this module.
import type {} from './answer.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: { title?: string; kind?: string; priority?: string; order?: string };
  excerpt: string;
  filters: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}
interface Pagefind {
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: object): Promise<{ results: { id: string; score: number; data(): Promise<PagefindResultData> }[] }>;
}
declare global {
  interface Window {
    /** Pagefind, started on the first call; the same promise after that (PAGEFIND_START). */
    portolanPagefind?: () => Promise<Pagefind>;
  }
}

const root = document.getElementById('search')!;
const form = root.querySelector('form')!;
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const status = document.getElementById('status')!;
const list = document.getElementById('results')!;
const instead = document.getElementById('instead')!;
const more = document.getElementById('more')!;
const notCovered = document.getElementById('not-covered')!;
const filtersBox = document.getElementById('filters')!;
const answer = document.getElementById('answer')!;
// The answer card's code, inline before this module (src/browser/answer.ts).
const { showAnswer, portItems, answeredItem, useLookup } = window.portolanAnswer!;
useLookup(() => import('../lib/lookup.ts'));
let early = window.portolanAnswer!.first;
// Filters load their own index files, so only once someone opens them: a first search then
// downloads no more of Pagefind than a plain Pagefind search does.
const filtersPanel = document.getElementById('filters-box') as HTMLDetailsElement;
filtersPanel.addEventListener('toggle', () => {
  if (filtersPanel.open && !filtersBox.childElementCount) void load().then(renderFilters);
});
const labels = JSON.parse(root.dataset.labels!) as Record<string, string>;
const FACETS = ['type', 'provider', 'client', 'protocol'];
const plural = new Intl.PluralRules(root.dataset.lang);
const chosen: Record<string, Set<string>> = Object.fromEntries(FACETS.map((f) => [f, new Set<string>()]));

// Defined by this page's first script (PAGEFIND_START in src/lib/pagefind-options.ts), started on first use.
const load = (): Promise<Pagefind> => window.portolanPagefind!();

function excerptNodes(excerpt: string): Node[] {
  return excerptParts(excerpt).map((part) => (part.mark ? el('mark', part.text) : document.createTextNode(part.text)));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

async function renderFilters(pf: Pagefind): Promise<void> {
  const all = await pf.filters();
  filtersBox.replaceChildren(
    ...FACETS.filter((f) => all[f] && Object.keys(all[f]!).length > 1).map((facet) => {
      const fs = el('fieldset');
      fs.append(el('legend', labels[facet]));
      for (const value of Object.keys(all[facet]!).sort()) {
        const label = el('label');
        const box = el('input');
        box.type = 'checkbox';
        box.checked = chosen[facet]!.has(value);
        box.addEventListener('change', () => {
          if (box.checked) chosen[facet]!.add(value);
          else chosen[facet]!.delete(value);
          void run();
        });
        label.append(box, document.createTextNode(` ${value}`));
        fs.append(label);
      }
      return fs;
    }),
  );
}

/** Results shown at first and per "more": as many as Pagefind's own interface shows, so the page fetches no more than it. */
const PAGE = 5;

function resultItem(d: PagefindResultData & { title: string; sub?: { url: string; title: string; excerpt: string } }): HTMLLIElement {
  const li = el('li');
  const sub = d.sub;
  const a = el('a', d.title);
  a.href = sub?.url ?? d.url;
  const h = el('h2');
  h.append(a);
  if (sub && sub.title !== d.title) h.append(el('span', ` › ${sub.title}`, 'sub'));
  const facets = el('p', FACETS.flatMap((f) => d.filters[f] ?? []).join(' · '), 'facets');
  const p = el('p');
  p.append(...excerptNodes(sub?.excerpt ?? d.excerpt));
  li.append(h, facets, p);
  return li;
}

let generation = 0;
async function run(): Promise<void> {
  const q = input.value.trim();
  const mine = ++generation;
  // The answer comes from its own small index, before and independently of Pagefind; a ?q= link's
  // was started by the answer's module, and any other question supersedes that one.
  const reuse = mine === 1 && early?.query === q;
  if (early && !reuse) {
    early.stale = true;
    early = undefined;
  }
  const answered = reuse ? early!.answered : showAnswer(answer, q, () => mine === generation);
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  // An address or domain also gets a lookup answer above the results; a server name is just searched.
  // Only something with a dot or an @ can be one (the test site.ts makes), and the lookup code loads
  // just then: imported up front, it put two more rounds of module fetches before the first search.
  const code = /[.@。．＠]/.test(q) ? await import('../lib/lookup.ts') : null;
  if (mine !== generation) return;
  if (code?.looksLikeAddress(q)) {
    const [found, { showLookup }] = await Promise.all([code.lookup(q).catch(() => null), import('./lookup-box.ts')]);
    if (mine !== generation) return;
    showLookup(root, found?.kind === 'host' ? null : found, { base: root.dataset.base!, search: form.dataset.search! }, q);
  } else for (const answer of root.querySelectorAll<HTMLElement>('.lookup-messages > *')) answer.hidden = true;
  instead.hidden = true;
  more.hidden = true;
  notCovered.hidden = !namesUncoveredApp(q, JSON.parse(notCovered.dataset.aliases!) as string[]);
  if (!q) {
    status.textContent = root.dataset.empty!;
    list.replaceChildren();
    return;
  }
  // A ?q= link starts Pagefind once its answer card is settled: Pagefind's start holds the main thread a while.
  if (reuse) await answered;
  let pf: Pagefind;
  try {
    pf = await load();
  } catch {
    status.textContent = root.dataset.failed!;
    return;
  }
  const filters = Object.fromEntries(FACETS.filter((f) => chosen[f]!.size).map((f) => [f, { any: [...chosen[f]!] }]));
  // A pasted error reply is searched without its variable parts (src/lib/query.ts), then by its codes alone.
  let query = q;
  let search: Awaited<ReturnType<Pagefind['search']>> | undefined;
  for (const tryQuery of searchQueries(q)) if ((search = await pf.search((query = tryQuery), { filters })).results.length) break;
  search ??= await pf.search(query, { filters });
  if (mine !== generation) return;
  let ordered = search.results;
  // A bare number is a port, whose page the index's `port` weight puts first: Pagefind's own order,
  // with the most used providers that use the port after the port page, from the answer index (their
  // pages' fragments are not fetched). Other queries are searched again by the index's `rank` sort
  // (page kind, then provider priority) and as a phrase, on the index chunks already loaded: no more
  // downloads, only the results shown fetch a fragment.
  const bare = /^\d{1,5}$/.test(query);
  const filtered = FACETS.some((f) => chosen[f]!.size);
  const portPins = bare && !filtered ? await portItems(answer, query) : [];
  if (!bare) {
    const [byRank, asPhrase] = await Promise.all([pf.search(query, { filters, sort: { rank: 'asc' } }), pf.search(`"${query.replace(/"/g, '')}"`, { filters })]);
    if (mine !== generation) return;
    ordered = preorder(search.results, new Map(byRank.results.map((r, i) => [r.id, i])), new Set(asPhrase.results.map((r) => r.id)));
  }
  // The provider a question names (its answer, or a hostname alone) comes first, unless filters are on.
  // A pasted reply that names a server puts its explaining page first, not the provider's (the card still answers above).
  const pin = filtered || looksLikeReply(q) ? null : await answered;
  if (mine !== generation) return;
  const path = (href: string) => new URL(href, location.href).pathname;
  const pinned = new Set([...(pin ? [path(pin.href)] : []), ...portPins.map((li) => path(li.querySelector('a')!.href))]);
  let shown = 0;
  list.replaceChildren();
  const showMore = async (): Promise<number> => {
    // The port's providers fill the first page of results after the port page.
    const batch = ordered.slice(shown, shown + (shown ? PAGE : Math.max(1, PAGE - portPins.length)));
    shown += batch.length;
    const loaded = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return 0;
    const items = loaded
      .map((d, index) => {
        const sub = bestSection(query, d.sub_results);
        return { ...d, index, sub, title: d.meta.title ?? d.url, section: sub?.title, kind: d.meta.kind, priority: Number(d.meta.priority) || undefined, order: Number(d.meta.order) || undefined };
      })
      // Pagefind stands in a prefix for a word no page has (`Axxxxxxxx` → "a"): such pages are no answer.
      .filter((d) => isRealMatch(query, d.content) && !pinned.has(path(d.url)));
    const data = rerank(query, items);
    const first = !list.childElementCount;
    if (first && pin) list.append(answeredItem(pin, answer));
    list.append(...data.map(resultItem));
    if (first) list.append(...portPins);
    // Filters narrow results, so they appear with the first ones, not on load: revealing them
    // earlier cost the page one more layout before its first result.
    if (data.length) filtersPanel.hidden = false;
    more.hidden = !data.length || shown >= ordered.length;
    return data.length + (first ? Number(Boolean(pin)) + portPins.length : 0);
  };
  const found = await showMore();
  if (mine !== generation) return;
  const n = search.results.length;
  status.textContent = found ? `${n} ${plural.select(n) === 'one' ? root.dataset.countOne : root.dataset.count} “${q}”` : `${root.dataset.none} “${q}”`;
  instead.hidden = found > 0;
  more.onclick = () => void showMore();
}

let timer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('submit', (e) => {
  e.preventDefault();
  // Enter searches now; the search typing had scheduled would only repeat it.
  clearTimeout(timer);
  void run();
});
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 200);
});

input.value = new URLSearchParams(location.search).get('q') ?? '';
void run();
