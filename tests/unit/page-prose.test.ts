// The API and autoconfig pages word their prose once per locale, in src/page-prose/<page>/<locale>.astro:
// no page (nor a component it uses) branches on the locale, so adding a language is its entry in
// src/data/locales.ts, its strings in src/locales/ and one prose file per page (until then, the fallback's).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { LOCALES } from '../../src/data/locales.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PROSE = join(ROOT, 'src/page-prose');
const PAGES = { api: 'src/pages/[locale]/api/index.astro', autoconfig: 'src/pages/[locale]/autoconfig/index.astro' };

const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const quoted = LOCALES.map((l) => `['"]${l}['"]`).join('|');
/** A comparison with a locale literal (`locale === 'en'`, `'zh-cn' !== lang`), or a ternary on a flag named after a locale (`en ? … : …`). */
const BRANCH = new RegExp(`[!=]==?\\s*(?:${quoted})|(?:${quoted})\\s*[!=]==?|\\b(?:${LOCALES.map((l) => l.replace('-', '_')).join('|')})\\s*\\?(?![.?])`, 'g');
/** Each branch as `line: text`; the whole text is searched, as `en` and its `?` may be on different lines. */
const branches = (text: string) => [...text.matchAll(BRANCH)].map((m) => `${text.slice(0, m.index).split('\n').length}: ${m[0].replace(/\s+/g, ' ')}`);

/** The page and the .astro files it imports from src/components and src/page-prose (the shared layout is not this page's). */
function pageFiles(page: string): string[] {
  const imports = [...source(page).matchAll(/from\s+['"](\.[^'"]+\.astro)['"]/g)].map((m) => relative(ROOT, resolve(dirname(join(ROOT, page)), m[1]!)));
  // Prose files found with import.meta.glob('…/*.astro'), one per locale.
  for (const [, dir] of source(page).matchAll(/import\.meta\.glob(?:<[^>]*>)?\(\s*['"](\.[^'"]+)\/\*\.astro['"]/g)) {
    const folder = resolve(dirname(join(ROOT, page)), dir!);
    imports.push(...readdirSync(folder).filter((f) => f.endsWith('.astro')).map((f) => relative(ROOT, join(folder, f))));
  }
  return [page, ...imports.filter((f) => f.startsWith('src/components/') || f.startsWith('src/page-prose/'))];
}

describe('the API and autoconfig pages', () => {
  it('the check finds the locale branches these pages used to have, and nothing else', () => {
    expect(branches("const en = locale === 'en';")).toHaveLength(1);
    expect(branches("{en ? 'Endpoints' : '地址'}")).toHaveLength(1);
    expect(branches("    {en\n      ? 'The dataset'\n      : '本站'}")).toHaveLength(1);
    expect(branches("const other = lang !== 'zh-cn' ? 1 : 2;")).toHaveLength(1);
    expect(branches("if ('en' === locale) x();")).toHaveLength(1);
    expect(branches("const TEXT = { 'zh-cn': TextZhCn, en: TextEn } satisfies Record<Locale, unknown>;")).toEqual([]);
    expect(branches('{f.always ? doc.always : doc.optional} {example.shortName[locale]} {p.name.en}')).toEqual([]);
  });

  for (const [name, page] of Object.entries(PAGES)) {
    it(`${name}: neither the page nor a component or prose file it uses branches on the locale`, () => {
      const files = pageFiles(page);
      expect(files).toContain('src/components/OwnOrigin.astro');
      for (const l of LOCALES) expect(files).toContain(`src/page-prose/${name}/${l}.astro`);
      const found = files.flatMap((f) => branches(source(f)).map((b) => `${f}:${b}`));
      expect(found, 'put the text in src/page-prose/<page>/<locale>.astro or src/lib/i18n.ts, not in a locale test').toEqual([]);
    });

    it(`${name}: every locale has its prose, and each prose file places every block the page passes in`, () => {
      const files = readdirSync(join(PROSE, name)).sort();
      expect(files).toEqual(LOCALES.map((l) => `${l}.astro`).sort());
      const slots = [...source(page).matchAll(/\bslot="([^"]+)"/g)].map((m) => m[1]!);
      expect(slots.length).toBeGreaterThan(0);
      for (const l of LOCALES) {
        const prose = source(`src/page-prose/${name}/${l}.astro`);
        for (const slot of slots) expect(prose, `src/page-prose/${name}/${l}.astro lacks <slot name="${slot}" />`).toContain(`<slot name="${slot}" />`);
      }
    });
  }

  it('the prose folder holds only these pages', () => {
    expect(readdirSync(PROSE).filter((f) => !f.endsWith('.ts')).sort()).toEqual(Object.keys(PAGES).sort());
    for (const page of Object.values(PAGES)) expect(existsSync(join(ROOT, page))).toBe(true);
  });
});

describe('the locale layer', () => {
  it('no page, layout, component, browser script or src/lib module branches on a locale: a third language is one entry plus its strings', () => {
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : /\.(astro|ts|mdx)$/.test(e.name) ? [`${dir}/${e.name}`] : []));
    const files = ['src/pages', 'src/layouts', 'src/components', 'src/browser', 'src/lib', 'src/page-prose'].flatMap(walk);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => branches(source(f)).map((b) => `${f}:${b}`));
    expect(found, 'derive it from src/data/locales.ts or put the text in src/lib/i18n.ts').toEqual([]);
  });
});
