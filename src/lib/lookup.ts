// Address lookup: what the user typed → which provider page, decided from a small
// map built from the dataset, in shards (src/pages/lookup/[shard].json.ts).
import { isHostname } from './hostname.ts';
import type { MxPatterns } from './dns-check.ts';
import { bareDomain, bareName, normalizeAddress } from './address.ts';

// The page an address leads to, for the scripts that load this module on use.
export { providerHref } from './address.ts';

export interface LookupMap {
  /** Mail domain (primary or other) → primary domain. */
  domains: Record<string, string>;
  /** Server hostname → primary domain of the provider that runs it. */
  hosts: Record<string, string>;
  /** Server hostname → every provider that uses it, for servers shared by several (imap.gmail.com). */
  shared?: Record<string, string[]>;
}
/** What answers beyond one domain need (src/pages/lookup/providers.json.ts), fetched only for them. */
export interface ProviderIndex {
  /** [MX pattern, provider domain] pairs from src/data/dns, for the opt-in MX lookup. */
  mx: MxPatterns;
  /** Provider domain → its short name in each locale, in LOCALES order, for answers that list providers. */
  names: Record<string, string[]>;
}
export type Lookup =
  | { kind: 'invalid' }
  | { kind: 'known'; domain: string }
  | { kind: 'host'; domain: string }
  | { kind: 'shared'; domain: string; domains: string[] }
  | { kind: 'unknown'; domain: string };

// The part before the @: ASCII as RFC 5322 allows, or any letters and digits (RFC 6531: 用户@例子.中国).
const LOCAL = /^[\p{L}\p{N}\p{M}.!#$%&'*+/=?^_`{|}~-]+$/u;

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
  const bareHost = !normalizeAddress(input).includes('@');
  if (bareHost && map.shared?.[domain]) return { kind: 'shared', domain, domains: map.shared[domain] };
  if (bareHost && map.hosts[domain]) return { kind: 'host', domain: map.hosts[domain] };
  return { kind: 'unknown', domain };
}

/**
 * Whether a search query is worth a lookup answer: an address, or something shaped like a domain.
 * Text with spaces is a pasted reply (“Unsafe Login. Please contact kefu@188.com for help”), searched
 * as one, even when it holds an address.
 */
export function looksLikeAddress(q: string): boolean {
  const text = normalizeAddress(q);
  return !/\s/.test(text) && (text.includes('@') || isHostname(text));
}

/** Which file of the lookup map holds a name: its first character (src/pages/lookup/[shard].json.ts). */
export const shardOf = (name: string) => name.charAt(0);

/** A fetch made once per page, only when needed; a failed one is tried again next time. */
function once<T>(cache: Map<string, Promise<T>>, url: string, missing?: T): Promise<T> {
  let got = cache.get(url);
  if (!got) {
    got = fetch(url).then((r) => (r.status === 404 && missing ? missing : r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
    cache.set(url, got);
    got.catch(() => {
      if (cache.get(url) === got) cache.delete(url);
    });
  }
  return got;
}

const shards = new Map<string, Promise<LookupMap>>();
/** Looks the input up in the one shard its domain falls in. */
export function lookup(input: string): Promise<Lookup> {
  // A bare provider name (`163`, `qq`) is found in the shard of its first character, as its domains are.
  const name = parseAddress(input)?.domain ?? bareName(input);
  if (!name) return Promise.resolve({ kind: 'invalid' });
  // No shard for a first character no name has: that is an answer (unknown), not a failure.
  return once(shards, `/lookup/${shardOf(name)}.json`, { domains: {}, hosts: {} }).then((map) => resolve(input, map));
}

const providerIndex = new Map<string, Promise<ProviderIndex>>();
/** MX patterns and every provider's name, for the opt-in MX lookup and the choice between shared servers. */
export const lookupProviders = () => once(providerIndex, '/lookup/providers.json');
