// Readers for the three open databases. Each turns its format into the same plain shape,
// keeping facts only (hosts, ports, security, user-name form, sign-in method, links); no prose.
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

import type { Db } from '../../src/lib/databases.ts';
import type { Protocol, Security } from '../../src/data/terms.ts';

export type { Db, Protocol, Security };

export interface Srv {
  host: string;
  port: number;
  security: Security;
  username: 'address' | 'localpart' | 'localpart.domain';
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
  /** FairEmail's domain regular expressions, matched against other entries' domains. */
  patterns: RegExp[];
  servers: Record<Protocol, Srv[]>;
  oauthOnly: boolean;
  appPassword: boolean;
  /** Links the database gives to the provider's own documentation. */
  docs: string[];
  /** ISPDB's <enable visiturl>: access must be switched on there. */
  enableUrl?: string;
}

/** Something the importer left out, and why; printed in the report. */
export interface Skipped {
  db: Db;
  file: string;
  what: string;
  why: string;
}

const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === 'object' && v !== null && '#text' in v ? String((v as { '#text': unknown })['#text']) : String(v ?? '')).trim();
const httpUrl = (u: string | undefined) => (u && /^https?:\/\/[^\s]+$/.test(u) ? u : undefined);

function emptyServers(): Record<Protocol, Srv[]> {
  return { imap: [], pop3: [], smtp: [] };
}

const ISPDB_SOCKET: Record<string, Security> = { SSL: 'ssl/tls', STARTTLS: 'starttls', plain: 'none' };
const ISPDB_USER: Record<string, Srv['username']> = { '%EMAILADDRESS%': 'address', '%EMAILLOCALPART%': 'localpart', '%EMAILLOCALPART%.%EMAILDOMAIN%': 'localpart.domain' };

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: true });

/**
 * One ISPDB file (Autoconfig v1.1 XML). A file whose host names contain %EMAILDOMAIN% names
 * different servers for each of its domains, so it becomes one entry per domain.
 */
export function readIspdb(file: string, source: string, skipped: Skipped[]): Entry[] {
  const doc = xml.parse(source) as Record<string, any>;
  return arr(doc.clientConfig?.emailProvider).flatMap((p: Record<string, any>) => {
    const entry = readIspdbProvider(file, p, arr(doc.clientConfig?.enable)[0], skipped);
    const perDomain = PROTOCOLS.some((t) => entry.servers[t].some((s) => s.host.includes('%emaildomain%')));
    if (!perDomain) return [entry];
    return entry.domains.map((domain) => ({
      ...entry,
      key: domain,
      domains: [domain],
      servers: Object.fromEntries(PROTOCOLS.map((t) => [t, entry.servers[t].map((s) => ({ ...s, host: s.host.replaceAll('%emaildomain%', domain) }))])) as Record<Protocol, Srv[]>,
    }));
  });
}

const PROTOCOLS = ['imap', 'pop3', 'smtp'] as const;

function readIspdbProvider(file: string, p: Record<string, any>, enable: Record<string, any> | undefined, skipped: Skipped[]): Entry {
  {
    const servers = emptyServers();
    let oauth = 0;
    let password = 0;
    for (const s of [...arr(p.incomingServer), ...arr(p.outgoingServer)] as Record<string, any>[]) {
      const type = s['@type'] as string;
      if (type !== 'imap' && type !== 'pop3' && type !== 'smtp') continue;
      const auth = arr(s.authentication).map(text);
      if (auth.includes('OAuth2')) oauth++;
      if (auth.length === 0 || auth.some((a) => a.startsWith('password'))) password++;
      const security = ISPDB_SOCKET[text(s.socketType)];
      // An outgoing server without a user name uses the incoming one's, as Thunderbird does.
      const username = s.username === undefined && type === 'smtp' ? (servers.imap[0] ?? servers.pop3[0])?.username : ISPDB_USER[text(s.username)];
      const host = text(s.hostname).toLowerCase();
      const port = Number(text(s.port));
      const what = `${type} ${host}:${text(s.port)} ${text(s.socketType)} ${text(s.username)}`;
      if (!security) skipped.push({ db: 'ispdb', file, what, why: 'unknown socketType' });
      else if (!username) skipped.push({ db: 'ispdb', file, what, why: 'user name is neither the address nor its local part' });
      else if (!Number.isInteger(port)) skipped.push({ db: 'ispdb', file, what, why: 'no port' });
      else servers[type].push({ host, port, security, username });
    }
    return {
      db: 'ispdb',
      file,
      key: String(p['@id'] ?? ''),
      name: text(p.displayName),
      shortName: text(p.displayShortName) || undefined,
      domains: arr(p.domain).map((d) => text(d).toLowerCase()),
      patterns: [],
      servers,
      oauthOnly: oauth > 0 && password === 0,
      appPassword: false,
      docs: arr(p.documentation).map((d: Record<string, any>) => httpUrl(d['@url'])).filter((u): u is string => !!u),
      enableUrl: httpUrl(enable?.['@visiturl']),
    } satisfies Entry;
  }
}

const REGEX_CHARS = /[*+?()[\]{}|^$\\]/;

/** FairEmail's providers.xml: every enabled <provider>. */
export function readFairEmail(file: string, source: string, skipped: Skipped[]): Entry[] {
  const doc = xml.parse(source) as Record<string, any>;
  const entries: Entry[] = [];
  for (const p of arr(doc.providers?.provider) as Record<string, any>[]) {
    const name = String(p['@name'] ?? '');
    if (p['@enabled'] === 'false') {
      skipped.push({ db: 'fairemail', file, what: name, why: 'disabled in FairEmail' });
      continue;
    }
    const domains: string[] = [];
    const patterns: RegExp[] = [];
    // Android resource strings escape backslashes: "gmail\\.com" is the regular expression gmail\.com.
    for (const part of String(p['@domain'] ?? '').split(',').map((d) => d.trim().replace(/\\\\/g, '\\')).filter(Boolean)) {
      const exact = part.replace(/\\\./g, '.');
      if (REGEX_CHARS.test(exact)) patterns.push(new RegExp(`^(?:${part})$`));
      else domains.push(exact.toLowerCase());
    }
    const user: Srv['username'] = p['@user'] === 'local' ? 'localpart' : 'address';
    const servers = emptyServers();
    for (const [tag, protocol] of [['imap', 'imap'], ['pop', 'pop3'], ['smtp', 'smtp']] as const) {
      for (const s of arr(p[tag]) as Record<string, any>[]) {
        const host = String(s['@host'] ?? '').toLowerCase();
        const port = Number(s['@port']);
        if (!host || !Number.isInteger(port)) continue;
        servers[protocol].push({ host, port, security: s['@starttls'] === 'true' ? 'starttls' : 'ssl/tls', username: user });
      }
    }
    if (!domains.length && !patterns.length) {
      skipped.push({ db: 'fairemail', file, what: name, why: 'no mail domain of its own (a hosting company, matched by MX or picked by hand)' });
      continue;
    }
    const link = httpUrl(p['@link']);
    entries.push({
      db: 'fairemail',
      file,
      key: name,
      name,
      domains,
      patterns,
      servers,
      oauthOnly: false,
      appPassword: p['@appPassword'] === 'true',
      // FairEmail's own FAQ is about the app, not the provider.
      docs: link && !link.includes('github.com/M66B/') ? [link] : [],
    });
  }
  return entries;
}

const PDB_SOCKET: Record<string, Security> = { SSL: 'ssl/tls', STARTTLS: 'starttls', PLAIN: 'none' };

/** One chatmail provider-db page: the YAML front matter only (the Markdown body is prose). */
export function readChatmail(file: string, source: string, skipped: Skipped[]): Entry[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!m) {
    skipped.push({ db: 'chatmail-provider-db', file, what: file, why: 'no front matter' });
    return [];
  }
  const front = parseYaml(m[1]!) as Record<string, any>;
  const servers = emptyServers();
  for (const s of arr(front.server) as Record<string, any>[]) {
    const type = String(s.type ?? '').toLowerCase();
    const security = PDB_SOCKET[String(s.socket ?? '')];
    if ((type !== 'imap' && type !== 'smtp') || !security) continue;
    servers[type].push({
      host: String(s.hostname ?? '').toLowerCase(),
      port: Number(s.port),
      security,
      username: String(s.username_pattern ?? '').toUpperCase() === 'EMAILLOCALPART' ? 'localpart' : 'address',
    });
  }
  const key = file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (!servers.imap.length && !servers.smtp.length) {
    skipped.push({ db: 'chatmail-provider-db', file, what: String(front.name ?? key), why: 'no server list' });
    return [];
  }
  return [
    {
      db: 'chatmail-provider-db',
      file,
      key,
      name: String(front.name ?? key),
      domains: arr(front.domains).map((d) => String(d).toLowerCase()),
      patterns: [],
      servers,
      oauthOnly: false,
      appPassword: false,
      docs: [],
    },
  ];
}
