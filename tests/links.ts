// Every internal link of a built site, checked over its files: each built HTML page's href and
// src targets, the sitemaps' entries and hreflang alternates, and robots.txt's sitemap line.
// A target is asked of the same request handler `npm run serve` uses (scripts/pages-host.mjs),
// called directly, so _redirects rules, `/path/` → `/path/index.html` and the 404 lookup are
// exactly the host's; a fragment must name an element id in the page it lands on.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { createHandler, loadSite } from '../scripts/pages-host.mjs';
import { htmlFiles as htmlFilesUnder } from '../src/integrations/csp-headers.ts';

interface Answer {
  status: number;
  location?: string;
  type: string;
  body: string;
}

/** What the host answers for a site path (with its query), without a network. */
function host(root: string) {
  const handle = createHandler(loadSite(root));
  return (url: string) =>
    new Promise<Answer>((resolve) => {
      let status = 0;
      let headers: Record<string, string | number> = {};
      const res = {
        headersSent: false,
        writeHead(s: number, h: Record<string, string | number> = {}) {
          status = s;
          headers = h;
        },
        end(body?: Buffer) {
          const location = headers.location === undefined ? undefined : String(headers.location);
          resolve({ status, location, type: String(headers['content-type'] ?? ''), body: body?.toString('utf8') ?? '' });
        },
      };
      void handle({ method: 'GET', url, headers: {} } as never, res as never);
    });
}

/** Every HTML file of the built site, listed as the build's own steps list them. */
export const htmlFiles = (root: string): string[] => [...htmlFilesUnder(root)];

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The URL path a built file is served at (`en/x/index.html` → `/en/x/`). */
export const pathOf = (root: string, file: string) => `/${relative(root, file).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/**
 * Every broken internal link of the site built in `root`, as `target (linked from where): why`.
 * `site` is the public origin the build was given (its absolute URLs count as internal); a build
 * without one has no sitemap and must name none.
 * `pages` and `targets` say how many built pages were read and distinct targets asked, so a caller can see the check was not vacuous.
 */
export async function brokenLinks(root: string, site: string | undefined): Promise<{ problems: string[]; pages: number; targets: number }> {
  const ask = host(root);
  const problems: string[] = [];
  const links: { url: string; from: string }[] = [];
  const base = 'http://site.invalid';
  const add = (raw: string, from: string, page = '/') => {
    const href = decode(raw.trim());
    if (site && href.startsWith(site)) return void links.push({ url: href.slice(site.length) || '/', from });
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return; // another site, mailto:, data:, tel:
    const url = new URL(href, base + page);
    links.push({ url: url.pathname + url.search + url.hash, from });
  };

  // Without a 404.html the host answers every missing path with /index.html, and nothing would look broken.
  if ((await ask('/portolan-link-check-no-such-page/')).status !== 404) problems.push('/404.html: missing, so a missing page answers 200');
  // robots.txt names the sitemap index; the index names the sitemaps; they name pages and their alternates.
  const sitemapLine = (await ask('/robots.txt')).body.match(/^Sitemap: (\S+)$/m)?.[1];
  if (!site) {
    if (sitemapLine) problems.push(`/robots.txt: names a sitemap (${sitemapLine}), but the build had no site address`);
  } else if (!sitemapLine?.startsWith(site)) problems.push(`/robots.txt: no \`Sitemap: ${site}/…\` line`);
  else add(sitemapLine, '/robots.txt');
  const index = site && sitemapLine?.startsWith(site) ? sitemapLine.slice(site.length) : '/sitemap-index.xml';
  for (const [, loc] of site ? (await ask(index)).body.matchAll(/<loc>([^<]+)<\/loc>/g) : []) {
    const sitemap = decode(loc!).replace(site!, '');
    const text = (await ask(sitemap)).body;
    for (const [, page] of text.matchAll(/<loc>([^<]+)<\/loc>/g)) add(page!, sitemap);
    for (const [, alt] of text.matchAll(/hreflang="[^"]+" href="([^"]+)"/g)) add(alt!, `${sitemap} hreflang`);
  }

  const files = htmlFiles(root);
  for (const file of files) {
    const page = pathOf(root, file);
    const html = readFileSync(file, 'utf8');
    for (const [, value] of html.matchAll(/<(?:a|link|area)\b[^>]*?\shref="([^"]*)"/g)) add(value!, page, page);
    for (const [, value] of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*?\ssrc="([^"]*)"/g)) add(value!, page, page);
  }

  // Each distinct target once: its answer after up to five redirects, and the ids of the page it lands on.
  const landed = new Map<string, Promise<{ status: number; ids?: Set<string> }>>();
  const land = (url: string) => {
    if (!landed.has(url)) {
      landed.set(
        url,
        (async () => {
          let answer = await ask(url);
          for (let hops = 0, at = url; answer.location && hops < 5; hops++) {
            const next = new URL(answer.location, base + at);
            // A redirect off the site is the other site's to answer.
            if (next.origin !== base) return { status: 200 };
            at = next.pathname + next.search;
            answer = await ask(at);
          }
          const ids = answer.type.startsWith('text/html') ? new Set([...answer.body.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!))) : undefined;
          return { status: answer.status, ids };
        })(),
      );
    }
    return landed.get(url)!;
  };
  for (const { url, from } of links) {
    const [target, fragment] = url.split('#') as [string, string | undefined];
    const { status, ids } = await land(target);
    if (status !== 200) problems.push(`${target} (linked from ${from}) answers ${status}`);
    else if (fragment && ids && !ids.has(decodeURIComponent(fragment))) problems.push(`${url} (linked from ${from}): no element with that id`);
  }
  return { problems: [...new Set(problems)], pages: files.length, targets: landed.size };
}
