// The search page's first script: starts Pagefind (its worker, WebAssembly and index meta)
// while the page's own search code and its imports are still loading, instead of after them.
// No static imports but one constant, which the build inlines, so it runs as soon as the page is
// parsed. search.ts gets Pagefind from `window`.
import { PAGEFIND_OPTIONS } from '../lib/pagefind-options.ts';

export interface PagefindResultData {
  url: string;
  content: string;
  meta: { title?: string; kind?: string; priority?: string; order?: string };
  excerpt: string;
  filters: Record<string, string[]>;
  sub_results?: { url: string; title: string; excerpt: string; locations?: number[] }[];
}
export interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  preload(q: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: object): Promise<{ results: { id: string; score: number; data(): Promise<PagefindResultData> }[] }>;
}
declare global {
  interface Window {
    /** Pagefind, started on the first call; the same promise after that. */
    portolanPagefind?: () => Promise<Pagefind>;
  }
}

const url = '/pagefind/pagefind.js';
let started: Promise<Pagefind> | undefined;
window.portolanPagefind = () =>
  (started ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    await pf.options(PAGEFIND_OPTIONS);
    await pf.init();
    return pf;
  }));
// A ?q= link (the header search box submits one) searches at once: its index chunks are fetched
// now, while the page is still being parsed. An empty search page starts Pagefind when something
// is typed, so a visit that searches nothing downloads none of it.
const q = new URLSearchParams(location.search).get('q')?.trim();
if (q) void window.portolanPagefind().then((pf) => pf.preload(q));
