// The site's public address, for what needs an absolute URL (canonical links, the sitemap, the
// API's $schema, autoconfig documentation links). Without one the build names no host at all:
// links stay relative, and what needs an absolute URL is left out.

/**
 * SITE; on Cloudflare Pages (CF_PAGES=1, set by its build) SITE or else the deployment's own
 * address, CF_PAGES_URL (developers.cloudflare.com/pages/configuration/build-configuration/);
 * elsewhere nothing.
 */
export function siteAddress(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.SITE) return env.SITE;
  if (env.CF_PAGES !== '1') return undefined;
  if (env.CF_PAGES_URL) return env.CF_PAGES_URL;
  throw new Error('Cloudflare Pages build without an address: set SITE (e.g. https://mail.example.org) in the project’s environment variables.');
}

/** `path` on the site: absolute when the site's address is known, else as it is (relative to the page's host). */
export const ownUrl = (path: string, site: URL | undefined) => (site ? new URL(path, site).href : path);
