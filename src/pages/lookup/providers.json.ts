// What lookup answers beyond one domain need, fetched only for them: the MX patterns of the
// business providers (the opt-in MX lookup) and every provider's short name (choices between providers).
import type { APIRoute } from 'astro';
import { dnsRecords, providers } from '../../lib/dataset.ts';
import { mxPatternsOf } from '../../lib/dns-check.ts';
import type { ProviderIndex } from '../../lib/lookup.ts';
import { LOCALES } from '../../data/locales.ts';

export const GET: APIRoute = () => {
  const index: ProviderIndex = {
    mx: mxPatternsOf(dnsRecords),
    names: Object.fromEntries(providers.map((p) => [p.domain, LOCALES.map((l) => p.shortName[l])])),
  };
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
