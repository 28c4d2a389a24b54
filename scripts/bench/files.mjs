// What the files in a built site are: per provider (keyed by its main domain), per other domain
// (its redirects and machine-readable copies), or the site's own, by top folder. A static host
// counts files, and the per-domain kinds are the ones that grow with the dataset.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCALES } from '../../src/data/locales.ts';

export function filesByKind(dist) {
  const { providers } = JSON.parse(readFileSync(join(dist, 'api/v1/providers.json'), 'utf8'));
  const main = new Set(providers.map((p) => p.domain));
  const other = new Set(providers.flatMap((p) => p.otherDomains));
  const counts = new Map();
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const parts = relative(dist, join(e.parentPath, e.name)).split('/');
    const names = parts.map((p) => p.replace(/\.(json|xml|mobileconfig)$/, ''));
    const whose = names.some((n) => main.has(n)) ? 'per provider' : names.some((n) => other.has(n)) ? 'per other domain' : 'the site';
    const kind = `${LOCALES.includes(parts[0]) ? 'pages' : parts.length > 1 ? `${parts[0]}/` : 'root'} (${whose})`;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return { total: [...counts.values()].reduce((a, n) => a + n, 0), providers: main.size, otherDomains: other.size, kinds: [...counts].sort((a, b) => b[1] - a[1]) };
}
