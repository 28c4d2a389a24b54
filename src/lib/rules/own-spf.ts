// Our own records must pass our own record checker (src/lib/dns-check.ts): no include=, no +all,
// one SPF record; else the DNS page would tell an admin to copy what it then calls wrong.
import type { DnsRecords } from '../../data/schema.ts';
import { checkRecords, expectedFrom } from '../dns-check.ts';
import type { FileRule } from './rule.ts';

export const ownSpf: FileRule<DnsRecords> = (d, add) => {
  const expected = expectedFrom(d);
  d.records.forEach((r, i) => {
    if (r.purpose !== 'spf') return;
    const bad = checkRecords({ mx: [], txt: [r.value], dmarc: [] }, expected).filter((f) => f.id.startsWith('spf-') && f.level === 'error');
    if (bad.length) add(['records', i, 'value'], r.value, `fails the record checker (${bad.map((f) => f.id).join(', ')})`);
  });
};
