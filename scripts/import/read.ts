// Readers for the three open databases. Each turns its format into the same plain shape,
// keeping facts only (hosts, ports, security, user-name form, sign-in method, links); no prose.
// Upstream files are untrusted input: whoever can change one could try to point users at their
// own server. A reader refuses what it cannot read exactly (it reports the file and what is
// wrong, and the other files still import) and never runs code or patterns the file brings.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

import type { Db } from '../../src/lib/databases.ts';
import type { Protocol, Security } from '../../src/data/terms.ts';

export type { Db, Protocol, Security };
/** provider-db's own verdict on a provider: OK, PREPARATION (works after a step), BROKEN (does not work). */
export type Status = 'OK' | 'PREPARATION' | 'BROKEN';
export const STATUSES: readonly Status[] = ['OK', 'PREPARATION', 'BROKEN'];

export interface Srv {
  host: string;
  port: number;
  security: Security;
  username: 'address' | 'localpart' | 'localpart.domain';
}

/** A FairEmail domain pattern in the safe subset `glob` accepts. */
export interface DomainPattern {
  source: string;
  test: (domain: string) => boolean;
}

export interface Entry {
  db: Db;
  /** Path inside the database's repository, e.g. ispdb/web.de.xml. */
  file: string;
  /** The key the database itself uses (ISPDB's emailProvider id, FairEmail's name, the page's file name). */
  key: string;
  name: string;
  shortName?: string;
  domains: string[];
  /** FairEmail's domain patterns, matched against other entries' domains. */
  patterns: DomainPattern[];
  servers: Record<Protocol, Srv[]>;
  /** Which incoming protocol the file lists first (ISPDB may list POP3 before IMAP). */
  firstIncoming?: 'imap' | 'pop3';
  oauthOnly: boolean;
  appPassword: boolean;
  /** Links the database gives to the provider's own documentation. */
  docs: string[];
  /** ISPDB's <enable visiturl>: access must be switched on there. */
  enableUrl?: string;
  /** provider-db's status of the page. */
  status?: Status;
}

/** Something the importer left out, and why; printed in the report. */
export interface Skipped {
  db: Db;
  file: string;
  what: string;
  why: string;
}

/** Limits on what one upstream file may bring: far above any real entry, far below harm. */
export const LIMITS = {
  /** Bytes of one ISPDB file or provider-db page. */
  file: 256 * 1024,
  /** Bytes of FairEmail's providers.xml, which holds every provider. */
  fairEmailFile: 4 * 1024 * 1024,
  /** Characters of one name, host, domain or pattern. */
  field: 253,
  url: 2000,
  /** Domains of one entry. */
  domains: 1000,
  /** Servers of one entry. */
  servers: 50,
} as const;

const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === 'object' && v !== null && '#text' in v ? String((v as { '#text': unknown })['#text']) : typeof v === 'object' ? '' : String(v ?? '')).trim();

/** A refusal inside one file: the reader catches it and reports the file. */
class Refused extends Error {}

/** Only a decimal integer 1–65535: `0x1D1`, `1e3`, `465.5`, ` 465` are refused, never coerced. */
export function parsePort(raw: unknown): number | undefined {
  const s = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  if (!/^[1-9][0-9]{0,4}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

/** An http(s) link with a host and no user or password in it; anything else is refused by name. */
export function parseLink(raw: string | undefined, file: string, db: Db, skipped: Skipped[]): string | undefined {
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = raw.length <= LIMITS.url && /^https?:\/\/\S+$/.test(raw) ? new URL(raw) : undefined;
  } catch {
    url = undefined;
  }
  const why = !url ? 'not an http(s) URL (unparsable, too long or another scheme)' : url.username || url.password ? 'URL carries a user name or password' : undefined;
  if (why) {
    skipped.push({ db, file, what: `link ${JSON.stringify(raw.slice(0, 100))}`, why });
    return undefined;
  }
  return url!.href;
}

/** A short single-line string field, or a refusal naming it. */
function field(v: unknown, what: string, max: number = LIMITS.field): string {
  const s = text(v);
  if (s.length > max) throw new Refused(`${what} is longer than ${max} characters`);
  // Control characters, bidi overrides and the like have no place in a name, host or domain.
  if (/[\p{Cc}\p{Cf}]/u.test(s)) throw new Refused(`${what} ${JSON.stringify(s.slice(0, 60))} contains a control or formatting character`);
  return s;
}

function emptyServers(): Record<Protocol, Srv[]> {
  return { imap: [], pop3: [], smtp: [] };
}

const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;
const PLACEHOLDER = /%[A-Z]+%/;

/**
 * An XML parser that never reads a DTD or an entity definition: a file that declares either is
 * refused before parsing (an entity could pull in a local file or grow without bound).
 */
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, trimValues: true, htmlEntities: false });
function parseXml(source: string): Record<string, any> {
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) throw new Refused('declares a DTD or an entity (not read, by design)');
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new Refused(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return xml.parse(source) as Record<string, any>;
}

/** Runs a reader on one file; a refusal skips the whole file with the reason, and the other files still import. */
function guarded(db: Db, file: string, skipped: Skipped[], read: () => Entry[]): Entry[] {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof Refused) && !(e instanceof Error)) throw e;
    skipped.push({ db, file, what: 'whole file', why: e instanceof Refused ? e.message : `unreadable: ${e.message.split('\n')[0]!.slice(0, 200)}` });
    return [];
  }
}

const ISPDB_SOCKET: Record<string, Security> = { SSL: 'ssl/tls', STARTTLS: 'starttls', plain: 'none' };
const ISPDB_USER: Record<string, Srv['username']> = { '%EMAILADDRESS%': 'address', '%EMAILLOCALPART%': 'localpart', '%EMAILLOCALPART%.%EMAILDOMAIN%': 'localpart.domain' };

/**
 * One ISPDB file (Autoconfig v1.1 XML). A file whose host names contain %EMAILDOMAIN% names
 * different servers for each of its domains, so it becomes one entry per domain; its name is
 * expanded the same way. A name still holding a placeholder is dropped (another database's
 * name or the domain stands in): a template is never shown as a provider's name.
 */
export function readIspdb(file: string, source: string, skipped: Skipped[]): Entry[] {
  return guarded('ispdb', file, skipped, () => {
    const doc = parseXml(source);
    const providers = arr(doc.clientConfig?.emailProvider);
    if (!providers.length) throw new Refused('no clientConfig/emailProvider');
    return providers.flatMap((p: Record<string, any>) => {
      const entry = readIspdbProvider(file, p, arr(doc.clientConfig?.enable)[0], skipped);
      const perDomain = PROTOCOLS.some((t) => entry.servers[t].some((s) => s.host.includes('%emaildomain%')));
      const named = (e: Entry, domain?: string): Entry => {
        const expand = (s: string | undefined) => (s && domain ? s.replaceAll('%EMAILDOMAIN%', domain) : s);
        const name = expand(e.name) ?? '';
        const shortName = expand(e.shortName);
        return { ...e, name: PLACEHOLDER.test(name) ? '' : name, shortName: shortName && !PLACEHOLDER.test(shortName) ? shortName : undefined };
      };
      if (!perDomain) return [named(entry)];
      return entry.domains.map((domain) =>
        named(
          {
            ...entry,
            key: domain,
            domains: [domain],
            servers: Object.fromEntries(PROTOCOLS.map((t) => [t, entry.servers[t].map((s) => ({ ...s, host: s.host.replaceAll('%emaildomain%', domain) }))])) as Record<Protocol, Srv[]>,
          },
          domain,
        ),
      );
    });
  });
}

function readIspdbProvider(file: string, p: Record<string, any>, enable: Record<string, any> | undefined, skipped: Skipped[]): Entry {
  const servers = emptyServers();
  let oauth = 0;
  let password = 0;
  let firstIncoming: Entry['firstIncoming'];
  const list = [...arr(p.incomingServer), ...arr(p.outgoingServer)] as Record<string, any>[];
  if (list.length > LIMITS.servers) throw new Refused(`more than ${LIMITS.servers} servers`);
  for (const s of list) {
    const type = s['@type'] as string;
    if (type !== 'imap' && type !== 'pop3' && type !== 'smtp') continue;
    const auth = arr(s.authentication).map(text);
    if (auth.includes('OAuth2')) oauth++;
    if (auth.length === 0 || auth.some((a) => a.startsWith('password'))) password++;
    const security = ISPDB_SOCKET[text(s.socketType)];
    // An outgoing server without a user name uses the incoming one's, as Thunderbird does.
    const username = s.username === undefined && type === 'smtp' ? (servers.imap[0] ?? servers.pop3[0])?.username : ISPDB_USER[text(s.username)];
    const host = field(s.hostname, 'hostname').toLowerCase();
    const port = parsePort(text(s.port));
    const what = `${type} ${host}:${text(s.port).slice(0, 20)} ${text(s.socketType).slice(0, 20)} ${text(s.username).slice(0, 40)}`;
    if (!security) skipped.push({ db: 'ispdb', file, what, why: 'unknown socketType' });
    else if (!username) skipped.push({ db: 'ispdb', file, what, why: 'user name is neither the address nor its local part' });
    else if (port === undefined) skipped.push({ db: 'ispdb', file, what, why: 'port is not a decimal integer 1-65535' });
    else {
      servers[type].push({ host, port, security, username });
      if (type !== 'smtp') firstIncoming ??= type;
    }
  }
  const domains = arr(p.domain).map((d) => field(d, 'domain').toLowerCase());
  if (domains.length > LIMITS.domains) throw new Refused(`more than ${LIMITS.domains} domains`);
  return {
    db: 'ispdb',
    file,
    key: field(p['@id'], 'emailProvider id'),
    name: field(p.displayName, 'displayName'),
    shortName: field(p.displayShortName, 'displayShortName') || undefined,
    domains,
    patterns: [],
    servers,
    firstIncoming,
    oauthOnly: oauth > 0 && password === 0,
    appPassword: false,
    docs: arr(p.documentation)
      .map((d: Record<string, any>) => parseLink(d?.['@url'], file, 'ispdb', skipped))
      .filter((u): u is string => !!u),
    enableUrl: parseLink(enable?.['@visiturl'], file, 'ispdb', skipped),
  } satisfies Entry;
}

/**
 * FairEmail's domains are regular expressions. Compiling an untrusted one can hang the import
 * (`(x+x+)+y`) or throw, so only a small subset is accepted and matched by a plain wildcard
 * matcher that cannot backtrack: label characters, `\.` for a dot, `.` for one character and
 * `.*` for any run of characters (`yahoo\..*`, `.*\.rr\.com`). Anything else is refused.
 */
export function glob(source: string): DomainPattern | undefined {
  if (source.length > LIMITS.field) return undefined;
  // Tokens: a literal character, ONE (any one character) or ANY (any run, possibly empty).
  const tokens: (string | 'ONE' | 'ANY')[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && source[i + 1] === '.') tokens.push('.'), i++;
    else if (c === '.' && source[i + 1] === '*') tokens.push('ANY'), i++;
    else if (c === '.' && source[i + 1] === '+') tokens.push('ONE', 'ANY'), i++;
    else if (c === '.') tokens.push('ONE');
    else if (/[a-z0-9-]/i.test(c)) tokens.push(c.toLowerCase());
    else return undefined;
  }
  const test = (domain: string): boolean => {
    // The classic two-pointer wildcard match: at most one resumption point, so time is
    // bounded by pattern length × domain length, whatever the input.
    let p = 0;
    let d = 0;
    let star = -1;
    let mark = 0;
    while (d < domain.length) {
      const t = tokens[p];
      if (t === 'ANY') {
        star = p++;
        mark = d;
      } else if (t !== undefined && (t === 'ONE' || t === domain[d])) {
        p++;
        d++;
      } else if (star >= 0) {
        p = star + 1;
        d = ++mark;
      } else return false;
    }
    while (tokens[p] === 'ANY') p++;
    return p === tokens.length;
  };
  return { source, test };
}

/** FairEmail's providers.xml: every enabled <provider>, each read on its own. */
export function readFairEmail(file: string, source: string, skipped: Skipped[]): Entry[] {
  return guarded('fairemail', file, skipped, () => {
    const doc = parseXml(source);
    const entries: Entry[] = [];
    for (const p of arr(doc.providers?.provider) as Record<string, any>[]) {
      let name = '(unnamed)';
      try {
        name = field(p['@name'], 'name') || name;
        const entry = readFairEmailProvider(file, name, p, skipped);
        if (entry) entries.push(entry);
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
        skipped.push({ db: 'fairemail', file, what: name, why: e.message });
      }
    }
    return entries;
  });
}

function readFairEmailProvider(file: string, name: string, p: Record<string, any>, skipped: Skipped[]): Entry | undefined {
  if (p['@enabled'] === 'false') {
    skipped.push({ db: 'fairemail', file, what: name, why: 'disabled in FairEmail' });
    return undefined;
  }
  const domains: string[] = [];
  const patterns: DomainPattern[] = [];
  // Android resource strings escape backslashes: "gmail\\.com" is the regular expression gmail\.com.
  const parts = field(p['@domain'], 'domain', LIMITS.field * LIMITS.domains / 10).split(',').map((d) => d.trim().replace(/\\\\/g, '\\')).filter(Boolean);
  if (parts.length > LIMITS.domains) throw new Refused(`more than ${LIMITS.domains} domains`);
  for (const part of parts) {
    const exact = part.replace(/\\\./g, '.');
    if (/^[a-z0-9.-]+$/i.test(exact)) domains.push(field(exact, 'domain').toLowerCase());
    else {
      const pattern = glob(part);
      if (pattern) patterns.push(pattern);
      else skipped.push({ db: 'fairemail', file, what: `${name}: domain pattern ${JSON.stringify(part.slice(0, 80))}`, why: 'outside the safe subset (label characters, \\., . and .*); not compiled' });
    }
  }
  const user: Srv['username'] = p['@user'] === 'local' ? 'localpart' : 'address';
  const servers = emptyServers();
  let firstIncoming: Entry['firstIncoming'];
  for (const [tag, protocol] of [['imap', 'imap'], ['pop', 'pop3'], ['smtp', 'smtp']] as const) {
    const list = arr(p[tag]) as Record<string, any>[];
    if (list.length > LIMITS.servers) throw new Refused(`more than ${LIMITS.servers} ${tag} servers`);
    for (const s of list) {
      const host = field(s?.['@host'], `${tag} host`).toLowerCase();
      const port = parsePort(s?.['@port']);
      if (!host || port === undefined) {
        skipped.push({ db: 'fairemail', file, what: `${name}: ${tag} ${host}:${String(s?.['@port'] ?? '').slice(0, 20)}`, why: 'no host, or port is not a decimal integer 1-65535' });
        continue;
      }
      servers[protocol].push({ host, port, security: s['@starttls'] === 'true' ? 'starttls' : 'ssl/tls', username: user });
      if (protocol !== 'smtp') firstIncoming ??= protocol;
    }
  }
  if (!domains.length && !patterns.length) {
    skipped.push({ db: 'fairemail', file, what: name, why: 'no mail domain of its own (a hosting company, matched by MX or picked by hand)' });
    return undefined;
  }
  const link = parseLink(p['@link'], file, 'fairemail', skipped);
  return {
    db: 'fairemail',
    file,
    key: name,
    name,
    domains,
    patterns,
    servers,
    firstIncoming,
    oauthOnly: false,
    appPassword: p['@appPassword'] === 'true',
    // FairEmail's own FAQ is about the app, not the provider.
    docs: link && !link.includes('github.com/M66B/') ? [link] : [],
  };
}

const PDB_SOCKET: Record<string, Security> = { SSL: 'ssl/tls', STARTTLS: 'starttls', PLAIN: 'none' };

/**
 * One chatmail provider-db page: the YAML front matter only (the Markdown body is prose). Read
 * with YAML's failsafe schema, so every value is a string and `0x1D1` stays text, never 465.
 */
export function readChatmail(file: string, source: string, skipped: Skipped[]): Entry[] {
  return guarded('chatmail-provider-db', file, skipped, () => {
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
    if (!m) throw new Refused('no front matter');
    let front: unknown;
    try {
      front = parseYaml(m[1]!, { schema: 'failsafe', maxAliasCount: 0, uniqueKeys: true });
    } catch (e) {
      throw new Refused(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]!.slice(0, 200)}`);
    }
    if (typeof front !== 'object' || front === null || Array.isArray(front)) throw new Refused('front matter is not a mapping');
    const f = front as Record<string, unknown>;
    const key = file.replace(/^.*\//, '').replace(/\.md$/, '');
    const status = f.status === undefined ? undefined : STATUSES.find((s) => s === f.status);
    if (f.status !== undefined && !status) throw new Refused(`status ${JSON.stringify(String(f.status).slice(0, 40))} is none of ${STATUSES.join(', ')}`);
    const serverList = arr(f.server as unknown);
    if (serverList.length > LIMITS.servers) throw new Refused(`more than ${LIMITS.servers} servers`);
    const servers = emptyServers();
    let firstIncoming: Entry['firstIncoming'];
    for (const s of serverList) {
      if (typeof s !== 'object' || s === null || Array.isArray(s)) {
        skipped.push({ db: 'chatmail-provider-db', file, what: `server ${JSON.stringify(s)?.slice(0, 60)}`, why: 'not a server mapping' });
        continue;
      }
      const r = s as Record<string, unknown>;
      const type = field(r.type, 'server type').toLowerCase();
      const security = PDB_SOCKET[field(r.socket, 'socket')];
      const host = field(r.hostname, 'hostname').toLowerCase();
      const port = parsePort(r.port);
      const what = `${type} ${host}:${String(r.port ?? '').slice(0, 20)} ${String(r.socket ?? '').slice(0, 20)}`;
      if ((type !== 'imap' && type !== 'smtp') || !security) skipped.push({ db: 'chatmail-provider-db', file, what, why: 'unknown server type or socket' });
      else if (!host || port === undefined) skipped.push({ db: 'chatmail-provider-db', file, what, why: 'no host, or port is not a decimal integer 1-65535' });
      else {
        servers[type].push({ host, port, security, username: field(r.username_pattern, 'username_pattern').toUpperCase() === 'EMAILLOCALPART' ? 'localpart' : 'address' });
        if (type === 'imap') firstIncoming ??= 'imap';
      }
    }
    const name = field(f.name, 'name') || key;
    if (!servers.imap.length && !servers.smtp.length) {
      skipped.push({ db: 'chatmail-provider-db', file, what: name, why: 'no server list' });
      return [];
    }
    const domains = arr(f.domains as unknown).map((d) => field(d, 'domain').toLowerCase());
    if (domains.length > LIMITS.domains) throw new Refused(`more than ${LIMITS.domains} domains`);
    return [{ db: 'chatmail-provider-db', file, key, name, domains, patterns: [], servers, firstIncoming, oauthOnly: false, appPassword: false, docs: [], status }];
  });
}
