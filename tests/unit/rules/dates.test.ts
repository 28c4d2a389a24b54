import { describe, expect, it } from 'vitest';
import { dates } from '../../../src/lib/rules/dates.ts';
import { check, everyKind, NOW, provider } from './fixtures.ts';

describe('dates: nothing checked in the future', () => {
  it('a date that is already today somewhere on Earth passes', () => {
    // 06:00 UTC on 28 November is already 14:00 in Beijing and 20:00 in Kiribati.
    const p = provider();
    p.verified = '2026-11-28';
    expect(check(dates, p, { now: NOW })).toEqual([]);
  });

  it('refuses a future date on every file kind', () => {
    const why = 'is in the future (today is 2026-11-28): write the day the check was done';
    for (const [file, data] of everyKind()) {
      data.verified = '2031-01-01';
      data.sources[0]!.checked = '2027-01-01';
      expect(check(dates, data, { file })).toEqual([`${file}: verified = "2031-01-01": ${why}`, `${file}: sources[0].checked = "2027-01-01": ${why}`]);
    }
  });
});
