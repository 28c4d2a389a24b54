// MX patterns ship to browsers and run on whatever a resolver answers: each `*` stands for part of
// one label, at most one per label, so matching is a prefix and suffix test per label
// (src/lib/dns-check.ts) and takes time in proportion to the host, whatever the pattern.
import type { DnsRecords } from '../../data/schema.ts';
import { matchesPattern, placeholderHost } from '../dns-check.ts';
import type { FileRule } from './rule.ts';

export const mxPatterns: FileRule<DnsRecords> = (d, add) => {
  d.mxPatterns.forEach((p, i) => {
    const label = p.pattern.split('.').find((l) => l.indexOf('*') !== l.lastIndexOf('*'));
    if (label) add(['mxPatterns', i, 'pattern'], p.pattern, `has more than one * in the label "${label}"; a * stands for part of one label, once per label`);
  });
  d.records.forEach((r, i) => {
    if (r.type === 'MX' && !d.mxPatterns.some((p) => matchesPattern(placeholderHost(r.value), p.pattern)))
      add(['records', i, 'value'], r.value, 'matches none of mxPatterns, so the lookup would not recognise a domain set up this way');
  });
};
