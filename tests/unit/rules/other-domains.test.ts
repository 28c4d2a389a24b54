import { describe, expect, it } from 'vitest';
import { otherDomains } from '../../../src/lib/rules/other-domains.ts';
import { check, FILES, provider } from './fixtures.ts';

describe('other-domains: the primary domain is not repeated', () => {
  it('passes the fixture', () => expect(check(otherDomains, provider())).toEqual([]));

  it('refuses the primary domain among the others', () => {
    const p = provider();
    p.otherDomains.push(p.domain);
    expect(check(otherDomains, p)).toEqual([`${FILES.provider}: otherDomains = "mail.example": repeats the primary domain`]);
  });
});
