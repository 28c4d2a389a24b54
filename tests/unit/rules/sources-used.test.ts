import { describe, expect, it } from 'vitest';
import { sourcesUsed } from '../../../src/lib/rules/sources-used.ts';
import { check, errorFile, FILES } from './fixtures.ts';

describe('sources-used: an error file lists only sources it cites', () => {
  it('passes the fixture', () => expect(check(sourcesUsed, errorFile(), { file: FILES.errors })).toEqual([]));

  it('refuses a source nobody cites', () => {
    const e = errorFile();
    e.sources.push({ ...e.sources[0]!, id: 'spare' });
    expect(check(sourcesUsed, e, { file: FILES.errors })).toEqual([`${FILES.errors}: sources[1].id = "spare": is not cited by any error in this file`]);
  });
});
