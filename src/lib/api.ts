// The dataset as JSON for scripts (/api/v1/…), and its JSON Schema, generated from the zod
// schema in src/data/schema.ts rather than written by hand.
import { z } from 'zod';
import { Citation, citationsOf, Hostname, Localized, PROTOCOLS, Provider, Server, Source } from '../data/schema.ts';
import { gradeOf, type Fact, type Stated } from './evidence.ts';

export const API_BASE = '/api/v1/';
export const SCHEMA_PATH = `${API_BASE}schema.json`;
export const PROVIDERS_PATH = `${API_BASE}providers.json`;
export const providerPath = (domain: string) => `${API_BASE}providers/${domain}.json`;

// Names for the shapes used more than once, so the schema refers to them instead of repeating
// them. They join zod's global registry, which also holds each field's `.meta()` description
// (src/data/schema.ts); a module loaded twice (dev reloads) must not add them twice.
const names: [z.ZodType, { id: string; description?: string }][] = [
  [Localized, { id: 'Localized', description: 'Text in each of the site’s languages.' }],
  [Hostname, { id: 'Hostname', description: 'A lower-case DNS name with at least one dot, never an IP address.' }],
  [Server, { id: 'Server' }],
  [Source, { id: 'Source' }],
  [Citation, { id: 'Citation' }],
];
for (const [schema, meta] of names) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, meta);

/**
 * The JSON Schema of one provider, as written in src/data/providers/*.json and as served at
 * /api/v1/providers/{domain}.json. It describes the input side of the zod schema: fields that
 * zod fills with a default (otherDomains, quirks, servers.imap, servers.pop3) may be left out
 * of a file, and the API always includes them. Checks zod makes in code (hostnames, source
 * ids, ports against their standard use) are not expressible here and stay in the rules of src/lib/rules/.
 */
export function providerJsonSchema(id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(Provider, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    ...(id ? { $id: id } : {}),
    title: 'Portolan mail provider',
    description: 'Servers, ports, password and quirks of one mail provider, each fact with its sources.',
    ...rest,
  };
}

/** The committed copy of the schema that provider files name in `$schema`, so editors check them on a fresh clone. */
export const PROVIDER_SCHEMA_FILE = 'src/data/provider.schema.json';
/** Its `$schema` value, relative to a file in src/data/providers/ or src/data/imported/. */
export const PROVIDER_SCHEMA_REF = '../provider.schema.json';
/** The text `npm run schema` writes to PROVIDER_SCHEMA_FILE. */
export const providerSchemaText = () => JSON.stringify(providerJsonSchema(), null, 2) + '\n';

/** One provider as the API serves it: the validated entry with each fact's computed grade, without the editor's `$schema` path. */
export function providerJson(provider: Provider, schemaUrl?: string): Record<string, unknown> {
  const { $schema: _editorPath, ...entry } = provider;
  // Citations go out as the data file writes them (an id, or { id, quote }), so the JSON Schema describes both.
  const graded = <T extends Fact & Stated>({ quotes: _quotes, ...fact }: T) => ({ ...fact, sources: citationsOf({ sources: fact.sources, quotes: _quotes }), grade: gradeOf({ ...fact, quotes: _quotes }, provider.sources) });
  const data = {
    ...entry,
    servers: Object.fromEntries(PROTOCOLS.map((p) => [p, entry.servers[p].map(graded)])),
    ...(entry.password ? { password: graded(entry.password) } : {}),
    ...(entry.access ? { access: graded(entry.access) } : {}),
    quirks: entry.quirks.map(graded),
  };
  return schemaUrl ? { $schema: schemaUrl, ...data } : data;
}

/** /api/v1/providers.json: every provider, in the dataset's order (by `priority`, as the home page lists them). */
export function providersJson(providers: readonly Provider[]): { providers: Record<string, unknown>[] } {
  return { providers: providers.map((p) => providerJson(p)) };
}

export const jsonResponse = (data: unknown) =>
  new Response(JSON.stringify(data, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
