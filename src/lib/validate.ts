// Turns raw dataset files into typed providers and clients, or fails with every problem
// found, each naming the file, the field and the value.
import type { z } from 'zod';
import { Client, Provider, PROTOCOLS } from '../data/schema.ts';
import { portContradiction } from './ports.ts';

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

export function problem(file: string, path: Path, value: unknown, message: string): string {
  return `${file}: ${fieldName(path) || '(file)'} = ${show(value)}: ${message}`;
}

export function parse<T extends z.ZodType>(schema: T, raw: RawFile, problems: string[]): z.infer<T> | null {
  const result = schema.safeParse(raw.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path;
    // For unknown keys zod reports the parent; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(problem(raw.file, [...path, key], valueAt(raw.data, [...path, key]), 'is not a known field'));
    } else {
      problems.push(problem(raw.file, path, valueAt(raw.data, path), issue.message));
    }
  }
  return null;
}

function baseName(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.json$/, '');
}

/** Checks one provider beyond its shape: sources exist, confirmed facts cite an official page, ports make sense. */
function checkProvider(file: string, p: Provider, problems: string[]): void {
  const add = (path: Path, value: unknown, message: string) => problems.push(problem(file, path, value, message));
  if (baseName(file) !== p.domain) add(['domain'], p.domain, `must match the file name (${baseName(file)}.json)`);

  const sources = new Map(p.sources.map((s) => [s.id, s]));
  p.sources.forEach((s, i) => {
    if (p.sources.findIndex((t) => t.id === s.id) !== i) add(['sources', i, 'id'], s.id, 'is used by another source of this provider');
  });
  const checkEvidence = (path: Path, fact: { sources: string[]; confirmed: boolean }) => {
    fact.sources.forEach((id, i) => {
      if (!sources.has(id)) add([...path, 'sources', i], id, 'is not the id of a source listed in sources');
    });
    if (fact.confirmed && !fact.sources.some((id) => sources.get(id)?.kind === 'official')) {
      add([...path, 'confirmed'], true, 'a fact is confirmed only by an official source whose text was read (kind "official"); set confirmed to false or cite one');
    }
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
  checkEvidence(['password'], p.password);
  checkEvidence(['access'], p.access);
  p.quirks.forEach((q, i) => checkEvidence(['quirks', i], q));
  if (p.otherDomains.includes(p.domain)) add(['otherDomains'], p.domain, 'repeats the primary domain');
}

export function validateDataset(providerFiles: RawFile[], clientFiles: RawFile[]): { providers: Provider[]; clients: Client[] } {
  const problems: string[] = [];
  const providers: Provider[] = [];
  const owner = new Map<string, string>();

  for (const raw of [...providerFiles].sort((a, b) => a.file.localeCompare(b.file))) {
    const p = parse(Provider, raw, problems);
    if (!p) continue;
    checkProvider(raw.file, p, problems);
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
