// The address lookup's map: every mail domain and server hostname we know → its provider.
import type { APIRoute } from 'astro';
import { providers } from '../data/index.ts';
import { allServers } from '../lib/servers.ts';
import type { LookupMap } from '../lib/lookup.ts';

export const GET: APIRoute = () => {
  const map: LookupMap = {
    domains: Object.fromEntries(providers.flatMap((p) => [p.domain, ...p.otherDomains].map((d) => [d, p.domain]))),
    hosts: Object.fromEntries(providers.flatMap((p) => allServers(p).map((s) => [s.host, p.domain]))),
  };
  return new Response(JSON.stringify(map), { headers: { 'Content-Type': 'application/json' } });
};
