// Turns the dataset's files, as text, into typed providers and clients, or fails with every
// problem found, each as `file: field = value: why`. `npm run validate`, the build's first step
// (src/integrations/portolan.ts) and the pages (src/lib/dataset.ts) all go through loadDataset,
// so they cannot disagree. Each rule is one function; a new rule is one more function and a
// line in checkProvider, checkClient or checkAcrossFiles.
import type { z } from 'zod';
import { Client, LOCALES, Provider, PROTOCOLS, type App, type DnsRecords, type Source } from '../data/schema.ts';
import { portContradiction } from './ports.ts';
import { DIRECTIONS, unencrypted } from './servers.ts';
import { validateErrors, type KnownError } from './validate-errors.ts';
import { validateDns } from './validate-dns.ts';
import { mergeProvider } from './merge.ts';
import { quoteProblem, type Fact, type Stated } from './evidence.ts';
import { domainsOf } from './domains.ts';

/** curated: src/data/providers, written by hand; imported: src/data/imported, written by scripts/import. */
export type Tier = 'curated' | 'imported';
import { uiUses } from './guide.ts';

/** A dataset file as read from disk, its path relative to the project root. */
export interface TextFile {
  file: string;
  text: string;
}

/** A dataset file already parsed from JSON. */
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

/** The warning for a plaintext-only provider: expected, so the build counts these instead of listing them. */
export const NO_ENCRYPTION = 'no encrypted connection offered';

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

export type Path = readonly PropertyKey[];
export type Add = (path: Path, value: unknown, message: string) => void;

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

const adder = (file: string, problems: string[]): Add => (path, value, message) => problems.push(problem(file, path, value, message));

export function parse<T extends z.ZodType>(schema: T, raw: RawFile, problems: string[]): z.infer<T> | null {
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

// ---- Reading files ----

/** JSON.parse's message gives a character position; people look for a line and column, and the line itself. */
function jsonError(text: string, e: unknown): { line: string; why: string } {
  const message = (e as Error).message;
  const at = /position (\d+)/.exec(message);
  const before = text.slice(0, at ? Number(at[1]) : text.length).split('\n');
  const line = text.split('\n')[before.length - 1]!.trim();
  return { line, why: at && !/line \d+/.test(message) ? `${message} (line ${before.length} column ${before.at(-1)!.length + 1})` : message };
}

/** A data file's name: directly in its folder, lower-case, ending in `.json`. */
function checkDataFileName(file: string, folder: string, add: Add): boolean {
  const name = file.slice(folder.length);
  // The importer's report of disagreements and left-out entries sits beside the files it explains.
  if (folder === FOLDERS.imported && name === 'REPORT.md') return false;
  if (name.includes('/')) add([], name, `is inside a subfolder; files go directly in ${folder}`);
  else if (/\.json$/i.test(name) && !name.endsWith('.json')) add([], name, 'must end in .json, in lower case');
  else if (!name.endsWith('.json')) add([], name, `is not a .json file; only data files belong in ${folder}`);
  else return true;
  return false;
}

function readJson(files: TextFile[], folder: string, problems: string[]): RawFile[] {
  return files
    .filter((f) => f.file.startsWith(folder))
    .sort((a, b) => a.file.localeCompare(b.file))
    .flatMap(({ file, text }) => {
      const add = adder(file, problems);
      if (!checkDataFileName(file, folder, add)) return [];
      try {
        return [{ file, data: JSON.parse(text) }];
      } catch (e) {
        const { line, why } = jsonError(text, e);
        add([], line, `is not valid JSON: ${why}`);
        return [];
      }
    });
}

// ---- Rules for any file ----

// What XML 1.0 cannot hold (so autoconfig files and profiles would break) and what no page should
// show: C0 controls but tab and line breaks, DEL, C1 controls, U+FFFE/U+FFFF, lone surrogates.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkCharacters(data: unknown, add: Add, path: PropertyKey[] = []): void {
  if (typeof data === 'string') {
    const bad = FORBIDDEN.exec(data);
    if (bad) add(path, data, `contains the character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML cannot hold and no page can show`);
  } else if (Array.isArray(data)) {
    data.forEach((v, i) => checkCharacters(v, add, [...path, i]));
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) checkCharacters(v, add, [...path, k]);
  }
}

function checkSourceIds(sources: Source[], add: Add): void {
  sources.forEach((s, i) => {
    if (sources.findIndex((t) => t.id === s.id) !== i) add(['sources', i, 'id'], s.id, 'is used by another source of this file');
  });
}

/** `https://help.mail.163.com@evil.example/` reads as 163.com but leads to evil.example. */
function checkSourceUrls(sources: Source[], add: Add): void {
  sources.forEach((s, i) => {
    const url = new URL(s.url);
    if (url.username || url.password) add(['sources', i, 'url'], s.url, `contains a user name or password before "@", so it leads to ${url.hostname}; link the page itself`);
  });
}

/**
 * The latest date that is already today somewhere on Earth (UTC+14): a date someone wrote down
 * today in China is not "in the future" just because it is still yesterday in UTC.
 */
function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

function checkDates(entry: { verified: string; sources: Source[] }, now: Date, add: Add): void {
  const today = latestToday(now);
  const why = `is in the future (today is ${now.toISOString().slice(0, 10)}): write the day the check was done`;
  if (entry.verified > today) add(['verified'], entry.verified, why);
  entry.sources.forEach((s, i) => {
    if (s.checked > today) add(['sources', i, 'checked'], s.checked, why);
  });
}

// ---- Rules for a provider ----

function checkFileName(file: string, id: string, field: string, add: Add): void {
  if (baseName(file) !== id) add([field], id, `must match the file name (${baseName(file)}.json)`);
}

/** A quote stands beside its fact only if it states the fact's value (src/lib/evidence.ts): a quote that lacks it proves nothing. */
export function checkQuotes(path: Path, fact: Fact & Stated, add: Add): void {
  fact.sources.forEach((id, i) => {
    const quote = fact.quotes?.[id];
    const why = quote === undefined ? null : quoteProblem(quote, fact);
    if (why) add([...path, 'sources', i, 'quote'], quote, why);
  });
}

/** Every fact cites sources listed in the file (its grade is computed from them, never written); curated files state the password rule and access. */
function checkEvidence(p: Provider, tier: Tier, add: Add): void {
  const sources = new Map(p.sources.map((s) => [s.id, s]));
  const check = (path: Path, fact: Omit<Fact, 'disagreements'> & Stated & { grade?: unknown; disagreements?: { sources: string[] }[] }) => {
    checkQuotes(path, fact, add);
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
  for (const protocol of PROTOCOLS) p.servers[protocol].forEach((s, i) => check(['servers', protocol, i], s));
  if (p.password) check(['password'], p.password);
  if (p.access) check(['access'], p.access);
  p.quirks.forEach((q, i) => check(['quirks', i], q));
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
}

/** Ports used as their RFC defines them, unless an exception cites its source; no server twice. */
function checkServers(p: Provider, add: Add): void {
  const ids = new Set(p.sources.map((s) => s.id));
  for (const protocol of PROTOCOLS) {
    p.servers[protocol].forEach((s, i) => {
      const path = ['servers', protocol, i];
      const why = portContradiction(s.port, protocol, s.security);
      if (why && !s.exception) add([...path, 'security'], s.security, `${why}; add an "exception" citing the source that documents it`);
      if (s.exception && !ids.has(s.exception.source)) add([...path, 'exception', 'source'], s.exception.source, 'is not the id of a source listed in sources');
      const twin = p.servers[protocol].findIndex((t) => t.host === s.host && t.port === s.port);
      if (twin !== i) add([...path, 'port'], s.port, `duplicates servers.${protocol}[${twin}] (${s.host}:${s.port})`);
    });
  }
  if (p.servers.imap.length + p.servers.pop3.length === 0) add(['servers'], undefined, 'a provider needs an IMAP or a POP3 server');
}

/** A quirk's id is its anchor on the page: two alike would give the page duplicate ids. */
function checkQuirkIds(p: Provider, add: Add): void {
  p.quirks.forEach((q, i) => {
    const first = p.quirks.findIndex((o) => o.id === q.id);
    if (first !== i) add(['quirks', i, 'id'], q.id, `is also the id of quirks[${first}]; each quirk needs its own`);
  });
}

function checkOtherDomains(p: Provider, add: Add): void {
  if (p.otherDomains.includes(p.domain)) add(['otherDomains'], p.domain, 'repeats the primary domain');
}

/**
 * A provider that offers no encrypted server in a direction still gets its pages, with a warning:
 * such providers exist, and a user of one still needs the settings.
 */
function checkEncryption(file: string, p: Provider, warnings: string[]): void {
  for (const direction of unencrypted(p)) {
    const protocol = DIRECTIONS[direction].find((x) => p.servers[x].length)!;
    const s = p.servers[protocol][0]!;
    warnings.push(problem(file, ['servers', protocol], `${s.host}:${s.port}`, `${NO_ENCRYPTION} for ${direction} mail; the pages warn about it, and no profile is made`));
  }
}

function checkProvider(file: string, p: Provider, now: Date, problems: string[], tier: Tier = 'curated'): void {
  const add = adder(file, problems);
  checkFileName(file, p.domain, 'domain', add);
  checkSourceIds(p.sources, add);
  checkSourceUrls(p.sources, add);
  checkDates(p, now, add);
  checkEvidence(p, tier, add);
  checkServers(p, add);
  checkQuirkIds(p, add);
  checkOtherDomains(p, add);
}

// ---- Rules across providers ----

/** Each domain belongs to one provider. */
function checkDomainOwners(providers: RawProvider[], problems: string[]): void {
  const owner = new Map<string, string>();
  for (const { file, p } of providers) {
    domainsOf(p).forEach((domain, i) => {
      const path = i === 0 ? ['domain'] : ['otherDomains', i - 1];
      const other = owner.get(domain);
      if (other) problems.push(problem(file, path, domain, `is already claimed by ${other}`));
      else owner.set(domain, file);
    });
  }
}

/** `imap.163.com` as a mail domain would get a page of its own and look up as the wrong provider. */
function checkDomainsAreNotServers(providers: RawProvider[], problems: string[]): void {
  const hosts = new Map<string, string>();
  for (const { file, p } of providers) for (const s of PROTOCOLS.flatMap((protocol) => p.servers[protocol])) if (!hosts.has(s.host)) hosts.set(s.host, file);
  for (const { file, p } of providers) {
    domainsOf(p).forEach((domain, i) => {
      const server = hosts.get(domain);
      // A business service without a mail domain of its own is keyed by its service hostname (partner.outlook.cn).
      const ownKey = i === 0 && PROTOCOLS.some((protocol) => p.servers[protocol].some((s) => s.host === domain));
      if (server && !ownKey) problems.push(problem(file, i === 0 ? ['domain'] : ['otherDomains', i - 1], domain, `is the hostname of a server in ${server}, not a mail domain`));
    });
  }
}

// ---- Rules for a client and its guide prose ----

function checkClient(file: string, c: Client, now: Date, problems: string[]): void {
  const add = adder(file, problems);
  checkFileName(file, c.id, 'id', add);
  c.steps.forEach((s, i) => {
    if (c.steps.indexOf(s) !== i) add(['steps', i], s, 'appears twice');
  });
  checkSourceIds(c.sources, add);
  checkSourceUrls(c.sources, add);
  checkDates(c, now, add);
  c.behaviour?.sources.forEach((id, i) => {
    if (!c.sources.some((s) => s.id === id)) add(['behaviour', 'sources', i], id, 'is not the id of a source listed in sources');
  });
}

const guideFile = (client: string, locale: string) => `${FOLDERS.guides}${client}/${locale}.mdx`;

/** Each client has its guide prose in every locale, with one `<Step id>` per step, in the client's order. */
function checkGuides(clients: { file: string; c: Client }[], files: TextFile[], problems: string[]): void {
  const guides = new Map(files.filter((f) => f.file.startsWith(FOLDERS.guides)).map((f) => [f.file, f.text]));
  const expected = new Set(clients.flatMap(({ c }) => LOCALES.map((l) => guideFile(c.id, l))));
  for (const file of guides.keys()) {
    if (!expected.has(file) && file.endsWith('.mdx')) problems.push(problem(file, [], file.slice(FOLDERS.guides.length), `belongs to no client and locale: guides are ${guideFile('<client id>', `{${LOCALES.join(',')}}`)} for a client in ${FOLDERS.clients}`));
  }
  for (const { file, c } of clients) {
    for (const locale of LOCALES) {
      const mdx = guides.get(guideFile(c.id, locale));
      if (mdx === undefined) {
        problems.push(problem(file, ['id'], c.id, `has no guide prose ${guideFile(c.id, locale)}`));
        continue;
      }
      const ids = [...mdx.matchAll(/<Step\s+id="([^"]*)"/g)].map((m) => m[1]!);
      c.steps.forEach((step, i) => {
        if (!ids.includes(step)) problems.push(problem(file, ['steps', i], step, `has no <Step id="${step}"> in ${guideFile(c.id, locale)}`));
      });
      ids.forEach((id) => {
        if (!c.steps.includes(id)) problems.push(problem(guideFile(c.id, locale), [], `<Step id="${id}">`, `is not one of the steps of ${file}`));
      });
      checkLabels(file, c, locale, mdx, problems);
      const inOrder = ids.filter((id) => c.steps.includes(id));
      const want = c.steps.filter((id) => ids.includes(id));
      if (inOrder.join() !== want.join()) problems.push(problem(guideFile(c.id, locale), [], inOrder.join(' '), `steps must follow the order of ${file}: ${want.join(' ')}`));
    }
  }
}

/**
 * A guide quotes recorded labels by key (`<Ui k="key" />`), and every key is recorded for its locale;
 * a locale marked labelsConfirmed types no label of its own, so each label it shows has a source.
 */
function checkLabels(file: string, c: Client, locale: (typeof LOCALES)[number], mdx: string, problems: string[]): void {
  const guide = guideFile(c.id, locale);
  const { keys, typed } = uiUses(mdx);
  for (const key of new Set(keys)) {
    if (!c.labels[key]?.[locale]) problems.push(problem(guide, [], `<Ui k="${key}" />`, `names no label recorded for ${locale} in ${file} labels`));
  }
  if (c.labelsConfirmed[locale]) {
    for (const text of typed) problems.push(problem(guide, [], `<Ui>${text}</Ui>`, `${file} says labelsConfirmed.${locale} = true, so every label comes from the app's strings: record it in labels and write <Ui k="…" />`));
    if (!keys.length) problems.push(problem(file, ['labelsConfirmed', locale], true, `${guide} quotes no recorded label (<Ui k="…" />)`));
  }
}

// ---- Putting it together ----

interface RawProvider {
  file: string;
  p: Provider;
}

/** Checks parsed files. Tests call it with objects; loadDataset calls it after reading the files. */
export function validateDataset(providerFiles: RawFile[], clientFiles: RawFile[], options: Options & { guides?: TextFile[]; imported?: RawFile[] } = {}): Omit<Dataset, 'errors' | 'apps' | 'dns'> {
  const now = options.now ?? new Date();
  const problems: string[] = [];
  const warnings: string[] = [];

  const read = (files: RawFile[], tier: Tier): RawProvider[] =>
    [...files]
      .sort((a, b) => a.file.localeCompare(b.file))
      .flatMap((raw) => {
        checkCharacters(raw.data, adder(raw.file, problems));
        const p = parse(Provider, raw, problems);
        if (!p) return [];
        checkProvider(raw.file, p, now, problems, tier);
        return [{ file: raw.file, p }];
      });
  const imported = read(options.imported ?? [], 'imported');
  const curated = read(providerFiles, 'curated');
  // Curated files win over imported ones field by field (src/lib/merge.ts): an imported provider
  // that shares a domain with a curated one is merged into it; the rest stand on their own.
  // An imported provider merely listing a curated domain among its others (ISPDB's outlook.com file
  // lists office365.com) stays a provider of its own, and the curated file keeps that domain.
  const merged = new Set<string>();
  const curatedDomains = new Set(curated.flatMap(({ p }) => domainsOf(p)));
  const parsed: RawProvider[] = curated.map(({ file, p }) => {
    const domains = new Set(domainsOf(p));
    const same = imported.filter((i) => domains.has(i.p.domain));
    same.forEach((i) => merged.add(i.file));
    return { file, p: same.reduce((acc, i) => mergeProvider(acc, i.p), p) };
  });
  parsed.push(...imported.filter((i) => !merged.has(i.file)).map(({ file, p }) => ({ file, p: { ...p, otherDomains: p.otherDomains.filter((d) => !curatedDomains.has(d)) } })));
  for (const { file, p } of parsed) checkEncryption(file, p, warnings);
  checkDomainOwners(parsed, problems);
  checkDomainsAreNotServers(parsed, problems);

  const clients: { file: string; c: Client }[] = [];
  for (const raw of clientFiles) {
    checkCharacters(raw.data, adder(raw.file, problems));
    const c = parse(Client, raw, problems);
    if (!c) continue;
    checkClient(raw.file, c, now, problems);
    clients.push({ file: raw.file, c });
  }
  if (options.guides) checkGuides(clients, options.guides, problems);

  if (problems.length) throw new DatasetError(problems);
  const providers = parsed.map(({ p }) => p).sort((a, b) => a.priority - b.priority || a.domain.localeCompare(b.domain));
  return { providers, clients: clients.map(({ c }) => c).sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)), warnings };
}

/** Reads every file of the dataset (paths relative to the project root) and checks it. */
export function loadDataset(files: TextFile[], options: Options = {}): Dataset {
  const problems: string[] = [];
  const providers = readJson(files, FOLDERS.providers, problems);
  const imported = readJson(files, FOLDERS.imported, problems);
  const clients = readJson(files, FOLDERS.clients, problems);
  const errorFiles = readJson(files, FOLDERS.errors, problems);
  const dnsFiles = readJson(files, FOLDERS.dns, problems);
  const appsFile = `${FOLDERS.errors}apps.json`;
  let dataset: Dataset;
  try {
    const checked = validateDataset(providers, clients, { ...options, imported, guides: files.filter((f) => f.file.startsWith(FOLDERS.guides)) });
    // Error messages name providers and clients: checked only against a complete set of them, so a
    // provider file that failed to parse is one problem, not one per error that names it.
    const known =
      problems.length || !errorFiles.length
        ? { errors: [], apps: [] }
        : validateErrors(
            errorFiles.filter((f) => f.file !== appsFile),
            errorFiles.find((f) => f.file === appsFile) ?? { file: appsFile, data: undefined },
            checked.providers,
            checked.clients,
          );
    const dns = problems.length || !dnsFiles.length ? { dns: [], warnings: [] } : validateDns(dnsFiles, checked.providers);
    dataset = { ...checked, ...known, dns: dns.dns, warnings: [...checked.warnings, ...dns.warnings] };
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    // Grouped by file (a stable sort keeps each file's problems in the order they were found).
    const file = (p: string) => p.slice(0, p.indexOf(': '));
    throw new DatasetError([...problems, ...e.problems].sort((a, b) => file(a).localeCompare(file(b))));
  }
  if (problems.length) throw new DatasetError(problems);
  return dataset;
}
