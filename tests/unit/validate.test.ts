// Bad data must fail with a message naming the file, the field and the value, every problem at
// once. The cases run through loadDataset, the one path `npm run validate`, the build and the pages use.
import { describe, expect, it } from 'vitest';
import { readDatasetFiles } from '../../src/integrations/read-dataset.ts';
import { loadDataset, DatasetError, type TextFile } from '../../src/lib/validate.ts';

const FILE = 'src/data/providers/163.com.json';
const CLIENT = 'src/data/clients/ios.json';
const NOW = new Date('2026-12-06T06:00:00Z');
const shipped = readDatasetFiles();
const text = (file: string) => shipped.find((f) => f.file === file)!.text;
const good = () => JSON.parse(text(FILE));
const goodClient = () => JSON.parse(text(CLIENT));
const json = (data: unknown) => JSON.stringify(data, null, 2);

/** The problems of the shipped dataset with some files replaced, added (text) or removed (null). */
function problemsWith(changes: Record<string, string | null>): string[] {
  const files: TextFile[] = shipped.filter((f) => !(f.file in changes));
  for (const [file, t] of Object.entries(changes)) if (t !== null) files.push({ file, text: t });
  try {
    loadDataset(files, { now: NOW });
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  return [];
}

const broken = (mutate: (p: any) => void, file = FILE) => {
  const data = file === CLIENT ? goodClient() : good();
  mutate(data);
  return problemsWith({ [file]: json(data) });
};

/** The one problem line about `field`, which must start with the file and contain the hint. */
function expectProblem(problems: string[], file: string, field: string, hint: string): void {
  const line = problems.find((p) => p.startsWith(`${file}: ${field}`));
  expect(line, `no problem "${file}: ${field} ...", got:\n${problems.join('\n')}`).toBeDefined();
  expect(line).toContain(hint);
}

describe('the shipped dataset', () => {
  it('passes', () => {
    expect(problemsWith({})).toEqual([]);
  });
});

describe('a malformed provider stops the build naming file, field and value', () => {
  const cases: [string, (p: any) => void, string, string][] = [
    ['port out of range', (p) => (p.servers.imap[0].port = 99999), 'servers.imap[0].port = 99999', 'must be 1-65535'],
    ['unknown security mode', (p) => (p.servers.smtp[0].security = 'tls-ish'), 'servers.smtp[0].security = "tls-ish"', '"ssl/tls"'],
    ['hostname with a space', (p) => (p.servers.pop3[0].host = 'pop .163.com'), 'servers.pop3[0].host = "pop .163.com"', 'must be a lower-case hostname'],
    ['IP address as host', (p) => (p.servers.imap[0].host = '220.181.12.100'), 'servers.imap[0].host = "220.181.12.100"', 'not an IP address'],
    ['host with a port', (p) => (p.servers.imap[0].host = 'imap.163.com:993'), 'servers.imap[0].host = "imap.163.com:993"', 'contains a port'],
    ['missing sources', (p) => (p.sources = []), 'sources = []', 'at least one source'],
    ['server citing an unknown source', (p) => (p.servers.imap[0].sources = ['nowhere']), 'servers.imap[0].sources[0] = "nowhere"', 'not the id of a source'],
    ['password citing an unknown source', (p) => (p.password.sources = ['nowhere']), 'password.sources[0] = "nowhere"', 'not the id of a source'],
    ['access citing an unknown source', (p) => (p.access.sources = ['nowhere']), 'access.sources[0] = "nowhere"', 'not the id of a source'],
    ['quirk citing an unknown source', (p) => (p.quirks[0].sources = ['nowhere']), 'quirks[0].sources[0] = "nowhere"', 'not the id of a source'],
    ['exception citing an unknown source', (p) => (p.servers.smtp[0].exception = { reason: { 'zh-cn': '原因', en: 'why' }, source: 'nowhere' }), 'servers.smtp[0].exception.source = "nowhere"', 'not the id of a source'],
    ['993 with STARTTLS', (p) => (p.servers.imap[0].security = 'starttls'), 'servers.imap[0].security = "starttls"', 'port 993'],
    ['465 with no encryption', (p) => (p.servers.smtp[0].security = 'none'), 'servers.smtp[0].security = "none"', 'port 465'],
    ['IMAP on the POP3 port', (p) => (p.servers.imap[0].port = 995), 'servers.imap[0].security = "ssl/tls"', 'standard POP3 port'],
    ['the same server twice', (p) => p.servers.imap.push({ ...p.servers.imap[0] }), `servers.imap[${good().servers.imap.length}].port = 993`, 'duplicates servers.imap[0]'],
    ['no incoming server', (p) => ((p.servers.imap = []), (p.servers.pop3 = [])), 'servers = (missing)', 'needs an IMAP or a POP3 server'],
    ['a hand-typed confirmed flag', (p) => (p.servers.imap[0].confirmed = true), 'servers.imap[0].confirmed = true', 'computed from the kinds of its sources'],
    ['a hand-typed grade', (p) => (p.servers.imap[0].grade = 'confirmed'), 'servers.imap[0].grade = "confirmed"', 'never written in a file'],
    ['a curated file without its password rule', (p) => delete p.password, 'password = (missing)', 'curated provider'],
    ['a disagreement citing an unknown source', (p) => (p.servers.imap[0].disagreements = [{ host: 'imap.163.com', port: 993, security: 'ssl/tls', username: 'localpart', sources: ['nowhere'] }]), 'servers.imap[0].disagreements[0].sources[0] = "nowhere"', 'not the id of a source'],
    ['unknown field', (p) => (p.servers.imap[0].tls = true), 'servers.imap[0].tls = true', 'not a known field'],
    ['bad date', (p) => (p.verified = '27/11/2026'), 'verified = "27/11/2026"', 'YYYY-MM-DD'],
    ['verified in the future', (p) => (p.verified = '2026-12-09'), 'verified = "2026-12-09"', 'in the future'],
    ['source checked in the future', (p) => (p.sources[0].checked = '2027-01-01'), 'sources[0].checked = "2027-01-01"', 'in the future'],
    ['domain not matching the file name', (p) => (p.domain = '126.net'), 'domain = "126.net"', 'file name'],
    ['other domain repeating the domain', (p) => p.otherDomains.push('163.com'), 'otherDomains = ', 'repeats the primary domain'],
    ['control character in a name', (p) => (p.shortName.en = 'Net\u000bEase'), 'shortName.en = "Net\\u000bEase"', 'U+000B'],
    ['control character in prose', (p) => (p.password.how['zh-cn'] += '\u0007'), 'password.how.zh-cn = ', 'U+0007'],
    ['the same quirk id twice', (p) => p.quirks.push({ ...p.quirks[0] }), `quirks[${good().quirks.length}].id = "${good().quirks[0].id}"`, 'also the id of quirks[0]'],
    ['the same source id twice', (p) => p.sources.push({ ...p.sources[0] }), `sources[${good().sources.length}].id = "${good().sources[0].id}"`, 'used by another source'],
    ['a source URL hiding its host behind credentials', (p) => (p.sources[0].url = 'https://help.mail.163.com@evil.example/faq.html'), 'sources[0].url = "https://help.mail.163.com@evil.example/faq.html"', 'leads to evil.example'],
  ];
  for (const [name, mutate, field, hint] of cases) {
    it(name, () => expectProblem(broken(mutate), FILE, field, hint));
  }

  it('a date written today anywhere on Earth is not in the future', () => {
    // 06:00 UTC is already 14:00 in Beijing and 20:00 in Kiribati, still 6 December.
    expect(broken((p) => (p.verified = '2026-12-06'))).toEqual([]);
  });

  it('a duplicate domain across two files', () => {
    const b = JSON.parse(text('src/data/providers/126.com.json'));
    b.otherDomains.push('163.com');
    // Files are read in name order, so 126.com.json claims 163.com first.
    expect(problemsWith({ 'src/data/providers/126.com.json': json(b) })).toEqual(['src/data/providers/163.com.json: domain = "163.com": is already claimed by src/data/providers/126.com.json']);
  });

  it('another provider’s server hostname as an other domain', () => {
    const b = JSON.parse(text('src/data/providers/126.com.json'));
    b.otherDomains.push('imap.163.com');
    const problems = problemsWith({ 'src/data/providers/126.com.json': json(b) });
    expectProblem(problems, 'src/data/providers/126.com.json', `otherDomains[${b.otherDomains.length - 1}] = "imap.163.com"`, `hostname of a server in ${FILE}`);
  });

  it('an exception citing its source lets a non-standard combination through', () => {
    const problems = broken((p) => {
      p.servers.smtp[0].security = 'none';
      p.servers.smtp[0].exception = { reason: { 'zh-cn': '服务商文档如此', en: 'documented so' }, source: good().sources[0].id };
    });
    expect(problems).toEqual([]);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = broken((p) => {
      p.servers.imap[0].port = 0;
      p.servers.pop3[0].host = 'POP 163';
    });
    expectProblem(problems, FILE, 'servers.imap[0].port = 0', '1-65535');
    expectProblem(problems, FILE, 'servers.pop3[0].host = "POP 163"', 'hostname');
  });
});

describe('files that are not data files are named, not skipped or crashed on', () => {
  it('invalid JSON, with the line and column', () => {
    const bad = text(FILE).replace('"domain": "163.com",', '"domain": "163.com",,');
    const problems = problemsWith({ [FILE]: bad });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^src\/data\/providers\/163\.com\.json: \(file\) = ".*163\.com\\",,": is not valid JSON: .*line \d+ column \d+/);
  });

  it('invalid JSON in a client file', () => {
    expectProblem(problemsWith({ [CLIENT]: '{ "id": "ios" ' }), CLIENT, '(file)', 'is not valid JSON');
  });

  it('a README.md among the providers', () => {
    expectProblem(problemsWith({ 'src/data/providers/README.md': '# Providers\n' }), 'src/data/providers/README.md', '(file) = "README.md"', 'not a .json file');
  });

  it('an upper-case .JSON', () => {
    const problems = problemsWith({ [FILE]: null, 'src/data/providers/163.com.JSON': text(FILE) });
    expectProblem(problems, 'src/data/providers/163.com.JSON', '(file) = "163.com.JSON"', 'must end in .json, in lower case');
  });

  it('a subfolder inside providers/', () => {
    const problems = problemsWith({ 'src/data/providers/old/163.com.json': text(FILE) });
    expectProblem(problems, 'src/data/providers/old/163.com.json', '(file) = "old/163.com.json"', 'is inside a subfolder');
  });
});

describe('clients and their guide prose', () => {
  const steps = goodClient().steps as string[];

  it('a client id not matching the file name', () => {
    expectProblem(broken((c) => (c.id = 'iphone'), CLIENT), CLIENT, 'id = "iphone"', 'file name');
  });

  it('a step listed twice', () => {
    expectProblem(broken((c) => c.steps.push(c.steps[0]), CLIENT), CLIENT, `steps[${steps.length}] = "${steps[0]}"`, 'appears twice');
  });

  it('a step that is not step-something', () => {
    expectProblem(broken((c) => (c.steps[0] = 'server'), CLIENT), CLIENT, 'steps[0] = "server"', 'step-something');
  });

  it('the same source id twice', () => {
    const c = goodClient();
    expectProblem(broken((x) => x.sources.push({ ...x.sources[0] }), CLIENT), CLIENT, `sources[${c.sources.length}].id = "${c.sources[0].id}"`, 'used by another source');
  });

  it('a source URL with credentials', () => {
    expectProblem(broken((c) => (c.sources[0].url = 'https://support.apple.com@evil.example/'), CLIENT), CLIENT, 'sources[0].url', 'leads to evil.example');
  });

  it('verified in the future', () => {
    expectProblem(broken((c) => (c.verified = '2030-01-01'), CLIENT), CLIENT, 'verified = "2030-01-01"', 'in the future');
  });

  it('a client without its guide prose', () => {
    expectProblem(problemsWith({ 'src/guides/ios/en.mdx': null }), CLIENT, 'id = "ios"', 'has no guide prose src/guides/ios/en.mdx');
  });

  it('a step with no <Step> in the guide', () => {
    const mdx = text('src/guides/ios/zh-cn.mdx').replace(`<Step id="${steps[1]}"`, '<Step id="step-gone"');
    const problems = problemsWith({ 'src/guides/ios/zh-cn.mdx': mdx });
    expectProblem(problems, CLIENT, `steps[1] = "${steps[1]}"`, `has no <Step id="${steps[1]}"> in src/guides/ios/zh-cn.mdx`);
    expectProblem(problems, 'src/guides/ios/zh-cn.mdx', '(file) = "<Step id=\\"step-gone\\">"', `not one of the steps of ${CLIENT}`);
  });

  it('steps out of order in the guide', () => {
    const c = goodClient();
    [c.steps[0], c.steps[1]] = [c.steps[1], c.steps[0]];
    expectProblem(problemsWith({ [CLIENT]: json(c) }), 'src/guides/ios/en.mdx', '(file)', 'must follow the order');
  });

  it('guide prose for a client that does not exist', () => {
    expectProblem(problemsWith({ 'src/guides/foxmail/en.mdx': '# Foxmail\n' }), 'src/guides/foxmail/en.mdx', '(file) = "foxmail/en.mdx"', 'belongs to no client');
  });
});
