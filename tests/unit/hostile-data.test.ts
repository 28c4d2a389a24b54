// Issue 20 and 23: the data checks never hang, crash or leak. Each hostile input goes into a small
// synthetic dataset in a temporary folder, which `readDataset` reads as `npm run validate` and the
// build do; each must be refused naming file, field and value, within seconds, and nothing of a
// file outside that folder may appear in the output.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset, SYMLINK } from '../../src/integrations/read-dataset.ts';
import { DatasetError } from '../../src/lib/load-dataset.ts';
import { MAX_DEPTH, MAX_FILE_BYTES } from '../../src/lib/strict-json.ts';
import { LOCALES } from '../../src/data/schema.ts';
import { guideFile } from '../../src/lib/rules/guides.ts';
import { client, dnsFile, errorFile, FILES, NOW, provider } from './rules/fixtures.ts';

const top = mkdtempSync(join(tmpdir(), 'portolan-hostile-'));
/** The repository under test; `outside` holds what no output may show. */
const root = join(top, 'repo');
const outside = join(top, 'outside');
const SECRET = { 'secret-key': 'secret-value-7f3a' };

const json = (data: unknown) => JSON.stringify(data, null, 2);
const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};

beforeEach(() => {
  rmSync(top, { recursive: true, force: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.json'), json(SECRET));
  write(FILES.provider, json(provider()));
  write(FILES.client, json(client()));
  write(FILES.errors, json(errorFile()));
  write(FILES.dns, json(dnsFile()));
  for (const l of LOCALES) write(guideFile(client().id, l), client().steps.map((s) => `<Step id="${s}">x</Step>`).join('\n'));
});
afterAll(() => rmSync(top, { recursive: true, force: true }));

/** The problem lines for the dataset as it now stands, and how long the check took. */
function problems(): { lines: string[]; ms: number } {
  const start = performance.now();
  try {
    readDataset(root, { now: NOW });
    return { lines: [], ms: performance.now() - start };
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    return { lines: e.problems, ms: performance.now() - start };
  }
}

/** Refused within seconds, with exactly this line (or a line starting so), and nothing from outside the repository. */
function expectRefused(line: string | RegExp): string[] {
  const { lines, ms } = problems();
  expect(ms).toBeLessThan(5000);
  if (typeof line === 'string') expect(lines).toContain(line);
  else expect(lines.some((l) => line.test(l)), lines.join('\n')).toBe(true);
  const all = lines.join('\n');
  for (const leak of [top, 'secret-key', 'secret-value', 'root:', 'outside']) expect(all).not.toContain(leak);
  expect(all).not.toContain('[native code]');
  return lines;
}

describe('the synthetic dataset', () => {
  it('passes as written', () => expect(problems().lines).toEqual([]));
});

describe('files that are not regular files inside the repository', () => {
  it('a symbolic link to a JSON file outside is refused by name, never followed', () => {
    symlinkSync(join(outside, 'secret.json'), join(root, 'src/data/providers/y.json'));
    expectRefused(`src/data/providers/y.json: (file) = "y.json": ${SYMLINK}`);
  });

  it('a symbolic link to a system file prints none of it', () => {
    symlinkSync('/etc/passwd', join(root, 'src/data/clients/passwd.json'));
    expectRefused(`src/data/clients/passwd.json: (file) = "passwd.json": ${SYMLINK}`);
  });

  it('a symbolic link as guide prose, and a linked data folder, are refused too', () => {
    symlinkSync(join(outside, 'secret.json'), join(root, 'src/guides/app/extra.mdx'));
    rmSync(join(root, 'src/data/dns'), { recursive: true });
    mkdirSync(join(outside, 'dns'));
    writeFileSync(join(outside, 'dns', 'secret.json'), json(SECRET));
    symlinkSync(join(outside, 'dns'), join(root, 'src/data/dns'));
    const lines = expectRefused(`src/guides/app/extra.mdx: (file) = "app/extra.mdx": ${SYMLINK}`);
    expect(lines).toContain(`src/data/dns/: (file) = "src/data/dns/": src/data/dns ${SYMLINK}`);
  });

  it('a named pipe is refused, not read (reading it would wait forever)', () => {
    execFileSync('mkfifo', [join(root, 'src/data/providers/pipe.json')]);
    expectRefused(/^src\/data\/providers\/pipe\.json: \(file\) = "pipe\.json": is not a regular file/);
  });

  it('a 50 MB file is refused by its size, unread', () => {
    writeFileSync(join(root, 'src/data/errors/big.json'), '');
    truncateSync(join(root, 'src/data/errors/big.json'), 50_000_000);
    expectRefused(`src/data/errors/big.json: (file) = "big.json": is larger than ${MAX_FILE_BYTES} bytes, the most a data file may be`);
  });
});

describe('JSON that JSON.parse accepts but a data file must not hold', () => {
  it('5,000 nested arrays: a named error, not a stack overflow', () => {
    const p = json(provider()).replace('"otherDomains": [', `"otherDomains": ${'['.repeat(5000)}${']'.repeat(5000)}, "x": [`);
    write(FILES.provider, p);
    expectRefused(new RegExp(`^src/data/providers/mail\\.example\\.json: otherDomains(\\[0\\])+ = "\\[": nests deeper than ${MAX_DEPTH} levels \\(line \\d+\\)`));
  });

  it('a key written twice in one object', () => {
    write(FILES.provider, json(provider()).replace('"priority": 10,', '"priority": 10,\n  "priority": 1,'));
    expectRefused(/^src\/data\/providers\/mail\.example\.json: priority = 1: is written twice in one object \(the second time on line \d+\); JSON keeps only the last, so remove one$/);
  });

  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`a key named ${key}, in a provider, a client's labels and a DNS file`, () => {
      write(FILES.provider, json(provider()).replace('"priority": 10,', `"priority": 10,\n  "${key}": {"x": 1},`));
      write(FILES.client, json({ ...client(), labels: { [key]: { en: { text: 'x', source: { repo: 'a/b', file: 'f', id: 'i', commit: '0'.repeat(40) } } } } }));
      write(FILES.dns, json(dnsFile()).replace('"records": [', `"records": [{"${key}": 1},`));
      const lines = expectRefused(new RegExp(`^src/data/providers/mail\\.example\\.json: ${key} = \\{"x":1\\}: is a name every JavaScript object already has`));
      expect(lines.some((l) => l.startsWith(`${FILES.client}: labels.${key} = `))).toBe(true);
      expect(lines.some((l) => l.startsWith(`${FILES.dns}: records[0].${key} = 1: `))).toBe(true);
    });
  }
});

describe('text and values', () => {
  it('a bidirectional override in a provider name', () => {
    const p = provider();
    p.shortName.en = 'Mail \u202Eliam';
    write(FILES.provider, json(p));
    expectRefused(`${FILES.provider}: shortName.en = "Mail \\u202eliam": contains the bidirectional control U+202E, which makes text show in another order than it is written; remove it`);
  });

  it('an MX pattern of 30 stars and a long record value', () => {
    const d = dnsFile();
    d.mxPatterns.push({ pattern: `${'*'.repeat(30)}.mail.example`, sources: ['help'] });
    d.records[0]!.value = `${'a'.repeat(100_000)}.mail.example`;
    write(FILES.dns, json(d));
    expectRefused(/^src\/data\/dns\/mail\.example\.json: mxPatterns\[1\]\.pattern = "\*{30}\.mail\.example": has more than one \* in the label/);
  });

  it('an error or DNS file dated in the future, with a deceptive source URL or a control character', () => {
    const e = errorFile();
    e.verified = '2031-01-01';
    e.errors[0]!.title.en = 'Bad\u0007';
    write(FILES.errors, json(e));
    const d = dnsFile();
    d.sources[0]!.url = 'https://service.mail.qq.com@evil.example/';
    write(FILES.dns, json(d));
    const lines = expectRefused(`${FILES.errors}: verified = "2031-01-01": is in the future (today is 2026-11-28): write the day the check was done`);
    expect(lines).toContain(`${FILES.errors}: errors[0].title.en = "Bad\\u0007": contains the character U+0007, which XML cannot hold and no page can show`);
    expect(lines).toContain(`${FILES.dns}: sources[0].url = "https://service.mail.qq.com@evil.example/": contains a user name or password before "@", so it leads to evil.example; link the page itself`);
  });

  it('guide prose of 200,000 unclosed <Ui> tags', () => {
    write(guideFile(client().id, LOCALES[0]), client().steps.map((s) => `<Step id="${s}">x</Step>`).join('\n') + '<Ui>'.repeat(200_000));
    const c = client();
    c.labelsConfirmed[LOCALES[0]] = true;
    write(FILES.client, json(c));
    expectRefused(`${FILES.client}: labelsConfirmed.${LOCALES[0]} = true: ${guideFile(c.id, LOCALES[0])} quotes no recorded label (<Ui k="…" />)`);
  });

  it('a curated provider with priority 1500', () => {
    write(FILES.provider, json({ ...provider(), priority: 1500 }));
    expectRefused(/^src\/data\/providers\/mail\.example\.json: priority = 1500: is in the imported providers' range/);
  });
});
