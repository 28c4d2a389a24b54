// Updates the recorded screen labels of a client from a checkout of the app's own repository:
//
//   node scripts/labels/refresh.ts <client id> <owner/name> <checkout dir> [--commit <sha>] [--dry-run]
//
// e.g. node scripts/labels/refresh.ts thunderbird thunderbird/thunderbird-l10n ../thunderbird-l10n
// Every label of src/data/clients/<client id>.json whose source is that repository is read again
// from its file and string id; a changed text is written with the checkout's commit, and a string
// that is gone is reported (exit code 1) so a renamed label is noticed. The translation files
// themselves never enter this repository.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refreshLabels } from './refresh-lib.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const dryRun = args.includes('--dry-run') ? (args.splice(args.indexOf('--dry-run'), 1), true) : false;
const commitFlag = flag('--commit');
const [clientId, repo, checkout] = args;
if (!clientId || !repo || !checkout) {
  console.error('usage: node scripts/labels/refresh.ts <client id> <owner/name> <checkout dir> [--commit <sha>] [--dry-run]');
  process.exit(2);
}
const file = `src/data/clients/${clientId}.json`;
if (!existsSync(file)) {
  console.error(`${file}: no such client`);
  process.exit(2);
}
const commit = commitFlag ?? execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const data = JSON.parse(readFileSync(file, 'utf8'));
const result = refreshLabels(data, repo, commit, (path) => (existsSync(join(checkout, path)) ? readFileSync(join(checkout, path), 'utf8') : undefined));
for (const line of result.changes) console.log(`changed ${line}`);
for (const line of result.problems) console.error(`${file}: ${line}`);
console.log(`${result.checked} label strings from ${repo} checked at ${commit.slice(0, 12)}; ${result.changes.length} changed, ${result.problems.length} missing`);
if (!dryRun && JSON.stringify(result.data) !== JSON.stringify(data)) writeFileSync(file, JSON.stringify(result.data, null, 2) + '\n');
process.exit(result.problems.length ? 1 : 0);
