// How a curated provider (src/data/providers, written by hand) and an imported one
// (src/data/imported, written by scripts/import) become one entry. The curated file wins field
// by field; the imported file adds its domains, its sources to the values it agrees with, and
// every value where the two differ, which stays visible as a disagreement. Upstream databases are
// untrusted: an imported file never adds a server to a curated provider (whoever can change an
// upstream file could otherwise point its users at their own server). A server only the
// database lists is shown as what that database says, beside ours, never served or recommended;
// the import report lists it as a proposal for the curated file.
import type { Disagreement, Protocol, Provider, Server, Source } from '../data/schema.ts';
import { PROTOCOLS } from '../data/terms.ts';
import { domainsOf } from './domains.ts';

/** Priority scripts/import gives every imported provider: after the curated ones, which the home page lists. */
export const IMPORTED_PRIORITY = 1000;
/** A provider curated by hand, rather than imported from the open databases: its folder says so (the loader sets tier), never its priority. */
export const isCurated = (p: Pick<Provider, 'tier'>) => p.tier === 'curated';
/** How many curated providers the home page lists, most used first; the rest are in the index. */
export const HOME_PROVIDERS = 12;

const same = (a: Pick<Server, 'host' | 'port'>, b: Pick<Server, 'host' | 'port'>) => a.host === b.host && a.port === b.port;
const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

/** A curated server with what the imported one says about the same host and port. */
function mergeServer(ours: Server, theirs: Server | undefined): Server {
  if (!theirs) return ours;
  const agrees = ours.security === theirs.security && ours.username === theirs.username;
  const disagreements: Disagreement[] = [...(ours.disagreements ?? [])];
  if (!agrees) disagreements.push({ host: theirs.host, port: theirs.port, security: theirs.security, username: theirs.username, sources: theirs.sources });
  // The imported file's own disagreements are other values for this host and port too.
  disagreements.push(...(theirs.disagreements ?? []).filter((d) => !(d.security === ours.security && d.username === ours.username && same(d, ours))));
  return {
    ...ours,
    sources: agrees ? union(ours.sources, theirs.sources) : ours.sources,
    ...(disagreements.length ? { disagreements } : {}),
  };
}

export function mergeProvider(curated: Provider, imported: Provider): Provider {
  const ids = new Set(curated.sources.map((s) => s.id));
  // A database the curated file already cites by the same id (e.g. "ispdb") keeps the curated record.
  const sources: Source[] = [...curated.sources, ...imported.sources.filter((s) => !ids.has(s.id))];
  const servers = Object.fromEntries(
    PROTOCOLS.map((protocol: Protocol) => {
      const ours = curated.servers[protocol];
      const theirs = imported.servers[protocol];
      const merged = ours.map((o) => mergeServer(o, theirs.find((t) => same(o, t))));
      // A server only the database lists becomes "another database says" on our server of the
      // same port (else our first one); with no server of ours for the protocol it is left out.
      for (const t of theirs.filter((t) => !ours.some((o) => same(o, t)))) {
        const i = Math.max(0, merged.findIndex((o) => o.port === t.port));
        const o = merged[i];
        if (!o) continue;
        const value: Disagreement = { host: t.host, port: t.port, security: t.security, username: t.username, sources: t.sources };
        merged[i] = { ...o, disagreements: [...(o.disagreements ?? []), value] };
      }
      return [protocol, merged];
    }),
  ) as Provider['servers'];
  const hostedDomains = union(curated.hostedDomains ?? [], imported.hostedDomains ?? []);
  const domains = union(domainsOf(curated), domainsOf(imported));
  return {
    ...curated,
    otherDomains: domains.filter((d) => d !== curated.domain && !hostedDomains.includes(d)),
    hostedDomains,
    servers,
    password: curated.password ?? imported.password,
    access: curated.access ?? imported.access,
    quirks: curated.quirks.length ? curated.quirks : imported.quirks,
    sources,
  };
}
