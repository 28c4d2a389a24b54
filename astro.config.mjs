// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import portolan from './src/integrations/portolan.ts';
import { classicScript } from './src/integrations/classic-script.ts';
import { readDataset } from './src/integrations/read-dataset.ts';
import { siteAddress } from './src/lib/own-site.ts';
import { LOCALES, DEFAULT_LOCALE, HTML_LANG } from './src/data/locales.ts';
import { fileURLToPath } from 'node:url';

// Other domains of a provider only redirect; they stay out of the sitemap. Read when the sitemap
// is written, after the portolan integration has checked the dataset.
/** @type {Set<string> | undefined} */
let aliases;
/** @param {string | undefined} domain */
const isAlias = (domain) => (aliases ??= new Set(readDataset(fileURLToPath(new URL('.', import.meta.url))).providers.flatMap((p) => p.otherDomains))).has(domain ?? '');

/** @type {string | undefined} */
let site;
try {
  site = siteAddress();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

export default defineConfig({
  // The public address (SITE, or Cloudflare Pages' own): canonical URLs, sitemap, the API's $schema.
  // Without it the site names no host: links stay relative and those are left out.
  site,
  trailingSlash: 'always',
  // Inline CSS: a page arrives in one response; the CSP below allows it by hash.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  security: {
    // Astro writes a meta CSP per page with the hashes of what it inlined;
    // src/integrations/csp-headers.ts copies the union into dist/_headers.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self' https://dns.alidns.com https://cloudflare-dns.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs as WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  i18n: {
    locales: LOCALES,
    defaultLocale: DEFAULT_LOCALE,
    // `/` is our own language chooser page, so Astro must not redirect it.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // No code blocks need highlighting, and Shiki's inline styles would need 'unsafe-inline'.
  markdown: { syntaxHighlight: false },
  integrations: [
    // First, so a broken dataset stops the build before anything else runs.
    portolan(),
    mdx(),
    ...(site ? [sitemap({
      i18n: { defaultLocale: DEFAULT_LOCALE, locales: HTML_LANG },
      // Only pages worth finding: not search results, error pages or the language chooser.
      filter: (page) => {
        const path = new URL(page).pathname;
        return path !== '/' && !/\/(search|404)\/$/.test(path) && !isAlias(path.split('/')[2]);
      },
    })] : []),
  ],
  // No preload helper: it would be on every page, against the 2 KB script budget, and the code
  // loaded on use (share, profile, lookup) is small enough to fetch without preloading its imports.
  vite: {
    plugins: [
      classicScript(),
      {
        name: 'portolan:no-module-preload',
        // Astro builds the browser code as Vite's `client` environment with its own build options.
        configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
      },
    ],
  },
  devToolbar: { enabled: false },
});
