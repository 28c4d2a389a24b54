// Turns raw dataset files into typed providers and clients, or fails with every problem
// found, each naming the file, the field and the value.
import type { z } from 'zod';
import { Client, Provider, PROTOCOLS } from '../data/schema.ts';
import { portContradiction } from './ports.ts';
import { mergeProvider } from './merge.ts';

/** curated: src/data/providers, written by hand; imported: src/data/imported, written by scripts/import. */
export type Tier = 'curated' | 'imported';

export interface RawFile {
  file: string;
  data: unknown;
}

export class DatasetError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

type Path = readonly PropertyKey[];

function fieldName(path: Path): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function problem(file: string, path: Path, value: unknown, message: string): string {
  return `${file}: ${fieldName(path) || '(file)'} = ${show(value)}: ${message}`;
}

function parse<T extends z.ZodType>(schema: T, raw: RawFile, problems: string[]): z.infer<T> | null {
  const result = schema.safeParse(raw.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path;
    // For unknown keys zod reports the parent; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(problem(raw.file, [...path, key], valueAt(raw.data, [...path, key]), UNKNOWN_FIELD[key] ?? 'is not a known field'));
    } else {
      problems.push(problem(raw.file, path, valueAt(raw.data, path), issue.message));
    }
  }
  return null;
}

// Fields that once existed get a message saying what replaced them.
const UNKNOWN_FIELD: Record<string, string> = {
  confirmed:
    'is no longer written by hand: how sure we are of a fact is computed from the kinds of its sources (src/lib/evidence.ts); delete this key, and cite an "official" source if one confirms the fact',
};

function baseName(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.json$/, '');
}

/** Checks one provider beyond its shape: sources exist, ports make sense; curated files give the password rule and access. */
function checkProvider(file: string, p: Provider, problems: string[], tier: Tier = 'curated'): void {
  const add = (path: Path, value: unknown, message: string) => problems.push(problem(file, path, value, message));
  if (baseName(file) !== p.domain) add(['domain'], p.domain, `must match the file name (${baseName(file)}.json)`);

  const sources = new Map(p.sources.map((s) => [s.id, s]));
  p.sources.forEach((s, i) => {
    if (p.sources.findIndex((t) => t.id === s.id) !== i) add(['sources', i, 'id'], s.id, 'is used by another source of this provider');
  });
  const checkEvidence = (path: Path, fact: { sources: string[]; grade?: string; disagreements?: { sources: string[] }[] }) => {
    if (fact.grade !== undefined) add([...path, 'grade'], fact.grade, 'is computed from the kinds of the sources (src/lib/evidence.ts), never written in a file; delete this key');
    fact.sources.forEach((id, i) => {
      if (!sources.has(id)) add([...path, 'sources', i], id, 'is not the id of a source listed in sources');
    });
    fact.disagreements?.forEach((d, j) =>
      d.sources.forEach((id, i) => {
        if (!sources.has(id)) add([...path, 'disagreements', j, 'sources', i], id, 'is not the id of a source listed in sources');
      }),
    );
  };

  for (const protocol of PROTOCOLS) {
    p.servers[protocol].forEach((s, i) => {
      const path = ['servers', protocol, i];
      checkEvidence(path, s);
      const why = portContradiction(s.port, protocol, s.security);
      if (why && !s.exception) add([...path, 'security'], s.security, `${why}; add an "exception" citing the source that documents it`);
      if (s.exception && !sources.has(s.exception.source)) add([...path, 'exception', 'source'], s.exception.source, 'is not the id of a source listed in sources');
      const twin = p.servers[protocol].findIndex((t) => t.host === s.host && t.port === s.port);
      if (twin !== i) add([...path, 'port'], s.port, `duplicates servers.${protocol}[${twin}] (${s.host}:${s.port})`);
    });
  }
  if (p.servers.imap.length + p.servers.pop3.length === 0) add(['servers'], undefined, 'a provider needs an IMAP or a POP3 server');
  if (p.password) checkEvidence(['password'], p.password);
  if (p.access) checkEvidence(['access'], p.access);
  if (tier === 'curated') {
    // A hand-written entry tells the reader the rule; only imported files may leave it unknown.
    if (!p.password) add(['password'], undefined, 'a curated provider says which password mail apps need (kind, name, how)');
    else if (p.password.kind !== 'oauth-only') {
      if (!p.password.name) add(['password', 'name'], undefined, 'a curated provider names the password in both languages');
      if (!p.password.how) add(['password', 'how'], undefined, 'a curated provider says how to get the password, in both languages');
    }
    if (!p.access) add(['access'], undefined, 'a curated provider says whether access must be switched on (onByDefault may be null) and how');
    else if (!p.access.how) add(['access', 'how'], undefined, 'a curated provider says how access is switched on, in both languages');
  }
  p.quirks.forEach((q, i) => checkEvidence(['quirks', i], q));
  if (p.otherDomains.includes(p.domain)) add(['otherDomains'], p.domain, 'repeats the primary domain');
}

/**
 * Curated files win over imported ones field by field (src/lib/merge.ts): an imported provider
 * that shares a domain with a curated one is merged into it, the rest stand on their own.
 */
export function validateDataset(providerFiles: RawFile[], clientFiles: RawFile[], importedFiles: RawFile[] = []): { providers: Provider[]; clients: Client[] } {
  const problems: string[] = [];
  const providers: Provider[] = [];
  const owner = new Map<string, string>();

  const imported: { file: string; p: Provider }[] = [];
  for (const raw of [...importedFiles].sort((a, b) => a.file.localeCompare(b.file))) {
    const p = parse(Provider, raw, problems);
    if (!p) continue;
    checkProvider(raw.file, p, problems, 'imported');
    imported.push({ file: raw.file, p });
  }
  const curated: { file: string; p: Provider }[] = [];
  for (const raw of [...providerFiles].sort((a, b) => a.file.localeCompare(b.file))) {
    const p = parse(Provider, raw, problems);
    if (!p) continue;
    checkProvider(raw.file, p, problems);
    curated.push({ file: raw.file, p });
  }
  const merged = new Set<string>();
  const entries = curated.map(({ file, p }) => {
    const domains = new Set([p.domain, ...p.otherDomains]);
    const same = imported.filter((i) => [i.p.domain, ...i.p.otherDomains].some((d) => domains.has(d)));
    same.forEach((i) => merged.add(i.file));
    return { file, p: same.reduce((acc, i) => mergeProvider(acc, i.p), p) };
  });
  entries.push(...imported.filter((i) => !merged.has(i.file)));

  for (const { file, p } of entries) {
    const raw = { file };
    [p.domain, ...p.otherDomains].forEach((domain, i) => {
      const path = i === 0 ? ['domain'] : ['otherDomains', i - 1];
      const other = owner.get(domain);
      if (other) problems.push(problem(raw.file, path, domain, `is already claimed by ${other}`));
      else owner.set(domain, raw.file);
    });
    providers.push(p);
  }

  const clients: Client[] = [];
  for (const raw of clientFiles) {
    const c = parse(Client, raw, problems);
    if (!c) continue;
    if (baseName(raw.file) !== c.id) problems.push(problem(raw.file, ['id'], c.id, `must match the file name (${baseName(raw.file)}.json)`));
    c.steps.forEach((s, i) => {
      if (c.steps.indexOf(s) !== i) problems.push(problem(raw.file, ['steps', i], s, 'appears twice'));
    });
    clients.push(c);
  }

  if (problems.length) throw new DatasetError(problems);
  providers.sort((a, b) => a.priority - b.priority || a.domain.localeCompare(b.domain));
  return { providers, clients };
}
