import { describe, expect, it } from 'vitest';
import { sourceIds } from '../../../src/lib/rules/source-ids.ts';
import { check, dnsFile, FILES, provider } from './fixtures.ts';

describe('source-ids: one id, one source', () => {
  it('passes distinct ids', () => expect(check(sourceIds, provider())).toEqual([]));

  it('refuses an id used twice, naming the second', () => {
    const d = dnsFile();
    d.sources.push({ ...d.sources[0]!, url: 'https://mail.example/other' });
    expect(check(sourceIds, d, { file: FILES.dns })).toEqual([`${FILES.dns}: sources[1].id = "help": is used by another source of this file`]);
  });
});
