// Links over files (tests/links.ts): first on a small fixture site, where each kind of broken link
// must be reported, then on the built dist/ (run `npm run build` first), where none may be.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brokenLinks } from '../links.ts';
import { siteAddress } from '../../src/lib/own-site.ts';

const SITE = 'https://site.example';
const page = (body: string, ids: string[] = []) => `<!doctype html><html lang="en"><body>${ids.map((id) => `<h2 id="${id}">x</h2>`).join('')}${body}</body></html>`;
const FIXTURE: Record<string, string> = {
  'robots.txt': `User-agent: *\nSitemap: ${SITE}/sitemap-index.xml\n`,
  'sitemap-index.xml': `<sitemapindex><sitemap><loc>${SITE}/sitemap-0.xml</loc></sitemap></sitemapindex>`,
  'sitemap-0.xml': `<urlset><url><loc>${SITE}/en/</loc><xhtml:link rel="alternate" hreflang="en" href="${SITE}/en/guide/"/></url></urlset>`,
  '_redirects': '/old /en/ 301\n/en/alias/* /en/guide/:splat 301\n',
  'index.html': page('<a href="/en/">en</a> <a href="en/guide/#step-1">relative</a> <a href="/old">moved</a> <a href="/en/guide">no slash</a>'),
  'en/index.html': page('<a href="#top">top</a> <a href="/en/alias/?q=a&amp;b=c">alias</a> <img src="/logo.svg" alt=""> <a href="https://other.example/x">other</a> <a href="mailto:a@site.example">mail</a>', ['top']),
  'en/guide/index.html': page(`<a href="${SITE}/en/">absolute</a> <script src="/_astro/app.js"></script>`, ['step-1']),
  '404.html': page('Not found'),
  'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '_astro/app.js': '',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function site(changes: Record<string, string | null> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'portolan-links-'));
  dirs.push(root);
  for (const [path, text] of Object.entries({ ...FIXTURE, ...changes })) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const problemsOf = async (changes: Record<string, string | null>) => (await brokenLinks(site(changes), SITE)).problems;

describe('the link check on a fixture site', () => {
  it('passes a site whose links, redirects, anchors, sources and sitemaps all resolve', async () => {
    const result = await brokenLinks(site(), SITE);
    expect(result.problems).toEqual([]);
    expect(result.pages).toBe(4);
  });

  it.each([
    ['a link to a page that is not built', { 'en/guide/index.html': null }, '/en/guide/ (linked from /) answers 404'],
    ['a link whose redirect rule leads nowhere', { '_redirects': '/old /en/gone/ 301\n/en/alias/* /en/guide/:splat 301\n' }, '/old (linked from /) answers 404'],
    ['a link through a splat rule to a missing page', { '_redirects': '/old /en/ 301\n/en/alias/* /en/none/:splat 301\n' }, '/en/alias/?q=a&b=c (linked from /en/) answers 404'],
    ['a fragment no element has', { 'en/guide/index.html': page(`<a href="${SITE}/en/">absolute</a> <script src="/_astro/app.js"></script>`) }, '/en/guide/#step-1 (linked from /): no element with that id'],
    ['a missing image', { 'logo.svg': null }, '/logo.svg (linked from /en/) answers 404'],
    ['a missing script', { '_astro/app.js': null }, '/_astro/app.js (linked from /en/guide/) answers 404'],
    ['a sitemap entry that is not built', { 'sitemap-0.xml': `<urlset><url><loc>${SITE}/en/nope/</loc></url></urlset>` }, '/en/nope/ (linked from /sitemap-0.xml) answers 404'],
    ['a hreflang alternate that is not built', { 'sitemap-0.xml': `<urlset><url><loc>${SITE}/en/</loc><xhtml:link rel="alternate" hreflang="en" href="${SITE}/zh-cn/"/></url></urlset>` }, '/zh-cn/ (linked from /sitemap-0.xml hreflang) answers 404'],
    ['a site without a 404 page, where every missing path would answer 200', { '404.html': null }, '/404.html: missing, so a missing page answers 200'],
    ['robots.txt without the sitemap', { 'robots.txt': 'User-agent: *\n' }, `/robots.txt: no \`Sitemap: ${SITE}/…\` line`],
  ])('reports %s', async (_, changes, problem) => {
    expect(await problemsOf(changes)).toContain(problem);
  });
});

describe('the built site', () => {
  it('every internal link, anchor, source, redirect, hreflang alternate and sitemap entry in dist/ resolves', { timeout: 120_000 }, async () => {
    expect(existsSync('dist/index.html'), 'dist/ is missing: run `npm run build` first').toBe(true);
    const { problems, pages, targets } = await brokenLinks('dist', siteAddress());
    expect(problems).toEqual([]);
    // Every built page was read, not a crawl's reachable part.
    expect(pages).toBeGreaterThan(80);
    expect(targets).toBeGreaterThan(80);
  });

  it.runIf(!siteAddress())('built without a site address, names no host of its own: no canonical link, sitemap or $schema, no stand-in host', () => {
    const files = readdirSync('dist', { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && (/\.(html|xml|json|txt|js|mobileconfig)$|^_headers$|^_redirects$/.test(e.name) || e.parentPath.endsWith('v1.1')));
    const named = files.flatMap((e) => {
      const text = readFileSync(join(e.parentPath, e.name), 'utf8');
      // A $schema other than JSON Schema's own meta-schema would be ours, and absolute.
      return /portolan\.example|https?:\/\/[^/"'\s]*\.invalid\b|rel="canonical"|property="og:url"|"\$schema":\s*"(?!https:\/\/json-schema\.org\/)|^Sitemap:/m.test(text) ? [join(e.parentPath, e.name)] : [];
    });
    expect(files.length).toBeGreaterThan(80);
    expect(named).toEqual([]);
    expect(existsSync('dist/sitemap-index.xml')).toBe(false);
  });
});
