import { describe, expect, it } from 'vitest';
import { dnsProviders } from '../../../src/lib/rules/dns-providers.ts';
import { checkAll, dnsFile, FILES, provider } from './fixtures.ts';

describe('dns-providers: DNS records belong to a provider', () => {
  const dns = [{ file: FILES.dns, data: dnsFile() }];

  it('passes when the provider exists', () => {
    expect(checkAll(dnsProviders, { providers: [{ file: FILES.provider, data: provider() }], dns }).problems).toEqual([]);
  });

  it('refuses records for no provider, unless a provider file failed to load (then that is the problem)', () => {
    expect(checkAll(dnsProviders, { dns }).problems).toEqual([`${FILES.dns}: provider = "mail.example": is not the domain of any provider in src/data/providers`]);
    expect(checkAll(dnsProviders, { dns, complete: false }).problems).toEqual([]);
  });
});
