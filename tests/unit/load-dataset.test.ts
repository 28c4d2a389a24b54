// The loader: reads files, checks their shape and runs the rules (each tested on its own in
// tests/unit/rules/), merges curated and imported providers, and fails naming file, field and
// value, every problem at once, grouped by file. The cases use a tiny synthetic dataset.
import { describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../src/integrations/read-dataset.ts';
import { DatasetError, FOLDERS, loadDataset, type TextFile } from '../../src/lib/load-dataset.ts';
import { IMPORTED_PRIORITY, isCurated } from '../../src/lib/merge.ts';
import { LOCALES } from '../../src/data/schema.ts';
import { guideFile } from '../../src/lib/rules/guides.ts';
import { client, dnsFile, errorFile, FILES, NOW, provider } from './rules/fixtures.ts';

const json = (data: unknown) => JSON.stringify(data, null, 2);
const base = (): Record<string, string> => ({
  [FILES.provider]: json(provider()),
  [FILES.client]: json(client()),
  [FILES.errors]: json(errorFile()),
  [FILES.dns]: json(dnsFile()),
  ...Object.fromEntries(LOCALES.map((l) => [guideFile(client().id, l), client().steps.map((s) => `<Step id="${s}">x</Step>`).join('\n')])),
});

/** The synthetic dataset with some files replaced, added (text) or removed (null). */
function load(changes: Record<string, string | null> = {}) {
  const files: TextFile[] = Object.entries({ ...base(), ...changes }).flatMap(([file, text]) => (text === null ? [] : [{ file, text }]));
  return loadDataset(files, { now: NOW });
}
function problemsWith(changes: Record<string, string | null>): string[] {
  try {
    load(changes);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  return [];
}
const withProvider = (mutate: (p: any) => void) => {
  const p = provider() as any;
  mutate(p);
  return problemsWith({ [FILES.provider]: json(p) });
};

describe('the shipped dataset', () => {
  it('passes', () => {
    expect(() => loadDataset(readDatasetFiles())).not.toThrow();
  });
});

describe('a synthetic dataset', () => {
  it('loads every kind of file, the tier from the folder', () => {
    const d = load();
    expect(d.providers.map((p) => [p.domain, p.tier])).toEqual([['mail.example', 'curated']]);
    expect(d.clients.map((c) => c.id)).toEqual(['app']);
    expect(d.errors.map((e) => [e.id, e.file])).toEqual([['bad-password', FILES.errors]]);
    expect(d.dns.map((r) => r.provider)).toEqual(['mail.example']);
  });

  it('merges an imported file into the curated provider of the same domain, and keeps other imported ones as imported', () => {
    const imported = (domain: string) => ({ ...provider(), domain, otherDomains: [], priority: IMPORTED_PRIORITY, password: undefined, access: undefined, quirks: [] });
    const d = load({ [FILES.imported]: json(imported('mail.example')), 'src/data/imported/solo.example.json': json(imported('solo.example')) });
    expect(d.providers.map((p) => [p.domain, p.tier, isCurated(p)])).toEqual([
      ['mail.example', 'curated', true],
      ['solo.example', 'imported', false],
    ]);
  });
});

describe('a malformed file is named with its field and value', () => {
  const cases: [string, (p: any) => void, string, string][] = [
    ['port out of range', (p) => (p.servers.imap[0].port = 99999), 'servers.imap[0].port = 99999', 'must be 1-65535'],
    ['unknown security mode', (p) => (p.servers.smtp[0].security = 'tls-ish'), 'servers.smtp[0].security = "tls-ish"', '"ssl/tls"'],
    ['hostname with a space', (p) => (p.servers.imap[0].host = 'imap .mail.example'), 'servers.imap[0].host = "imap .mail.example"', 'must be a lower-case hostname'],
    ['IP address as host', (p) => (p.servers.imap[0].host = '192.0.2.1'), 'servers.imap[0].host = "192.0.2.1"', 'not an IP address'],
    ['host with a port', (p) => (p.servers.imap[0].host = 'imap.mail.example:993'), 'servers.imap[0].host = "imap.mail.example:993"', 'contains a port'],
    ['missing sources', (p) => (p.sources = []), 'sources = []', 'at least one source'],
    ['unknown field', (p) => (p.servers.imap[0].tls = true), 'servers.imap[0].tls = true', 'not a known field'],
    ['a retired field', (p) => (p.servers.imap[0].confirmed = true), 'servers.imap[0].confirmed = true', 'computed from the kinds of its sources'],
    ['bad date', (p) => (p.verified = '27/11/2026'), 'verified = "27/11/2026"', 'YYYY-MM-DD'],
  ];
  for (const [name, mutate, field, hint] of cases) {
    it(name, () => {
      const line = withProvider(mutate).find((p) => p.startsWith(`${FILES.provider}: ${field}`));
      expect(line, withProvider(mutate).join('\n')).toContain(hint);
    });
  }

  it('reports every problem at once, grouped by file', () => {
    const c = client();
    c.sources[0]!.checked = '2031-01-01';
    const problems = problemsWith({ [FILES.provider]: json({ ...provider(), priority: 1500, verified: '2031-01-01' }), [FILES.client]: json(c) });
    expect(problems.map((p) => p.slice(0, p.indexOf(' = ')))).toEqual([`${FILES.client}: sources[0].checked`, `${FILES.provider}: verified`, `${FILES.provider}: priority`]);
  });

  it('checks an error file against the providers only when they all loaded', () => {
    const problems = problemsWith({ [FILES.provider]: '{' });
    expect(problems.filter((p) => !p.startsWith(FILES.provider))).toEqual([]);
  });
});

describe('files that are not data files are named, not skipped or crashed on', () => {
  it('invalid JSON, with the line and column', () => {
    const problems = problemsWith({ [FILES.provider]: json(provider()).replace('"priority": 10,', '"priority": 10,,') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^src\/data\/providers\/mail\.example\.json: \(file\) = "\\"priority\\": 10,,": is not valid JSON: .*line \d+ column \d+/);
  });

  it('a README.md among the providers, an upper-case .JSON, a subfolder', () => {
    const problems = problemsWith({ [`${FOLDERS.providers}README.md`]: '# Providers\n', [`${FOLDERS.providers}x.example.JSON`]: '{}', [`${FOLDERS.providers}old/y.example.json`]: '{}' });
    expect(problems).toEqual([
      `${FOLDERS.providers}old/y.example.json: (file) = "old/y.example.json": is inside a subfolder; files go directly in ${FOLDERS.providers}`,
      `${FOLDERS.providers}README.md: (file) = "README.md": is not a .json file; only data files belong in ${FOLDERS.providers}`,
      `${FOLDERS.providers}x.example.JSON: (file) = "x.example.JSON": must end in .json, in lower case`,
    ]);
  });

  it('a file the reader refused, by name', () => {
    expect(problemsWith({})).toEqual([]);
    const files = [{ file: `${FOLDERS.clients}link.json`, text: '', refused: 'is a symbolic link' }];
    expect(() => loadDataset(files)).toThrow(`${FOLDERS.clients}link.json: (file) = "link.json": is a symbolic link`);
  });
});
