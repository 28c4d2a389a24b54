// Address lookup: what the user typed → which provider page, decided from a small
// map built from the dataset (src/pages/lookup.json.ts).
import { isHostname } from './hostname.ts';
import { bareDomain, normalizeAddress } from './address.ts';

// The page an address leads to, for the scripts that load this module on use.
export { providerHref } from './address.ts';

export interface LookupMap {
  /** Mail domain (primary or other) → primary domain. */
  domains: Record<string, string>;
  /** Server hostname → primary domain of the provider that runs it. */
  hosts: Record<string, string>;
}
export type Lookup =
  | { kind: 'invalid' }
  | { kind: 'known'; domain: string }
  | { kind: 'host'; domain: string }
  | { kind: 'unknown'; domain: string };

const LOCAL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/i;

/** Reads an address or a bare domain; anything else is invalid. */
export function parseAddress(input: string): { domain: string } | null {
  const text = normalizeAddress(input);
  const at = text.lastIndexOf('@');
  const local = at >= 0 ? text.slice(0, at) : null;
  const domain = at >= 0 ? text.slice(at + 1) : text;
  if (local !== null && (!local || !LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))) return null;
  return isHostname(domain) ? { domain } : null;
}

export function resolve(input: string, map: LookupMap): Lookup {
  const bare = bareDomain(input, map.domains);
  if (bare) return { kind: 'known', domain: bare };
  const parsed = parseAddress(input);
  if (!parsed) return { kind: 'invalid' };
  const { domain } = parsed;
  if (map.domains[domain]) return { kind: 'known', domain: map.domains[domain] };
  if (!normalizeAddress(input).includes('@') && map.hosts[domain]) return { kind: 'host', domain: map.hosts[domain] };
  return { kind: 'unknown', domain };
}

/** Whether a search query is worth a lookup answer: an address, or something shaped like a domain. */
export const looksLikeAddress = (q: string) => normalizeAddress(q).includes('@') || isHostname(normalizeAddress(q));

let cached: Promise<LookupMap> | undefined;
/** Fetches the map once per page, only when someone looks something up; a failed fetch is tried again next time. */
export function lookup(input: string): Promise<Lookup> {
  const map = (cached ??= fetch('/lookup.json').then((r) => (r.ok ? (r.json() as Promise<LookupMap>) : Promise.reject(new Error(`/lookup.json: HTTP ${r.status}`)))));
  map.catch(() => {
    if (cached === map) cached = undefined;
  });
  return map.then((m) => resolve(input, m));
}
