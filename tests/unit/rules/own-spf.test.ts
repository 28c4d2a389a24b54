import { describe, expect, it } from 'vitest';
import { ownSpf } from '../../../src/lib/rules/own-spf.ts';
import { check, dnsFile, FILES } from './fixtures.ts';

describe('own-spf: our SPF passes our own record checker', () => {
  it('passes the fixture', () => expect(check(ownSpf, dnsFile(), { file: FILES.dns })).toEqual([]));

  it('refuses include= and +all', () => {
    const d = dnsFile();
    d.records[1]!.value = 'v=spf1 include=spf.mail.example +all';
    expect(check(ownSpf, d, { file: FILES.dns })[0]).toMatch(/^src\/data\/dns\/mail\.example\.json: records\[1\]\.value = "v=spf1 include=spf\.mail\.example \+all": fails the record checker \(spf-include-equals, .*spf-plus-all\)/);
  });
});
