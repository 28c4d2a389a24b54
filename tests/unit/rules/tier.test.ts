import { describe, expect, it } from 'vitest';
import { tier } from '../../../src/lib/rules/tier.ts';
import { IMPORTED_PRIORITY } from '../../../src/lib/merge.ts';
import { check, FILES, provider } from './fixtures.ts';

describe('tier: curated or imported comes from the folder', () => {
  it('passes a curated provider before the imported ones, and an imported one after', () => {
    expect(check(tier, provider(), { tier: 'curated' })).toEqual([]);
    expect(check(tier, { ...provider(), priority: IMPORTED_PRIORITY }, { tier: 'imported', file: FILES.imported })).toEqual([]);
  });

  it('refuses a curated provider numbered like an imported one', () => {
    expect(check(tier, { ...provider(), priority: 1500 }, { tier: 'curated' })).toEqual([
      `${FILES.provider}: priority = 1500: is in the imported providers' range (${IMPORTED_PRIORITY} and up); a curated provider's priority is below ${IMPORTED_PRIORITY}, so lists show it before them`,
    ]);
  });

  it('refuses an imported provider numbered like a curated one', () => {
    expect(check(tier, provider(), { tier: 'imported', file: FILES.imported })).toEqual([`${FILES.imported}: priority = 10: is in the curated providers' range; an imported provider's priority is ${IMPORTED_PRIORITY} or more`]);
  });

  it('refuses a tier written in the file', () => {
    expect(check(tier, { ...provider(), tier: 'curated' })[0]).toMatch(/^src\/data\/providers\/mail\.example\.json: tier = "curated": is set from the folder/);
  });
});
