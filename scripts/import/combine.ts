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

export interface CuratedDomains {
  domain: string;
  domains: string[];
}

const DB_ORDER: Db[] = ['ispdb', 'fairemail', 'chatmail-provider-db'];
const PROTOCOLS: Protocol[] = ['imap', 'pop3', 'smtp'];

interface Cited extends Srv {
  sources: string[];
}

/** The database a source id stands for: "fairemail-2" is FairEmail's second file. */
const dbOf = (id: string) => id.replace(/-\d+$/, '');
const tuple = (s: Srv) => `${s.host}:${s.port}:${s.security}`;
const hostPort = (s: Srv) => `${s.host}:${s.port}`;
const sameValue = (a: Srv, b: Srv) => a.security === b.security && a.username === b.username;

/** Union-find over entries that share a domain (FairEmail's patterns match exact domains too). */
function group(entries: Entry[]): Entry[][] {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  entries.forEach((e, i) =>
    e.domains.forEach((d) => {
      const o = owner.get(d);
      if (o === undefined) owner.set(d, i);
      else parent[find(i)] = find(o);
    }),
  );
  entries.forEach((e, i) => {
    for (const [d, o] of owner) if (e.patterns.some((re) => re.test(d))) parent[find(i)] = find(o);
  });
  const groups = new Map<number, Entry[]>();
  entries.forEach((e, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), e]));
  return [...groups.values()];
}

export function combine(snapshots: Snapshot[], curated: CuratedDomains[], unreadable: Skipped[] = []): { files: Map<string, object>; report: string[] } {
  const report: string[] = [];
  const skipped: Skipped[] = [...unreadable];
  const snap = new Map(snapshots.map((s) => [s.db, s]));
  const entries = DB_ORDER.flatMap((db) => snap.get(db)?.entries ?? []);

  // Names that look like domains but are fragments of FairEmail patterns ("mein.gmx") are dropped:
  // a domain must end in a top-level domain some database uses for a real address.
  const tlds = new Set(entries.filter((e) => e.db !== 'fairemail').flatMap((e) => e.domains.map((d) => d.split('.').pop()!)));
  ['com', 'net', 'org', 'de', 'fr', 'uk', 'au', 'jp', 'it', 'nl', 'ch', 'at'].forEach((t) => tlds.add(t));
  for (const e of entries) {
    e.domains = e.domains.filter((d) => {
      const ok = isHostname(d) && tlds.has(d.split('.').pop()!);
      if (!ok) skipped.push({ db: e.db, file: e.file, what: d, why: 'not a mail domain' });
      return ok;
    });
    for (const p of PROTOCOLS) {
      e.servers[p] = e.servers[p].filter((s) => {
        const ok = isHostname(s.host) && s.port >= 1 && s.port <= 65535;
        if (!ok) skipped.push({ db: e.db, file: e.file, what: `${p} ${s.host}:${s.port}`, why: 'not a hostname and port' });
        return ok;
      });
    }
  }
  const withDomain = entries.filter((e) => e.domains.length);
  // Pattern-only entries join the provider whose domains they match.
  const patternOnly = entries.filter((e) => !e.domains.length && e.patterns.length);
  const curatedOf = new Map(curated.flatMap((c) => c.domains.map((d) => [d, c.domain])));

  const files = new Map<string, object>();
  const disagreementLines: string[] = [];
  for (const members of group([...withDomain, ...patternOnly])) {
    if (!members.some((e) => e.domains.length)) {
      members.forEach((e) => skipped.push({ db: e.db, file: e.file, what: e.name, why: 'only domain patterns, none matching a domain a database lists' }));
      continue;
    }
    const ordered = DB_ORDER.flatMap((db) => members.filter((e) => e.db === db));
    const curatedPrimary = ordered.flatMap((e) => e.domains).map((d) => curatedOf.get(d)).find((d) => d !== undefined);
    let domains = [...new Set(ordered.flatMap((e) => e.domains))];
    // A domain hand-written into another curated provider stays there.
    domains = domains.filter((d) => {
      const c = curatedOf.get(d);
      if (c && c !== curatedPrimary) skipped.push({ db: ordered[0]!.db, file: ordered[0]!.file, what: d, why: `belongs to the curated provider ${c}` });
      return !c || c === curatedPrimary;
    });
    const ispdb = ordered.find((e) => e.db === 'ispdb');
    const fromFile = ispdb?.file.replace(/^.*\//, '').replace(/\.xml$/, '');
    const primary = curatedPrimary ?? [fromFile, ispdb?.key].find((d) => d && domains.includes(d)) ?? domains[0]!;

    // One source per database (a second file of the same database gets -2, -3 …).
    const sourceIds = new Map<Entry, string>();
    const sources: Record<string, unknown>[] = [];
    for (const e of ordered) {
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
        note: `Imported by scripts/import from ${s.repo} at commit ${s.commit}.`,
      });
    }

    const servers: Record<Protocol, Record<string, unknown>[]> = { imap: [], pop3: [], smtp: [] };
    for (const p of PROTOCOLS) {
      const byDb = ordered.filter((e) => e.servers[p].length).map((e) => ({ id: sourceIds.get(e)!, list: e.servers[p] }));
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
      // Two databases that list servers for this protocol but share none disagree on all of them.
      for (const a of byDb) {
        for (const b of byDb) {
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
        const { disagreements, ...value } = c;
        servers[p].push({
          host: value.host,
          port: value.port,
          security: value.security,
          username: value.username,
          // A port used against its standard (e.g. plaintext on 587) is kept as the database gives it, and said so.
          ...(portContradiction(value.port, p, value.security)
            ? {
                exception: {
                  reason: {
                    'zh-cn': `数据库就是这样写的；该端口的标准用法不同（${portContradiction(value.port, p, value.security)}）。`,
                    en: `As the database gives it; this is not the port’s standard use (${portContradiction(value.port, p, value.security)}).`,
                  },
                  source: value.sources[0],
                },
              }
            : {}),
          sources: value.sources,
          ...(disagreements.length
            ? { disagreements: disagreements.map((d) => ({ host: d.host, port: d.port, security: d.security, username: d.username, sources: d.sources })) }
            : {}),
        });
        for (const d of disagreements) {
          disagreementLines.push(
            `${primary} ${p}: ${value.sources.join('+')} ${value.host}:${value.port} ${value.security} ${value.username} | ${d.sources.join('+')} ${d.host}:${d.port} ${d.security} ${d.username}`,
          );
        }
      }
    }

    if (!servers.smtp.length || !(servers.imap.length + servers.pop3.length)) {
      skipped.push({ db: ordered[0]!.db, file: ordered[0]!.file, what: primary, why: 'no SMTP server or no incoming server: no provider page' });
      continue;
    }

    // Links to the provider's documentation the databases give; not evidence for any value.
    const docs = [...new Set(ordered.flatMap((e) => e.docs.map((u) => `${e.db} ${u}`)))];
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
    const oauthBy = onePerDb(ordered.filter((e) => e.oauthOnly).map((e) => sourceIds.get(e)!));
    const appBy = onePerDb(ordered.filter((e) => e.appPassword).map((e) => sourceIds.get(e)!));
    if (oauthBy.length && appBy.length) disagreementLines.push(`${primary} password: ${oauthBy.join('+')} oauth-only | ${appBy.join('+')} app-password`);
    const password = oauthBy.length ? { kind: 'oauth-only', sources: oauthBy } : appBy.length ? { kind: 'app-password', sources: appBy } : undefined;
    const enabling = ordered.find((e) => e.enableUrl);
    const access = enabling ? { onByDefault: false, url: enabling.enableUrl, sources: [sourceIds.get(enabling)!] } : undefined;
    const named = ordered.find((e) => e.name) ?? ordered[0]!;

    files.set(primary, {
      $schema: '../provider.schema.json',
      domain: primary,
      otherDomains: domains.filter((d) => d !== primary).sort(),
      // The databases name a provider in one language: every complete locale shows that name.
      name: Object.fromEntries(COMPLETE_LOCALES.map((l) => [l, named.name || primary])),
      shortName: Object.fromEntries(COMPLETE_LOCALES.map((l) => [l, named.shortName || named.name || primary])),
      priority: IMPORTED_PRIORITY,
      servers,
      ...(password ? { password } : {}),
      ...(access ? { access } : {}),
      sources,
      verified: ordered.map((e) => snap.get(e.db)!.date).sort().pop(),
    });
  }

  const sortedFiles = new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
  const domainCount = [...sortedFiles.values()].reduce((n, f) => n + 1 + (f as { otherDomains: string[] }).otherDomains.length, 0);
  report.push(`# Import report`, '');
  for (const s of snapshots) report.push(`- ${DATABASES[s.db].title}: ${s.repo} at ${s.commit} (${s.date}), ${s.entries.length} entries`);
  report.push('', `${sortedFiles.size} providers, ${domainCount} domains written to src/data/imported/.`, '');
  report.push(`## Disagreements between databases (${disagreementLines.length})`, '', 'provider protocol: value kept (its sources) | other value (its sources)', '');
  report.push(...disagreementLines.sort().map((l) => `- ${l}`), '');
  report.push(`## Left out (${skipped.length})`, '');
  report.push(...skipped.map((s) => `- ${s.db} ${s.file}: ${s.what}: ${s.why}`).sort(), '');
  return { files: sortedFiles, report };
}
