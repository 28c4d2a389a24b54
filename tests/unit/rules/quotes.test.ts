import { describe, expect, it } from 'vitest';
import { quotes } from '../../../src/lib/rules/quotes.ts';
import { DnsRecords, Provider } from '../../../src/data/schema.ts';
import { check, dnsFile, FILES, provider } from './fixtures.ts';

/** A fixture as its schema reads it: `{ id, quote }` citations become ids and quotes by id. */
const parsedProvider = (mutate: (p: any) => void) => {
  const p = provider() as any;
  mutate(p);
  return Provider.parse(p);
};
const parsedDns = (mutate: (d: any) => void) => {
  const d = dnsFile() as any;
  mutate(d);
  return DnsRecords.parse(d);
};
const cite = (quote: string) => [{ id: 'help', quote }];

describe('quotes: a quote contains the value it stands beside', () => {
  it('passes quotes that state the value, in any language', () => {
    const p = parsedProvider((p) => {
      p.servers.imap[0].sources = cite('IMAP 服务器：imap.mail.example，SSL 端口 993');
      p.servers.smtp[0].sources = cite('Outgoing server smtp.mail.example');
      p.password.sources = cite('请在设置中生成 app password（中）后登录');
    });
    expect(check(quotes, p)).toEqual([]);
  });

  it('refuses a server quote without the host, or naming another encryption', () => {
    const p = parsedProvider((p) => {
      p.servers.imap[0].sources = cite('POP3 服务器 pop.mail.example 995');
      p.servers.smtp[0].sources = cite('smtp.mail.example 465 STARTTLS');
    });
    expect(check(quotes, p)).toEqual([
      `${FILES.provider}: servers.imap[0].sources[0].quote = "POP3 服务器 pop.mail.example 995": does not contain the host imap.mail.example; quote the words that name it`,
      `${FILES.provider}: servers.smtp[0].sources[0].quote = "smtp.mail.example 465 STARTTLS": names starttls encryption, but the server says ssl/tls`,
    ]);
  });

  it('refuses a password quote without the password’s name as written', () => {
    const p = parsedProvider((p) => (p.password.sources = cite('use your password')));
    expect(check(quotes, p)).toEqual([`${FILES.provider}: password.sources[0].quote = "use your password": does not contain the password's name (app password（中） / app password) as the source writes it`]);
  });

  it('reads <…> in a DNS value as any text, and refuses a quote without the value', () => {
    const ok = parsedDns((d) => {
      d.records[0].value = '<tenant>.mx.mail.example';
      d.records[0].sources = cite('Points to: contoso-com.mx.mail.example');
    });
    expect(check(quotes, ok, { file: FILES.dns })).toEqual([]);
    const bad = parsedDns((d) => (d.records[1].sources = cite('add an SPF record')));
    expect(check(quotes, bad, { file: FILES.dns })).toEqual([`${FILES.dns}: records[1].sources[0].quote = "add an SPF record": does not contain the value v=spf1 include:spf.mail.example -all`]);
  });

  it('answers quickly for a long record value full of unclosed <', () => {
    const d = parsedDns((d) => {
      d.records[1].value = 'v=spf1 ' + '<a'.repeat(200_000);
      d.records[1].sources = cite('v=spf1 include:spf.mail.example -all');
    });
    const start = performance.now();
    expect(check(quotes, d, { file: FILES.dns })).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
