// The site's own address for pages that print absolute URLs (autoconfig, API). Without SITE set at
// build time the config's stand-in host must not reach a reader: those pages get a reserved .invalid
// host instead, which src/browser/own-origin.ts replaces with the address the page was loaded from.
export const UNSET_SITE = 'https://your-site.invalid';

export function ownSite(site: URL | undefined, env: Record<string, string | undefined> = process.env): URL {
  return env.SITE && site ? site : new URL(`${UNSET_SITE}/`);
}
