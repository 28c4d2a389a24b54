// src/data/dns: every file belongs to a provider, bad files fail with file, field and value,
// and the page's resolvers are exactly what the CSP allows.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { providers, dnsRecords } from '../../src/lib/dataset.ts';
import { validateDns, PENDING_PROVIDERS } from '../../src/lib/validate-dns.ts';
import { DatasetError } from '../../src/lib/validate.ts';
import { gradeOf } from '../../src/lib/evidence.ts';
import { RESOLVERS } from '../../src/lib/doh.ts';

const files = readdirSync('src/data/dns').map((f) => ({ file: `src/data/dns/${f}`, data: JSON.parse(readFileSync(`src/data/dns/${f}`, 'utf8')) as Record<string, unknown> }));
const known = new Set(providers.map((p) => p.domain));

function problemsOf(change: (d: Record<string, any>) => void, providerList = providers): string[] {
  const data = structuredClone(files.find((f) => f.file.endsWith('/office365.com.json'))!.data);
  change(data);
  try {
    validateDns([{ file: 'src/data/dns/office365.com.json', data }], providerList, []);
    return [];
  } catch (e) {
    return (e as DatasetError).problems;
  }
}

describe('src/data/dns', () => {
  it('has a file for each business provider the issue names', () => {
    expect(files.map((f) => f.data.provider).sort()).toEqual(['exmail.qq.com', 'office365.com', 'partner.outlook.cn', 'qiye.163.com', 'qiye.aliyun.com', 'workspace.google.com', 'zoho.com']);
  });

  for (const { file, data } of files) {
    it(`${file}: its provider exists, or waits in PENDING_PROVIDERS until it lands`, () => {
      const provider = String(data.provider);
      expect(known.has(provider) || PENDING_PROVIDERS.includes(provider), `${provider} is neither a provider nor pending`).toBe(true);
    });
  }

  it('PENDING_PROVIDERS names only providers still missing (empty it once they land)', () => {
    expect(PENDING_PROVIDERS.filter((p) => known.has(p))).toEqual([]);
  });

  it('builds a page’s worth of records for every loaded provider, each record graded from its sources', () => {
    expect(dnsRecords.map((d) => d.provider).sort()).toEqual(files.map((f) => String(f.data.provider)).filter((p) => known.has(p)).sort());
    for (const d of dnsRecords) for (const r of d.records) expect(['confirmed', 'corroborated', 'single-source', 'disagree']).toContain(gradeOf(r, d.sources));
  });

  it('grades a record whose sources disagree as such, unless an official page confirms it', () => {
    const zoho = dnsRecords.find((d) => d.provider === 'zoho.com')!;
    expect(gradeOf(zoho.records.find((r) => r.purpose === 'spf')!, zoho.sources)).toBe('disagree');
    // Confirmed only with an official page's words that contain the record's value.
    for (const d of dnsRecords)
      for (const r of d.records)
        if (gradeOf(r, d.sources) === 'confirmed') expect(r.sources.some((id) => d.sources.find((x) => x.id === id)?.kind === 'official' && r.quotes?.[id]), `${d.provider} ${r.value}`).toBe(true);
  });
});

describe('validateDns names file, field and value', () => {
  it('refuses its own SPF written with include=', () => {
    expect(problemsOf((d) => (d.records[1].value = 'v=spf1 include=spf.protection.outlook.com -all'))).toContainEqual(expect.stringMatching(/^src\/data\/dns\/office365\.com\.json: records\[1\]\.value = "v=spf1 include=spf.protection.outlook.com -all": fails the record checker \(spf-include-equals/));
  });

  it('refuses an MX record the lookup would not recognise', () => {
    expect(problemsOf((d) => (d.records[0].value = 'mx.example.net'))).toContain('src/data/dns/office365.com.json: records[0].value = "mx.example.net": matches none of mxPatterns, so the lookup would not recognise a domain set up this way');
  });

  it('refuses an unknown source', () => {
    const problems = problemsOf((d) => {
      d.records[4].sources = ['nowhere'];
    });
    expect(problems).toContain('src/data/dns/office365.com.json: records[4].sources[0] = "nowhere": is not the id of a source listed in sources');
  });

  it('refuses a DNS file whose provider does not exist (and is not pending)', () => {
    expect(problemsOf(() => {}, providers.filter((p) => p.domain !== 'office365.com'))).toContain('src/data/dns/office365.com.json: provider = "office365.com": is not the domain of any provider in src/data/providers');
  });

  it('refuses unknown fields and a priority on a TXT record', () => {
    expect(problemsOf((d) => (d.ttl = 3600))).toContain('src/data/dns/office365.com.json: ttl = 3600: is not a known field');
    expect(problemsOf((d) => (d.records[1].priority = 5))).toContain('src/data/dns/office365.com.json: records[1].priority = 5: only an MX record has a priority');
  });
});

describe('the Content-Security-Policy', () => {
  it('lets the page connect to exactly our own origin and the two resolvers', () => {
    const config = readFileSync('astro.config.mjs', 'utf8');
    const line = config.match(/"connect-src ([^"]+)"/)![1]!.split(/\s+/);
    expect(line.sort()).toEqual(["'self'", ...RESOLVERS.map((r) => r.origin)].sort());
  });
});
