import { describe, expect, it } from 'vitest';
import { providers, clients } from '../../src/lib/dataset.ts';
import { rankServers, recommended, incomingProtocol, serverPair } from '../../src/lib/servers.ts';
import { guideContext, guideQuirks, hasGuide } from '../../src/lib/guide.ts';
import { profileServers } from '../../src/lib/profile.ts';
import { domainsOf } from '../../src/lib/domains.ts';
import type { Provider } from '../../src/data/schema.ts';

const byDomain = (d: string) => providers.find((p) => p.domain === d)!;

// A synthetic official page, so the case does not depend on which pages the 163.com file cites.
const OFFICIAL = { id: 'fixture-official', url: 'https://example.com/help', title: 'Fixture: the provider’s own page', kind: 'official' as const, checked: '2026-12-06' };
const fake = (smtp: Provider['servers']['smtp']): Provider => ({ ...byDomain('163.com'), sources: [...byDomain('163.com').sources, OFFICIAL], servers: { imap: [], pop3: [], smtp } });
// Cites the official page, with a quote that states the server, when `confirmed`, else a third-party one.
const server = (port: number, security: 'ssl/tls' | 'starttls' | 'none', confirmed = false) => ({
  host: 'smtp.example.com',
  port,
  security,
  username: 'address' as const,
  ...(confirmed ? { sources: [OFFICIAL.id], quotes: { [OFFICIAL.id]: `smtp.example.com ${port}` } } : { sources: ['ispdb'] }),
});

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

describe('serverPair: the one incoming/outgoing pair pages, guides and profiles use', () => {
  it('is the encrypted recommendation; for a guide on a plaintext-only provider, the best plaintext server', () => {
    const plain = fake([server(25, 'none'), server(2525, 'none')]);
    expect(serverPair(plain).outgoing).toBeUndefined();
    expect(serverPair(plain, { plaintext: true }).outgoing).toMatchObject({ port: 25, security: 'none' });
    const mixed = fake([server(25, 'none'), server(587, 'starttls')]);
    expect(serverPair(mixed).outgoing).toMatchObject({ port: 587 });
    expect(serverPair(mixed, { plaintext: true }).outgoing).toMatchObject({ port: 587 });
  });

  it('is the pair every guide and profile of the dataset sets up', () => {
    for (const p of providers) {
      const pair = serverPair(p);
      const profile = profileServers(p);
      if (profile) expect(profile, p.domain).toEqual(pair);
      for (const c of clients) {
        if (!hasGuide(p, c)) continue;
        const ctx = guideContext('en', p, c);
        expect({ incoming: ctx.incoming, outgoing: ctx.outgoing }, `${p.domain} ${c.id}`).toEqual(serverPair(p, { supported: c.protocols, plaintext: true }));
        if (pair.incoming && c.protocols.includes(pair.incoming.protocol)) expect(ctx.incoming, `${p.domain} ${c.id}`).toEqual(pair.incoming);
      }
    }
  });
});

describe('domainsOf', () => {
  it('lists the primary domain first, then the others', () => {
    expect(domainsOf({ domain: 'qq.com', otherDomains: ['foxmail.com', 'vip.qq.com'] })).toEqual(['qq.com', 'foxmail.com', 'vip.qq.com']);
    expect(domainsOf({ domain: 'a.example', otherDomains: [] })).toEqual(['a.example']);
  });
});

describe('guideQuirks', () => {
  const quirk = (id: string, protocols: ('imap' | 'pop3' | 'smtp')[]) => ({ id, protocols, title: { 'zh-cn': id, en: id }, body: { 'zh-cn': id, en: id }, fix: { 'zh-cn': id, en: id }, sources: ['ispdb'] });
  it('keeps the quirks of the incoming protocol the guide sets up and of sending, drops the other incoming protocol', () => {
    const p = { ...byDomain('163.com'), quirks: [quirk('imap-only', ['imap']), quirk('pop-only', ['pop3']), quirk('send', ['smtp'])] };
    const incoming = rankServers(p, 'imap')[0]!;
    expect(guideQuirks({ provider: p, incoming }).map((q) => q.id)).toEqual(['imap-only', 'send']);
    expect(guideQuirks({ provider: p, incoming: rankServers(p, 'pop3')[0]! }).map((q) => q.id)).toEqual(['pop-only', 'send']);
  });
});
