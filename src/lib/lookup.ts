// Address lookup: what the user typed → which provider page, decided from a small
// map built from the dataset, in shards (src/pages/lookup/[shard].json.ts).
import { isHostname } from './hostname.ts';

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
  const text = input.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  const local = at >= 0 ? text.slice(0, at) : null;
  const domain = at >= 0 ? text.slice(at + 1) : text;
  if (local !== null && (!local || !LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))) return null;
  return isHostname(domain) ? { domain } : null;
}

export function resolve(input: string, map: LookupMap): Lookup {
  const parsed = parseAddress(input);
  if (!parsed) return { kind: 'invalid' };
  const { domain } = parsed;
  if (map.domains[domain]) return { kind: 'known', domain: map.domains[domain] };
  if (!input.includes('@') && map.hosts[domain]) return { kind: 'host', domain: map.hosts[domain] };
  return { kind: 'unknown', domain };
}

/** Whether a search query is worth a lookup answer: an address, or something shaped like a domain. */
export const looksLikeAddress = (q: string) => q.includes('@') || isHostname(q.trim().toLowerCase());

/** Which file of the lookup map holds a name: its first character (src/pages/lookup/[shard].json.ts). */
export const shardOf = (name: string) => name.charAt(0);

const cached = new Map<string, Promise<LookupMap>>();
/** Fetches the one shard the input's domain falls in, once per page, only when someone looks something up. */
export function lookup(input: string): Promise<Lookup> {
  const parsed = parseAddress(input);
  if (!parsed) return Promise.resolve({ kind: 'invalid' });
  const shard = shardOf(parsed.domain);
  if (!cached.has(shard)) {
    cached.set(shard, fetch(`/lookup/${shard}.json`).then((r) => (r.status === 404 ? { domains: {}, hosts: {} } : r.ok ? r.json() : Promise.reject(new Error(String(r.status))))));
  }
  return cached.get(shard)!.then((map) => resolve(input, map));
}
