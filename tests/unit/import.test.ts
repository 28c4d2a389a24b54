// The importer, on small synthetic fixtures written in each database's format
// (tests/fixtures/import/, and FairEmail's below), never on excerpts of the real databases.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combine, type Snapshot } from '../../scripts/import/combine.ts';
import { readCheckout, write } from '../../scripts/import/index.ts';
import type { Skipped } from '../../scripts/import/read.ts';
import { validateDataset } from '../../src/lib/load-dataset.ts';
import { gradeOf } from '../../src/lib/evidence.ts';
import { autoconfigXml } from '../../src/lib/autoconfig.ts';
import { profileServers } from '../../src/lib/profile.ts';
import type { Provider } from '../../src/data/schema.ts';

const FIX = 'tests/fixtures/import';

// FairEmail is GPL: the repository holds no file in the shape of its providers.xml. These synthetic
// providers are written in that shape at test time, into a temporary folder laid out like a checkout.
const FAIREMAIL: { attributes: Record<string, string>; domains?: string[]; imap: string; smtp: string }[] = [
  {
    attributes: { name: 'Example', appPassword: 'true', link: 'https://help.example.net/app-passwords' },
    // Regular expressions, as FairEmail matches them.
    domains: ['example\\.net', 'example\\..*'],
    imap: 'imap.example.net:993',
    smtp: 'smtp.example.net:465',
  },
  { attributes: { name: 'Hosting Company', link: 'https://hosting.example/' }, imap: 'imap.hosting.example:993', smtp: 'smtp.hosting.example:465' },
  { attributes: { name: 'Switched Off', enabled: 'false' }, domains: ['off\\.example'], imap: 'imap.off.example:993', smtp: 'smtp.off.example:465' },
];
function fairEmailCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-fairemail-'));
  const attrs = (a: Record<string, string>) => Object.entries(a).map(([k, v]) => ` ${k}="${v}"`).join('');
  const server = (tag: string, hostPort: string) => {
    const [host, port] = hostPort.split(':') as [string, string];
    return `<${tag}${attrs({ host, port, starttls: 'false' })} />`;
  };
  const providers = FAIREMAIL.map((p) => {
    // Android resource strings escape a backslash as two.
    const domain: Record<string, string> = p.domains ? { domain: p.domains.join(',').replaceAll('\\', '\\\\') } : {};
    return `<provider${attrs({ ...p.attributes, ...domain })}>${server('imap', p.imap)}${server('smtp', p.smtp)}</provider>`;
  });
  mkdirSync(join(dir, 'app/src/main/res/xml'), { recursive: true });
  writeFileSync(join(dir, 'app/src/main/res/xml/providers.xml'), `<?xml version="1.0" encoding="utf-8"?>\n<providers>${providers.join('\n')}</providers>\n`);
  return dir;
}
const fairemail = fairEmailCheckout();
afterAll(() => rmSync(fairemail, { recursive: true, force: true }));
const COMMIT = { ispdb: 'a'.repeat(40), fairemail: 'b'.repeat(40), 'chatmail-provider-db': 'c'.repeat(40) } as const;

function run() {
  const skipped: Skipped[] = [];
  const snapshots: Snapshot[] = [
    { db: 'ispdb', repo: 'thunderbird/autoconfig', commit: COMMIT.ispdb, date: '2026-01-02', entries: readCheckout(`${FIX}/autoconfig`, 'ispdb', skipped) },
    { db: 'fairemail', repo: 'M66B/FairEmail', commit: COMMIT.fairemail, date: '2026-01-03', entries: readCheckout(fairemail, 'fairemail', skipped) },
    {
      db: 'chatmail-provider-db',
      repo: 'chatmail/provider-db',
      commit: COMMIT['chatmail-provider-db'],
      date: '2026-01-04',
      entries: readCheckout(`${FIX}/provider-db`, 'chatmail-provider-db', skipped),
    },
  ];
  return combine(snapshots, [{ domain: 'curated.example', domains: ['curated.example'] }], skipped);
}

const { files, report } = run();
const file = (domain: string) => files.get(domain) as Record<string, any>;
// The written files go through the same validation as the real ones.
const providers = validateDataset([], [], { imported: [...files].map(([domain, data]) => ({ file: `src/data/imported/${domain}.json`, data })) }).providers;
const provider = (domain: string) => providers.find((p) => p.domain === domain)!;

describe('the importer', () => {
  it('keys a provider by its domains and merges the databases that list them', () => {
    expect(file('example.net').otherDomains).toEqual(['example-mail.net']);
    expect(file('example.net').sources.map((s: { id: string }) => s.id)).toEqual(['ispdb', 'fairemail', 'chatmail-provider-db', 'doc-1', 'doc-2']);
  });

  it('cites each database at its commit and file', () => {
    const ispdb = file('example.net').sources[0];
    expect(ispdb.url).toBe(`https://github.com/thunderbird/autoconfig/blob/${COMMIT.ispdb}/ispdb/example.net.xml`);
    expect(ispdb.checked).toBe('2026-01-02');
  });

  it('grades a value two databases give as corroborated, and keeps the other value where they differ', () => {
    const p = provider('example.net');
    const imap = p.servers.imap[0]!;
    // ISPDB and FairEmail: the address; provider-db: the local part. Two against one.
    expect([imap.host, imap.port, imap.security, imap.username]).toEqual(['imap.example.net', 993, 'ssl/tls', 'address']);
    expect(imap.sources).toEqual(['ispdb', 'fairemail']);
    expect(imap.disagreements).toEqual([{ host: 'imap.example.net', port: 993, security: 'ssl/tls', username: 'localpart', sources: ['chatmail-provider-db'] }]);
    expect(gradeOf(imap, p.sources)).toBe('disagree');
    const starttls = p.servers.smtp.find((s) => s.port === 587)!;
    expect(starttls.sources).toEqual(['ispdb', 'chatmail-provider-db']);
    // Two agree, but FairEmail gives 465 instead: the page shows both.
    expect(gradeOf(starttls, p.sources)).toBe('disagree');
    expect(gradeOf({ sources: starttls.sources }, p.sources)).toBe('corroborated');
    // FairEmail lists only 465, which neither other database lists: single source, and FairEmail disagrees with 587.
    const ssl = p.servers.smtp.find((s) => s.port === 465)!;
    expect(gradeOf(ssl, p.sources)).toBe('disagree');
    expect(ssl.disagreements?.map((d) => d.sources)).toEqual([['ispdb', 'chatmail-provider-db']]);
    expect(starttls.disagreements?.map((d) => [d.port, d.sources])).toEqual([[465, ['fairemail']]]);
    expect(report.join('\n')).toContain('example.net smtp: fairemail smtp.example.net:465 ssl/tls address | ispdb+chatmail-provider-db smtp.example.net:587 starttls address');
  });

  it('copies facts, not prose: no description, instruction or page text reaches a file', () => {
    const all = JSON.stringify([...files.values()]);
    for (const prose of ['Set up a mail app', 'Switch IMAP on', 'must never reach', 'Synthetic fixture']) expect(all).not.toContain(prose);
  });

  it('turns links into sources, and the enable link into the access fact', () => {
    const p = provider('example.net');
    expect(p.sources.find((s) => s.url === 'https://help.example.net/clients')?.kind).toBe('official-cited');
    expect(p.access).toEqual({ onByDefault: false, url: 'https://mail.example.net/settings/imap', sources: ['ispdb'] });
    expect(p.password).toEqual({ kind: 'app-password', sources: ['fairemail'] });
  });

  it('marks a provider whose every server takes OAuth2 only as oauth-only: no profile, OAuth2 in autoconfig', () => {
    const p = provider('oauth.example');
    expect(p.password?.kind).toBe('oauth-only');
    expect(profileServers(p)).toBeUndefined();
    expect(autoconfigXml(p)).toContain('<authentication>OAuth2</authentication>');
  });

  it('expands %EMAILDOMAIN% into one provider per domain, keeps plaintext-only servers and odd user names', () => {
    const a = provider('plain.example');
    const b = provider('plain2.example');
    expect(a.servers.pop3[0]!.host).toBe('pop.plain.example');
    expect(b.servers.pop3[0]!.host).toBe('pop.plain2.example');
    expect(a.servers.pop3[0]!.username).toBe('localpart.domain');
    // No username on the outgoing server: Thunderbird uses the incoming one's.
    expect(a.servers.smtp[0]!.username).toBe('localpart.domain');
    expect(autoconfigXml(a)).toContain('<socketType>plain</socketType>');
  });

  it('leaves out disabled entries and hosting companies without a domain, and says so', () => {
    expect([...files.keys()]).not.toContain('off.example');
    const text = report.join('\n');
    expect(text).toContain('Switched Off: disabled in FairEmail');
    expect(text).toContain('Hosting Company: no mail domain of its own');
  });

  it('names a provider that shares a domain with a curated file after it, so the two merge', () => {
    expect(file('curated.example').otherDomains).toEqual(['curated-alias.example']);
  });

  it('writes byte-identical files when run twice on the same inputs', () => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'portolan-import-')));
    for (const dir of dirs) {
      const again = run();
      write(again.files, again.report, dir);
    }
    const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const [first, second] = dirs.map(read);
    expect(Object.keys(first!)).toContain('example.net.json');
    expect(second).toEqual(first);
  });
});

describe('curated files win over imported ones, field by field', () => {
  const curated = {
    domain: 'curated.example',
    name: { 'zh-cn': '精选', en: 'Curated' },
    shortName: { 'zh-cn': '精选', en: 'Curated' },
    priority: 1,
    servers: {
      imap: [{ host: 'imap.curated.example', port: 993, security: 'ssl/tls', username: 'localpart', sources: [{ id: 'official', quote: 'IMAP: imap.curated.example, port 993' }] }],
      smtp: [{ host: 'smtp.curated.example', port: 465, security: 'ssl/tls', username: 'address', sources: ['official'] }],
    },
    password: { kind: 'account-password', name: { 'zh-cn': '密码', en: 'password' }, how: { 'zh-cn': '登录密码', en: 'your password' }, sources: ['official'] },
    access: { onByDefault: true, how: { 'zh-cn': '默认开启', en: 'on' }, sources: ['official'] },
    sources: [{ id: 'official', url: 'https://curated.example/help', title: 'Help', kind: 'official', checked: '2026-01-01' }],
    verified: '2026-01-01',
  };
  const merged = validateDataset(
    [{ file: 'src/data/providers/curated.example.json', data: curated }],
    [],
    { imported: [{ file: 'src/data/imported/curated.example.json', data: files.get('curated.example') }] },
  ).providers;
  const p: Provider = merged[0]!;

  it('keeps the curated name, password and values, and adds the imported domains and sources', () => {
    expect(merged).toHaveLength(1);
    expect(p.name.en).toBe('Curated');
    expect(p.password?.kind).toBe('account-password');
    expect(p.otherDomains).toEqual(['curated-alias.example']);
    expect(p.servers.smtp[0]!.sources).toEqual(['official', 'chatmail-provider-db']);
  });

  it('keeps a value the database gives differently as a disagreement beside ours', () => {
    expect(p.servers.imap[0]!.username).toBe('localpart');
    expect(p.servers.imap[0]!.disagreements).toEqual([
      { host: 'imap.curated.example', port: 993, security: 'ssl/tls', username: 'address', sources: ['chatmail-provider-db'] },
    ]);
    // Our official page still makes it confirmed.
    expect(gradeOf(p.servers.imap[0]!, p.sources)).toBe('confirmed');
  });
});
