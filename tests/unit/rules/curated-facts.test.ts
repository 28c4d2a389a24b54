import { describe, expect, it } from 'vitest';
import { curatedFacts } from '../../../src/lib/rules/curated-facts.ts';
import { check, FILES, provider } from './fixtures.ts';

describe('curated-facts: a curated provider states its password rule and access', () => {
  it('passes the fixture', () => expect(check(curatedFacts, provider())).toEqual([]));

  it('refuses a curated file without them', () => {
    const p = provider();
    delete p.password;
    delete p.access!.how;
    expect(check(curatedFacts, p)).toEqual([
      `${FILES.provider}: password = (missing): a curated provider says which password mail apps need (kind, name, how)`,
      `${FILES.provider}: access.how = (missing): a curated provider says how access is switched on, in both languages`,
    ]);
  });

  it('lets an imported file leave them unknown', () => {
    const p = provider();
    delete p.password;
    delete p.access;
    expect(check(curatedFacts, p, { tier: 'imported', file: FILES.imported })).toEqual([]);
  });
});
