// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readdirSync, readFileSync } from 'node:fs';

// Other domains of a provider only redirect; they stay out of the sitemap.
const aliases = readdirSync('src/data/providers').flatMap((f) => JSON.parse(readFileSync(`src/data/providers/${f}`, 'utf8')).otherDomains ?? []);

export default defineConfig({
  // The public address; set SITE when deploying elsewhere (canonical URLs, sitemap, hreflang).
  site: process.env.SITE ?? 'https://portolan.example',
  trailingSlash: 'always',
  // Inline CSS: a page arrives in one response; the CSP below allows it by hash.
  build: { format: 'directory', inlineStylesheets: 'always' },
  security: {
    // Astro writes a meta CSP per page with the hashes of what it inlined;
    // scripts/csp-headers.mjs copies the union into dist/_headers.
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
    locales: ['zh-cn', 'en'],
    defaultLocale: 'zh-cn',
    // `/` is our own language chooser page, so Astro must not redirect it.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // No code blocks need highlighting, and Shiki's inline styles would need 'unsafe-inline'.
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'zh-cn', locales: { 'zh-cn': 'zh-CN', en: 'en' } },
      // Only pages worth finding: not search results, error pages or the language chooser.
      filter: (page) => {
        const path = new URL(page).pathname;
        return path !== '/' && !/\/(search|404)\/$/.test(path) && !aliases.includes(path.split('/')[2]);
      },
    }),
  ],
  devToolbar: { enabled: false },
});
