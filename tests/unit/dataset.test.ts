// The shipped dataset and guide prose agree with each other. That each guide has exactly its client's
// steps, in order, is a data check (src/lib/rules/guides.ts), run on the shipped files by load-dataset.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { providers, clients } from '../../src/lib/dataset.ts';
import { LOCALES } from '../../src/data/schema.ts';
import { gradeOf } from '../../src/lib/evidence.ts';

describe('the dataset', () => {
  const netease = providers.filter((p) => p.operator?.en === 'NetEase');

  it('has the NetEase providers of research/netease-sources.md (and may grow)', () => {
    expect(netease.map((p) => p.domain)).toEqual(expect.arrayContaining(['126.com', '163.com', '188.com', 'qiye.163.com', 'vip.126.com', 'vip.163.com', 'yeah.net']));
  });

  it('never lists port 587 for NetEase without a NetEase source (none was read)', () => {
    for (const p of netease) expect(p.servers.smtp.map((s) => s.port)).not.toContain(587);
  });

  it('grades a server confirmed only where an official page we read is quoted with its host and port', () => {
    for (const p of providers) {
      for (const s of Object.values(p.servers).flat()) {
        const quoted = s.sources.filter((id) => p.sources.find((x) => x.id === id)?.kind === 'official' && s.quotes?.[id]);
        const states = quoted.some((id) => s.quotes![id]!.toLowerCase().includes(s.host) && new RegExp(`(^|\\D)${s.port}(\\D|$)`).test(s.quotes![id]!));
        expect(gradeOf(s, p.sources) === 'confirmed', `${p.domain} ${s.host}:${s.port}`).toBe(states);
      }
    }
  });

  it('grades NetEase’s main servers corroborated: NetEase’s table, quoted elsewhere, and ISPDB agree', () => {
    const p = providers.find((p) => p.domain === '163.com')!;
    const imap993 = p.servers.imap.find((s) => s.port === 993)!;
    expect(gradeOf(imap993, p.sources)).toBe('corroborated');
  });

  it('contains no IP address anywhere', () => {
    const text = JSON.stringify(providers) + JSON.stringify(clients);
    expect(text.match(/(^|[^\d.])(\d{1,3}\.){3}\d{1,3}(?![\d.])/g)).toBeNull();
  });
});

describe('guide prose', () => {
  for (const client of clients) {
    for (const locale of LOCALES) {
      it(`src/guides/${client.id}/${locale}.mdx types no port number or hostname into prose`, () => {
        const mdx = readFileSync(`src/guides/${client.id}/${locale}.mdx`, 'utf8').replace(/<V [^>]*\/>/g, '');
        expect(mdx).not.toMatch(/\b(25|110|143|465|587|993|994|995)\b/);
        expect(mdx).not.toMatch(/\b(imap|pop3?|smtp)\.[a-z0-9-]+\.[a-z]/i);
      });
    }
  }
});
