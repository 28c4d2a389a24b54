// The data checks' own shape: every rule module has its test, every rule runs, and the modules
// form no import cycle (the checks once lived in validate.ts, validate-errors.ts and validate-dns.ts,
// which imported each other).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const RULES = 'src/lib/rules';
const modules = readdirSync(join(ROOT, RULES)).filter((f) => f.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(f));

describe('src/lib/rules', () => {
  it('has a test for each rule module', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => !existsSync(join(ROOT, 'tests/unit/rules', m.replace(/\.ts$/, '.test.ts'))))).toEqual([]);
  });

  it('runs each rule module: index.ts imports every one', () => {
    const index = readFileSync(join(ROOT, RULES, 'index.ts'), 'utf8');
    expect(modules.filter((m) => !index.includes(`'./${m}'`))).toEqual([]);
  });

  it('has no import cycle among the loader, the rules and what they import in src/lib', () => {
    const imports = (file: string) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\bfrom\s*['"](\.[^'"]+)['"]/g)].map((m) => relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!))).filter((f) => f.startsWith('src/lib/'));
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (trail.includes(file)) return void cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
      if (trail.length > 40) return;
      for (const next of imports(file)) visit(next, [...trail, file]);
    };
    visit('src/lib/load-dataset.ts', []);
    expect(cycles).toEqual([]);
  });
});
