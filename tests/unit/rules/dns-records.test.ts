import { describe, expect, it } from 'vitest';
import { dnsRecords } from '../../../src/lib/rules/dns-records.ts';
import { check, dnsFile, FILES } from './fixtures.ts';

const ctx = { file: FILES.dns };

describe('dns-records: each record in the form its purpose needs', () => {
  it('passes the fixture', () => expect(check(dnsRecords, dnsFile(), ctx)).toEqual([]));

  it('refuses a priority on a TXT record and an MX record without one', () => {
    const d = dnsFile();
    d.records[1]!.priority = 5;
    delete d.records[0]!.priority;
    expect(check(dnsRecords, d, ctx)).toEqual([`${FILES.dns}: records[0].priority = (missing): an MX record needs a priority`, `${FILES.dns}: records[1].priority = 5: only an MX record has a priority`]);
  });

  it('refuses an SPF or DMARC record of the wrong form', () => {
    const d = dnsFile();
    d.records[1]!.value = 'spf1 include:spf.mail.example';
    d.records[2]!.name = '@';
    expect(check(dnsRecords, d, ctx)).toEqual([
      `${FILES.dns}: records[1].value = "spf1 include:spf.mail.example": an SPF record starts with "v=spf1 "`,
      `${FILES.dns}: records[2].value = "v=DMARC1; p=none": a DMARC record is a TXT record at _dmarc starting with "v=DMARC1;"`,
    ]);
  });
});
