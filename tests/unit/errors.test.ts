// The error dataset: bad entries fail naming file, field and value; pages get the right
// errors, grades and links; pasted replies lose their variable parts before searching.
import { describe, expect, it } from 'vitest';
import { providers, clients, knownErrors } from '../../src/lib/dataset.ts';
import { DatasetError, FOLDERS, loadDataset, type RawFile } from '../../src/lib/load-dataset.ts';
import { readDatasetFiles } from '../../src/integrations/read-dataset.ts';
import { checkCommands, errorAction, errorGrade, errorsFor, fixLinks, guidePicker, meaningGrade, IMAP_ID_QUIRK, PICKER_MAX } from '../../src/lib/errors.ts';
import { passwordName } from '../../src/lib/password.ts';
import { keyTerms, looksLikeReply, normaliseQuery, searchQueries } from '../../src/lib/query.ts';

const FILE = 'src/data/errors/fixture.json';
const APPS = { file: 'src/data/errors/apps.json', data: [{ id: 'aosp-email', name: { 'zh-cn': '安卓“电子邮件”应用（AOSP 版）', en: 'Android Email app (AOSP)' } }] };
const L = (s: string) => ({ 'zh-cn': `${s}（中）`, en: s });

/** The shipped providers, clients and guides with these error files (apps.json among them) instead of the shipped ones. */
const others = readDatasetFiles().filter((f) => !f.file.startsWith(FOLDERS.errors));
const withErrors = (files: RawFile[], apps: RawFile = APPS) => loadDataset([...others, ...[...files, apps].map((f) => ({ file: f.file, text: JSON.stringify(f.data) }))]);

/** A small valid file: one official source, one bug report, one error. */
function fixture() {
  return {
    errors: [
      {
        id: 'fixture-535',
        title: L('535 fixture'),
        symptom: 'password-rejected',
        protocols: ['smtp'],
        direction: 'sending',
        providers: ['163.com'],
        clients: ['ios'],
        texts: [{ text: '535 Error: authentication failed,{server id}', lang: 'en', where: 'smtp-reply', sources: ['report', 'vendor'] }],
        meaning: { text: L('wrong password'), sources: [] as string[] },
        causes: [{ text: L('web password used'), fix: [{ text: L('use the code'), step: 'step-password', section: 'password' }] }],
      },
    ],
    sources: [
      { id: 'vendor', url: 'https://example.com/help', title: 'Vendor help', kind: 'official', checked: '2026-11-28' },
      { id: 'report', url: 'https://example.com/issue/1', title: 'Bug report', kind: 'third-party', checked: '2026-11-28' },
    ],
    verified: '2026-11-28',
  };
}

function problemsOf(mutate: (f: any) => void = () => {}, apps: { file: string; data: unknown } = APPS): string[] {
  const data = fixture();
  mutate(data);
  try {
    withErrors([{ file: FILE, data }], apps);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  return [];
}

describe('error dataset validation', () => {
  it('accepts a valid file', () => {
    expect(problemsOf()).toEqual([]);
  });

  const cases: [string, (f: any) => void, string, string][] = [
    ['unknown provider', (f) => (f.errors[0].providers = ['nowhere.example']), 'errors[0].providers[0] = "nowhere.example"', 'primary domain'],
    ['another domain of a provider instead of its primary one', (f) => (f.errors[0].providers = ['foxmail.com']), 'errors[0].providers[0] = "foxmail.com"', 'primary domain'],
    ['unknown client', (f) => (f.errors[0].clients = ['outlook-express']), 'errors[0].clients[0] = "outlook-express"', 'neither a client'],
    ['text citing an unknown source', (f) => (f.errors[0].texts[0].sources = ['nowhere']), 'errors[0].texts[0].sources[0] = "nowhere"', 'not the id of a source'],
    ['meaning citing an unknown source', (f) => (f.errors[0].meaning.sources = ['nowhere']), 'errors[0].meaning.sources[0] = "nowhere"', 'not the id of a source'],
    ['a user’s IP address in a quoted reply', (f) => (f.errors[0].texts[0].text = '554 DT:SPM ?ip=192.0.2.1'), 'errors[0].texts[0].text', '{IP address}'],
    ['a step no client of the error has', (f) => (f.errors[0].causes[0].fix[0].step = 'step-ssl-magic'), 'errors[0].causes[0].fix[0].step = "step-ssl-magic"', 'not a step of ios'],
    ['a step for an app without a guide', (f) => (f.errors[0].clients = ['aosp-email']), 'errors[0].causes[0].fix[0].step = "step-password"', 'provider "section"'],
    ['unknown symptom', (f) => (f.errors[0].symptom = 'sad'), 'errors[0].symptom = "sad"', ''],
    ['missing English', (f) => delete f.errors[0].title.en, 'errors[0].title.en = (missing)', ''],
    ['a cause without a fix', (f) => (f.errors[0].causes[0].fix = []), 'errors[0].causes[0].fix = []', 'at least one step'],
    ['a source nobody cites', (f) => f.sources.push({ id: 'spare', url: 'https://example.com/x', title: 'x', kind: 'third-party', checked: '2026-11-28' }), 'sources[2].id = "spare"', 'not cited'],
    ['unknown field', (f) => (f.errors[0].severity = 'high'), 'errors[0].severity = "high"', 'not a known field'],
  ];
  for (const [name, mutate, field, hint] of cases) {
    it(name, () => {
      const problems = problemsOf(mutate);
      const line = problems.find((p) => p.startsWith(`${FILE}: ${field}`));
      expect(line, problems.join('\n')).toBeDefined();
      expect(line).toContain(hint);
    });
  }

  it('an id used twice across files', () => {
    const problems = (() => {
      try {
        withErrors([{ file: FILE, data: fixture() }, { file: 'src/data/errors/other.json', data: fixture() }]);
      } catch (e) {
        return (e as DatasetError).problems;
      }
      return [];
    })();
    expect(problems).toEqual([`src/data/errors/other.json: errors[0].id = "fixture-535": is already the id of an error in ${FILE}`]);
  });

  it('an app that now has a client file', () => {
    const problems = problemsOf(() => {}, { file: APPS.file, data: [{ id: 'ios', name: L('iOS') }] });
    expect(problems).toEqual([`${APPS.file}: [0].id = "ios": is a client with guides now; remove it from the apps list`]);
  });
});

describe('errors on pages', () => {
  const p163 = providers.find((p) => p.domain === '163.com')!;
  const gmail = providers.find((p) => p.domain === 'gmail.com')!;

  it('a provider gets its own servers’ replies and every app’s messages, not other providers’ replies', () => {
    const ids = errorsFor(knownErrors, p163).map((e) => e.id);
    for (const e of knownErrors) expect(ids.includes(e.id), e.id).toBe(e.providers.length === 0 || e.providers.includes('163.com'));
  });

  it('a guide gets only the errors of its client or of any client', () => {
    for (const e of errorsFor(knownErrors, gmail, 'ios')) expect(e.clients.length === 0 || e.clients.includes('ios'), e.id).toBe(true);
  });

  it('grades come from the sources a text cites', () => {
    const data = fixture();
    const [e] = withErrors([{ file: FILE, data }]).errors.filter((e) => e.file === FILE);
    expect(errorGrade(e!)).toBe('confirmed');
    expect(meaningGrade(e!)).toBeNull();
    data.errors[0]!.texts[0]!.sources = ['report'];
    data.errors[0]!.meaning.sources = ['vendor'];
    const [f] = withErrors([{ file: FILE, data }]).errors.filter((e) => e.file === FILE);
    expect(errorGrade(f!)).toBe('single-source');
    // The vendor's page is cited, but its words are not quoted: one source, not a confirmation.
    expect(meaningGrade(f!)).toBe('single-source');
    (data.errors[0]!.meaning as { sources: unknown[] }).sources = [{ id: 'vendor', quote: 'The server refused the login.' }];
    const [g] = withErrors([{ file: FILE, data }]).errors.filter((e) => e.file === FILE);
    expect(meaningGrade(g!)).toBe('confirmed');
  });

  it('a fix step links the guide step of each provider and client, or the provider section', () => {
    const [e] = withErrors([{ file: FILE, data: fixture() }]).errors.filter((e) => e.file === FILE);
    expect(fixLinks('en', e!, { step: 'step-password', section: 'password' }, providers, clients)).toEqual([{ href: '/en/163.com/ios/#step-password', label: clients.find((c) => c.id === 'ios')!.name.en }]);
    const app = { ...e!, clients: ['aosp-email'] };
    expect(fixLinks('zh-cn', app, { section: 'password' }, providers, clients)).toEqual([{ href: '/zh-cn/163.com/#password', label: p163.shortName['zh-cn'] }]);
  });

  it('every fix step of the shipped dataset links somewhere that exists', () => {
    for (const e of knownErrors)
      for (const c of e.causes)
        for (const f of c.fix) {
          if (!f.step && !f.section) continue;
          const links = fixLinks('en', e, f, providers, clients);
          expect(links.length, `${e.id}: ${f.text.en}`).toBeGreaterThan(0);
          for (const l of links) {
            const [, , domain, client] = l.href.split(/[/#]/);
            expect(providers.some((p) => p.domain === domain), l.href).toBe(true);
            if (client) expect(clients.find((x) => x.id === client)?.steps, l.href).toContain(l.href.split('#')[1]);
          }
        }
  });

  it('an error page’s picker holds each guide link once, at most PICKER_MAX, each to a page that exists (issue 21)', () => {
    for (const locale of ['zh-cn', 'en'] as const)
      for (const e of knownErrors) {
        const { links, others } = guidePicker(locale, e, providers, clients);
        const hrefs = [...links, ...others].map((l) => l.href);
        expect(hrefs.length, e.id).toBeLessThanOrEqual(PICKER_MAX);
        expect(new Set(hrefs).size, e.id).toBe(hrefs.length);
        for (const href of hrefs) {
          const [, , domain, client] = href.split('#')[0]!.split('/');
          expect(providers.some((p) => p.domain === domain), href).toBe(true);
          if (client) expect(clients.some((c) => c.id === client), href).toBe(true);
        }
      }
  });

  it('the one action names the password, or the apps that send IMAP ID, from the data', () => {
    const [e] = withErrors([{ file: FILE, data: fixture() }]).errors.filter((x) => x.file === FILE);
    expect(errorAction('zh-cn', e!, providers, clients).password).toEqual({ name: passwordName(p163, 'zh-cn'), href: '/zh-cn/163.com/#password' });
    const withQuirk = providers.find((p) => p.quirks.some((q) => q.id === IMAP_ID_QUIRK))!;
    const unsafe = { ...e!, providers: [withQuirk.domain], causes: [{ text: L('no ID'), fix: [{ text: L('use an app that sends ID'), section: 'quirks' as const }] }] };
    expect(errorAction('en', unsafe, providers, clients).imapIdApps).toEqual(clients.filter((c) => c.behaviour?.imapId === true).map((c) => c.name.en));
  });

  it('connection checks follow each server’s encryption', () => {
    const server = (security: 'ssl/tls' | 'starttls' | 'none') => ({ host: 'mail.example.com', port: 1234, security, username: 'address' as const, sources: ['x'], confirmed: false });
    expect(checkCommands(server('ssl/tls'), 'imap')).toEqual({ openssl: 'openssl s_client -connect mail.example.com:1234 -servername mail.example.com', powershell: 'Test-NetConnection mail.example.com -Port 1234' });
    expect(checkCommands(server('starttls'), 'smtp').openssl).toBe('openssl s_client -connect mail.example.com:1234 -servername mail.example.com -starttls smtp');
    expect(checkCommands(server('starttls'), 'pop3').openssl).toMatch(/-starttls pop3$/);
    expect(checkCommands(server('none'), 'pop3').openssl).toBeUndefined();
  });
});

describe('pasted replies lose their variable parts', () => {
  const cases: [string, string][] = [
    ['554 DT:SPM 126 smtp10,NuRpCgC3LP0tp3VdPt4LMQ--.5577S2 1567991603,please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.10&hostid=smtp10&time=1567991603', '554 DT:SPM 126 please see'],
    ['553 authentication is required,smtp13,EcCowECZoy+xLGNU4LXrAQ--.2290S2 1415785650', '553 authentication is required'],
    ['Login to server imap.163.com with username someone@163.com failed.', 'Login to server with username failed'],
    ['以用户名 someone@163.com 登录服务器 imap.163.com 失败。', '以用户名 登录服务器 失败'],
    ['以用户名someone@163.com登录服务器imap.163.com失败。', '以用户名 登录服务器 失败'],
    ["Task 'me@example.com - Sending' reported error (0x8004210b) : 'The operation timed out'", 'Task Sending reported error 0x8004210b The operation timed out'],
    ['NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)', 'NO [ALERT] Application-specific password required Failure'],
    ['2024-05-01 12:30:01 535 Error: authentication failed', '535 Error authentication failed'],
  ];
  for (const [pasted, clean] of cases) it(pasted.slice(0, 50), () => expect(normaliseQuery(pasted)).toBe(clean));

  it('leaves ordinary searches alone', () => {
    // A Japanese name glued to Latin letters is one word in the index, not a pasted reply to split.
    for (const q of ['465', 'smtp.163.com', '163 iPhone', '授权码', 'DT:SPM', '0x800CCC0E', 'Unsafe Login', 'TikiTikiインターネット']) expect(normaliseQuery(q)).toBe(q);
  });

  it('keeps the codes for a second try', () => {
    expect(keyTerms('535-5.7.8 Username and Password not accepted. For more information, go to')).toBe('535-5.7.8');
    expect(keyTerms('Task x reported error (0x800CCC0E) : Cannot connect')).toBe('0x800CCC0E');
    expect(keyTerms('550 MI:SPF 163 mx49,Y8CowABHDZS0MLtb+QOjRQ--.39199S3 1538994358')).toBe('550 MI:SPF 163');
  });

  it('tries the cleaned query, then the codes, then its first words, each once', () => {
    expect(searchQueries('535 Error: authentication failed, system busy (smtp.exmail.qq.com)')).toEqual(['535 Error authentication failed system busy', '535', '535 Error authentication']);
    expect(searchQueries('someone@126.com')).toEqual([]);
  });
});

describe('a pasted reply is told from a question', () => {
  it('a reply with a code, an address among its words, or a reply’s length is a reply', () => {
    for (const q of ["Task 'someone@163.com - Sending' reported error (0x8004210b)", '以用户名 someone@163.com 登录服务器 imap.163.com 失败。', '无法向发件服务器（SMTP） smtp.qq.com 进行认证。请检查密码和验证“账号设置 | 服务器设置”中的“认证方式”', '554 DT:SPM 163 smtp10']) expect(looksLikeReply(q), q).toBe(true);
  });
  it('a question, a port, a hostname or an address alone is not', () => {
    for (const q of ['yeah.net smtp 端口', '163邮箱imap服务器地址', 'what is the smtp port for gmail', 'qq mail smtp port 465', '993', 'imap.exmail.qq.com', 'name@163.com']) expect(looksLikeReply(q), q).toBe(false);
  });
  it('every verbatim error text of the dataset that carries a reply code reads as a reply', () => {
    for (const e of knownErrors) for (const x of e.texts) if (keyTerms(x.text).split(' ').some((w) => w && !/^\d{3}$/.test(w))) expect(looksLikeReply(x.text), x.text).toBe(true);
  });
});
