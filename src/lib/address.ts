// What people type or paste as an address, made plain before the lookup reads it, and the
// `?address=` that provider pages and guides carry. Pure: used by the browser and by tests.
import { isHostname } from './hostname.ts';

/**
 * Full-width forms from Chinese input methods (ｚｈａｎｇ＠１６３．ｃｏｍ, the ideographic full stop 。),
 * surrounding spaces, upper case, a trailing dot and Unicode domain names (中国.cn → xn--fiqs8s.cn)
 * become the plain ASCII form the dataset uses. What cannot be read is returned trimmed, for the
 * lookup to reject with its own message.
 */
export function normalizeAddress(input: string): string {
  const { local, domain } = plain(input);
  // Only a Unicode domain goes through the URL parser: it would read `163` as the IP address 0.0.0.163.
  if (!/[^\x00-\x7f]/.test(domain) || /[\s/?#:@\\]/.test(domain)) return local + domain;
  try {
    // The URL parser applies IDNA (UTS #46), in Node and in every browser, so no punycode library is needed.
    return local + new URL(`http://${domain}/`).hostname;
  } catch {
    return local + domain;
  }
}

/** What was typed, folded (full-width forms, 。, case, spaces, trailing dots) but not yet IDNA-encoded: the local part with its @, and the domain. */
function plain(input: string): { local: string; domain: string } {
  const text = input.normalize('NFKC').replace(/[。｡]/g, '.').trim().toLowerCase();
  const at = text.lastIndexOf('@');
  return { local: at >= 0 ? text.slice(0, at + 1) : '', domain: text.slice(at + 1).replace(/\.+$/, '') };
}

/** The domain as it was typed (例子.中国) when its ASCII form is `domain` (xn--fsqu00a.xn--fiqs8s): what a page shows; else `domain`. */
export function typedDomain(input: string, domain: string): string {
  const typed = plain(input).domain;
  return typed !== domain && normalizeAddress(typed) === domain ? typed : domain;
}

/** What was typed, when it is a bare name or number (`163`, `qq`) rather than an address or domain. */
export function bareName(input: string): string | null {
  const name = normalizeAddress(input);
  return /^[a-z0-9-]+$/.test(name) ? name : null;
}

/**
 * A bare provider name or number (`163`, `qq`) → the mail domain it names: the primary domain
 * whose first label it is, else any domain (an other domain) whose first label it is.
 */
export function bareDomain(input: string, domains: Record<string, string>): string | undefined {
  const name = bareName(input);
  if (!name) return undefined;
  const named = Object.keys(domains).filter((d) => d.split('.')[0] === name);
  const primary = named.find((d) => domains[d] === d) ?? named[0];
  return primary && domains[primary];
}

/**
 * The address a page was given in `?address=`, if it is one for one of `domains`; `'any'` for a
 * provider that hosts company domains (it has DNS records in src/data/dns), where any domain is.
 */
export function pageAddress(search: string, domains: readonly string[] | 'any'): string | null {
  const raw = new URLSearchParams(search).get('address');
  if (!raw) return null;
  const address = normalizeAddress(raw);
  const at = address.lastIndexOf('@');
  // 64: the longest local part SMTP carries (RFC 5321 §4.5.3.1.1); letters of any script (RFC 6531).
  if (at < 1 || at > 64 || !/^[\p{L}\p{N}\p{M}.!#$%&'*+/=?^_`{|}~-]+$/u.test(address.slice(0, at))) return null;
  const domain = address.slice(at + 1);
  return (domains === 'any' ? isHostname(domain) : domains.includes(domain)) ? address : null;
}

/** `href` with `?address=` set, its anchor kept after it. */
export function withAddress(href: string, address: string): string {
  const [rest, hash] = href.split('#', 2) as [string, string | undefined];
  const [path, query] = rest.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  params.set('address', address);
  return `${path}?${params.toString().replace('%40', '@')}${hash === undefined ? '' : `#${hash}`}`;
}

/** The provider page the lookup sends to, carrying what was typed when it is an address. */
export function providerHref(base: string, domain: string, typed: string): string {
  const address = normalizeAddress(typed);
  return address.includes('@') ? withAddress(`${base}${domain}/`, address) : `${base}${domain}/`;
}
