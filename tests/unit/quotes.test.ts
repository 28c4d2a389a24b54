// A quote is the source's own words; only a quote that states the value lets an official page
// confirm it, and a quote that lacks the value is refused. Synthetic data only.
import { describe, expect, it } from 'vitest';
import { gradeOf, officialSupport, quoteProblem, quoteSupport } from '../../src/lib/evidence.ts';
import { DatasetError, validateDataset } from '../../src/lib/load-dataset.ts';
import { Provider } from '../../src/data/schema.ts';

const NOW = new Date('2026-12-06T06:00:00Z');
const official = { id: 'help', kind: 'official' as const };
const third = { id: 'db', kind: 'third-party' as const };
const smtp = { host: 'smtp.example.com', port: 465, security: 'ssl/tls' as const };

describe('quoteSupport', () => {
  it('needs host and port for a server, as whole tokens', () => {
    expect(quoteSupport('SMTP 服务器：smtp.example.com，SSL 端口 465', smtp)).toBe('all');
    expect(quoteSupport('发送邮件服务器 smtp:smtp.example.com', smtp)).toBe('host');
    expect(quoteSupport('smtp.example.com.cn port 465', smtp)).toBe('none');
    expect(quoteSupport('smtp.example.com port 4650', smtp)).toBe('host');
    expect(quoteSupport('SMTP.Example.com  port 465', smtp)).toBe('all');
  });
  it('needs the password name as written, in any language', () => {
    const pw = { kind: 'authorization-code' as const, name: { 'zh-cn': '授权码', en: 'authorization code' } };
    expect(quoteSupport('请使用授权码登录第三方客户端', pw)).toBe('all');
    expect(quoteSupport('use your password', pw)).toBe('none');
    expect(quoteSupport('Sign in with OAuth 2.0 only', { kind: 'oauth-only' as const })).toBe('all');
  });
  it('matches a DNS value with its <placeholder> parts as wildcards, in order', () => {
    const rec = { type: 'CNAME', value: 'selector1-<domain>._domainkey.<tenant>.onmicrosoft.com' };
    expect(quoteSupport('Points to address: selector1-contoso-com._domainkey.contoso.onmicrosoft.com', rec)).toBe('all');
    expect(quoteSupport('selector2-contoso-com._domainkey.contoso.onmicrosoft.com', rec)).toBe('none');
  });
});

describe('quoteProblem', () => {
  it('refuses a server quote without the host, or naming another encryption', () => {
    expect(quoteProblem('port 465', smtp)).toMatch(/does not contain the host smtp\.example\.com/);
    expect(quoteProblem('smtp.example.com 465 STARTTLS', smtp)).toMatch(/names starttls/);
    expect(quoteProblem('smtp.example.com 465 SSL', smtp)).toBeNull();
    expect(quoteProblem('smtp.example.com', smtp)).toBeNull();
  });
  it('refuses a password quote without its name', () => {
    expect(quoteProblem('use your password', { kind: 'app-password' as const, name: { 'zh-cn': '应用专用密码', en: 'app password' } })).toMatch(/password's name/);
  });
});

describe('grades from quotes', () => {
  const sources = [official, third];
  it('an official page confirms only what its quote states', () => {
    expect(gradeOf({ ...smtp, sources: ['help'], quotes: { help: 'smtp.example.com SSL 465' } }, sources)).toBe('confirmed');
    expect(gradeOf({ ...smtp, sources: ['help'], quotes: { help: 'smtp.example.com' } }, sources)).toBe('single-source');
    expect(officialSupport({ ...smtp, sources: ['help'], quotes: { help: 'smtp.example.com' } }, sources)).toBe('host');
    expect(gradeOf({ ...smtp, sources: ['help'] }, sources)).toBe('single-source');
  });
  it('a third-party quote never confirms', () => {
    expect(gradeOf({ ...smtp, sources: ['db'], quotes: { db: 'smtp.example.com 465' } }, sources)).toBe('single-source');
  });
});

const provider = (server: unknown) => ({
  domain: 'example.com',
  name: { 'zh-cn': '示例', en: 'Example' },
  shortName: { 'zh-cn': '示例', en: 'Example' },
  priority: 1,
  servers: { imap: [{ host: 'imap.example.com', port: 993, security: 'ssl/tls', username: 'address', sources: ['help'] }], smtp: [server] },
  password: { kind: 'account-password', name: { 'zh-cn': '密码', en: 'password' }, how: { 'zh-cn': '登录密码', en: 'login password' }, sources: ['help'] },
  access: { onByDefault: true, how: { 'zh-cn': '默认开启', en: 'on' }, sources: ['help'] },
  sources: [{ id: 'help', url: 'https://example.com/help', title: 'Help', kind: 'official', checked: '2026-12-01' }],
  verified: '2026-12-01',
});

describe('the validator', () => {
  it('refuses a quote that lacks the value, naming file, field and value', () => {
    const bad = provider({ ...smtp, username: 'address', sources: [{ id: 'help', quote: 'POP3 服务器 pop.example.com' }] });
    let problems: string[] = [];
    try {
      validateDataset([{ file: 'src/data/providers/example.com.json', data: bad }], [], { now: NOW });
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
      problems = e.problems;
    }
    expect(problems).toEqual([expect.stringContaining('src/data/providers/example.com.json: servers.smtp[0].sources[0].quote = "POP3 服务器 pop.example.com": does not contain the host smtp.example.com')]);
  });
  it('keeps the quote beside its id and gives plain ids to code that needs ids', () => {
    const p = Provider.parse(provider({ ...smtp, username: 'address', sources: [{ id: 'help', quote: 'smtp.example.com:465 SSL' }] }));
    expect(p.servers.smtp[0]).toMatchObject({ sources: ['help'], quotes: { help: 'smtp.example.com:465 SSL' } });
    expect(() => validateDataset([{ file: 'src/data/providers/example.com.json', data: provider({ ...smtp, username: 'address', sources: [{ id: 'help', quote: 'smtp.example.com:465 SSL' }] }) }], [], { now: NOW })).not.toThrow();
  });
});
