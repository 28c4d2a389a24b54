// Data flows src/data -> src/lib -> pages: nothing under src/data may import from src/lib.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'src/data');
const LIB = join(ROOT, 'src/lib');

/** The module specifiers of every import/export ... from, and dynamic import(), in a file. */
const specifiers = (source: string) =>
  [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** Relative specifiers that resolve into src/lib. */
const intoLib = (file: string, source: string) =>
  specifiers(source).filter((s) => s.startsWith('.') && !relative(LIB, resolve(dirname(file), s)).startsWith('..'));

describe('src/data', () => {
  const files = readdirSync(DATA, { recursive: true, encoding: 'utf8' }).filter((f) => /\.[cm]?[jt]s$/.test(f)).map((f) => join(DATA, f));

  it('has TypeScript files to check', () => expect(files.map((f) => relative(ROOT, f))).toContain('src/data/schema.ts'));

  it('imports nothing from src/lib (../lib/)', () => {
    const offenders = files.flatMap((f) => intoLib(f, readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)} imports '${s}'`));
    expect(offenders, 'src/data must not import src/lib: move what it needs into src/data').toEqual([]);
  });

  it('the check catches an import into src/lib', () => {
    const file = join(DATA, 'schema.ts');
    expect(intoLib(file, "import { GRADES } from '../lib/evidence.ts';")).toEqual(['../lib/evidence.ts']);
    expect(intoLib(file, "export * from '../lib/hostname.ts';\nconst m = await import('../lib/x.ts');")).toEqual(['../lib/hostname.ts', '../lib/x.ts']);
    expect(intoLib(file, "import { LOCALES } from './locales.ts';")).toEqual([]);
  });
});
