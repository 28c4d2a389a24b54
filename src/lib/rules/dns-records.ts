// Each record has the form its purpose needs, as a DNS console takes it.
import type { DnsRecords } from '../../data/schema.ts';
import type { FileRule } from './rule.ts';

export const dnsRecords: FileRule<DnsRecords> = (d, add) =>
  d.records.forEach((r, i) => {
    const path = ['records', i];
    if ((r.type === 'MX') !== (r.priority !== undefined)) add([...path, 'priority'], r.priority, r.type === 'MX' ? 'an MX record needs a priority' : 'only an MX record has a priority');
    if (r.purpose === 'mx' && r.type !== 'MX') add([...path, 'type'], r.type, 'a record for purpose "mx" must be of type MX');
    if (r.purpose === 'spf' && !r.value.startsWith('v=spf1 ')) add([...path, 'value'], r.value, 'an SPF record starts with "v=spf1 "');
    if (r.purpose === 'dmarc' && (r.name !== '_dmarc' || !r.value.startsWith('v=DMARC1;'))) add([...path, 'value'], r.value, 'a DMARC record is a TXT record at _dmarc starting with "v=DMARC1;"');
  });
