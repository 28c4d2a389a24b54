// The record checker and MX matching against real-world broken records. Expectations come
// from the dataset's own DNS files; the broken records are the kind copied from web pages.
import { describe, expect, it } from 'vitest';
import { dnsRecords } from '../../src/lib/dataset.ts';
import { checkRecords, expectedFrom, matchesPattern, MAX_DETAIL_LINES, mxPatternsOf, providersForMx, type FindingId, type Observed } from '../../src/lib/dns-check.ts';
import { answers, DNS_FAILURES, failureMessage, parseMx, txtText, query, queryMx, RESOLVERS, ResolverError, type DnsFailure } from '../../src/lib/doh.ts';

const netease = dnsRecords.find((d) => d.provider === 'qiye.163.com')!;
const expected = expectedFrom(netease);
const goodMx = netease.records.filter((r) => r.type === 'MX').map((r) => ({ priority: r.priority!, host: r.value }));
const goodSpf = netease.records.find((r) => r.purpose === 'spf')!.value;
const goodDmarc = 'v=DMARC1; p=none; rua=mailto:postmaster@example.cn';

function ids(observed: Partial<Observed>): FindingId[] {
  return checkRecords({ mx: goodMx, txt: [goodSpf], dmarc: [goodDmarc], ...observed }, expected).map((f) => f.id);
}

describe('checkRecords', () => {
  it('passes a domain set up exactly as the provider says', () => {
    expect(ids({})).toEqual(['ok-mx', 'ok-spf', 'ok-dmarc']);
  });

  it('reports each finding once, however many answers repeat it (10,000 TXT answers)', () => {
    const flood = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'v=spf1 include=spf.163.com -all' : `v=spf1 +all x${i}`));
    const found = checkRecords({ mx: goodMx, txt: flood, dmarc: [goodDmarc] }, expected);
    const seen = found.map((f) => f.id);
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen).toEqual(expect.arrayContaining(['spf-multiple', 'spf-include-equals', 'spf-plus-all']));
    // Each record quoted once, and no more than MAX_DETAIL_LINES of them, the rest counted.
    expect(found.find((f) => f.id === 'spf-include-equals')!.detail).toBe('include=spf.163.com');
    const multiple = found.find((f) => f.id === 'spf-multiple')!.detail!.split('\n');
    expect(multiple).toHaveLength(MAX_DETAIL_LINES + 1);
    expect(multiple.at(-1)).toBe(`… (+${5_000 + 1 - MAX_DETAIL_LINES})`);
  });

  it('1. no MX record at all', () => {
    expect(ids({ mx: [] })).toContain('mx-missing');
  });

  it('2. MX pointing at another provider', () => {
    const found = checkRecords({ mx: [{ priority: 10, host: 'mxbiz1.qq.com' }], txt: [goodSpf], dmarc: [goodDmarc] }, expected);
    expect(found[0]).toMatchObject({ id: 'mx-elsewhere', level: 'error', detail: '10 mxbiz1.qq.com' });
  });

  it('3. MX records of two providers at once', () => {
    const found = checkRecords({ mx: [...goodMx, { priority: 20, host: 'mx1.qiye.aliyun.com' }], txt: [goodSpf], dmarc: [goodDmarc] }, expected);
    expect(found[0]).toMatchObject({ id: 'mx-mixed', detail: '20 mx1.qiye.aliyun.com' });
  });

  it('4. no SPF record', () => {
    expect(ids({ txt: ['google-site-verification=abc'] })).toContain('spf-missing');
  });

  it('5. two SPF records (one per provider instead of one merged record)', () => {
    expect(ids({ txt: [goodSpf, 'v=spf1 include:spf.mail.qq.com ~all'] })).toContain('spf-multiple');
  });

  it('6. include= written for include: (as copied from many web pages)', () => {
    const found = checkRecords({ mx: goodMx, txt: ['v=spf1 include=spf.163.com ~all'], dmarc: [goodDmarc] }, expected);
    expect(found.map((f) => f.id)).toContain('spf-include-equals');
    expect(found.find((f) => f.id === 'spf-include-equals')!.detail).toBe('include=spf.163.com');
    // Said once: the misspelt include also explains why spf.163.com is missing.
    expect(found.map((f) => f.id)).not.toContain('spf-include-missing');
  });

  it('7. the provider’s include missing (another provider’s only)', () => {
    const found = checkRecords({ mx: goodMx, txt: ['v=spf1 include:spf.mail.qq.com ~all'], dmarc: [goodDmarc] }, expected);
    expect(found.find((f) => f.id === 'spf-include-missing')?.detail).toBe('include:spf.163.com');
  });

  it('8. +all, and a bare all that means the same', () => {
    expect(ids({ txt: ['v=spf1 include:spf.163.com +all'] })).toContain('spf-plus-all');
    expect(ids({ txt: ['v=spf1 include:spf.163.com all'] })).toContain('spf-plus-all');
    expect(ids({ txt: ['v=spf1 include:spf.163.com ~all'] })).not.toContain('spf-plus-all');
  });

  it('9. no all at the end (anyone may send)', () => {
    expect(ids({ txt: ['v=spf1 include:spf.163.com'] })).toContain('spf-no-all');
    expect(ids({ txt: ['v=spf1 redirect=spf.163.com'] })).not.toContain('spf-no-all');
  });

  it('10. full-width punctuation typed with a Chinese input method', () => {
    expect(ids({ txt: ['v=spf1 include：spf.163.com -all'] })).toContain('spf-fullwidth');
    expect(ids({ txt: ['v=spf1　include:spf.163.com　-all'] })).toContain('spf-fullwidth');
  });

  it('11. SPF text that is not a valid record: missing space, quotes typed into the console', () => {
    expect(ids({ txt: ['v=spf1include:spf.163.com -all'] })).toEqual(expect.arrayContaining(['spf-malformed']));
    expect(ids({ txt: ['"v=spf1 include:spf.163.com -all"'] })).toEqual(expect.arrayContaining(['spf-malformed']));
    expect(ids({ txt: ['v=spf1include:spf.163.com -all'] })).not.toContain('spf-missing');
  });

  it('12. more than ten DNS lookups in one record', () => {
    const many = `v=spf1 include:spf.163.com ${Array.from({ length: 10 }, (_, i) => `include:s${i}.example.com`).join(' ')} -all`;
    expect(ids({ txt: [many] })).toContain('spf-too-many-lookups');
  });

  it('13. no DMARC record', () => {
    const found = checkRecords({ mx: goodMx, txt: [goodSpf], dmarc: [] }, expected);
    expect(found.at(-1)).toMatchObject({ id: 'dmarc-missing', level: 'warning' });
  });

  it('14. DMARC published at the domain instead of _dmarc', () => {
    expect(ids({ txt: [goodSpf, goodDmarc], dmarc: [] })).toContain('dmarc-at-root');
  });

  it('15. two DMARC records, and one without a policy', () => {
    expect(ids({ dmarc: [goodDmarc, 'v=DMARC1; p=reject'] })).toContain('dmarc-multiple');
    expect(ids({ dmarc: ['v=DMARC1; rua=mailto:a@example.cn'] })).toContain('dmarc-malformed');
    expect(ids({ dmarc: ['v=DMARC1 p=none'] })).toContain('dmarc-malformed');
  });

  it('accepts any include the sources give when they disagree (Zoho)', () => {
    const zoho = dnsRecords.find((d) => d.provider === 'zoho.com')!;
    const zohoExpected = expectedFrom(zoho);
    for (const txt of ['v=spf1 include:zoho.com ~all', 'v=spf1 include:zohomail.com ~all']) {
      expect(checkRecords({ mx: [], txt: [txt], dmarc: [] }, zohoExpected).map((f) => f.id)).toContain('ok-spf');
    }
  });
});

describe('MX patterns', () => {
  const patterns = mxPatternsOf(dnsRecords);

  it('matches * within one label only', () => {
    const hosts = { 'qiye163mx01.mxmail.netease.com': true, 'QIYE163MX01.MXMAIL.NETEASE.COM.': true, 'a.b.mxmail.netease.com': false, 'mxmail.netease.com': false, 'evil-mxmail.netease.com.example': false };
    for (const [host, matches] of Object.entries(hosts)) expect(matchesPattern(host, '*.mxmail.netease.com'), host).toBe(matches);
  });

  it('finds each business provider from its own MX records', () => {
    for (const d of dnsRecords) {
      const mx = d.records.filter((r) => r.type === 'MX').map((r) => ({ priority: r.priority!, host: r.value.replace(/<[^>]+>/g, 'contoso-com') }));
      expect(providersForMx(mx, patterns), d.provider).toEqual([d.provider]);
    }
  });

  it('finds nobody for a domain on a provider we do not cover', () => {
    expect(providersForMx([{ priority: 10, host: 'mx.example.net' }], patterns)).toEqual([]);
  });
});

describe('the DNS-over-HTTPS JSON format', () => {
  // The documented shape (developers.cloudflare.com …/dns-json/): Status, Question, Answer[{name, type, TTL, data}].
  const cloudflareMx = { Status: 0, TC: false, RD: true, RA: true, AD: false, CD: false, Question: [{ name: 'example.cn', type: 15 }], Answer: [{ name: 'example.cn', type: 15, TTL: 600, data: '10 qiye163mx01.mxmail.netease.com.' }, { name: 'example.cn', type: 15, TTL: 600, data: '50 qiye163mx02.mxmail.netease.com.' }] };

  it('reads MX answers and skips answers of other types (a CNAME on the way)', () => {
    const withCname = { ...cloudflareMx, Answer: [{ name: 'x', type: 5, TTL: 1, data: 'y.' }, ...cloudflareMx.Answer] };
    expect(answers(withCname, 'MX').map(parseMx)).toEqual([{ priority: 10, host: 'qiye163mx01.mxmail.netease.com' }, { priority: 50, host: 'qiye163mx02.mxmail.netease.com' }]);
  });

  it('treats NXDOMAIN and a missing Answer as no records, SERVFAIL as a failure', () => {
    expect(answers({ Status: 3 }, 'MX')).toEqual([]);
    expect(answers({ Status: 0, Question: { name: 'example.cn.', type: 15 } }, 'MX')).toEqual([]);
    expect(() => answers({ Status: 2 }, 'MX')).toThrow(ResolverError);
    expect(() => answers('<html>', 'MX')).toThrow(ResolverError);
  });

  it('reads TXT data quoted (Cloudflare, split into strings) or bare', () => {
    expect(txtText('"v=spf1 include:spf.163.com -all"')).toBe('v=spf1 include:spf.163.com -all');
    expect(txtText('"v=spf1 include:spf.163.com " "-all"')).toBe('v=spf1 include:spf.163.com -all');
    expect(txtText('v=spf1 include:spf.163.com -all')).toBe('v=spf1 include:spf.163.com -all');
    expect(txtText('"say \\"hi\\""')).toBe('say "hi"');
  });

  it('asks each resolver at its documented URL, with the JSON accept header only where needed', async () => {
    const asked: { url: string; headers: unknown }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      asked.push({ url, headers: init.headers });
      return new Response(JSON.stringify(cloudflareMx), { status: 200 });
    }) as unknown as typeof fetch;
    for (const r of RESOLVERS) expect(await queryMx(r, 'example.cn', 1000, fake)).toHaveLength(2);
    expect(asked).toEqual([
      { url: 'https://dns.alidns.com/resolve?name=example.cn&type=15', headers: {} },
      { url: 'https://cloudflare-dns.com/dns-query?name=example.cn&type=15', headers: { accept: 'application/dns-json' } },
    ]);
  });

  it('tells a DNS error status, an HTTP error, a body that is not JSON and a timeout apart', async () => {
    const answering = (response: () => Response) => (async () => response()) as unknown as typeof fetch;
    const reasonOf = (fetchImpl: typeof fetch) => query(RESOLVERS[0]!, 'example.cn', 'TXT', 1000, fetchImpl).then(() => null, (e: ResolverError) => [e.reason, e.detail]);
    expect(await reasonOf(answering(() => Response.json({ Status: 2 })))).toEqual(['dns', 'SERVFAIL']);
    expect(await reasonOf(answering(() => new Response('oops', { status: 500 })))).toEqual(['http', '500']);
    expect(await reasonOf(answering(() => new Response('<html>blocked</html>', { status: 200 })))).toEqual(['format', 'not JSON']);
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await reasonOf(refused)).toEqual(['network', 'TypeError: Failed to fetch']);
  });

  it('fills the page’s message for each reason with the resolver and what happened', () => {
    const templates = Object.fromEntries(DNS_FAILURES.map((r) => [r, `{resolver}: ${r} {detail}`])) as Record<DnsFailure, string>;
    expect(failureMessage(templates, RESOLVERS[0]!, new ResolverError('dns', 'SERVFAIL'))).toBe(`${RESOLVERS[0]!.name}: dns SERVFAIL`);
    expect(failureMessage(templates, RESOLVERS[1]!, new ResolverError('http', '500'))).toBe(`${RESOLVERS[1]!.name}: http 500`);
  });

  it('gives up after the timeout', async () => {
    const never = ((_: string, init: RequestInit) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    await expect(query(RESOLVERS[0]!, 'example.cn', 'MX', 20, never)).rejects.toMatchObject({ reason: 'timeout', detail: '0.02' });
  });
});
