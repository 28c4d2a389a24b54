// How a data check reports what is wrong: `file: field = value: why`, one line per problem.
// Shared by the loader (src/lib/load-dataset.ts) and every rule (src/lib/rules/), which import
// this module and nothing of each other, so the checks form no import cycle.
import type { z } from 'zod';

export type Path = readonly PropertyKey[];
/** Reports one problem of the file being checked. */
export type Add = (path: Path, value: unknown, message: string) => void;

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

export function fieldName(path: Path): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** The value at `path`, through own properties only: a key such as `constructor` must not reach Object.prototype. */
export function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): they make text show in another
 * order than it is stored. Refused in data (src/lib/rules/characters.ts), escaped in problem lines.
 */
export const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BIDI_ALL = new RegExp(BIDI.source, 'g');

/**
 * A value as a problem line quotes it: JSON, cut to 80 characters. JSON escapes control characters;
 * bidirectional controls are escaped too, or the terminal would show the line reordered.
 */
export function show(value: unknown): string {
  if (value === undefined) return '(missing)';
  const s = (JSON.stringify(value) ?? String(typeof value)).replace(BIDI_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export function problem(file: string, path: Path, value: unknown, message: string): string {
  return `${file}: ${fieldName(path) || '(file)'} = ${show(value)}: ${message}`;
}

export const adder =
  (file: string, problems: string[]): Add =>
  (path, value, message) =>
    problems.push(problem(file, path, value, message));

// Fields that once existed get a message saying what replaced them.
const RETIRED: Record<string, string> = {
  confirmed:
    'is no longer written by hand: how sure we are of a fact is computed from the kinds of its sources (src/lib/evidence.ts); delete this key, and cite an "official" source if one confirms the fact',
};

/** The file's data in the schema's shape, or null after reporting each way it differs. */
export function parse<T extends z.ZodType>(schema: T, raw: RawFile, problems: string[]): z.infer<T> | null {
  const result = schema.safeParse(raw.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path;
    // For unknown keys zod reports the parent; name the key itself.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push(problem(raw.file, [...path, key], valueAt(raw.data, [...path, key]), (Object.hasOwn(RETIRED, key) && RETIRED[key]) || 'is not a known field'));
    } else {
      problems.push(problem(raw.file, path, valueAt(raw.data, path), issue.message));
    }
  }
  return null;
}

/** The file name without folder and `.json`: a provider's domain, a client's id, a DNS file's provider. */
export const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.json$/, '');

/**
 * Calls `visit` on every value inside `data` with its path, parents first, without recursion:
 * the reader bounds nesting (src/lib/strict-json.ts), and tests hand rules objects directly.
 */
export function walk(data: unknown, visit: (value: unknown, path: PropertyKey[]) => void): void {
  const stack: [unknown, PropertyKey[]][] = [[data, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    visit(value, path);
    if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value).reverse()) stack.push([v, [...path, k]]);
  }
}
