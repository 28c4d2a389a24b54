// `astro build` alone, as every Astro host runs it, on a copy of the project with a small fixture
// dataset: it writes the whole site (search index and security headers included), builds a
// provider that offers only plaintext, and stops on a broken dataset with the list of problems
// that `npm run validate` prints, and no stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HTML_LANG, LOCALES } from '../../src/data/locales.ts';
import { exampleAddress, t } from '../../src/lib/i18n.ts';

const ROOT = resolve('.');
const FIXTURE = 'tests/fixtures/plaintext/src/data/providers/plain.example.json';
let dir: string;

function run(args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { status: r.status, output: r.stdout + r.stderr };
}
const astroBuild = () => run([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build']);
const read = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
const providers = (name: string) => join(dir, 'src/data/providers', name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portolan-build-'));
  for (const path of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'public', 'src', 'scripts']) {
    // Providers, and the imported, error and DNS files that name them, come from the fixture alone.
    const left = ['providers', 'imported', 'errors', 'dns'].map((f) => join(ROOT, `src/data/${f}/`));
    cpSync(join(ROOT, path), join(dir, path), { recursive: true, filter: (src) => !left.some((f) => src.startsWith(f)) });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // The fixture's plaintext-only provider beside one shipped provider that has encrypted servers.
  cpSync(join(ROOT, FIXTURE), providers('plain.example.json'));
  cpSync(join(ROOT, 'src/data/providers/163.com.json'), providers('163.com.json'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('astro build on a fixture dataset', { timeout: 240_000 }, () => {
  let build: { status: number | null; output: string };
  beforeAll(() => {
    build = astroBuild();
  }, 240_000);

  it('succeeds, warning about the plaintext-only provider', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('src/data/providers/plain.example.json: servers.imap = "imap.plain.example:143": no encrypted connection offered for incoming mail');
  });

  it('writes the Pagefind index for both languages', () => {
    expect(existsSync(join(dir, 'dist/pagefind/pagefind.js'))).toBe(true);
    const entry = JSON.parse(read('pagefind/pagefind-entry.json'));
    for (const locale of LOCALES) expect(entry.languages[locale].page_count).toBeGreaterThan(0);
  });

  it('writes _headers with the Content-Security-Policy of the pages', () => {
    const headers = read('_headers');
    const csp = /^\/\*\n {2}Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
    expect(csp).toMatch(/^default-src 'self';/);
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+;/);
    expect(csp).toContain("frame-ancestors 'none'");
    // public/_headers (content types of the machine-readable files) follows.
    expect(headers).toContain('/v1.1/*');
  });

  for (const locale of LOCALES) {
    it(`${locale}: the plaintext-only provider's page and guides warn, in ${locale}`, () => {
      const s = t(locale);
      const pages = ['plain.example/', 'plain.example/ios/', 'plain.example/android/', 'plain.example/outlook/'];
      for (const page of pages) {
        const html = read(`${locale}/${page}index.html`);
        expect(html, page).toContain(`<html lang="${HTML_LANG[locale]}"`);
        for (const direction of ['incoming', 'outgoing'] as const) {
          expect(html, page).toMatch(new RegExp(`id="no-encryption-${direction}"[^>]*><strong>${s.noEncryption[direction]}</strong>`));
        }
      }
      expect(read(`${locale}/ports/143/index.html`)).toContain('plain.example');
    });
  }

  it('the API and autoconfig pages link the same files and show the same code in every locale (only their prose differs)', () => {
    for (const page of ['api', 'autoconfig']) {
      const seen = LOCALES.map((locale) => {
        const html = read(`${locale}/${page}/index.html`);
        const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        const hrefs = [...main.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(`/${locale}/`, '/{locale}/'));
        // <var> holds a word of the prose (“domain”), and the example address's local part is the locale's.
        const codes = [...main.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((m) => m[1]!.replace(/<var>[^<]*<\/var>/g, '').replace(/ data-astro-cid-\w+/g, '').replace(exampleAddress(locale, ''), '@'));
        return { hrefs: hrefs.sort(), codes: codes.sort() };
      });
      expect(seen[0]!.hrefs.length, page).toBeGreaterThan(0);
      expect(seen[0]!.codes.length, page).toBeGreaterThan(0);
      for (const other of seen.slice(1)) expect(other, page).toEqual(seen[0]);
    }
  });

  it('serves the plaintext-only provider as JSON and autoconfig, but no profile', () => {
    expect(JSON.parse(read('api/v1/providers/plain.example.json')).domain).toBe('plain.example');
    expect(read('v1.1/plain.example.xml')).toContain('<socketType>plain</socketType>');
    expect(existsSync(join(dir, 'dist/profiles/plain.example.mobileconfig'))).toBe(false);
    expect(existsSync(join(dir, 'dist/v1.1/163.com.xml'))).toBe(true);
  });

  it('lists a provider in the sitemap, but not its other domains (they only redirect)', () => {
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('/en/plain.example/</loc>');
    expect(sitemap).not.toContain('plain-alias.example');
  });
});

describe('astro build on a broken dataset', { timeout: 240_000 }, () => {
  it('stops with every problem as `file: field = value: why`, the same list as npm run validate, and no stack trace', () => {
    writeFileSync(providers('plain.example.json'), readFileSync(join(ROOT, FIXTURE), 'utf8').replace('"priority": 1,', '"priority": 1,,'));
    writeFileSync(providers('README.md'), '# Providers\n');
    const p163 = JSON.parse(readFileSync(providers('163.com.json'), 'utf8'));
    p163.shortName.en = 'Net\u000bEase';
    writeFileSync(providers('163.com.json'), JSON.stringify(p163));
    // A link to a file outside the repository is refused by name; nothing of the file it points to is printed.
    symlinkSync('/etc/passwd', providers('linked.example.json'));

    const validate = run(['scripts/validate-data.ts']);
    expect(validate.status).toBe(1);
    const problems = validate.output.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4));
    expect(problems).toEqual([
      expect.stringMatching(/^src\/data\/providers\/163\.com\.json: shortName\.en = "Net\\u000bEase": contains the character U\+000B/),
      'src/data/providers/linked.example.json: (file) = "linked.example.json": is a symbolic link; data files must be regular files inside the repository, so it is not followed',
      expect.stringMatching(/^src\/data\/providers\/plain\.example\.json: \(file\) = "\\"priority\\": 1,,": is not valid JSON: .*line \d+ column \d+/),
      expect.stringMatching(/^src\/data\/providers\/README\.md: \(file\) = "README\.md": is not a \.json file/),
    ]);

    const build = astroBuild();
    expect(build.status).not.toBe(0);
    for (const problem of problems) expect(build.output).toContain(problem);
    expect(build.output).not.toMatch(/Stack trace|^\s+at /m);
    expect(build.output + validate.output).not.toContain('root:');
  });
});
