import { describe, expect, it } from 'vitest';
import { noGrade } from '../../../src/lib/rules/no-grade.ts';
import { check, dnsFile, FILES, provider } from './fixtures.ts';

describe('no-grade: grades are computed, never written', () => {
  it('passes facts without one', () => expect(check(noGrade, provider())).toEqual([]));

  it('refuses a typed grade on a server and on a DNS record', () => {
    const p = provider() as any;
    p.servers.imap[0].grade = 'confirmed';
    expect(check(noGrade, p)).toEqual([`${FILES.provider}: servers.imap[0].grade = "confirmed": is computed from the kinds of the sources (src/lib/evidence.ts), never written in a file; delete this key`]);
    const d = dnsFile() as any;
    d.records[1].grade = 'confirmed';
    expect(check(noGrade, d, { file: FILES.dns })[0]).toMatch(/^src\/data\/dns\/mail\.example\.json: records\[1\]\.grade = "confirmed"/);
  });

  it('leaves a label key named "grade" alone: it is not a fact', () => {
    expect(check(noGrade, { labels: { grade: { en: { text: 'Grade' } } } })).toEqual([]);
  });
});
