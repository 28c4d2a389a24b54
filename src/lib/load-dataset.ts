// The dataset loader: turns the dataset's files, as text, into typed providers, clients, error
// messages and DNS records, or fails with every problem found, each as `file: field = value: why`.
// `npm run validate`, the build's first step (src/integrations/portolan.ts) and the pages
// (src/lib/dataset.ts) all go through loadDataset, so they cannot disagree. What is checked lives
// in src/lib/rules/, one rule per module; this file reads, parses, merges and runs them.
import { z } from 'zod';
import { App, Client, DnsRecords, ErrorFile, Provider, type ErrorEntry, type Source, type Tier } from '../data/schema.ts';
import { mergeProvider } from './merge.ts';
import { domainsOf } from './domains.ts';
import { adder, DatasetError, parse, problem, type RawFile } from './problems.ts';
import { readJsonText } from './strict-json.ts';
import { ANY_FILE, CLIENT, DATASET, DNS, ERRORS, PROVIDER } from './rules/index.ts';
import type { CheckedFiles, Entry, FileRule } from './rules/rule.ts';

export { DatasetError, type RawFile } from './problems.ts';

/** A dataset file as read from disk, its path relative to the project root. */
export interface TextFile {
  file: string;
  text: string;
  /** Why the file was not read (a symbolic link, too large…): reported instead of its text. */
  refused?: string;
}

/** Where each kind of file lives. Every file under these folders is read, so a stray one is reported, not skipped. */
export const FOLDERS = {
  providers: 'src/data/providers/',
  clients: 'src/data/clients/',
  // Written by `npm run import` from the open databases; nobody edits these by hand.
  imported: 'src/data/imported/',
  guides: 'src/guides/',
  // Error messages, and apps.json: the apps they name that have no guide (no client file) yet.
  errors: 'src/data/errors/',
  // Business providers' DNS records, one file per provider.
  dns: 'src/data/dns/',
} as const;

const APPS_FILE = `${FOLDERS.errors}apps.json`;

/** One error as pages use it: the entry with its file's sources. */
export interface KnownError extends ErrorEntry {
  file: string;
  sources: Source[];
  verified: string;
}

export interface Dataset {
  providers: Provider[];
  clients: Client[];
  errors: KnownError[];
  apps: App[];
  dns: DnsRecords[];
  /** Problems that do not stop the build but that users are warned about on the pages. */
  warnings: string[];
}

export interface Options {
  /** The present moment, for dates that must not lie in the future. */
  now?: Date;
}

/** The files of each kind, parsed from JSON; tests hand these in directly. */
export interface RawFiles {
  imported?: RawFile[];
  guides?: TextFile[];
  /** Error files, apps.json among them. */
  errors?: RawFile[];
  dns?: RawFile[];
  /** False when some provider or client file could not even be read: references to them are then not checked. */
  complete?: boolean;
}

// ---- Reading files ----

/** A data file's name: directly in its folder, lower-case, ending in `.json`. */
function dataFileName(file: string, folder: string, problems: string[]): boolean {
  const name = file.slice(folder.length);
  const add = adder(file, problems);
  // The importer's report of disagreements and left-out entries sits beside the files it explains.
  if (folder === FOLDERS.imported && name === 'REPORT.md') return false;
  if (name.includes('/')) add([], name, `is inside a subfolder; files go directly in ${folder}`);
  else if (/\.json$/i.test(name) && !name.endsWith('.json')) add([], name, 'must end in .json, in lower case');
  else if (!name.endsWith('.json')) add([], name, `is not a .json file; only data files belong in ${folder}`);
  else return true;
  return false;
}

function readFolder(files: TextFile[], folder: string, problems: string[]): RawFile[] {
  return files
    .filter((f) => f.file.startsWith(folder))
    .sort((a, b) => a.file.localeCompare(b.file))
    .flatMap(({ file, text, refused }) => {
      if (refused) {
        problems.push(problem(file, [], file.slice(folder.length) || file, refused));
        return [];
      }
      if (!dataFileName(file, folder, problems)) return [];
      const read = readJsonText(file, text, problems);
      return read ? [{ file, data: read.data }] : [];
    });
}

// ---- Checking ----

/** Runs the rules for any file, the schema, then the rules of the file's kind; the typed data if it has the shape. */
function checkFile<T extends z.ZodType>(raw: RawFile, schema: T, rules: FileRule<z.infer<T>>[], problems: string[], now: Date, tier?: Tier): Entry<z.infer<T>> | null {
  const add = adder(raw.file, problems);
  const ctx = { file: raw.file, now, tier };
  for (const rule of ANY_FILE) rule(raw.data, add, ctx);
  const data = parse(schema, raw, problems);
  if (data === null) return null;
  for (const rule of rules) rule(data, add, ctx);
  return { file: raw.file, data };
}

const byFile = (files: RawFile[]) => [...files].sort((a, b) => a.file.localeCompare(b.file));

/** Problem lines grouped by file; a stable sort keeps each file's problems in the order they were found. */
function byFileName(problems: string[]): string[] {
  const fileOf = (p: string) => p.slice(0, p.indexOf(': '));
  return [...problems].sort((a, b) => fileOf(a).localeCompare(fileOf(b)));
}

/** Checks parsed files (tests call it with objects); loadDataset calls it after reading the files. */
export function validateDataset(providerFiles: RawFile[], clientFiles: RawFile[], options: Options & RawFiles = {}): Dataset {
  const now = options.now ?? new Date();
  const problems: string[] = [];
  const warnings: string[] = [];
  let complete = options.complete ?? true;
  const each = <T extends z.ZodType>(files: RawFile[], schema: T, rules: FileRule<z.infer<T>>[], tier?: Tier): Entry<z.infer<T>>[] =>
    byFile(files).flatMap((raw) => {
      const entry = checkFile(raw, schema, rules, problems, now, tier);
      if (!entry) complete = false;
      return entry ? [entry] : [];
    });

  const withTier = (entries: Entry<Provider>[], tier: Tier) => entries.map((e) => ({ ...e, data: { ...e.data, tier } }));
  const imported = withTier(each(options.imported ?? [], Provider, PROVIDER, 'imported'), 'imported');
  const curated = withTier(each(providerFiles, Provider, PROVIDER, 'curated'), 'curated');
  const clients = each(clientFiles, Client, CLIENT);
  const providersComplete = complete;

  // Curated files win over imported ones field by field (src/lib/merge.ts): an imported provider
  // that shares a domain with a curated one is merged into it; the rest stand on their own.
  // An imported provider merely listing a curated domain among its others (ISPDB's outlook.com file
  // lists office365.com) stays a provider of its own, and the curated file keeps that domain.
  const merged = new Set<string>();
  const curatedDomains = new Set(curated.flatMap(({ data: p }) => domainsOf(p)));
  const providers: Entry<Provider>[] = curated.map(({ file, data: p }) => {
    const domains = new Set(domainsOf(p));
    const same = imported.filter((i) => domains.has(i.data.domain));
    same.forEach((i) => merged.add(i.file));
    return { file, data: same.reduce<Provider>((acc, i) => mergeProvider(acc, i.data), p) };
  });
  providers.push(...imported.filter((i) => !merged.has(i.file)).map(({ file, data: p }) => ({ file, data: { ...p, otherDomains: p.otherDomains.filter((d) => !curatedDomains.has(d)) } })));

  const errorFiles = options.errors ?? [];
  const appsRaw = errorFiles.find((f) => f.file === APPS_FILE);
  const apps = appsRaw ? checkFile(appsRaw, z.array(App, { error: 'must be a list of apps' }), [], problems, now) : null;
  const errors = each(errorFiles.filter((f) => f.file !== APPS_FILE), ErrorFile, ERRORS);
  const dns = each(options.dns ?? [], DnsRecords, DNS);

  // References to providers and clients are checked only against a complete set of them, so a
  // provider file that failed to parse is one problem, not one per error that names it.
  const files: CheckedFiles = { providers, clients, errors, apps: apps ?? undefined, dns, guides: options.guides, complete: providersComplete };
  for (const rule of DATASET) rule(files, (file) => adder(file, problems), (file) => adder(file, warnings));

  if (problems.length) throw new DatasetError(byFileName(problems));
  const order = <T>(key: (x: T) => [number, string]) => (a: T, b: T) => key(a)[0] - key(b)[0] || key(a)[1].localeCompare(key(b)[1]);
  return {
    providers: providers.map((e) => e.data).sort(order((p) => [p.priority, p.domain])),
    clients: clients.map((e) => e.data).sort(order((c) => [c.priority, c.id])),
    errors: errors.flatMap(({ file, data: f }) => f.errors.map((e): KnownError => ({ ...e, file, sources: f.sources, verified: f.verified }))).sort((a, b) => a.id.localeCompare(b.id)),
    apps: apps?.data ?? [],
    dns: dns.map((e) => e.data),
    warnings,
  };
}

/** Reads every file of the dataset (paths relative to the project root) and checks it. */
export function loadDataset(files: TextFile[], options: Options = {}): Dataset {
  const problems: string[] = [];
  const read = (folder: string) => readFolder(files, folder, problems);
  const providers = read(FOLDERS.providers);
  const imported = read(FOLDERS.imported);
  const clients = read(FOLDERS.clients);
  const complete = problems.length === 0;
  const errors = read(FOLDERS.errors);
  const dns = read(FOLDERS.dns);
  const guides = files.filter((f) => f.file.startsWith(FOLDERS.guides));
  for (const g of guides) if (g.refused) problems.push(problem(g.file, [], g.file.slice(FOLDERS.guides.length) || g.file, g.refused));
  let dataset: Dataset | undefined;
  try {
    dataset = validateDataset(providers, clients, { ...options, imported, errors, dns, guides: guides.filter((g) => !g.refused), complete });
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    problems.push(...e.problems);
  }
  if (problems.length || !dataset) throw new DatasetError(byFileName(problems));
  return dataset;
}
