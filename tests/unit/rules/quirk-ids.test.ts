import { describe, expect, it } from 'vitest';
import { quirkIds } from '../../../src/lib/rules/quirk-ids.ts';
import { check, FILES, provider } from './fixtures.ts';

describe('quirk-ids: one anchor per quirk', () => {
  it('passes distinct ids', () => expect(check(quirkIds, provider())).toEqual([]));

  it('refuses an id used twice', () => {
    const p = provider();
    p.quirks.push({ ...p.quirks[0]! });
    expect(check(quirkIds, p)).toEqual([`${FILES.provider}: quirks[1].id = "slow": is also the id of quirks[0]; each quirk needs its own`]);
  });
});
