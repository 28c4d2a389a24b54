// The JSON API and its JSON Schema: the schema comes from the zod schema, accepts every dataset
// file and every API file, and rejects what zod rejects in shape.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { providers } from '../../src/lib/dataset.ts';
import { domainsOf } from '../../src/lib/domains.ts';
import { LOCALES, Provider, SECURITY, PASSWORD_KINDS, descriptionKey } from '../../src/data/schema.ts';
import { PROVIDER_SCHEMA_FILE, PROVIDER_SCHEMA_REF, providerJson, providerJsonSchema, providerSchemaText } from '../../src/lib/api.ts';
import { GRADES } from '../../src/lib/evidence.ts';
import * as one from '../../src/pages/api/v1/providers/[domain].json.ts';
import * as all from '../../src/pages/api/v1/providers.json.ts';
import * as schemaRoute from '../../src/pages/api/v1/schema.json.ts';

const SITE = new URL('https://portolan.example');
const SCHEMA_URL = 'https://portolan.example/api/v1/schema.json';

/** A strict validator that knows the schema's per-locale description keywords (annotations only). */
function strictAjv() {
  const v = new Ajv2020({ allErrors: true, strict: true });
  addFormats(v);
  for (const l of LOCALES) if (descriptionKey(l) !== 'description') v.addKeyword(descriptionKey(l));
  return v;
}
const ajv = strictAjv();
const validate = ajv.compile(providerJsonSchema(SCHEMA_URL));
const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const DIR = 'src/data/providers';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const raw = (f: string) => JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Record<string, any>;

type Ctx = Parameters<typeof one.GET>[0];
const call = async (route: { GET: (ctx: Ctx) => Response | Promise<Response> }, ctx: object) => {
  const res = await route.GET({ site: SITE, ...ctx } as unknown as Ctx);
  expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
  return (await res.json()) as Record<string, any>;
};

describe('the generated JSON Schema', () => {
  const schema = providerJsonSchema(SCHEMA_URL) as Record<string, any>;

  it('is draft 2020-12 with its own address as $id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(SCHEMA_URL);
  });

  it('comes from the zod schema: its fields, enums and required fields are zod’s', () => {
    expect(Object.keys(schema.properties)).toEqual(Object.keys(Provider.shape));
    expect(schema.$defs.Server.properties.security.enum).toEqual([...SECURITY]);
    expect(schema.properties.password.properties.kind.enum).toEqual([...PASSWORD_KINDS]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('describes the files as written: fields zod fills in by default may be left out', () => {
    expect(schema.required).toEqual(expect.arrayContaining(['domain', 'name', 'servers', 'sources', 'verified']));
    // Imported providers may leave the password rule and access unknown; validate.ts requires them of curated files.
    expect(schema.required).not.toContain('password');
    expect(schema.required).not.toContain('otherDomains');
    expect(schema.required).not.toContain('quirks');
    expect(schema.properties.servers.required).toEqual(['smtp']);
  });
});

describe('every file in src/data/providers validates against the generated schema', () => {
  for (const f of files) {
    it(f, () => {
      expect(validate(raw(f)), errors().join('\n')).toBe(true);
    });
  }

  it('also without the fields that have defaults', () => {
    const data = raw('163.com.json');
    delete data.otherDomains;
    delete data.quirks;
    delete data.servers.pop3;
    expect(validate(data), errors().join('\n')).toBe(true);
    expect(Provider.safeParse(data).success).toBe(true);
  });
});

describe('the schema rejects what zod rejects in shape, naming the place', () => {
  const cases: [string, (p: Record<string, any>) => void, string][] = [
    ['a port out of range', (p) => (p.servers.imap[0].port = 99999), '/servers/imap/0/port'],
    ['a port written as text', (p) => (p.servers.smtp[0].port = '465'), '/servers/smtp/0/port'],
    ['an unknown security mode', (p) => (p.servers.smtp[0].security = 'tls-ish'), '/servers/smtp/0/security'],
    ['an unknown field', (p) => (p.servers.imap[0].hostname = 'imap.163.com'), '/servers/imap/0'],
    ['no SMTP server', (p) => (p.servers.smtp = []), '/servers/smtp'],
    ['a source URL that is not a URL', (p) => (p.sources[0].url = 'not a url'), '/sources/0/url'],
    ['a date in another format', (p) => (p.verified = '27.11.2026'), '/verified'],
    ['a missing translation', (p) => delete p.name.en, '/name'],
  ];
  for (const [what, mutate, path] of cases) {
    it(what, () => {
      const data = raw('163.com.json');
      mutate(data);
      expect(Provider.safeParse(data).success).toBe(false);
      expect(validate(data)).toBe(false);
      expect(validate.errors!.map((e) => e.instancePath)).toContain(path);
    });
  }
});

describe('/api/v1/providers/{domain}.json', () => {
  const paths = one.getStaticPaths();

  it('is built for every domain of every provider', () => {
    expect(paths.map((p) => p.params.domain).sort()).toEqual(providers.flatMap(domainsOf).sort());
  });

  it('serves the provider of the domain, valid against the schema it names', async () => {
    for (const { params, props } of paths) {
      const json = await call(one, { params, props });
      expect(json.$schema).toBe(SCHEMA_URL);
      expect(json.domain).toBe(props.provider.domain);
      expect(domainsOf(json as { domain: string; otherDomains: string[] })).toContain(params.domain);
      expect(validate(json), errors().join('\n')).toBe(true);
    }
  });

  it('holds the facts of the curated file on disk first (imported ones only add), each with its grade', async () => {
    for (const f of files) {
      const file = raw(f);
      const { props } = paths.find((p) => p.params.domain === file.domain)!;
      const json = await call(one, { params: { domain: file.domain }, props });
      for (const key of ['name', 'shortName', 'priority', 'password', 'access', 'verified']) {
        const { grade, ...rest } = json[key] ?? {};
        expect(typeof json[key] === 'object' && 'sources' in json[key] ? rest : json[key], `${f} ${key}`).toEqual(file[key]);
        if (json[key]?.sources) expect(GRADES).toContain(grade);
      }
      for (const proto of ['imap', 'pop3', 'smtp']) {
        const mine = (file.servers[proto] ?? []) as Record<string, unknown>[];
        const served = (json.servers[proto] as Record<string, unknown>[]).slice(0, mine.length);
        expect(served.map(({ host, port, security, username }) => ({ host, port, security, username }))).toEqual(mine.map(({ host, port, security, username }) => ({ host, port, security, username })));
        for (const s of served) expect(GRADES).toContain(s.grade);
      }
      expect(json.sources.slice(0, file.sources.length)).toEqual(file.sources);
    }
  });

  it('drops the editor’s relative $schema path of the file on disk', () => {
    const p = providers.find((x) => x.domain === '163.com')!;
    expect(providerJson(p)).not.toHaveProperty('$schema');
    expect(JSON.stringify(providerJson(p, SCHEMA_URL))).not.toContain('../');
  });

  it('serves a provider’s other domain with that provider', () => {
    const p = { ...providers.find((x) => x.domain === '163.com')!, otherDomains: ['example.net'] };
    const json = providerJson(p, SCHEMA_URL);
    expect(json.domain).toBe('163.com');
    expect(validate(json), errors().join('\n')).toBe(true);
  });
});

describe('/api/v1/providers.json', () => {
  it('lists every provider, in the dataset’s order of priority, each valid against the schema', async () => {
    const json = await call(all, {});
    expect(json.providers.map((p: { domain: string }) => p.domain)).toEqual(providers.map((p) => p.domain));
    const priorities = json.providers.map((p: { priority: number }) => p.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    for (const p of json.providers) expect(validate(p), errors().join('\n')).toBe(true);
  });

  it('holds for each provider the same facts as its file on disk, with defaults filled in', async () => {
    const json = await call(all, {});
    const served = json.providers.flatMap(domainsOf);
    expect(new Set(served).size).toBe(served.length);
    // Every imported file is a provider of its own or merged into its curated twin (src/lib/merge.ts).
    const imported = readdirSync('src/data/imported').filter((f) => f.endsWith('.json')).map((f) => ({ otherDomains: [], ...JSON.parse(readFileSync(`src/data/imported/${f}`, 'utf8')) }) as { domain: string; otherDomains: string[] });
    for (const i of imported) expect(served, i.domain).toContain(i.domain);
    const mergedInto = (d: string) => imported.some((i) => domainsOf(i).includes(d));
    for (const f of files) {
      const { $schema: _, ...fromDisk } = raw(f);
      const fromApi = json.providers.find((p: { domain: string }) => p.domain === fromDisk.domain);
      expect(fromApi, f).toBeDefined();
      // A curated file no database knows is served exactly as written, defaults filled in and grades added.
      if (domainsOf({ domain: fromDisk.domain, otherDomains: fromDisk.otherDomains ?? [], hostedDomains: fromDisk.hostedDomains ?? [] }).some(mergedInto)) continue;
      // The tier comes from the folder the file is in.
      expect(withoutGrades(fromApi), f).toEqual({ otherDomains: [], hostedDomains: [], quirks: [], ...fromDisk, tier: 'curated', servers: { imap: [], pop3: [], ...fromDisk.servers } });
    }
  });
});

/** The API adds each fact's computed grade; the files never hold it. */
function withoutGrades(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGrades);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'grade').map(([k, v]) => [k, withoutGrades(v)]));
  return value;
}

describe('/api/v1/schema.json', () => {
  it('serves, with the site’s address as $id, a schema that accepts every file on disk and rejects a broken one', async () => {
    const json = await call(schemaRoute, {});
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(json.$id).toBe(SCHEMA_URL);
    const served = strictAjv();
    const check = served.compile(json);
    for (const f of files) expect(check(raw(f)), `${f}: ${JSON.stringify(check.errors)}`).toBe(true);
    const broken = raw('163.com.json');
    broken.servers.imap[0].port = '993';
    expect(check(broken)).toBe(false);
    expect(check.errors!.map((e) => e.instancePath)).toContain('/servers/imap/0/port');
  });
});

describe('src/data/provider.schema.json (the schema provider files name in $schema)', () => {
  it('is what `npm run schema` writes today', () => {
    expect(existsSync(PROVIDER_SCHEMA_FILE), `${PROVIDER_SCHEMA_FILE} is missing: run npm run schema`).toBe(true);
    expect(readFileSync(PROVIDER_SCHEMA_FILE, 'utf8') === providerSchemaText(), `${PROVIDER_SCHEMA_FILE} is stale: run npm run schema and commit it`).toBe(true);
  });

  it('is named by every provider file, curated and imported, through a path that reaches it', () => {
    for (const dir of ['src/data/providers', 'src/data/imported']) {
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
        const ref = (JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { $schema?: string }).$schema;
        expect(ref, `${dir}/${f}`).toBe(PROVIDER_SCHEMA_REF);
        expect(resolve(dirname(`${dir}/${f}`), ref!), `${dir}/${f}`).toBe(resolve(PROVIDER_SCHEMA_FILE));
      }
    }
  });

  it('accepts every curated file', () => {
    const check = strictAjv();
    const committed = check.compile(JSON.parse(readFileSync(PROVIDER_SCHEMA_FILE, 'utf8')));
    for (const f of files) expect(committed(raw(f)), `${f}: ${JSON.stringify(committed.errors)}`).toBe(true);
  });
});

describe('field descriptions (written once, as .meta() in src/data/schema.ts)', () => {
  type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node; $defs?: Record<string, Node> };
  /** Every property of the schema, however deep, with its path. */
  const properties = (n: Node, prefix: string): [string, Node][] =>
    Object.entries(n.properties ?? {}).flatMap(([key, child]) => [
      [`${prefix}${key}`, child] as [string, Node],
      ...properties(child, `${prefix}${key}.`),
      ...(child.items ? properties(child.items, `${prefix}${key}[].`) : []),
    ]);
  const schema = providerJsonSchema() as Node;
  // Localized's keys are the locales themselves, described once with Localized.
  const all = [...properties(schema, ''), ...Object.entries(schema.$defs!).filter(([name]) => name !== 'Localized').flatMap(([name, def]) => properties(def, `${name}.`))].filter(([path]) => path !== '$schema');

  it('reach the JSON Schema for every field, in every locale', () => {
    expect(all.map(([path]) => path)).toEqual(expect.arrayContaining(['domain', 'servers.smtp', 'quirks[].fix', 'Server.disagreements[].port', 'Source.kind']));
    for (const [path, node] of all) for (const l of LOCALES) expect(String(node[descriptionKey(l)] ?? '').trim(), `${path} has no ${descriptionKey(l)}`).not.toBe('');
  });
});
