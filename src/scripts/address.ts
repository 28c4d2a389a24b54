// `?address=` on a provider page or guide: the page shows that address wherever it showed the
// example, and links to the same provider's pages carry it on. Nothing is sent anywhere.
import { pageAddress, withAddress } from '../lib/address.ts';

export function apply(root: HTMLElement): void {
  const address = pageAddress(location.search, JSON.parse(root.dataset.domains!) as string[]);
  if (!address) return;
  const local = address.slice(0, address.lastIndexOf('@'));
  for (const el of document.querySelectorAll<HTMLElement>('[data-address]')) el.textContent = address;
  for (const el of document.querySelectorAll<HTMLElement>('[data-username]')) el.textContent = el.dataset.username === 'localpart' ? local : address;
  const input = document.querySelector<HTMLInputElement>('#profile-address');
  if (input && !input.value) input.value = address;
  const samePages = new RegExp(`^/[^/]+/${root.dataset.domain!.replace(/\./g, '\\.')}/`);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
    const href = a.getAttribute('href')!;
    if (samePages.test(href)) a.setAttribute('href', withAddress(href, address));
  }
}
