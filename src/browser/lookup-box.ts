// Address lookup answers: a known address or server goes to its provider; anything else gets an answer on the page.
// Loaded on demand, by the lookup form and the search page.
import { lookup, type Lookup } from '../lib/lookup.ts';
import { providerHref, typedDomain } from '../lib/address.ts';

/** Shows the one answer that fits (null hides them all); a domain is shown as `typed` wrote it (例子.中国, not its xn-- form). */
export function showLookup(box: HTMLElement, found: Lookup | { kind: 'failed' } | null, paths: { base: string; search: string }, typed = ''): void {
  const part = (name: string) => box.querySelector<HTMLElement>(`[data-lookup-${name}]`)!;
  for (const kind of ['known', 'invalid', 'unknown', 'failed']) part(kind).hidden = found?.kind !== kind;
  if (found && 'domain' in found) {
    const shown = typedDomain(typed, found.domain);
    for (const d of box.querySelectorAll('[data-lookup-domain]')) d.textContent = shown;
    part('link').setAttribute('href', `${paths.base}${found.domain}/`);
    part('search').setAttribute('href', `${paths.search}?q=${encodeURIComponent(shown)}`);
  }
  // Servers several providers share, and the opt-in MX lookup for unknown domains: their code loads only when needed.
  part('shared').hidden = found?.kind !== 'shared';
  if (found?.kind === 'shared') void import('./mx-lookup.ts').then((m) => m.showChoices(box, found.domains, paths.base, part('choices')));
  box.querySelector<HTMLElement>('[data-mx-admin]')?.setAttribute('hidden', '');
  const mx = box.querySelector<HTMLButtonElement>('[data-mx-button]');
  if (mx && found?.kind === 'unknown') {
    box.querySelector('[data-mx-result]')!.replaceChildren();
    mx.onclick = () => import('./mx-lookup.ts').then((m) => m.lookUpMx(box, found.domain, paths.base));
  }
}

/** Handles one submit of the home page's lookup form (wired by src/browser/lookup-form.ts). */
export async function submitLookup(form: HTMLFormElement): Promise<void> {
  const box = form.parentElement!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  const found = await lookup(input.value).catch(() => ({ kind: 'failed' }) as const);
  if (found.kind === 'known' || found.kind === 'host') return location.assign(providerHref(form.dataset.base!, found.domain, input.value));
  showLookup(box, found, { base: form.dataset.base!, search: form.dataset.search! }, input.value);
  input.setAttribute('aria-invalid', String(found.kind === 'invalid'));
}
