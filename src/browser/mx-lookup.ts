// The lookup's answers that need more than the map: a choice between the providers that share a
// server, and the opt-in MX lookup for a domain we do not know, which asks the chosen public DNS
// resolver (src/lib/doh.ts) and matches the answer against the providers' MX patterns (src/data/dns).
// Loaded only when one of these is needed; the resolver is asked only after the click.
import { providersForMx } from '../lib/dns-check.ts';
import { failureMessage, queryMx, resolverById, type DnsFailure } from '../lib/doh.ts';
import { lookupProviders, providerHref } from '../lib/lookup.ts';
import { normalizeAddress } from '../lib/address.ts';
import { HTML_LANG, LOCALES } from '../data/locales.ts';

interface Messages {
  checking: string;
  going: string;
  choose: string;
  noMatch: string;
  empty: string;
  hosted: string;
  forUsers: string;
  forAdmin: string;
  failed: Record<DnsFailure, string>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The page's locale as an index into LOCALES, for the names in /lookup/providers.json. */
const pageLocale = () => Math.max(0, LOCALES.findIndex((l) => HTML_LANG[l] === document.documentElement.lang));

/** What the visitor typed: an address travels on to the provider page as ?address= (providerHref). */
const typedAddress = (box: HTMLElement) => box.querySelector<HTMLInputElement>('input[name=q]')?.value ?? '';

/** Fills `list` with one link per provider, by name in the page's language. */
export async function showChoices(box: HTMLElement, domains: string[], base: string, list: HTMLElement): Promise<void> {
  const names = (await lookupProviders().catch(() => null))?.names ?? {};
  const address = typedAddress(box);
  list.replaceChildren(
    ...domains.map((d) => {
      const a = el('a', names[d]?.[pageLocale()] ?? d);
      a.href = providerHref(base, d, address);
      const li = el('li');
      li.append(a);
      return li;
    }),
  );
}

let running = 0;

export async function lookUpMx(box: HTMLElement, domain: string, base: string): Promise<void> {
  const panel = box.querySelector<HTMLElement>('[data-mx]')!;
  const result = panel.querySelector<HTMLElement>('[data-mx-result]')!;
  const admin = panel.querySelector<HTMLElement>('[data-mx-admin]')!;
  const messages = JSON.parse(panel.dataset.messages!) as Messages;
  const resolver = resolverById(panel.querySelector<HTMLInputElement>('input[name=mx-resolver]:checked')?.value ?? '');
  const mine = ++running;
  admin.hidden = true;
  result.replaceChildren(el('p', messages.checking));
  let mx;
  let map;
  try {
    [mx, map] = await Promise.all([queryMx(resolver, domain), lookupProviders()]);
  } catch (e) {
    if (mine === running) result.replaceChildren(el('p', failureMessage(messages.failed, resolver, e)));
    return;
  }
  if (mine !== running) return;
  if (!mx.length) return result.replaceChildren(el('p', messages.empty));
  const providers = providersForMx(mx, map.mx);
  const address = typedAddress(box);
  if (providers.length === 1) {
    const provider = providers[0]!;
    const name = map.names[provider]?.[pageLocale()] ?? provider;
    // A bare domain is typed by its administrator as often as by its users: offer both pages (the
    // MX patterns come from src/data/dns, so the provider has a DNS page).
    if (!normalizeAddress(address).includes('@')) {
      const links = [
        [messages.forUsers, providerHref(base, provider, '')],
        [messages.forAdmin, `${base}${provider}/dns/`],
      ].map(([text, href]) => {
        const a = el('a', text!.replace('{p}', name));
        a.href = href!;
        const li = el('li');
        li.append(a);
        return li;
      });
      const list = el('ul');
      list.append(...links);
      return result.replaceChildren(el('p', `${messages.hosted} ${name}`), list);
    }
    result.replaceChildren(el('p', `${messages.going} ${name}`));
    return location.assign(providerHref(base, provider, address));
  }
  if (providers.length > 1) {
    const list = el('ul');
    result.replaceChildren(el('p', messages.choose), list);
    return showChoices(box, providers, base, list);
  }
  const hosts = el('pre', mx.map((m) => `${m.priority} ${m.host}`).join('\n'));
  result.replaceChildren(el('p', messages.noMatch), hosts);
  admin.hidden = false;
}
