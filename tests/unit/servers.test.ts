import { describe, expect, it } from 'vitest';
import { providers, clients } from '../../src/lib/dataset.ts';
import { rankServers, recommended, incomingProtocol } from '../../src/lib/servers.ts';
import { guideContext } from '../../src/lib/guide.ts';
import type { Provider } from '../../src/data/schema.ts';

const byDomain = (d: string) => providers.find((p) => p.domain === d)!;

const fake = (smtp: Provider['servers']['smtp']): Provider => ({ ...byDomain('163.com'), servers: { imap: [], pop3: [], smtp } });
// Cites an official page of 163.com (read) when `confirmed`, else a third-party one.
const server = (port: number, security: 'ssl/tls' | 'starttls' | 'none', confirmed = false) => ({ host: 'smtp.example.com', port, security, username: 'address' as const, sources: [confirmed ? 'netease-smtp-auth' : 'ispdb'] });

describe('recommended servers (RFC 8314: implicit TLS first, plaintext never)', () => {
  it('puts implicit TLS before STARTTLS before plaintext, whatever the file order', () => {
    const ranked = rankServers(fake([server(25, 'none'), server(587, 'starttls'), server(465, 'ssl/tls')]), 'smtp');
    expect(ranked.map((s) => s.port)).toEqual([465, 587, 25]);
    expect(ranked.map((s) => s.recommended)).toEqual([true, false, false]);
  });

  it('prefers a confirmed server among equals', () => {
    expect(recommended(fake([server(465, 'ssl/tls'), server(994, 'ssl/tls', true)]), 'smtp')?.port).toBe(994);
  });

  it('recommends nothing when only plaintext is offered', () => {
    expect(recommended(fake([server(25, 'none')]), 'smtp')).toBeUndefined();
  });

  it('recommends the best encryption each provider in the dataset offers, never plaintext', () => {
    const best = (servers: { security: string }[]) => ['ssl/tls', 'starttls'].find((sec) => servers.some((s) => s.security === sec));
    for (const p of providers) {
      for (const proto of ['imap', 'pop3', 'smtp'] as const) {
        const offered = best(p.servers[proto]);
        expect(recommended(p, proto)?.security, `${p.domain} ${proto}`).toBe(offered);
        if (offered) expect(p.servers[proto], `${p.domain} ${proto}`).toContainEqual(expect.objectContaining({ host: recommended(p, proto)!.host, port: recommended(p, proto)!.port }));
      }
    }
  });

  it('whatever order the file lists them in, plaintext first included', () => {
    const servers = [server(25, 'none', true), server(587, 'starttls', true), server(465, 'ssl/tls'), server(26, 'none')];
    for (let i = 0; i < servers.length; i++) {
      const order = [...servers.slice(i), ...servers.slice(0, i)];
      expect(recommended(fake(order), 'smtp')?.port).toBe(465);
      expect(recommended(fake(order.filter((s) => s.security !== 'ssl/tls')), 'smtp')?.port).toBe(587);
    }
  });

  it('sets up IMAP when offered, POP3 otherwise', () => {
    expect(incomingProtocol(byDomain('163.com'))).toBe('imap');
    expect(incomingProtocol(byDomain('163.com'), ['pop3', 'smtp'])).toBe('pop3');
  });
});

describe('the 163.com guides', () => {
  it('use imap.163.com:993 and smtp.163.com:465, and list the rest as alternatives', () => {
    const ctx = guideContext('en', byDomain('163.com'), clients.find((c) => c.id === 'ios')!);
    expect([ctx.incoming.host, ctx.incoming.port, ctx.outgoing.host, ctx.outgoing.port]).toEqual(['imap.163.com', 993, 'smtp.163.com', 465]);
    expect(ctx.alternatives.map((s) => `${s.protocol}:${s.port}`)).toEqual(['imap:143', 'pop3:995', 'pop3:110', 'smtp:994', 'smtp:25']);
  });
});
