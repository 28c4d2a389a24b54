// UI strings (src/locales/): every string is used somewhere, and a partial locale falls back.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, LOCALES } from '../../src/data/locales.ts';
import { missingStrings, t } from '../../src/lib/i18n.ts';

const LOCALE_FILES = 'src/locales/';

/** Source files that may read a string: everything under src/ and scripts/ except the strings themselves. */
const sources = ['src', 'scripts']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
  .filter((f) => /\.(ts|astro|mdx|mjs)$/.test(f) && !f.startsWith(LOCALE_FILES))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** Keys of a strings object that no source file names (`s.key`, `t(l).key`, `{ key }`, 'key'). */
const unused = (keys: readonly string[], text: string) => keys.filter((k) => !new RegExp(`\\b${k}\\b`).test(text));

describe('UI strings', () => {
  it('are all used: a string nothing reads is removed from every locale', () => {
    expect(unused(Object.keys(t(DEFAULT_LOCALE)), sources)).toEqual([]);
  });

  it('the check finds a string nothing reads', () => {
    expect(unused(['site', 'noSuchStringAnywhere'], "const s = t(locale);\ns.site;")).toEqual(['noSuchStringAnywhere']);
  });

  it('every locale has the same strings, a complete one all its own', () => {
    const keys = Object.keys(t(DEFAULT_LOCALE)).sort();
    for (const l of LOCALES) {
      expect(Object.keys(t(l)).sort(), l).toEqual(keys);
    }
    expect(LOCALES.filter((l) => missingStrings(l).length > 0).every((l) => missingStrings(l).every((k) => k in t(l)))).toBe(true);
  });
});
