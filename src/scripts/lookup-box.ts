// The address lookup form: a known address or server goes to its provider; anything else gets an answer on the page.
import { lookup, type Lookup } from '../lib/lookup.ts';

/** Shows the one answer that fits (null hides them all). */
export function showLookup(box: HTMLElement, found: Lookup | null, paths: { base: string; search: string }): void {
  const part = (name: string) => box.querySelector<HTMLElement>(`[data-lookup-${name}]`)!;
  for (const kind of ['known', 'invalid', 'unknown']) part(kind).hidden = found?.kind !== kind;
  if (found && found.kind !== 'invalid') {
    for (const d of box.querySelectorAll('[data-lookup-domain]')) d.textContent = found.domain;
    part('link').setAttribute('href', `${paths.base}${found.domain}/`);
    part('search').setAttribute('href', `${paths.search}?q=${encodeURIComponent(found.domain)}`);
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-lookup-form]')) {
  const box = form.parentElement!;
  const input = form.querySelector<HTMLInputElement>('input')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const found = await lookup(input.value);
    if (found.kind === 'known' || found.kind === 'host') return location.assign(`${form.dataset.base}${found.domain}/`);
    showLookup(box, found, { base: form.dataset.base!, search: form.dataset.search! });
    input.setAttribute('aria-invalid', String(found.kind === 'invalid'));
  });
}
