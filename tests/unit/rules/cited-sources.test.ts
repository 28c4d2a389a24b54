import { describe, expect, it } from 'vitest';
import { citedSources } from '../../../src/lib/rules/cited-sources.ts';
import { check, client, dnsFile, errorFile, FILES, provider } from './fixtures.ts';

const WHY = 'is not the id of a source listed in sources';

describe('cited-sources: every citation names a listed source', () => {
  it('passes the fixtures', () => {
    expect(check(citedSources, provider())).toEqual([]);
    expect(check(citedSources, dnsFile(), { file: FILES.dns })).toEqual([]);
  });

  it('refuses an unknown id in any fact of any file kind', () => {
    const p = provider();
    p.quirks[0]!.sources = ['nowhere'];
    p.servers.imap[0]!.disagreements = [{ host: 'imap.mail.example', port: 143, security: 'starttls', username: 'address', sources: ['elsewhere'] }];
    p.servers.smtp[0]!.exception = { reason: { 'zh-cn': '理由', en: 'why' }, source: 'gone' };
    expect(check(citedSources, p)).toEqual([
      `${FILES.provider}: servers.imap[0].disagreements[0].sources[0] = "elsewhere": ${WHY}`,
      `${FILES.provider}: servers.smtp[0].exception.source = "gone": ${WHY}`,
      `${FILES.provider}: quirks[0].sources[0] = "nowhere": ${WHY}`,
    ]);
    const c = client();
    c.behaviour = { imapId: true, imapIdNote: { 'zh-cn': '是', en: 'yes' }, vendorCloud: false, sources: ['nowhere'] };
    expect(check(citedSources, c, { file: FILES.client })).toEqual([`${FILES.client}: behaviour.sources[0] = "nowhere": ${WHY}`]);
    const e = errorFile();
    e.errors[0]!.meaning.sources = ['nowhere'];
    expect(check(citedSources, e, { file: FILES.errors })).toEqual([`${FILES.errors}: errors[0].meaning.sources[0] = "nowhere": ${WHY}`]);
    const d = dnsFile();
    d.mxPatterns[0]!.sources = ['nowhere'];
    expect(check(citedSources, d, { file: FILES.dns })).toEqual([`${FILES.dns}: mxPatterns[0].sources[0] = "nowhere": ${WHY}`]);
  });

  it('reads a citation written as { id, quote }', () => {
    const p = provider() as any;
    p.servers.imap[0].sources = [{ id: 'nowhere', quote: 'imap.mail.example 993' }];
    expect(check(citedSources, p)).toEqual([`${FILES.provider}: servers.imap[0].sources[0] = "nowhere": ${WHY}`]);
  });
});
