// The search page's first script: starts Pagefind (its worker, WebAssembly and index meta)
// while the page's own search code and its imports are still loading, instead of after them.
// No static imports but one constant, so it runs as soon as it arrives. search.ts takes the
// promise from `window`.
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
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string, o?: object): Promise<{ results: { id: string; score: number; data(): Promise<PagefindResultData> }[] }>;
}
declare global {
  interface Window {
    portolanPagefind?: Promise<Pagefind>;
  }
}

const url = '/pagefind/pagefind.js';
window.portolanPagefind = import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
  await pf.options(PAGEFIND_OPTIONS);
  await pf.init();
  return pf;
});
