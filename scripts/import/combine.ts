// Turns the databases' entries into one provider file each, keyed by domain, and a report of
// every disagreement and everything left out. Deterministic: same inputs, same bytes.
import { isHostname } from '../../src/lib/hostname.ts';
import { portContradiction } from '../../src/lib/ports.ts';
import { IMPORTED_PRIORITY } from '../../src/lib/merge.ts';
import { DATABASES } from '../../src/lib/databases.ts';
import { COMPLETE_LOCALES } from '../../src/data/locales.ts';
import type { Db, Entry, Protocol, Skipped, Srv } from './read.ts';

export interface Snapshot {
  db: Db;
  /** owner/name on GitHub. */
  repo: string;
  commit: string;
  /** The commit's date, YYYY-MM-DD: the day the facts are "checked" as of. */
  date: string;
  entries: Entry[];
}

/** What the importer needs to know of a curated file. */
export interface CuratedProvider {
  domain: string;
  /** Every domain it claims: its own and those of organisations it hosts. */
  domains: string[];
  /** Domains of organisations it hosts (not its own brand's). */
  hosted?: string[];
  /** Its servers as host:port; an imported server not among them is only a proposal. */
  servers?: string[];
}

const DB_ORDER: Db[] = ['ispdb', 'fairemail', 'chatmail-provider-db'];
const PROTOCOLS: Protocol[] = ['imap', 'pop3', 'smtp'];
/** How long matching FairEmail's patterns may take in all; the matcher is linear, so this is a safety net. */
const PATTERN_BUDGET_MS = 5000;

interface Cited extends Srv {
  sources: string[];
}

/** The database a source id stands for: "fairemail-2" is FairEmail's second file. */
const dbOf = (id: string) => id.replace(/-\d+$/, '');
const tuple = (s: Srv) => `${s.host}:${s.port}:${s.security}`;
const hostPort = (s: Pick<Srv, 'host' | 'port'>) => `${s.host}:${s.port}`;
const sameValue = (a: Srv, b: Srv) => a.security === b.security && a.username === b.username;
const valueText = (s: Srv) => `${s.host}:${s.port} ${s.security} ${s.username}`;
/** provider-db's BROKEN pages are cited with their status but never count as agreeing. */
const broken = (e: Entry) => e.status === 'BROKEN';
const hostsOf = (e: Entry) => new Set(PROTOCOLS.flatMap((p) => e.servers[p].map((s) => s.host)));

/** The servers an entry lists first: the first incoming one (in the file's order) and the first outgoing one. */
export function firstServers(e: Entry): { incoming?: Srv; outgoing?: Srv } {
  return { incoming: e.firstIncoming ? e.servers[e.firstIncoming][0] : (e.servers.imap[0] ?? e.servers.pop3[0]), outgoing: e.servers.smtp[0] };
}
const signature = (e: Entry) => {
  const { incoming, outgoing } = firstServers(e);
  return `${incoming?.host ?? ''} ${outgoing?.host ?? ''}`;
};

/**
 * Each domain's own entries: every ISPDB file and provider-db page that lists it, and the one
 * FairEmail entry FairEmail itself would use for it (the first that names it, else the first
 * whose pattern matches it).
 */
function ownEntries(entries: Entry[], skipped: Skipped[]): Map<string, Entry[]> {
  const own = new Map<string, Entry[]>();
  const add = (d: string, e: Entry) => own.set(d, [...(own.get(d) ?? []), e]);
  for (const e of entries) if (e.db !== 'fairemail') e.domains.forEach((d) => add(d, e));
  const fair = entries.filter((e) => e.db === 'fairemail');
  const named = new Map<string, Entry>();
  for (const e of fair) {
    for (const d of e.domains) {
      const first = named.get(d);
      if (first) skipped.push({ db: 'fairemail', file: e.file, what: `${e.name}: ${d}`, why: `named by an earlier FairEmail entry too (${first.name}), which FairEmail uses` });
      else named.set(d, e);
    }
  }
  const deadline = Date.now() + PATTERN_BUDGET_MS;
  const allDomains = [...new Set(entries.flatMap((e) => e.domains))].sort();
  for (const d of allDomains) {
    let e = named.get(d);
    for (const f of fair) {
      if (e) break;
      if (Date.now() > deadline) {
        skipped.push({ db: 'fairemail', file: f.file, what: `patterns of ${f.name} and later entries, from ${d} on`, why: `matching took longer than ${PATTERN_BUDGET_MS} ms` });
        return own;
      }
      if (f.patterns.some((p) => p.test(d))) e = f;
    }
    if (e) add(d, e);
  }
  return own;
}

/** Union-find over keys. */
function unionFind<K>() {
  const parent = new Map<K, K>();
  const find = (k: K): K => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  return { find, union: (a: K, b: K) => parent.set(find(a), find(b)) };
}

interface Service {
  domains: string[];
  /** The domains' own entries, anchor first. */
  members: Entry[];
  anchor: Entry;
  /** Members that share no server host with the anchor: another service's servers, shown only as what that database says. */
  dissenting: Set<Entry>;
}

const sharesHost = (a: Entry, b: Entry) => {
  const hosts = hostsOf(a);
  return [...hostsOf(b)].some((h) => hosts.has(h));
};

/**
 * One service, one provider. A domain's anchor is its first own entry that gives servers (ISPDB,
 * then FairEmail, then provider-db). Domains form one provider when an entry lists both and their
 * anchors give the same first servers: GMX.net and GMX.com, Yahoo and Yahoo Japan, Outlook.com
 * and Microsoft 365 stay apart even where a database lists them together or a pattern matches
 * both. An own entry that shares no host with a domain's anchor dissents; one that agrees with
 * none of its domains' anchors (FairEmail's Cox entry for cox.net, which ISPDB files under Yahoo)
 * sets its domain apart too, so its disagreement is shown for that domain only.
 */
export function services(entries: Entry[], skipped: Skipped[]): Service[] {
  const own = ownEntries(entries, skipped);
  const anchorOf = new Map<string, Entry>();
  for (const [d, list] of own) {
    const anchor = list.find((e) => !broken(e) && PROTOCOLS.some((p) => e.servers[p].length));
    if (anchor) anchorOf.set(d, anchor);
    else list.forEach((e) => skipped.push({ db: e.db, file: e.file, what: d, why: broken(e) ? 'only a provider-db page marked BROKEN gives servers for it' : 'no servers for it' }));
  }
  const ownDomains = new Map<Entry, string[]>();
  for (const [d, list] of own) if (anchorOf.has(d)) list.forEach((e) => ownDomains.set(e, [...(ownDomains.get(e) ?? []), d]));
  const agrees = (e: Entry, d: string) => anchorOf.get(d) === e || sharesHost(e, anchorOf.get(d)!);
  const agreesSomewhere = (e: Entry) => ownDomains.get(e)!.some((d) => agrees(e, d));
  const domainKey = new Map<string, string>();
  for (const d of anchorOf.keys()) {
    const apart = own.get(d)!.filter((e) => !broken(e) && !agrees(e, d) && !agreesSomewhere(e));
    domainKey.set(d, `${signature(anchorOf.get(d)!)}#${apart.map((e) => `${e.file}/${e.key}`).join(',')}`);
  }
  const uf = unionFind<string>();
  for (const list of ownDomains.values()) {
    for (const d of list) uf.union(d, list.find((x) => domainKey.get(x) === domainKey.get(d))!);
  }
  const groups = new Map<string, string[]>();
  const order = new Map(entries.map((e, i) => [e, i]));
  // Domains in the order the databases list them, so a fallback key is the first listed.
  const listed = [...new Set(entries.flatMap((e) => e.domains))].filter((d) => anchorOf.has(d));
  for (const d of listed) groups.set(uf.find(d), [...(groups.get(uf.find(d)) ?? []), d]);
  return [...groups.values()].map((domains) => {
    const anchor = anchorOf.get(domains[0]!)!;
    const members = [...new Set(domains.flatMap((d) => own.get(d)!))].sort((a, b) => (a === anchor ? -1 : b === anchor ? 1 : DB_ORDER.indexOf(a.db) - DB_ORDER.indexOf(b.db) || order.get(a)! - order.get(b)!));
    const dissenting = new Set(members.filter((e) => !broken(e) && domains.every((d) => !own.get(d)!.includes(e) || !agrees(e, d))));
    return { domains, members, anchor, dissenting };
  });
}

/**
 * The domain a provider is keyed by: its curated twin's, else the domain its first servers are
 * named under (imap.mail.yahoo.com: yahoo.com; smtp-mail.outlook.com: outlook.com), else the
 * ISPDB file's, else the first.
 */
function primaryOf(s: Service, domains: string[], curatedPrimary: string | undefined): string {
  if (curatedPrimary) return curatedPrimary;
  const { incoming, outgoing } = firstServers(s.anchor);
  for (const host of [incoming?.host, outgoing?.host]) {
    const labels = host?.split('.') ?? [];
    // Shortest first: onet.pl rather than poczta.onet.pl for imap.poczta.onet.pl.
    for (let i = labels.length - 2; i >= 1; i--) {
      const suffix = labels.slice(i).join('.');
      if (domains.includes(suffix)) return suffix;
    }
  }
  const ispdb = s.members.find((e) => e.db === 'ispdb');
  const fromFile = ispdb?.file.replace(/^.*\//, '').replace(/\.xml$/, '');
  return [fromFile, ispdb?.key, ...s.members.map((e) => e.key)].find((d) => d && domains.includes(d)) ?? domains[0]!;
}

/** A disagreement once, whichever side is kept: the two values in a fixed order. */
const pairKey = (a: string, b: string) => [a, b].sort().join(' | ');

export function combine(
  snapshots: Snapshot[],
  curated: CuratedProvider[],
  unreadable: Skipped[] = [],
  previous: Map<string, object> = new Map(),
): { files: Map<string, object>; report: string[] } {
  const report: string[] = [];
  const skipped: Skipped[] = [...unreadable];
  const snap = new Map(snapshots.map((s) => [s.db, s]));
  const entries = DB_ORDER.flatMap((db) => snap.get(db)?.entries ?? []);

  // Names that look like domains but are fragments of FairEmail patterns ("mein.gmx") are dropped:
  // a domain must end in a top-level domain some database uses for a real address.
  const tlds = new Set(entries.filter((e) => e.db !== 'fairemail').flatMap((e) => e.domains.map((d) => d.split('.').pop()!)));
  ['com', 'net', 'org', 'de', 'fr', 'uk', 'au', 'jp', 'it', 'nl', 'ch', 'at'].forEach((t) => tlds.add(t));
  for (const e of entries) {
    e.domains = [...new Set(e.domains)].filter((d) => {
      const ok = isHostname(d) && tlds.has(d.split('.').pop()!);
      if (!ok) skipped.push({ db: e.db, file: e.file, what: d.slice(0, 80), why: 'not a mail domain' });
      return ok;
    });
    for (const p of PROTOCOLS) {
      e.servers[p] = e.servers[p].filter((s) => {
        const ok = isHostname(s.host) && s.port >= 1 && s.port <= 65535;
        if (!ok) skipped.push({ db: e.db, file: e.file, what: `${p} ${s.host.slice(0, 80)}:${s.port}`, why: 'not a hostname and port' });
        return ok;
      });
    }
  }
  const curatedOf = new Map(curated.flatMap((c) => c.domains.map((d) => [d, c])));

  const files = new Map<string, object>();
  const disagreements = new Map<string, { line: string; hostOnly: boolean }>();
  const proposals: string[] = [];
  for (const service of services(entries, skipped)) {
    const { members } = service;
    const curatedTwin = service.domains.map((d) => curatedOf.get(d)).find((c) => c !== undefined);
    // A domain hand-written into another curated provider stays there.
    const domains = service.domains.filter((d) => {
      const c = curatedOf.get(d);
      if (c && c !== curatedTwin) skipped.push({ db: members[0]!.db, file: members[0]!.file, what: d, why: `belongs to the curated provider ${c.domain}` });
      return !c || c === curatedTwin;
    });
    const primary = primaryOf(service, domains, curatedTwin?.domain);

    // One source per entry (a second entry of the same database gets -2, -3 …).
    const sourceIds = new Map<Entry, string>();
    const sources: Record<string, unknown>[] = [];
    for (const e of members) {
      const s = snap.get(e.db)!;
      const n = sources.filter((x) => String(x.id).replace(/-\d+$/, '') === e.db).length;
      const id = n ? `${e.db}-${n + 1}` : e.db;
      sourceIds.set(e, id);
      sources.push({
        id,
        url: `https://github.com/${s.repo}/blob/${s.commit}/${e.file}`,
        title: `${DATABASES[e.db].title}: ${e.file}${e.db === 'fairemail' ? ` (${e.name})` : ''}`,
        kind: 'third-party',
        checked: s.date,
        ...(e.status ? { status: e.status } : {}),
        note: {
          'zh-cn': `由 scripts/import 从 ${s.repo} 的提交 ${s.commit} 导入。`,
          en: `Imported by scripts/import from ${s.repo} at commit ${s.commit}.`,
        },
      });
    }

    const servers: Record<Protocol, Record<string, unknown>[]> = { imap: [], pop3: [], smtp: [] };
    // A page provider-db marks BROKEN gives no server and corroborates none.
    const giving = members.filter((e) => !broken(e));
    for (const p of PROTOCOLS) {
      const byDb = giving.filter((e) => e.servers[p].length && !service.dissenting.has(e)).map((e) => ({ id: sourceIds.get(e)!, list: e.servers[p] }));
      const keys = [...new Set(byDb.flatMap((d) => d.list.map(hostPort)))];
      const cited: (Cited & { disagreements: Cited[] })[] = keys.map((key) => {
        const values: Cited[] = [];
        for (const d of byDb) {
          for (const s of d.list.filter((x) => hostPort(x) === key)) {
            const v = values.find((x) => sameValue(x, s));
            // Two files of one database are one source, not two that corroborate each other.
            if (v) v.sources.some((id) => dbOf(id) === dbOf(d.id)) || v.sources.push(d.id);
            else values.push({ ...s, sources: [d.id] });
          }
        }
        // The value most databases give wins; on a tie, the first database's (ISPDB, FairEmail, chatmail).
        const [best, ...others] = [...values].sort((a, b) => b.sources.length - a.sources.length);
        return { ...best!, disagreements: others };
      });
      // Two databases that list servers for this protocol but share none disagree on all of them;
      // an entry that gives another service's servers for these domains only disagrees.
      const dissent = giving.filter((e) => e.servers[p].length && service.dissenting.has(e)).map((e) => ({ id: sourceIds.get(e)!, list: e.servers[p] }));
      for (const a of byDb) {
        for (const b of [...byDb, ...dissent]) {
          if (a === b || a.list.some((s) => b.list.some((t) => tuple(s) === tuple(t)))) continue;
          const theirs = b.list[0]!;
          for (const c of cited.filter((c) => c.sources.includes(a.id))) {
            const known = c.disagreements.find((d) => hostPort(d) === hostPort(theirs) && sameValue(d, theirs));
            if (known) known.sources.includes(b.id) || known.sources.push(b.id);
            else c.disagreements.push({ ...theirs, sources: [b.id] });
          }
        }
      }
      for (const c of cited) {
        const { disagreements: others, ...value } = c;
        const contradiction = portContradiction(value.port, p, value.security);
        servers[p].push({
          host: value.host,
          port: value.port,
          security: value.security,
          username: value.username,
          // A port used against its standard (e.g. plaintext on 587) is kept as the database gives it, and said so.
          ...(contradiction
            ? {
                exception: {
                  reason: {
                    'zh-cn': `数据库就是这样写的；该端口的标准用法不同（${contradiction}）。`,
                    en: `As the database gives it; this is not the port’s standard use (${contradiction}).`,
                  },
                  source: value.sources[0],
                },
              }
            : {}),
          sources: value.sources,
          ...(others.length ? { disagreements: others.map((d) => ({ host: d.host, port: d.port, security: d.security, username: d.username, sources: d.sources })) } : {}),
        });
        for (const d of others) {
          const key = `${primary} ${p}: ${pairKey(valueText(value), valueText(d))}`;
          if (!disagreements.has(key)) {
            // Only the host name differs: a brand alias, a region or a renamed server more often than a conflict.
            const hostOnly = d.host !== value.host && d.port === value.port && sameValue(d, value);
            disagreements.set(key, { line: `${primary} ${p}: ${value.sources.join('+')} ${valueText(value)} | ${d.sources.join('+')} ${valueText(d)}`, hostOnly });
          }
        }
      }
    }

    if (!servers.smtp.length || !(servers.imap.length + servers.pop3.length)) {
      skipped.push({ db: members[0]!.db, file: members[0]!.file, what: primary, why: 'no SMTP server or no incoming server: no provider page' });
      continue;
    }
    if (curatedTwin?.servers) {
      const have = new Set(curatedTwin.servers);
      for (const p of PROTOCOLS) {
        for (const s of servers[p] as unknown as Cited[]) {
          if (!have.has(hostPort(s))) proposals.push(`${curatedTwin.domain} ${p}: ${s.sources.join('+')} ${valueText(s)}`);
        }
      }
    }

    // Links to the provider's documentation the databases give; not evidence for any value.
    const docs = [...new Set(members.flatMap((e) => e.docs.map((u) => `${e.db} ${u}`)))];
    const registrable = (h: string) => h.split('.').slice(-2).join('.');
    const own = new Set([...domains, ...PROTOCOLS.flatMap((p) => servers[p].map((s) => String(s.host)))].map(registrable));
    docs.forEach((d, i) => {
      const [db, url] = d.split(' ') as [Db, string];
      sources.push({
        id: `doc-${i + 1}`,
        url,
        title: `${DATABASES[db].title} lists this page as documentation`,
        // A page on the provider's own domain is official, but we have not read it.
        kind: own.has(registrable(new URL(url).hostname)) ? 'official-cited' : 'third-party',
        checked: snap.get(db)!.date,
      });
    });

    const onePerDb = (ids: string[]) => ids.filter((id, i) => ids.findIndex((x) => dbOf(x) === dbOf(id)) === i);
    const oauthBy = onePerDb(giving.filter((e) => e.oauthOnly && !service.dissenting.has(e)).map((e) => sourceIds.get(e)!));
    const appBy = onePerDb(giving.filter((e) => e.appPassword && !service.dissenting.has(e)).map((e) => sourceIds.get(e)!));
    if (oauthBy.length && appBy.length) disagreements.set(`${primary} password`, { line: `${primary} password: ${oauthBy.join('+')} oauth-only | ${appBy.join('+')} app-password`, hostOnly: false });
    const password = oauthBy.length ? { kind: 'oauth-only', sources: oauthBy } : appBy.length ? { kind: 'app-password', sources: appBy } : undefined;
    const enabling = giving.find((e) => e.enableUrl && !service.dissenting.has(e));
    const access = enabling ? { onByDefault: false, url: enabling.enableUrl, sources: [sourceIds.get(enabling)!] } : undefined;
    // The anchor's name first: Yahoo's page is never named after Yahoo Japan's file. A name that is
    // a template (%EMAILDOMAIN%) was dropped by the reader, so another database's name or the domain stands in.
    const named = members.find((e) => e.name && !service.dissenting.has(e)) ?? { name: primary, shortName: undefined };
    const hosted = new Set(curatedTwin?.hosted ?? []);

    files.set(primary, {
      $schema: '../provider.schema.json',
      domain: primary,
      otherDomains: domains.filter((d) => d !== primary && !hosted.has(d)).sort(),
      ...(domains.some((d) => hosted.has(d)) ? { hostedDomains: domains.filter((d) => hosted.has(d)).sort() } : {}),
      // The databases name a provider in one language: every complete locale shows that name.
      name: Object.fromEntries(COMPLETE_LOCALES.map((l) => [l, named.name])),
      shortName: Object.fromEntries(COMPLETE_LOCALES.map((l) => [l, named.shortName || named.name])),
      priority: IMPORTED_PRIORITY,
      servers,
      ...(password ? { password } : {}),
      ...(access ? { access } : {}),
      sources,
      verified: members.map((e) => snap.get(e.db)!.date).sort().pop(),
    });
  }

  const sortedFiles = new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
  const domainCount = [...sortedFiles.values()].reduce((n, f) => n + 1 + (f as { otherDomains: string[] }).otherDomains.length + ((f as { hostedDomains?: string[] }).hostedDomains?.length ?? 0), 0);
  const lines = [...disagreements.values()];
  const conflicts = lines.filter((l) => !l.hostOnly).map((l) => `- ${l.line}`).sort();
  const aliases = lines.filter((l) => l.hostOnly).map((l) => `- ${l.line}`).sort();
  const changes = hostChanges(previous, sortedFiles);
  report.push(`# Import report`, '');
  for (const s of snapshots) report.push(`- ${DATABASES[s.db].title}: ${s.repo} at ${s.commit} (${s.date}), ${s.entries.length} entries`);
  report.push('', `${sortedFiles.size} providers, ${domainCount} domains written to src/data/imported/.`, '');
  report.push(
    `## Proposals for curated providers (${proposals.length})`,
    '',
    'Servers a database gives for a provider curated in src/data/providers/ that the curated file does not list. They are not served (src/lib/merge.ts adds no server to a curated provider) until someone reads the provider’s own page and adds them there.',
    '',
    ...proposals.sort().map((l) => `- ${l}`),
    '',
  );
  report.push(`## Host changes since the last import (${changes.length})`, '', 'Per provider: servers (host:port) added (+) or gone (-) compared with the imported files of the last import (the commit `npm run import -- --since <commit>` names; by default the checked-out one).', '', ...changes, '');
  report.push(`## Disagreements between databases (${lines.length}, each once)`, '', 'provider protocol: value kept (its sources) | other value (its sources)', '');
  report.push(`### Conflicts: another port, encryption or user name (${conflicts.length})`, '', ...conflicts, '');
  report.push(`### Other host name only: same port, encryption and user name (${aliases.length})`, '', 'Mostly a brand’s alias, a region or a renamed server rather than a conflict; the page still shows both.', '', ...aliases, '');
  report.push(`## Left out (${skipped.length})`, '');
  report.push(...[...new Set(skipped.map((s) => `- ${s.db} ${s.file}: ${s.what}: ${s.why}`))].sort(), '');
  return { files: sortedFiles, report };
}

type FileShape = { domain: string; otherDomains?: string[]; hostedDomains?: string[]; servers: Record<Protocol, { host: string; port: number }[]> };

/** Per provider, the servers added or gone since the previous import (matched by domain, so a renamed key still compares). */
export function hostChanges(previous: Map<string, object>, next: Map<string, object>): string[] {
  const byDomain = new Map<string, FileShape>();
  for (const f of previous.values() as Iterable<FileShape>) for (const d of [f.domain, ...(f.otherDomains ?? []), ...(f.hostedDomains ?? [])]) byDomain.set(d, f);
  const list = (f: FileShape | undefined) => new Set(f ? PROTOCOLS.flatMap((p) => (f.servers[p] ?? []).map((s) => `${p} ${hostPort(s)}`)) : []);
  const seen = new Set<FileShape>();
  const out: string[] = [];
  for (const [key, f] of next as Map<string, FileShape>) {
    const old = byDomain.get(key) ?? [f.domain, ...(f.otherDomains ?? [])].map((d) => byDomain.get(d)).find((x) => x);
    if (old) seen.add(old);
    const [a, b] = [list(old), list(f)];
    const diff = [...[...b].filter((x) => !a.has(x)).map((x) => `+${x}`), ...[...a].filter((x) => !b.has(x)).map((x) => `-${x}`)];
    const renamed = old && old.domain !== key ? ` (was ${old.domain})` : '';
    if (!old) out.push(`- ${key}: new provider`);
    else if (diff.length || renamed) out.push(`- ${key}${renamed}: ${diff.join(', ') || 'same servers'}`);
  }
  for (const f of previous.values() as Iterable<FileShape>) if (!seen.has(f)) out.push(`- ${f.domain}: no longer written (its domains now belong elsewhere or no database lists it)`);
  return out.sort();
}
