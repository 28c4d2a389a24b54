import { describe, expect, it } from 'vitest';
import { servers } from '../../../src/lib/rules/servers.ts';
import { check, FILES, provider } from './fixtures.ts';

describe('servers: ports as their RFC defines them, no server twice, a way to receive', () => {
  it('passes the fixture', () => expect(check(servers, provider())).toEqual([]));

  it('refuses STARTTLS on 993 unless an exception cites its source', () => {
    const p = provider();
    p.servers.imap[0]!.security = 'starttls';
    expect(check(servers, p)[0]).toMatch(/^src\/data\/providers\/mail\.example\.json: servers\.imap\[0\]\.security = "starttls": port 993 .*add an "exception"/);
    p.servers.imap[0]!.exception = { reason: { 'zh-cn': '文档如此', en: 'documented so' }, source: 'help' };
    expect(check(servers, p)).toEqual([]);
  });

  it('refuses the same host and port twice', () => {
    const p = provider();
    p.servers.smtp.push({ ...p.servers.smtp[0]! });
    expect(check(servers, p)).toEqual([`${FILES.provider}: servers.smtp[1].port = 465: duplicates servers.smtp[0] (smtp.mail.example:465)`]);
  });

  it('refuses a provider with no IMAP or POP3 server', () => {
    const p = provider();
    p.servers.imap = [];
    expect(check(servers, p)).toEqual([`${FILES.provider}: servers = (missing): a provider needs an IMAP or a POP3 server`]);
  });
});
