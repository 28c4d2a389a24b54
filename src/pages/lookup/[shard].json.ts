// The address lookup's map, split by the first character of each name, so a lookup fetches
// only the shard its domain falls in (/lookup/g.json for gmail.com) however many providers we know.
import type { APIRoute, GetStaticPaths } from 'astro';
import { providers } from '../../lib/dataset.ts';
import { domainsOf } from '../../lib/domains.ts';
import { allServers } from '../../lib/servers.ts';
import { shardOf, type LookupMap } from '../../lib/lookup.ts';

const domains = providers.flatMap((p) => domainsOf(p).map((d) => [d, p.domain] as const));
const hosts = providers.flatMap((p) => allServers(p).map((s) => [s.host, p.domain] as const));
// A server several providers use (imap.gmail.com for Gmail and Google Workspace): the lookup asks which.
const users = new Map<string, string[]>();
for (const [host, domain] of hosts) if (!users.get(host)?.includes(domain)) users.set(host, [...(users.get(host) ?? []), domain]);
const shared = [...users].filter(([, ds]) => ds.length > 1);

export const getStaticPaths = (() =>
  [...new Set([...domains, ...hosts].map(([name]) => shardOf(name)))].sort().map((shard) => ({ params: { shard } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const mine = ([name]: readonly [string, unknown]) => shardOf(name) === params.shard;
  const map: LookupMap = { domains: Object.fromEntries(domains.filter(mine)), hosts: Object.fromEntries(hosts.filter(mine)), shared: Object.fromEntries(shared.filter(mine)) };
  return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json' } });
};
