// `?address=`, copy buttons, "copy link to this step", the ticket reply and the QR code; loaded by
// src/browser/phone.ts when the URL has an address or on the first click. Nothing is sent anywhere. Clipboard writes only (navigator.clipboard.writeText).
import { pageAddress, withAddress } from '../lib/address.ts';
import { ticketReply, type TicketText } from '../lib/ticket.ts';

async function copy(text: string, button: HTMLElement, root: HTMLElement): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-copy-status]')!;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    status.textContent = root.dataset.copyFailed!;
    return;
  }
  const label = button.textContent;
  button.textContent = `${root.dataset.copied!} ✓`;
  button.classList.add('done');
  // Emptied first, so the same message is announced again on a second copy.
  status.textContent = '';
  setTimeout(() => (status.textContent = root.dataset.copiedValue!.replace('{v}', text.split('\n')[0]!)), 50);
  setTimeout(() => {
    button.textContent = label;
    button.classList.remove('done');
  }, 2500);
}

/** The page's `?address=`, if it is an address at this provider (data-domains: its domains, or 'any'). */
const givenAddress = (root: HTMLElement) => pageAddress(location.search, JSON.parse(root.dataset.domains!) as string[] | 'any');

/** This page's address: origin, path and ?address= when given; `hash` optional. */
function pageUrl(root: HTMLElement, hash = ''): string {
  const address = givenAddress(root);
  return location.origin + (address ? withAddress(location.pathname, address) : location.pathname) + hash;
}

async function showQr(button: HTMLElement, root: HTMLElement): Promise<void> {
  const box = root.querySelector<HTMLElement>('#qr')!;
  const open = box.hidden;
  box.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (!open) return;
  // The QR code library loads only now, from this site; it draws in the browser.
  const { renderSVG } = await import('uqr');
  // The clean link, as the copy button and the ticket reply give it, with the step it points at:
  // other parameters can be long enough to overflow a QR code.
  const step = /^#step-[a-z0-9-]+$/.test(location.hash) && document.getElementById(location.hash.slice(1)) ? location.hash : '';
  const url = pageUrl(root, step);
  const img = document.createElement('img');
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(url, { border: 2, pixelSize: 6 }))}`;
  img.alt = root.dataset.qrAlt!.replace('{url}', url);
  img.width = img.height = 240;
  box.replaceChildren(img);
}

export function use(button: HTMLElement, root: HTMLElement): void {
  if (button.hasAttribute('data-copy')) {
    const step = button.dataset.step;
    void copy(step ? pageUrl(root, `#${step}`) : (button.previousElementSibling?.textContent ?? '').trim(), button, root);
  } else if (button.dataset.share === 'ticket') {
    const address = givenAddress(root);
    void copy(ticketReply(JSON.parse(root.dataset.ticket!) as TicketText, address, pageUrl(root)), button, root);
  } else if (button.dataset.share === 'qr') void showQr(button, root);
}

/** `?address=` on the page: shown wherever the example was, and carried on by links to the same provider. */
export function applyAddress(root: HTMLElement): void {
  const address = givenAddress(root);
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
