// `npm run import -- <checkout> [<checkout> …]`: reads checkouts of thunderbird/autoconfig,
// M66B/FairEmail and chatmail/provider-db, and rewrites src/data/imported/ (one JSON file per
// provider, plus REPORT.md). Each checkout must be a git work tree: its commit is cited.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { combine, type Snapshot } from './combine.ts';
import { readChatmail, readFairEmail, readIspdb, type Db, type Entry, type Skipped } from './read.ts';

export const OUT = 'src/data/imported';
const FAIREMAIL_FILE = 'app/src/main/res/xml/providers.xml';

/** Which database a checkout holds, by the files it has. */
function kindOf(dir: string): { db: Db; repo: string } {
  if (existsSync(join(dir, 'ispdb'))) return { db: 'ispdb', repo: 'thunderbird/autoconfig' };
  if (existsSync(join(dir, FAIREMAIL_FILE))) return { db: 'fairemail', repo: 'M66B/FairEmail' };
  if (existsSync(join(dir, '_providers'))) return { db: 'chatmail-provider-db', repo: 'chatmail/provider-db' };
  throw new Error(`${dir}: not a checkout of thunderbird/autoconfig (ispdb/), M66B/FairEmail (${FAIREMAIL_FILE}) or chatmail/provider-db (_providers/)`);
}

/** Reads one checkout's entries; `skipped` collects what could not be read. */
export function readCheckout(dir: string, db: Db, skipped: Skipped[]): Entry[] {
  const list = (sub: string, ext: string) => readdirSync(join(dir, sub)).filter((f) => f.endsWith(ext)).sort().map((f) => `${sub}/${f}`);
  if (db === 'ispdb') return list('ispdb', '.xml').flatMap((f) => readIspdb(f, readFileSync(join(dir, f), 'utf8'), skipped));
  if (db === 'fairemail') return readFairEmail(FAIREMAIL_FILE, readFileSync(join(dir, FAIREMAIL_FILE), 'utf8'), skipped);
  return list('_providers', '.md').filter((f) => !f.endsWith('/example.com.md')).flatMap((f) => readChatmail(f, readFileSync(join(dir, f), 'utf8'), skipped));
}

function git(dir: string, ...args: string[]): string {
  try {
    return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${dir}: not a git work tree; the import cites each database's commit (use git worktree add or git clone)`);
  }
}

/** The domains of the curated files, so an imported provider is keyed as its curated twin. */
function curatedDomains() {
  return readdirSync('src/data/providers')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`src/data/providers/${f}`, 'utf8')) as { domain: string; otherDomains?: string[] })
    .map((p) => ({ domain: p.domain, domains: [p.domain, ...(p.otherDomains ?? [])] }));
}

/** Writes the files; stale files of providers no database lists any more are removed. */
export function write(files: Map<string, object>, report: string[], out = OUT): void {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (f.endsWith('.json') && !files.has(f.replace(/\.json$/, ''))) rmSync(join(out, f));
  for (const [domain, data] of files) writeFileSync(join(out, `${domain}.json`), JSON.stringify(data, null, 2) + '\n');
  writeFileSync(join(out, 'REPORT.md'), report.join('\n'));
}

if (import.meta.main) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: npm run import -- <checkout of thunderbird/autoconfig> <of M66B/FairEmail> <of chatmail/provider-db>');
    process.exit(2);
  }
  const skipped: Skipped[] = [];
  const snapshots: Snapshot[] = dirs.map((dir) => {
    const { db, repo } = kindOf(dir);
    return { db, repo, commit: git(dir, 'rev-parse', 'HEAD'), date: git(dir, 'log', '-1', '--format=%cs'), entries: readCheckout(dir, db, skipped) };
  });
  const { files, report } = combine(snapshots, curatedDomains(), skipped);
  write(files, report);
  console.log(report.join('\n'));
}
