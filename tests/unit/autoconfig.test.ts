// Every /v1.1/{domain} file, parsed back with an XML parser (not the library that wrote it),
// says what the dataset says, in the ISPDB's format and in the order of preference.
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { providers } from '../../src/lib/dataset.ts';
import type { Protocol, Provider, Security } from '../../src/data/schema.ts';
import { autoconfigXml } from '../../src/lib/autoconfig.ts';
import { recommended } from '../../src/lib/servers.ts';
import { GET, getStaticPaths } from '../../src/pages/v1.1/[domain].xml.ts';
import { domainsOf } from '../../src/lib/domains.ts';

const SITE = 'https://portolan.example';

interface XmlServer {
  '@type': string;
  hostname: string;
  port: string;
  socketType: string;
  username: string;
  authentication: string[];
}
interface XmlConfig {
  clientConfig: {
    '@version': string;
    emailProvider: {
      '@id': string;
      domain: string[];
      displayName: string;
      displayShortName: string;
      incomingServer: XmlServer[];
      outgoingServer?: XmlServer[];
      documentation?: { '@url': string; descr: { '#text'?: string; '@lang'?: string } | string }[];
    };
  };
}

const REPEATED = new Set(['domain', 'incomingServer', 'outgoingServer', 'documentation', 'authentication']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, isArray: (name) => REPEATED.has(name) });

function parse(xml: string): XmlConfig['clientConfig']['emailProvider'] & { version: string } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const doc = parser.parse(xml) as XmlConfig;
  return { version: doc.clientConfig['@version'], ...doc.clientConfig.emailProvider };
}

const SOCKET: Record<Security, string> = { 'ssl/tls': 'SSL', starttls: 'STARTTLS', none: 'plain' };
const key = (protocol: string, host: string, port: number | string, socket: string) => `${protocol} ${host}:${port} ${socket}`;
const xmlKey = (s: XmlServer) => key(s['@type'], s.hostname, s.port, s.socketType);
const dataKeys = (p: Provider, protocols: Protocol[], keep: (s: { security: Security }) => boolean) =>
  protocols.flatMap((proto) => p.servers[proto].filter(keep).map((s) => key(proto, s.host, s.port, SOCKET[s.security])));


const base163 = () => structuredClone(providers.find((p) => p.domain === '163.com')!);

describe('autoconfig XML of every provider, for every domain', () => {
  for (const provider of providers) {
    for (const domain of domainsOf(provider)) {
      describe(`/v1.1/${domain}`, () => {
        // Built when the tests run, not while they are collected, so a failure is this file's test failing.
        let xml: string, cfg: ReturnType<typeof parse>, incoming: XmlServer[], outgoing: XmlServer[];
        beforeAll(() => {
          xml = autoconfigXml(provider, domain, { site: SITE });
          cfg = parse(xml);
          incoming = cfg.incomingServer;
          outgoing = cfg.outgoingServer ?? [];
        });

        it('is a clientConfig 1.1 whose emailProvider is the primary domain and lists every domain', () => {
          expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
          expect(cfg.version).toBe('1.1');
          expect(cfg['@id']).toBe(provider.domain);
          expect(cfg.domain).toEqual(domainsOf(provider));
          expect(cfg.displayName).toBe(provider.name.en);
          expect(cfg.displayShortName).toBe(provider.shortName.en);
        });

        it('lists exactly the encrypted servers of the dataset; plaintext only on a side that offers nothing else', () => {
          for (const [listed, protocols] of [[incoming, ['imap', 'pop3']], [outgoing, ['smtp']]] as const) {
            const encrypted = dataKeys(provider, [...protocols], (s) => s.security !== 'none');
            const expected = encrypted.length ? encrypted : dataKeys(provider, [...protocols], () => true);
            expect(listed.map(xmlKey).sort()).toEqual(expected.sort());
            if (encrypted.length) expect(listed.map((s) => s.socketType)).not.toContain('plain');
          }
        });

        it('puts IMAP before POP3, and the recommended server of each protocol first', () => {
          const types = incoming.map((s) => s['@type']);
          expect(types).toEqual([...types].sort((a, b) => (a === b ? 0 : a === 'imap' ? -1 : 1)));
          for (const proto of ['imap', 'pop3', 'smtp'] as const) {
            const rec = recommended(provider, proto);
            // A plaintext-only protocol has no recommended server; its file lists it anyway.
            if (!rec && provider.servers[proto].every((s) => s.security === 'none')) continue;
            const first = [...incoming, ...outgoing].find((s) => s['@type'] === proto);
            expect(first && key(proto, first.hostname, first.port, first.socketType)).toBe(rec && key(proto, rec.host, rec.port, SOCKET[rec.security]));
          }
          for (const list of [incoming.filter((s) => s['@type'] === 'imap'), incoming.filter((s) => s['@type'] === 'pop3'), outgoing]) {
            const order = list.map((s) => ['SSL', 'STARTTLS'].indexOf(s.socketType));
            expect(order).toEqual([...order].sort());
          }
        });

        it('names the user and the password the way the dataset does', () => {
          for (const s of [...incoming, ...outgoing]) {
            const data = provider.servers[s['@type'] as Protocol].find((d) => d.host === s.hostname && d.port === Number(s.port))!;
            expect(s.username).toBe({ address: '%EMAILADDRESS%', localpart: '%EMAILLOCALPART%', 'localpart.domain': '%EMAILLOCALPART%.%EMAILDOMAIN%' }[data.username]);
            expect(s.authentication).toEqual([provider.password?.kind === 'oauth-only' ? 'OAuth2' : 'password-cleartext']);
          }
        });

        it('documents its values: the Portolan pages, then every source a listed server or the password cites', () => {
          const urls = (cfg.documentation ?? []).map((d) => d['@url']);
          expect(urls.slice(0, 2)).toEqual([`${SITE}/zh-cn/${provider.domain}/`, `${SITE}/en/${provider.domain}/`]);
          const cited = new Set([...[...incoming, ...outgoing].flatMap((s) => provider.servers[s['@type'] as Protocol].find((d) => d.host === s.hostname && d.port === Number(s.port))!.sources), ...(provider.password?.sources ?? [])]);
          expect(urls.slice(2)).toEqual(provider.sources.filter((s) => cited.has(s.id)).map((s) => s.url));
        });
      });
    }
  }
});

describe('autoconfig values a user would check', () => {
  it('163.com: IMAP imap.163.com 993 SSL and SMTP smtp.163.com 465 SSL first, as in the ISPDB’s own 163.com.xml', () => {
    const cfg = parse(autoconfigXml(base163()));
    expect(cfg.incomingServer[0]).toMatchObject({ '@type': 'imap', hostname: 'imap.163.com', port: '993', socketType: 'SSL', username: '%EMAILADDRESS%', authentication: ['password-cleartext'] });
    expect(cfg.outgoingServer![0]).toMatchObject({ '@type': 'smtp', hostname: 'smtp.163.com', port: '465', socketType: 'SSL', username: '%EMAILADDRESS%', authentication: ['password-cleartext'] });
    expect(cfg.incomingServer.map(xmlKey)).toEqual(['imap imap.163.com:993 SSL', 'pop3 pop.163.com:995 SSL']);
    expect(cfg.outgoingServer!.map(xmlKey)).toEqual(['smtp smtp.163.com:465 SSL', 'smtp smtp.163.com:994 SSL']);
  });

  it('lists plaintext servers only when asked, as "plain" and after every encrypted one', () => {
    const cfg = parse(autoconfigXml(base163(), undefined, { includePlaintext: true }));
    expect(cfg.incomingServer.map(xmlKey)).toEqual(['imap imap.163.com:993 SSL', 'imap imap.163.com:143 plain', 'pop3 pop.163.com:995 SSL', 'pop3 pop.163.com:110 plain']);
    expect(cfg.outgoingServer!.map(xmlKey)).toEqual(['smtp smtp.163.com:465 SSL', 'smtp smtp.163.com:994 SSL', 'smtp smtp.163.com:25 plain']);
  });

  it('writes STARTTLS, %EMAILLOCALPART% and OAuth2 when the data says so, and every other domain', () => {
    const p = base163();
    p.otherDomains = ['example.net'];
    p.password!.kind = 'oauth-only';
    p.servers.smtp = [{ host: 'smtp.example.net', port: 587, security: 'starttls', username: 'localpart', sources: ['netease-smtp-auth'] }];
    const cfg = parse(autoconfigXml(p, 'example.net'));
    expect(cfg['@id']).toBe('163.com');
    expect(cfg.domain).toEqual(['163.com', 'example.net']);
    expect(cfg.outgoingServer).toEqual([{ '@type': 'smtp', hostname: 'smtp.example.net', port: '587', socketType: 'STARTTLS', username: '%EMAILLOCALPART%', authentication: ['OAuth2'] }]);
    expect(cfg.incomingServer.every((s) => s.authentication[0] === 'OAuth2')).toBe(true);
  });

  it('escapes what XML needs escaped, so URLs and names come back unchanged', () => {
    const p = base163();
    p.name.en = 'Mail & <Co>';
    p.sources[0]!.url = 'https://help.example.com/faq?a=1&b=2';
    const cfg = parse(autoconfigXml(p));
    expect(cfg.displayName).toBe('Mail & <Co>');
    expect(cfg.documentation!.map((d) => d['@url'])).toContain('https://help.example.com/faq?a=1&b=2');
  });

  it('refuses a domain that is not the provider’s', () => {
    expect(() => autoconfigXml(base163(), '126.com')).toThrow(/126\.com is not a domain of 163\.com/);
  });

  it('lists the plaintext server of a side that offers no encrypted one (as the ISPDB does), and only there', () => {
    const p = base163();
    p.servers.smtp = p.servers.smtp.filter((s) => s.security === 'none');
    const xml = autoconfigXml(p);
    expect(xml).toMatch(/<outgoingServer type="smtp">[\s\S]*<port>25<\/port>[\s\S]*<socketType>plain<\/socketType>/);
    expect(xml).not.toContain('<port>143</port>');
  });

  it('says each server’s evidence grade in a comment clients ignore', () => {
    expect(autoconfigXml(base163())).toMatch(/<incomingServer type="imap">\s*<!--\s*evidence: corroborated\s*-->/);
  });
});

describe('the /v1.1/[domain] route', () => {
  const paths = getStaticPaths();

  it('builds one file for every domain of every provider', () => {
    expect(paths.map((p) => p.params.domain).sort()).toEqual(providers.flatMap(domainsOf).sort());
  });

  it('serves each as XML, the provider’s file for every one of its domains', async () => {
    for (const { params, props } of paths) {
      const res = await GET({ params, props, site: new URL(SITE) } as unknown as Parameters<typeof GET>[0]);
      expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
      const cfg = parse(await res.text());
      expect(cfg['@id']).toBe(props.provider.domain);
      expect(cfg.domain).toContain(params.domain);
    }
  });
});
