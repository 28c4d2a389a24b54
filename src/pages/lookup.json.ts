// The address lookup's map: every mail domain and server hostname we know → its provider.
import type { APIRoute } from 'astro';
import { providers } from '../data/index.ts';
import { allServers } from '../lib/servers.ts';
import type { LookupMap } from '../lib/lookup.ts';
import { dnsRecords } from '../data/index.ts';
import { mxPatternsOf } from '../lib/dns-check.ts';

// A server several providers use (imap.gmail.com for Gmail and Google Workspace): the lookup asks which.
const users = new Map<string, string[]>();
for (const p of providers) for (const s of allServers(p)) if (!users.get(s.host)?.includes(p.domain)) users.set(s.host, [...(users.get(s.host) ?? []), p.domain]);

export const GET: APIRoute = () => {
  const map: LookupMap = {
    domains: Object.fromEntries(providers.flatMap((p) => [p.domain, ...p.otherDomains].map((d) => [d, p.domain]))),
    hosts: Object.fromEntries(providers.flatMap((p) => allServers(p).map((s) => [s.host, p.domain]))),
    shared: Object.fromEntries([...users].filter(([, domains]) => domains.length > 1)),
    mx: mxPatternsOf(dnsRecords),
    names: Object.fromEntries(providers.map((p) => [p.domain, [p.shortName['zh-cn'], p.shortName.en]])),
  };
  return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json' } });
};
