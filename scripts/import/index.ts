// `npm run import -- <checkout> <checkout> <checkout>`: reads checkouts of thunderbird/autoconfig,
// M66B/FairEmail and chatmail/provider-db, and rewrites src/data/imported/ (one JSON file per
// provider, plus REPORT.md). Each checkout must be a git work tree: its commit is cited.
// The checkouts are untrusted: only regular files inside them are read, each on its own.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { combine, type CuratedProvider, type Snapshot } from './combine.ts';
import { agreementReport } from './agreement.ts';
import { LIMITS, readChatmail, readFairEmail, readIspdb, type Db, type Entry, type Skipped } from './read.ts';

export const OUT = 'src/data/imported';
const FAIREMAIL_FILE = 'app/src/main/res/xml/providers.xml';
export const DATABASES: { db: Db; repo: string; marker: string }[] = [
  { db: 'ispdb', repo: 'thunderbird/autoconfig', marker: 'ispdb' },
  { db: 'fairemail', repo: 'M66B/FairEmail', marker: FAIREMAIL_FILE },
  { db: 'chatmail-provider-db', repo: 'chatmail/provider-db', marker: '_providers' },
];

/** Which database a checkout holds, by the files it has. */
function kindOf(dir: string): { db: Db; repo: string } {
  const found = DATABASES.find((d) => existsSync(join(dir, d.marker)));
  if (!found) throw new Error(`${dir}: not a checkout of ${DATABASES.map((d) => `${d.repo} (${d.marker})`).join(', ')}`);
  return found;
}

/**
 * The text of one file of a checkout, or a line in `skipped` saying why not: a symlink, anything
 * but a regular file, a path leading out of the checkout, an oversized or non-UTF-8 file.
 */
export function readSafely(dir: string, file: string, db: Db, skipped: Skipped[], limit: number = LIMITS.file): string | undefined {
  const path = join(dir, file);
  const refuse = (why: string) => (skipped.push({ db, file, what: 'whole file', why }), undefined);
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return refuse('missing');
  if (st.isSymbolicLink()) return refuse('a symbolic link (not followed)');
  if (!st.isFile()) return refuse('not a regular file');
  const root = realpathSync(dir);
  if (!realpathSync(path).startsWith(root + sep)) return refuse('its path leads out of the checkout (not followed)');
  if (st.size > limit) return refuse(`larger than ${limit} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    return refuse('not UTF-8 text (a binary file?)');
  }
}

/** Reads one checkout's entries, each file on its own; `skipped` collects what could not be read. */
export function readCheckout(dir: string, db: Db, skipped: Skipped[]): Entry[] {
  const list = (sub: string, ext: string) => {
    const st = lstatSync(join(dir, sub), { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
      skipped.push({ db, file: sub, what: 'folder', why: st?.isSymbolicLink() ? 'a symbolic link (not followed)' : 'not a folder' });
      return [];
    }
    return readdirSync(join(dir, sub)).filter((f) => f.endsWith(ext)).sort().map((f) => `${sub}/${f}`);
  };
  const each = (files: string[], read: (file: string, text: string, skipped: Skipped[]) => Entry[], limit?: number) =>
    files.flatMap((f) => {
      const text = readSafely(dir, f, db, skipped, limit);
      return text === undefined ? [] : read(f, text, skipped);
    });
  if (db === 'ispdb') return each(list('ispdb', '.xml'), readIspdb);
  if (db === 'fairemail') return each([FAIREMAIL_FILE], readFairEmail, LIMITS.fairEmailFile);
  return each(list('_providers', '.md').filter((f) => !f.endsWith('/example.com.md')), readChatmail);
}

function git(dir: string, ...args: string[]): string {
  try {
    return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${dir}: not a git work tree; the import cites each database's commit (use git worktree add or git clone)`);
  }
}

/** The curated files' domains and servers: an imported provider is keyed as its curated twin, and its new servers become proposals. */
export function curatedProviders(folder = 'src/data/providers'): CuratedProvider[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as { domain: string; otherDomains?: string[]; hostedDomains?: string[]; servers: Record<string, { host: string; port: number }[]> })
    .map((p) => ({
      domain: p.domain,
      domains: [p.domain, ...(p.otherDomains ?? []), ...(p.hostedDomains ?? [])],
      hosted: p.hostedDomains ?? [],
      servers: Object.values(p.servers).flatMap((list) => (list ?? []).map((s) => `${s.host}:${s.port}`)),
    }));
}

/**
 * The imported files as committed at `rev` (the last import, by default HEAD), for the report's
 * list of host changes. Read from git rather than the folder, so a second run on the same
 * checkouts writes the same report.
 */
export function previousImport(rev = 'HEAD', out = OUT): Map<string, object> {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let names: string[];
  try {
    names = git('ls-tree', '--name-only', `${rev}:${out}`).split('\n').filter((f) => f.endsWith('.json'));
  } catch {
    return new Map();
  }
  return new Map(names.map((f) => [f.replace(/\.json$/, ''), JSON.parse(git('show', `${rev}:${out}/${f}`)) as object]));
}

/** Writes the files; stale files of providers no database lists any more are removed. */
export function write(files: Map<string, object>, report: string[], out = OUT): void {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (f.endsWith('.json') && !files.has(f.replace(/\.json$/, ''))) rmSync(join(out, f));
  for (const [domain, data] of files) writeFileSync(join(out, `${domain}.json`), JSON.stringify(data, null, 2) + '\n');
  writeFileSync(join(out, 'REPORT.md'), report.join('\n'));
}

/** The checkouts by database; a run given only some of them refuses, naming the missing ones (it would drop their data). */
export function checkoutsOf(dirs: string[]): Map<Db, { dir: string; repo: string }> {
  const found = new Map<Db, { dir: string; repo: string }>();
  for (const dir of dirs) {
    const { db, repo } = kindOf(dir);
    if (found.has(db)) throw new Error(`${dir}: a second checkout of ${repo} (the first is ${found.get(db)!.dir})`);
    found.set(db, { dir, repo });
  }
  const missing = DATABASES.filter((d) => !found.has(d.db));
  if (missing.length) throw new Error(`missing checkout of ${missing.map((d) => d.repo).join(' and ')}: the import rewrites src/data/imported/ from all three databases, and would drop the data of a missing one; pass all three`);
  return found;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  // --since <git revision>: the commit of the last import to list host changes against (default HEAD).
  const since = args.indexOf('--since');
  const rev = since >= 0 ? args.splice(since, 2)[1] : 'HEAD';
  const dirs = args;
  try {
    const checkouts = checkoutsOf(dirs);
    const skipped: Skipped[] = [];
    const snapshots: Snapshot[] = DATABASES.map(({ db }) => {
      const { dir, repo } = checkouts.get(db)!;
      return { db, repo, commit: git(dir, 'rev-parse', 'HEAD'), date: git(dir, 'log', '-1', '--format=%cs'), entries: readCheckout(dir, db, skipped) };
    });
    const { files, report } = combine(snapshots, curatedProviders(), skipped, previousImport(rev));
    write(files, report);
    // How the merged dataset (curated files included) keeps each ISPDB domain's own first servers.
    report.push(...agreementReport(checkouts.get('ispdb')!.dir));
    write(files, report);
    console.log(report.join('\n'));
  } catch (e) {
    console.error(`import: ${(e as Error).message}`);
    console.error('usage: npm run import -- [--since <git revision of the last import>] <checkout of thunderbird/autoconfig> <of M66B/FairEmail> <of chatmail/provider-db>');
    process.exit(2);
  }
}
