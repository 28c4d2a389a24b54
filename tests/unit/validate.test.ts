// Bad data must fail with a message naming the file, the field and the value.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { validateDataset, DatasetError, type RawFile } from '../../src/lib/validate.ts';

const FILE = 'src/data/providers/163.com.json';
const good = () => JSON.parse(readFileSync(FILE, 'utf8'));
const clients: RawFile[] = readdirSync('src/data/clients').map((f) => ({ file: `src/data/clients/${f}`, data: JSON.parse(readFileSync(`src/data/clients/${f}`, 'utf8')) }));

function problemsOf(files: RawFile[]): string[] {
  try {
    validateDataset(files, clients);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  return [];
}

function broken(mutate: (p: any) => void, file = FILE): string[] {
  const data = good();
  mutate(data);
  return problemsOf([{ file, data }]);
}

describe('a valid provider', () => {
  it('passes', () => {
    expect(problemsOf([{ file: FILE, data: good() }])).toEqual([]);
  });
});

describe('a malformed provider stops the build naming file, field and value', () => {
  const cases: [string, (p: any) => void, string, string][] = [
    ['port out of range', (p) => (p.servers.imap[0].port = 99999), 'servers.imap[0].port = 99999', '1-65535'],
    ['unknown security mode', (p) => (p.servers.smtp[0].security = 'tls-ish'), 'servers.smtp[0].security = "tls-ish"', ''],
    ['hostname with a space', (p) => (p.servers.pop3[0].host = 'pop .163.com'), 'servers.pop3[0].host = "pop .163.com"', 'hostname'],
    ['IP address as host', (p) => (p.servers.imap[0].host = '220.181.12.100'), 'servers.imap[0].host = "220.181.12.100"', 'not an IP address'],
    ['missing sources', (p) => (p.sources = []), 'sources = []', 'at least one source'],
    ['server citing an unknown source', (p) => (p.servers.imap[0].sources = ['nowhere']), 'servers.imap[0].sources[0] = "nowhere"', 'not the id of a source'],
    ['993 with STARTTLS', (p) => (p.servers.imap[0].security = 'starttls'), 'servers.imap[0].security = "starttls"', 'port 993'],
    ['465 with no encryption', (p) => (p.servers.smtp[0].security = 'none'), 'servers.smtp[0].security = "none"', 'port 465'],
    ['a hand-typed confirmed flag', (p) => (p.servers.imap[0].confirmed = true), 'servers.imap[0].confirmed = true', 'computed from the kinds of its sources'],
    ['a hand-typed grade', (p) => (p.servers.imap[0].grade = 'confirmed'), 'servers.imap[0].grade = "confirmed"', 'never written in a file'],
    ['a curated file without its password rule', (p) => delete p.password, 'password = (missing)', 'curated provider'],
    ['a disagreement citing an unknown source', (p) => (p.servers.imap[0].disagreements = [{ host: 'imap.163.com', port: 993, security: 'ssl/tls', username: 'localpart', sources: ['nowhere'] }]), 'servers.imap[0].disagreements[0].sources[0] = "nowhere"', 'not the id of a source'],
    ['unknown field', (p) => (p.servers.imap[0].tls = true), 'servers.imap[0].tls = true', 'not a known field'],
    ['bad date', (p) => (p.verified = '27/11/2026'), 'verified = "27/11/2026"', 'YYYY-MM-DD'],
    ['domain not matching the file name', (p) => (p.domain = '126.com'), 'domain = "126.com"', 'file name'],
  ];
  for (const [name, mutate, field, hint] of cases) {
    it(name, () => {
      const problems = broken(mutate);
      expect(problems.length).toBeGreaterThan(0);
      const line = problems.find((p) => p.includes(field));
      expect(line, problems.join('\n')).toBeDefined();
      expect(line).toMatch(new RegExp(`^${FILE.replace(/\./g, '\\.')}: `));
      expect(line).toContain(hint);
    });
  }

  it('a duplicate domain across two files', () => {
    const a = good();
    const b = good();
    b.domain = '126.com';
    b.otherDomains = ['163.com'];
    const problems = problemsOf([{ file: FILE, data: a }, { file: 'src/data/providers/126.com.json', data: b }]);
    // Files are read in name order, so 126.com.json claims 163.com first.
    expect(problems).toEqual(['src/data/providers/163.com.json: domain = "163.com": is already claimed by src/data/providers/126.com.json']);
  });

  it('an exception citing its source lets a non-standard combination through', () => {
    const problems = broken((p) => {
      p.servers.smtp[0].security = 'none';
      p.servers.smtp[0].exception = { reason: { 'zh-cn': '服务商文档如此', en: 'documented so' }, source: 'netease-help-table' };
    });
    expect(problems).toEqual([]);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = broken((p) => {
      p.servers.imap[0].port = 0;
      p.servers.pop3[0].host = 'POP 163';
    });
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });
});
