// The importer, on small synthetic fixtures written in each database's format
// (tests/fixtures/import/, and FairEmail's below), never on excerpts of the real databases.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { combine, hostChanges, type Snapshot } from '../../scripts/import/combine.ts';
import { checkoutsOf, curatedProviders, readCheckout, write } from '../../scripts/import/index.ts';
import { glob, parsePort, LIMITS, type Entry, type Skipped } from '../../scripts/import/read.ts';
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
function fairEmailCheckout(list = FAIREMAIL): string {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-fairemail-'));
  const attrs = (a: Record<string, string>) => Object.entries(a).map(([k, v]) => ` ${k}="${v}"`).join('');
  const server = (tag: string, hostPort: string) => {
    const [host, port] = hostPort.split(':') as [string, string];
    return `<${tag}${attrs({ host, port, starttls: 'false' })} />`;
  };
  const providers = list.map((p) => {
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
    // Listed once, from the side the page keeps first.
    const text = report.join('\n');
    expect(text).toContain('example.net smtp: ispdb+chatmail-provider-db smtp.example.net:587 starttls address | fairemail smtp.example.net:465 ssl/tls address');
    expect(text).not.toContain('example.net smtp: fairemail smtp.example.net:465 ssl/tls address | ispdb+chatmail-provider-db');
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

// ---- Issue 20: upstream files are untrusted input ----

const HOSTILE = 'tests/fixtures/import/hostile';
/** A copy of the hostile fixtures, plus what git cannot hold well: a symlink, a binary file, a folder, an oversized file. */
function hostileCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portolan-hostile-'));
  cpSync(HOSTILE, dir, { recursive: true });
  const ispdb = join(dir, 'autoconfig/ispdb');
  // A secret outside the checkout that a followed link would leak.
  const outside = join(dir, 'outside-secret.xml');
  writeFileSync(outside, '<clientConfig><emailProvider id="leak"><domain>leaked-secret.example</domain></emailProvider></clientConfig>');
  symlinkSync(outside, join(ispdb, 'link.example.xml'));
  writeFileSync(join(ispdb, 'binary.example.xml'), Buffer.from([0x3c, 0xff, 0xfe, 0x00, 0x01, 0x80]));
  mkdirSync(join(ispdb, 'folder.example.xml'));
  writeFileSync(join(ispdb, 'huge.example.xml'), `<!-- ${'x'.repeat(LIMITS.file)} -->`);
  return dir;
}
const HOSTILE_FAIREMAIL: typeof FAIREMAIL = [
  { attributes: { name: 'Backtracking' }, domains: ['(x+x+)+y'], imap: 'imap.bt.example:993', smtp: 'smtp.bt.example:465' },
  { attributes: { name: 'Unclosed' }, domains: ['(unclosed\\.example'], imap: 'imap.unclosed.example:993', smtp: 'smtp.unclosed.example:465' },
  { attributes: { name: 'Hex Port' }, domains: ['hexport-fe\\.example'], imap: 'imap.hexport-fe.example:0x1D1', smtp: 'smtp.hexport-fe.example:465' },
  { attributes: { name: 'Good FairEmail' }, domains: ['good-fe\\.example'], imap: 'imap.good-fe.example:993', smtp: 'smtp.good-fe.example:465' },
];

describe('the importer refuses hostile input by name, and imports the good entries beside it', () => {
  const dir = hostileCheckout();
  const fe = fairEmailCheckout(HOSTILE_FAIREMAIL);
  afterAll(() => [dir, fe].forEach((d) => rmSync(d, { recursive: true, force: true })));
  const skipped: Skipped[] = [];
  const started = Date.now();
  const ispdb = readCheckout(join(dir, 'autoconfig'), 'ispdb', skipped);
  const pdb = readCheckout(join(dir, 'provider-db'), 'chatmail-provider-db', skipped);
  const fair = readCheckout(fe, 'fairemail', skipped);
  const elapsed = Date.now() - started;
  const { files, report } = combine(
    [
      { db: 'ispdb', repo: 'thunderbird/autoconfig', commit: COMMIT.ispdb, date: '2026-01-02', entries: ispdb },
      { db: 'fairemail', repo: 'M66B/FairEmail', commit: COMMIT.fairemail, date: '2026-01-03', entries: fair },
      { db: 'chatmail-provider-db', repo: 'chatmail/provider-db', commit: COMMIT['chatmail-provider-db'], date: '2026-01-04', entries: pdb },
    ],
    [],
    skipped,
  );
  const text = report.join('\n');
  const reported = (file: string, why: RegExp) => expect(skipped.some((s) => s.file.endsWith(file) && why.test(`${s.what}: ${s.why}`)), `${file}: ${why}`).toBe(true);

  it('reads every hostile file within seconds', () => expect(elapsed).toBeLessThan(5000));

  it('refuses DTDs and entities, malformed XML, symlinks, binary and oversized files and folders, naming each', () => {
    reported('ispdb/entity.example.xml', /DTD or an entity/);
    reported('ispdb/malformed.example.xml', /malformed XML/);
    reported('ispdb/link.example.xml', /symbolic link/);
    reported('ispdb/binary.example.xml', /not UTF-8/);
    reported('ispdb/folder.example.xml', /not a regular file/);
    reported('ispdb/huge.example.xml', /larger than/);
    // Nothing the link points at reaches a file or the report.
    expect(text + JSON.stringify([...files.values()])).not.toContain('leaked-secret');
  });

  it('parses ports strictly: 0x3E1, 1e3, 465.5 and 0x1D1 are refused, never coerced', () => {
    reported('ispdb/hexport.example.xml', /0x3E1.*decimal integer/);
    reported('ispdb/sciport.example.xml', /1e3.*decimal integer/);
    reported('_providers/halfport.md', /465\.5.*decimal integer/);
    reported('providers.xml', /Hex Port.*0x1D1.*decimal integer/);
    expect(files.has('hexport.example')).toBe(false);
    for (const port of ['0x1D1', '1e3', '465.5', '0', '65536', ' 465', '+465', '0465']) expect(parsePort(port), port).toBeUndefined();
    expect(parsePort('465')).toBe(465);
  });

  it('refuses unparsable URLs and URLs with a user and password', () => {
    reported('ispdb/badurl.example.xml', /"https:\/\/\[bad".*not an http\(s\) URL/);
    reported('ispdb/badurl.example.xml', /user name or password/);
    expect(JSON.stringify(files.get('badurl.example'))).not.toContain('secret@');
    // The file's servers still import.
    expect(files.has('badurl.example')).toBe(true);
  });

  it('refuses broken front matter, a null server and YAML aliases on their own', () => {
    reported('_providers/badfront.md', /not valid YAML/);
    reported('_providers/nullserver.md', /not a server mapping/);
    reported('_providers/alias.md', /not valid YAML/);
  });

  it('never compiles a FairEmail pattern outside the safe subset, and reports it', () => {
    reported('providers.xml', /Backtracking: domain pattern "\(x\+x\+\)\+y".*not compiled/);
    reported('providers.xml', /Unclosed: domain pattern.*not compiled/);
  });

  it('imports the good entries beside the bad ones', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(['good.example', 'good-pdb.example', 'good-fe.example', 'placeholder.example']));
  });

  it('never shows an ISPDB placeholder as a name', () => {
    expect(JSON.stringify([...files.values()])).not.toMatch(/%EMAIL/);
    expect((files.get('placeholder.example') as { name: { en: string } }).name.en).toBe('placeholder.example');
  });

  it('keeps provider-db’s status, and a BROKEN page agrees with nothing', () => {
    const good = files.get('good.example') as { servers: { imap: { sources: string[] }[] }; sources: { id: string; status?: string }[] };
    expect(good.sources.find((s) => s.id === 'chatmail-provider-db')?.status).toBe('BROKEN');
    expect(good.servers.imap[0]!.sources).toEqual(['ispdb']);
    expect((files.get('good-pdb.example') as { sources: { status?: string }[] }).sources[0]!.status).toBe('OK');
  });

  it('refuses a run given only some of the checkouts, naming the missing ones', () => {
    expect(() => checkoutsOf([join(dir, 'autoconfig')])).toThrow(/missing checkout of M66B\/FairEmail and chatmail\/provider-db/);
  });
});

describe('FairEmail patterns are matched without regular expressions', () => {
  it('accepts label characters, \\., . and .*, and matches as FairEmail means them', () => {
    const yahoo = glob('yahoo\\..*')!;
    expect(['yahoo.de', 'yahoo.co.jp'].map(yahoo.test)).toEqual([true, true]);
    expect(['yahoo', 'myyahoo.com', 'yahooXde'].map(yahoo.test)).toEqual([false, false, false]);
    expect(glob('.*\\.rr\\.com')!.test('nyc.rr.com')).toBe(true);
    expect(glob('.*\\.rr\\.com')!.test('rr.com')).toBe(false);
  });

  it('refuses everything else, and matches a pathological input in bounded time', () => {
    for (const p of ['(x+x+)+y', '(unclosed\\.example', 'a|b', '[a-z]+\\.example', 'a{1,99}', '^a$', 'x'.repeat(LIMITS.field + 1)]) expect(glob(p), p).toBeUndefined();
    const many = glob('.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a.*b')!;
    const started = Date.now();
    expect(many.test('a'.repeat(253))).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('one service, one provider', () => {
  const entry = (e: Partial<Entry> & Pick<Entry, 'db' | 'file' | 'key' | 'domains'>, imap: string, smtp: string): Entry => ({
    name: e.key,
    patterns: [],
    servers: { imap: [{ host: imap, port: 993, security: 'ssl/tls', username: 'address' }], pop3: [], smtp: [{ host: smtp, port: 465, security: 'ssl/tls', username: 'address' }] },
    oauthOnly: false,
    appPassword: false,
    docs: [],
    ...e,
  });
  const ispdb = [
    entry({ db: 'ispdb', file: 'ispdb/brand.example.xml', key: 'brand.example', domains: ['brand.example', 'brand.de', 'partner.example'] }, 'imap.mail.brand.example', 'smtp.mail.brand.example'),
    entry({ db: 'ispdb', file: 'ispdb/brand.jp.xml', key: 'brand.jp', domains: ['brand.jp'] }, 'imap.mail.brand.jp', 'smtp.mail.brand.jp'),
    entry({ db: 'ispdb', file: 'ispdb/suite.example.xml', key: 'suite.example', domains: ['suite.example', 'tenants.example', 'uni.example'] }, 'outlook.suite.example', 'smtp.suite.example'),
    entry({ db: 'ispdb', file: 'ispdb/consumer.xml', key: 'consumer.example', domains: ['consumer.example', 'mail-consumer.example'] }, 'outlook.suite.example', 'smtp-mail.mail-consumer.example'),
  ];
  const fairemail = [
    // Listed first, as FairEmail would use it for brand.jp; the pattern entry must not claim brand.jp.
    entry({ db: 'fairemail', file: 'providers.xml', key: 'Brand JP', domains: ['brand.jp'] }, 'imap.mail.brand.jp', 'smtp.mail.brand.jp'),
    entry({ db: 'fairemail', file: 'providers.xml', key: 'Brand', domains: [], patterns: [glob('brand\\..*')!] }, 'imap.mail.brand.example', 'smtp.mail.brand.example'),
    // Names partner.example, which ISPDB files under Brand, with servers of its own.
    entry({ db: 'fairemail', file: 'providers.xml', key: 'Partner', domains: ['partner.example'] }, 'imap.partner.example', 'smtp.partner.example'),
  ];
  const pdb = [entry({ db: 'chatmail-provider-db', file: '_providers/consumer.md', key: 'consumer', domains: ['consumer.example', 'suite.example'] }, 'outlook.suite.example', 'smtp.suite.example')];
  const { files } = combine(
    [
      { db: 'ispdb', repo: 'thunderbird/autoconfig', commit: COMMIT.ispdb, date: '2026-01-02', entries: ispdb },
      { db: 'fairemail', repo: 'M66B/FairEmail', commit: COMMIT.fairemail, date: '2026-01-03', entries: fairemail },
      { db: 'chatmail-provider-db', repo: 'chatmail/provider-db', commit: COMMIT['chatmail-provider-db'], date: '2026-01-04', entries: pdb },
    ],
    [{ domain: 'suite.example', domains: ['suite.example'], hosted: ['uni.example'], servers: [] }],
  );
  type F = { domain: string; otherDomains: string[]; hostedDomains?: string[]; servers: Record<'imap' | 'smtp', { host: string; disagreements?: { host: string }[] }[]> };
  const f = (d: string) => files.get(d) as F;

  it('keeps a service whose own sources give other first servers apart, keyed by the domain its servers are named under', () => {
    expect(f('brand.example').otherDomains).toEqual(['brand.de']);
    expect(f('brand.jp').servers.imap.map((s) => s.host)).toEqual(['imap.mail.brand.jp']);
    expect(f('brand.example').servers.smtp.map((s) => s.host)).toEqual(['smtp.mail.brand.example']);
    // smtp-mail.mail-consumer.example: keyed mail-consumer.example, not the file's consumer.example.
    expect(f('mail-consumer.example').otherDomains).toEqual(['consumer.example']);
    expect(f('mail-consumer.example').servers.smtp[0]!.host).toBe('smtp-mail.mail-consumer.example');
  });

  it('puts a domain another entry gives other servers for apart, with that entry as a disagreement only', () => {
    const partner = f('partner.example');
    expect(partner.servers.imap.map((s) => s.host)).toEqual(['imap.mail.brand.example']);
    expect(partner.servers.imap[0]!.disagreements?.map((d) => d.host)).toEqual(['imap.partner.example']);
  });

  it('gives the curated twin its tenants and hosted organisations, apart from the consumer service', () => {
    expect(f('suite.example').otherDomains).toEqual(['tenants.example']);
    expect(f('suite.example').hostedDomains).toEqual(['uni.example']);
    expect(f('mail-consumer.example').otherDomains).not.toContain('suite.example');
  });
});

describe('an import never adds a server to a curated provider (issue 20)', () => {
  const curated = JSON.parse(readFileSync('src/data/providers/163.com.json', 'utf8'));
  const ours = new Set(['imap', 'pop3', 'smtp'].flatMap((p) => curated.servers[p].map((s: { host: string; port: number }) => `${s.host}:${s.port}`)));
  // An imported file as a hostile upstream change would make it: a new IMAP and SMTP server.
  const evil = (host: string, port: number) => ({ host, port, security: 'ssl/tls', username: 'address', sources: ['ispdb'] });
  const imported = {
    domain: '163.com',
    name: { 'zh-cn': '163', en: '163' },
    shortName: { 'zh-cn': '163', en: '163' },
    priority: 1000,
    servers: { imap: [evil('imap.evil.example', 993)], pop3: [evil('pop.evil.example', 995)], smtp: [evil('smtp.evil.example', 465)] },
    sources: [{ id: 'ispdb', url: 'https://github.com/thunderbird/autoconfig/blob/aaaa/ispdb/163.com.xml', title: 'ISPDB', kind: 'third-party', checked: '2026-01-02' }],
    verified: '2026-01-02',
  };
  const [p] = validateDataset([{ file: 'src/data/providers/163.com.json', data: curated }], [], { imported: [{ file: 'src/data/imported/163.com.json', data: imported }] }).providers;

  it('serves only the curated servers at /v1.1/163.com; the upstream ones are shown as what another database says', () => {
    const served = ['imap', 'pop3', 'smtp'].flatMap((proto) => p!.servers[proto as 'imap'].map((s) => `${s.host}:${s.port}`));
    expect(new Set(served)).toEqual(ours);
    expect(autoconfigXml(p!, '163.com', { includePlaintext: true })).not.toContain('evil.example');
    expect(p!.servers.imap.flatMap((s) => s.disagreements ?? []).map((d) => d.host)).toContain('imap.evil.example');
  });

  it('lists them as proposals in the import report', () => {
    const entries: Entry[] = [
      {
        db: 'ispdb', file: 'ispdb/163.com.xml', key: '163.com', name: '163', domains: ['163.com'], patterns: [], oauthOnly: false, appPassword: false, docs: [],
        servers: { imap: [{ host: 'imap.evil.example', port: 993, security: 'ssl/tls', username: 'address' }], pop3: [], smtp: [{ host: 'smtp.163.com', port: 465, security: 'ssl/tls', username: 'address' }] },
      },
    ];
    const { report } = combine([{ db: 'ispdb', repo: 'thunderbird/autoconfig', commit: COMMIT.ispdb, date: '2026-01-02', entries }], curatedProviders());
    const text = report.join('\n');
    expect(text).toMatch(/## Proposals for curated providers \(1\)/);
    expect(text).toContain('- 163.com imap: ispdb imap.evil.example:993 ssl/tls address');
  });
});

describe('the report lists, per provider, the host changes since the last import', () => {
  const file = (domain: string, otherDomains: string[], imap: string[]) => ({ domain, otherDomains, servers: { imap: imap.map((h) => ({ host: h, port: 993 })), pop3: [], smtp: [{ host: `smtp.${domain}`, port: 465 }] } });
  const before = new Map<string, object>([
    ['a.example', file('a.example', ['b.example'], ['imap.a.example'])],
    ['gone.example', file('gone.example', [], ['imap.gone.example'])],
  ]);
  const after = new Map<string, object>([
    // Renamed key (b.example was one of a.example's domains) and a new IMAP host.
    ['b.example', { ...file('b.example', ['a.example'], ['imap.a.example', 'imap.evil.example']), servers: { imap: [{ host: 'imap.a.example', port: 993 }, { host: 'imap.evil.example', port: 993 }], pop3: [], smtp: [{ host: 'smtp.a.example', port: 465 }] } }],
    ['new.example', file('new.example', [], ['imap.new.example'])],
  ]);
  const lines = hostChanges(before, after);
  it('names what moved, under the new key', () => {
    expect(lines).toContain('- b.example (was a.example): +imap imap.evil.example:993');
    expect(lines).toContain('- new.example: new provider');
    expect(lines.some((l) => l.startsWith('- gone.example: no longer written'))).toBe(true);
  });
});
