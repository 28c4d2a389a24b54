import { describe, expect, it } from 'vitest';
import { domainOwners } from '../../../src/lib/rules/domain-owners.ts';
import { checkAll, FILES, provider } from './fixtures.ts';

describe('domain-owners: each domain belongs to one provider', () => {
  it('passes distinct domains', () => {
    expect(checkAll(domainOwners, { providers: [{ file: FILES.provider, data: provider() }] }).problems).toEqual([]);
  });

  it('names the second file that claims a domain', () => {
    const other = { ...provider(), domain: 'other.example', otherDomains: ['mail2.example'] };
    const { problems } = checkAll(domainOwners, { providers: [{ file: FILES.provider, data: provider() }, { file: 'src/data/providers/other.example.json', data: other }] });
    expect(problems).toEqual([`src/data/providers/other.example.json: otherDomains[0] = "mail2.example": is already claimed by ${FILES.provider}`]);
  });
});
