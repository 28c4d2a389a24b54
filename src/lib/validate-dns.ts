// Turns src/data/dns/*.json into typed DNS records, or fails with every problem found, each as
// `file: field = value: why`. Kept apart from validate.ts: it runs after the providers are known,
// because every DNS file belongs to a provider.
import { checkQuotes } from './validate.ts';
import type { Fact, Stated } from './evidence.ts';
import { DnsRecords, type Provider } from '../data/schema.ts';
import { checkRecords, expectedFrom, matchesPattern } from './dns-check.ts';
import { DatasetError, type RawFile } from './validate.ts';

/**
 * Providers whose DNS files exist before their provider files have landed (branch `cn`). Their DNS
 * files are left out of the build with a warning until then; once the provider exists they are
 * loaded like any other. tests/unit/dns-data.test.ts fails as soon as a listed provider exists, so
 * the list is emptied in the same merge.
 */
export const PENDING_PROVIDERS: readonly string[] = [];

type Path = readonly (string | number)[];

const fieldName = (path: Path) => path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
const problem = (file: string, path: Path, value: unknown, message: string) => `${file}: ${fieldName(path) || '(file)'} = ${show(value)}: ${message}`;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Checks one DNS file beyond its shape: its provider, its sources, and that its own records pass our checker. */
function checkDns(file: string, d: DnsRecords, problems: string[]): void {
  const add = (path: Path, value: unknown, message: string) => problems.push(problem(file, path, value, message));
  const base = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (base !== d.provider) add(['provider'], d.provider, `must match the file name (${base}.json)`);

  const sources = new Map(d.sources.map((s) => [s.id, s]));
  d.sources.forEach((s, i) => {
    if (d.sources.findIndex((t) => t.id === s.id) !== i) add(['sources', i, 'id'], s.id, 'is used by another source of this file');
  });
  const cite = (path: Path, ids: string[]) =>
    ids.forEach((id, i) => {
      if (!sources.has(id)) add([...path, 'sources', i], id, 'is not the id of a source listed in sources');
    });
  // Grades are computed from the sources (src/lib/evidence.ts); a fact only has to cite sources the file lists.
  const checkEvidence = (path: Path, fact: Fact & Stated) => {
    cite(path, fact.sources);
    checkQuotes(path, fact, (at, value, message) => problems.push(problem(file, at as Path, value, message)));
  };

  d.mxPatterns.forEach((p, i) => cite(['mxPatterns', i], p.sources));
  d.notes.forEach((n, i) => checkEvidence(['notes', i], n));
  d.records.forEach((r, i) => {
    const path = ['records', i];
    checkEvidence(path, r);
    r.disagreements.forEach((x, j) => cite([...path, 'disagreements', j], x.sources));
    if ((r.type === 'MX') !== (r.priority !== undefined)) add([...path, 'priority'], r.priority, r.type === 'MX' ? 'an MX record needs a priority' : 'only an MX record has a priority');
    if (r.purpose === 'mx' && r.type !== 'MX') add([...path, 'type'], r.type, 'a record for purpose "mx" must be of type MX');
    // A <placeholder> stands for a label the admin console gives; any label will do for the pattern test.
    const host = r.value.replace(/<[^>]+>/g, 'x').replace(/\.$/, '');
    if (r.type === 'MX' && !d.mxPatterns.some((p) => matchesPattern(host, p.pattern))) add([...path, 'value'], r.value, 'matches none of mxPatterns, so the lookup would not recognise a domain set up this way');
    if (r.purpose === 'spf' && !/^v=spf1 /.test(r.value)) add([...path, 'value'], r.value, 'an SPF record starts with "v=spf1 "');
    if (r.purpose === 'dmarc' && (r.name !== '_dmarc' || !/^v=DMARC1;/.test(r.value))) add([...path, 'value'], r.value, 'a DMARC record is a TXT record at _dmarc starting with "v=DMARC1;"');
  });

  // Our own records must pass our own checker: no include=, no +all, one SPF record.
  const expected = expectedFrom(d);
  const spf = d.records.filter((r) => r.purpose === 'spf');
  spf.forEach((r) => {
    const bad = checkRecords({ mx: [], txt: [r.value], dmarc: [] }, expected).filter((f) => f.id.startsWith('spf-') && f.level === 'error');
    if (bad.length) add(['records', d.records.indexOf(r), 'value'], r.value, `fails the record checker (${bad.map((f) => f.id).join(', ')})`);
  });
}

export interface DnsResult {
  dns: DnsRecords[];
  /** Human-readable notes about DNS files left out of the build (their provider has not landed yet). */
  warnings: string[];
}

export function validateDns(files: RawFile[], providers: readonly Provider[], pending: readonly string[] = PENDING_PROVIDERS): DnsResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const dns: DnsRecords[] = [];
  const known = new Set(providers.map((p) => p.domain));
  for (const raw of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const result = DnsRecords.safeParse(raw.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
        for (const path of keys) problems.push(problem(raw.file, path.map((k) => (typeof k === 'symbol' ? String(k) : k)), valueAt(raw.data, path), issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message));
      }
      continue;
    }
    const d = result.data;
    checkDns(raw.file, d, problems);
    if (!known.has(d.provider)) {
      if (pending.includes(d.provider)) warnings.push(`${raw.file}: left out of the build until src/data/providers/${d.provider}.json exists`);
      else problems.push(problem(raw.file, ['provider'], d.provider, 'is not the domain of any provider in src/data/providers'));
      continue;
    }
    dns.push(d);
  }
  if (problems.length) throw new DatasetError(problems);
  return { dns, warnings };
}
