import type { APIRoute } from 'astro';
import { LOCALES } from '../data/locales.ts';

// Search result pages are endless combinations of queries: keep crawlers out of them. The sitemap
// needs the site's absolute address: built without one, there is none to name.
export const GET: APIRoute = ({ site }) =>
  new Response(['User-agent: *', 'Allow: /', ...LOCALES.map((l) => `Disallow: /${l}/search/`), '', ...(site ? [`Sitemap: ${new URL('/sitemap-index.xml', site)}`] : []), ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
