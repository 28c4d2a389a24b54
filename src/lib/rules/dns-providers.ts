// DNS records are shown on their provider's page: a file for no provider would be a page of nothing.
import type { DatasetRule } from './rule.ts';

export const dnsProviders: DatasetRule = ({ providers, dns, complete }, at) => {
  if (!complete) return;
  const known = new Set(providers.map(({ data: p }) => p.domain));
  for (const { file, data: d } of dns) if (!known.has(d.provider)) at(file)(['provider'], d.provider, 'is not the domain of any provider in src/data/providers');
};
