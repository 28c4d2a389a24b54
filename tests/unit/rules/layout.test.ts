// The data checks' own shape: every rule module has its test, every rule runs, and the modules
// form no import cycle (the checks once lived in validate.ts, validate-errors.ts and validate-dns.ts,
// which imported each other).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const RULES = 'src/lib/rules';
const modules = readdirSync(join(ROOT, RULES)).filter((f) => f.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(f));

/** Import cycles among src/lib modules reachable from `entry`. `import type` is erased before the code runs, so it makes none. */
function cyclesFrom(entry: string, read: (file: string) => string): string[] {
  const imports = (file: string) =>
    [...read(file).matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?\bfrom\s*['"](\.[^'"]+)['"]/gm)].map((m) => relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!))).filter((f) => f.startsWith('src/lib/'));
  const cycles = new Set<string>();
  const done = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (trail.includes(file)) return void cycles.add([...trail.slice(trail.indexOf(file)), file].join(' -> '));
    if (done.has(file)) return;
    for (const next of imports(file)) visit(next, [...trail, file]);
    done.add(file);
  };
  visit(entry, []);
  return [...cycles];
}

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
    expect(cyclesFrom('src/lib/load-dataset.ts', (file) => readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('the cycle check finds a cycle, and ignores type-only imports', () => {
    const modules: Record<string, string> = {
      'src/lib/a.ts': "import { b } from './b.ts';",
      'src/lib/b.ts': "import type { C } from './c.ts';\nimport {\n  a,\n} from './a.ts';",
      'src/lib/c.ts': "import type { A } from './a.ts';",
    };
    expect(cyclesFrom('src/lib/a.ts', (file) => modules[file]!)).toEqual(['src/lib/a.ts -> src/lib/b.ts -> src/lib/a.ts']);
  });
});
