// The search page: Pagefind, loaded only here, with filters and ?q= links.
// Everything the user typed is put into the page as text, never as HTML.
import { lookup, looksLikeAddress } from '../lib/lookup.ts';
import { rerank } from '../lib/rerank.ts';
import { searchQueries } from '../lib/query.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: { title?: string; kind?: string; priority?: string };
  excerpt: string;
  filters: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: object): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

const root = document.getElementById('search')!;
const form = root.querySelector('form')!;
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const status = document.getElementById('status')!;
const list = document.getElementById('results')!;
const filtersBox = document.getElementById('filters')!;
const labels = JSON.parse(root.dataset.labels!) as Record<string, string>;
/** The `type` filter's value for each kind of page, in this page's language. */
const types = JSON.parse(root.dataset.types!) as Record<string, string>;
const FACETS = ['type', 'provider', 'client', 'protocol'];
const chosen: Record<string, Set<string>> = Object.fromEntries(FACETS.map((f) => [f, new Set<string>()]));

let pagefind: Promise<Pagefind> | undefined;
function load(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    // Long provider pages (every server, quirk and source) should not lose to short ones just for length.
    await pf.options({ excerptLength: 24, ranking: { pageLength: 0.25 } });
    await pf.init();
    return pf;
  });
  return pagefind;
}

/** Pagefind's excerpts are escaped text with <mark> around hits; rebuild them as nodes. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).map((part) => {
    const m = part.match(/^<mark>([\s\S]*)<\/mark>$/);
    if (!m) return document.createTextNode(decode(part));
    const mark = document.createElement('mark');
    mark.textContent = decode(m[1]!);
    return mark;
  });
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

let generation = 0;
async function run(): Promise<void> {
  const q = input.value.trim();
  const mine = ++generation;
  const url = new URL(location.href);
  if (q) url.searchParams.set('q', q);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  // An address or domain also gets a lookup answer above the results; a server name is just searched.
  if (looksLikeAddress(q)) {
    const [found, { showLookup }] = await Promise.all([lookup(q).catch(() => null), import('./lookup-box.ts')]);
    if (mine !== generation) return;
    showLookup(root, found?.kind === 'host' ? null : found, { base: root.dataset.base!, search: form.dataset.search! });
  } else for (const answer of root.querySelectorAll<HTMLElement>('.lookup-messages > *')) answer.hidden = true;
  if (!q) {
    status.textContent = root.dataset.empty!;
    list.replaceChildren();
    return;
  }
  let pf: Pagefind;
  try {
    pf = await load();
  } catch {
    status.textContent = root.dataset.failed!;
    return;
  }
  const filters = Object.fromEntries(FACETS.filter((f) => chosen[f]!.size).map((f) => [f, { any: [...chosen[f]!] }]));
  // Guides repeat what provider pages explain, and Pagefind favours their density, so the
  // provider and port pages that match are fetched too, whatever their rank; then
  // src/lib/rerank.ts orders the pool and the best 10 are shown.
  const only = (type: string) => ({ filters: { ...filters, type: { any: [type] } } });
  // A pasted error reply is searched without its variable parts (src/lib/query.ts), then by its codes alone.
  let query = q;
  for (const tryQuery of searchQueries(q)) if ((await pf.search((query = tryQuery), { filters })).results.length) break;
  const [search, providerPages, portPages, errorPages] = await Promise.all([pf.search(query, { filters }), pf.search(query, only(types.provider!)), pf.search(query, only(types.port!)), pf.search(query, only(types.error!))]);
  const pool = [...search.results.slice(0, 12), ...providerPages.results.slice(0, 8), ...portPages.results.slice(0, 4), ...errorPages.results.slice(0, 8)].filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
  const loaded = await Promise.all(pool.map((r) => r.data()));
  if (mine !== generation) return;
  const data = rerank(
    query,
    loaded.map((d, index) => {
      // The section to link: the one whose heading says most of the query, then the one with most hits.
      const words = query.toLowerCase().split(/\s+/);
      const said = (t: string) => words.filter((w) => t.toLowerCase().includes(w)).length;
      const best = [...(d.sub_results ?? [])].sort((a, b) => said(b.title) - said(a.title) || (b.locations?.length ?? 0) - (a.locations?.length ?? 0))[0];
      const sub = best?.url.includes('#') ? best : undefined;
      return { ...d, index, sub, title: d.meta.title ?? d.url, section: sub?.title, kind: d.meta.kind, priority: Number(d.meta.priority) || undefined };
    }),
  ).slice(0, 10);
  status.textContent = data.length ? `${search.results.length} ${root.dataset.count} “${q}”` : `${root.dataset.none} “${q}”`;
  list.replaceChildren(
    ...data.map((d) => {
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
    }),
  );
  void renderFilters(pf);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void run();
});
let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => void run(), 200);
});

input.value = new URLSearchParams(location.search).get('q') ?? '';
void run();
