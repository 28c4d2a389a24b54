// The browser's accessibility check runs the whole axe rule set in the light scheme and only the
// colour rules in dark (tests/e2e/quality.spec.ts). That holds while the dark scheme changes nothing
// but colour custom properties: this test keeps it so.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(css|astro)$/.test(f))
  .map((f) => join('src', f));

/** The body of each `@media (prefers-color-scheme: …)` block, braces balanced. */
function schemeBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const m of css.matchAll(/@media[^{]*prefers-color-scheme[^{]*\{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < css.length && depth; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    blocks.push(css.slice(start, i - 1));
  }
  return blocks;
}

/** Declarations in colour-scheme blocks that are not a colour custom property. */
function notColours(css: string): string[] {
  return schemeBlocks(css)
    .flatMap((block) => [...block.matchAll(/\{([^{}]*)\}/g)].flatMap((r) => r[1]!.split(';').map((d) => d.trim()).filter(Boolean)))
    .filter((d) => !/^--[\w-]+:\s*#[0-9a-f]{3,8}$/i.test(d));
}

describe('the dark colour scheme', () => {
  it('is found in the styles', () => {
    expect(files.flatMap((f) => schemeBlocks(readFileSync(f, 'utf8'))).length).toBeGreaterThan(0);
  });
  it.each(files)('%s: changes only custom properties whose values are colours', (file) => {
    expect(notColours(readFileSync(file, 'utf8'))).toEqual([]);
  });
  it('a block that sets anything else is caught', () => {
    expect(notColours('@media (prefers-color-scheme: dark) { :root { --bg: #000; } .x { display: none } }')).toEqual(['display: none']);
  });
});
