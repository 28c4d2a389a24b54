// Every profile, parsed back with a plist parser, has the keys Apple's Mail payload needs, with
// the right plist types, the recommended servers of the dataset, and never a password.
import { passwordName } from '../../src/lib/password.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'plist';
import { XMLParser } from 'fast-xml-parser';
import { providers } from '../../src/lib/dataset.ts';
import type { Provider } from '../../src/data/schema.ts';
import { recommended, incomingProtocol } from '../../src/lib/servers.ts';
import { canBuildProfile, checkAddress, cleanSenderName, mobileconfig, profileIdentifier, ProfileError, type ProfileOptions } from '../../src/lib/profile.ts';
import { profileText } from '../../src/lib/profile-form.ts';
import { LOCALES, type Locale } from '../../src/data/locales.ts';
import { GET, getStaticPaths } from '../../src/pages/profiles/[domain].mobileconfig.ts';
import { domainsOf } from '../../src/lib/domains.ts';

type Dict = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A profile as the site makes it: in every language (the static file), or in one page's (the form). */
const build = (p: Provider, options: ProfileOptions & { locale?: Locale } = {}) => mobileconfig(p, (options.locale ? [options.locale] : LOCALES).map((l) => profileText(p, l)), options);
const base163 = () => structuredClone(providers.find((p) => p.domain === '163.com')!);

/**
 * Where a text breaks XML 1.0's Char production, raw or as a character reference: the lenient
 * parsers used here (plist's xmldom, fast-xml-parser) accept such files, iOS does not.
 */
function nonXmlChars(text: string): number[] {
  const ok = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
  const raw = [...text].map((ch) => ch.codePointAt(0)!);
  const refs = [...text.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)].map((m) => (m[1]![0] === 'x' || m[1]![0] === 'X' ? parseInt(m[1]!.slice(1), 16) : Number(m[1])));
  return [...raw, ...refs].filter((c) => !ok(c));
}

function read(text: string): { top: Dict; mail: Dict } {
  expect(nonXmlChars(text)).toEqual([]);
  const top = parse(text) as Dict;
  const content = top.PayloadContent as Dict[];
  expect(Array.isArray(content)).toBe(true);
  expect(content).toHaveLength(1);
  return { top, mail: content[0]! };
}

/** The plist element that holds each key's value in a dict (`integer`, `string`, `true`…), read from the XML itself. */
function plistTypes(text: string): { top: Record<string, string>; mail: Record<string, string> } {
  type Node = Record<string, Node[]> & { '#text'?: string };
  const doc = new XMLParser({ preserveOrder: true, parseTagValue: false }).parse(text) as Node[];
  const tag = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
  const dictTypes = (dict: Node[]) => {
    const out: Record<string, string> = {};
    for (let i = 0; i < dict.length; i += 2) out[String(dict[i]!.key![0]!['#text'])] = tag(dict[i + 1]!);
    return out;
  };
  const topDict = doc.find((n) => tag(n) === 'plist')!.plist![0]!.dict!;
  const i = topDict.findIndex((n) => n.key?.[0]?.['#text'] === 'PayloadContent');
  const mailDict = topDict[i + 1]!.array![0]!.dict!;
  return { top: dictTypes(topDict), mail: dictTypes(mailDict) };
}

const TOP_TYPES = {
  PayloadContent: 'array',
  PayloadDescription: 'string',
  PayloadDisplayName: 'string',
  PayloadIdentifier: 'string',
  PayloadOrganization: 'string',
  PayloadRemovalDisallowed: 'false',
  PayloadType: 'string',
  PayloadUUID: 'string',
  PayloadVersion: 'integer',
};
const MAIL_TYPES = {
  EmailAccountDescription: 'string',
  EmailAccountType: 'string',
  IncomingMailServerAuthentication: 'string',
  IncomingMailServerHostName: 'string',
  IncomingMailServerPortNumber: 'integer',
  IncomingMailServerUseSSL: 'true',
  OutgoingMailServerAuthentication: 'string',
  OutgoingMailServerHostName: 'string',
  OutgoingMailServerPortNumber: 'integer',
  OutgoingMailServerUseSSL: 'true',
  PayloadDescription: 'string',
  PayloadDisplayName: 'string',
  PayloadIdentifier: 'string',
  PayloadType: 'string',
  PayloadUUID: 'string',
  PayloadVersion: 'integer',
};
const PERSONAL_TYPES = { ...MAIL_TYPES, EmailAccountName: 'string', EmailAddress: 'string', IncomingMailServerUsername: 'string', OutgoingMailServerUsername: 'string' };

function expectServers(provider: Provider, mail: Dict) {
  const protocol = incomingProtocol(provider)!;
  const incoming = recommended(provider, protocol)!;
  const outgoing = recommended(provider, 'smtp')!;
  expect(mail.EmailAccountType).toBe(protocol === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP');
  expect(mail.IncomingMailServerHostName).toBe(incoming.host);
  expect(mail.IncomingMailServerPortNumber).toBe(incoming.port);
  expect(mail.IncomingMailServerUseSSL).toBe(true);
  expect(mail.IncomingMailServerAuthentication).toBe('EmailAuthPassword');
  expect(mail.OutgoingMailServerHostName).toBe(outgoing.host);
  expect(mail.OutgoingMailServerPortNumber).toBe(outgoing.port);
  expect(mail.OutgoingMailServerUseSSL).toBe(true);
  expect(mail.OutgoingMailServerAuthentication).toBe('EmailAuthPassword');
}

function expectNoPassword(text: string, top: Dict, mail: Dict) {
  for (const k of ['IncomingPassword', 'OutgoingPassword', 'Password']) {
    expect(top).not.toHaveProperty(k);
    expect(mail).not.toHaveProperty(k);
  }
  expect(text).not.toMatch(/<key>(Incoming|Outgoing)?Password<\/key>/);
  expect(mail.OutgoingPasswordSameAsIncomingPassword ?? false).toBe(false);
}

describe('the generic profile of every provider', () => {
  it('exists for every provider that takes a password and offers encrypted incoming and outgoing servers', () => {
    const expected = providers.filter((p) => p.password?.kind !== 'oauth-only' && (recommended(p, 'imap') || recommended(p, 'pop3')) && recommended(p, 'smtp'));
    expect(providers.filter(canBuildProfile).map((p) => p.domain)).toEqual(expected.map((p) => p.domain));
    expect(expected.length).toBeGreaterThan(0);
  });

  for (const provider of providers.filter(canBuildProfile)) {
    describe(provider.domain, () => {
      const text = build(provider);
      const { top, mail } = read(text);

      it('is a Configuration profile holding one com.apple.mail.managed payload, with stable identifiers', () => {
        expect(top.PayloadType).toBe('Configuration');
        expect(top.PayloadVersion).toBe(1);
        expect(top.PayloadIdentifier).toBe(`org.portolan.mail.${provider.domain.replaceAll('.', '-')}`);
        expect(mail.PayloadType).toBe('com.apple.mail.managed');
        expect(mail.PayloadVersion).toBe(1);
        expect(mail.PayloadIdentifier).toBe(`${top.PayloadIdentifier}.account`);
        expect(top.PayloadUUID).toMatch(UUID);
        expect(mail.PayloadUUID).toMatch(UUID);
        expect(mail.PayloadUUID).not.toBe(top.PayloadUUID);
      });

      it('has exactly the keys Apple documents, each with its plist type', () => {
        expect(plistTypes(text)).toEqual({ top: TOP_TYPES, mail: MAIL_TYPES });
      });

      it('sets up the recommended incoming and outgoing servers with SSL', () => expectServers(provider, mail));

      it('leaves out the address and user names, so the device asks for them, and never holds a password', () => {
        expect(mail).not.toHaveProperty('EmailAddress');
        expect(mail).not.toHaveProperty('IncomingMailServerUsername');
        expect(mail).not.toHaveProperty('OutgoingMailServerUsername');
        expectNoPassword(text, top, mail);
      });

      it('tells, in both languages, that the device will ask for the provider’s kind of password', () => {
        expect(top.PayloadDescription).toContain(passwordName(provider, 'zh-cn'));
        expect(top.PayloadDescription).toContain(passwordName(provider, 'en'));
        expect(mail.EmailAccountDescription).toBe(`${provider.shortName['zh-cn']} / ${provider.shortName.en}`);
      });
    });
  }
});

describe('a profile for one address', () => {
  const provider = base163();
  const text = build(provider, { address: ' Alice@163.COM ', senderName: 'Alice Li', locale: 'en' });
  const { top, mail } = read(text);

  it('fills in the address, the sender name and the user names the servers take', () => {
    expect(mail.EmailAddress).toBe('Alice@163.com');
    expect(mail.EmailAccountName).toBe('Alice Li');
    expect(mail.EmailAccountDescription).toBe('Alice@163.com');
    // 163.com servers take the whole address as user name.
    expect(mail.IncomingMailServerUsername).toBe('Alice@163.com');
    expect(mail.OutgoingMailServerUsername).toBe('Alice@163.com');
    expect(plistTypes(text).mail).toEqual(PERSONAL_TYPES);
    expectServers(provider, mail);
    expectNoPassword(text, top, mail);
  });

  it('uses the local part where a server wants only that', () => {
    const p = base163();
    p.servers.imap = p.servers.imap.map((s) => ({ ...s, username: 'localpart' as const }));
    const { mail: m } = read(build(p, { address: 'bob@163.com' }));
    expect(m.IncomingMailServerUsername).toBe('bob');
    expect(m.OutgoingMailServerUsername).toBe('bob@163.com');
  });

  it('has identifiers of its own, stable for the address, so two accounts can be installed side by side', () => {
    expect(top.PayloadIdentifier).toMatch(/^org\.portolan\.mail\.163-com\.[a-z0-9-]+$/);
    expect(mail.PayloadIdentifier).toBe(`${top.PayloadIdentifier}.account`);
    expect(read(build(provider, { address: 'alice@163.com' })).top.PayloadIdentifier).toBe(top.PayloadIdentifier);
    expect(profileIdentifier(provider, 'bob@163.com')).not.toBe(top.PayloadIdentifier);
  });

  it('gives addresses that differ only in punctuation identifiers of their own, so one profile never replaces another', () => {
    const addresses = ['a.b@163.com', 'a-b@163.com', 'a_b@163.com', 'a+b@163.com', 'ab@163.com', 'a--b@163.com', 'a-2e-b@163.com'];
    const ids = addresses.map((a) => read(build(provider, { address: a })).top.PayloadIdentifier);
    expect(new Set(ids).size).toBe(addresses.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9.-]+$/);
  });

  it('gets new PayloadUUIDs every time it is built', () => {
    const again = read(build(provider, { address: 'alice@163.com' }));
    const uuids = [top.PayloadUUID, mail.PayloadUUID, again.top.PayloadUUID, again.mail.PayloadUUID];
    expect(new Set(uuids).size).toBe(4);
  });

  it('speaks the page’s language', () => {
    const zh = read(build(provider, { address: 'alice@163.com', locale: 'zh-cn' })).top;
    expect(zh.PayloadDescription).toContain('客户端授权码');
    expect(zh.PayloadDescription).not.toContain('authorization code');
    expect(top.PayloadDescription).toContain('client authorization code');
  });

  it('escapes what XML needs escaped', () => {
    expect(read(build(provider, { address: 'a@163.com', senderName: 'A & <B> "C" \'D\'' })).mail.EmailAccountName).toBe('A & <B> "C" \'D\'');
  });
});

describe('a sender name with characters XML cannot hold', () => {
  const provider = base163();
  const hostile = ['\u000B', '\u0000', '\u0007', '\uFFFE', '\uFFFF', '\u001B', '\uD800'];

  it.each(hostile.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s is refused by the builder, with a reason', (_, c) => {
    let error: unknown;
    try {
      build(provider, { address: 'a@163.com', senderName: `Li${c}Lei` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).problem).toBe('sender-name');
  });

  it.each(hostile.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s is stripped by cleanSenderName, and the profile then parses', (_, c) => {
    const { name, removed } = cleanSenderName(` Li${c}Lei${c} `);
    expect({ name, removed }).toEqual({ name: 'LiLei', removed: 2 });
    expect(read(build(provider, { address: 'a@163.com', senderName: name })).mail.EmailAccountName).toBe('LiLei');
  });

  it('keeps what XML can hold: tabs, letters of every script, emoji', () => {
    const input = '李\t雷 Ünïcode 🙂';
    expect(cleanSenderName(input)).toEqual({ name: input, removed: 0 });
    expect(read(build(provider, { address: 'a@163.com', senderName: input })).mail.EmailAccountName).toBe(input);
  });
});

describe('bad input gets a reason and no file', () => {
  const provider = base163();

  it.each([['alice'], ['alice@'], ['@163.com'], ['a b@163.com'], ['alice@@163.com'], ['.alice@163.com'], ['']])('%j is not an address', (input) => {
    expect(checkAddress(provider, input)).toEqual({ ok: false, problem: 'not-an-address' });
    expect(() => build(provider, { address: input })).toThrow(ProfileError);
  });

  it('an address of another provider', () => {
    expect(checkAddress(provider, 'alice@126.com')).toEqual({ ok: false, problem: 'other-provider' });
    let error: unknown;
    try {
      build(provider, { address: 'alice@126.com' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).problem).toBe('other-provider');
  });

  it('accepts the provider’s other domains', () => {
    const p = base163();
    p.otherDomains = ['example.net'];
    expect(checkAddress(p, 'a.b+c@Example.NET')).toEqual({ ok: true, address: 'a.b+c@example.net' });
  });

  it('a provider that only takes OAuth2 gets no profile (the Mail payload cannot do OAuth2)', () => {
    const p = base163();
    p.password!.kind = 'oauth-only';
    expect(canBuildProfile(p)).toBe(false);
    expect(() => build(p)).toThrow(ProfileError);
  });
});

describe('the /profiles/[domain].mobileconfig route', () => {
  const paths = getStaticPaths();

  it('builds one profile for every domain of every provider', () => {
    expect(paths.map((p) => p.params.domain).sort()).toEqual(providers.filter(canBuildProfile).flatMap(domainsOf).sort());
  });

  it('serves it as application/x-apple-aspen-config', async () => {
    for (const { params, props } of paths) {
      const res = await GET({ params, props } as unknown as Parameters<typeof GET>[0]);
      expect(res.headers.get('Content-Type')).toBe('application/x-apple-aspen-config');
      const { mail } = read(await res.text());
      expectServers(props.provider, mail);
    }
  });
});
