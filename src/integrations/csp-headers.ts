// At the end of the build: the same Content-Security-Policy Astro put in each page's meta tag,
// merged over all pages, goes into dist/_headers for every path, with the other
// security headers, so hosts that read _headers enforce it as a real header too.
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Every HTML file under `dir`, as a path that starts with `dir`. */
export function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* htmlFiles(p);
    else if (name.endsWith('.html')) yield p;
  }
}

/** Prepends the security headers to `dist/_headers` (public/_headers holds the rest); returns a one-line summary. */
export function writeHeaders(dist: string): string {
  const directives = new Map<string, Set<string>>();
  let count = 0;
  for (const file of htmlFiles(dist)) {
    const meta = readFileSync(file, 'utf8').match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i);
    if (!meta) throw new Error(`${file}: no Content-Security-Policy meta tag (is security.csp on in astro.config.mjs?)`);
    count++;
    for (const part of meta[1]!.split(';')) {
      const [name, ...values] = part.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      values.forEach((v) => set.add(v));
      directives.set(name, set);
    }
  }
  // Only a header can forbid framing.
  directives.set('frame-ancestors', new Set(["'none'"]));
  const csp = [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');
  if (/'unsafe-(inline|eval)'/.test([...(directives.get('script-src') ?? [])].join(' '))) throw new Error('script-src must not allow unsafe-inline or unsafe-eval');

  const block = [
    '/*',
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: accelerometer=(), autoplay=(), camera=(), clipboard-read=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()',
    '  X-Frame-Options: DENY',
    '  Cross-Origin-Opener-Policy: same-origin',
    // Browsers ignore it over plain HTTP, so it is safe for local serving too.
    '  Strict-Transport-Security: max-age=31536000',
    // Astro's bundles carry a content hash in their names, so they never change.
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
  const file = join(dist, '_headers');
  const rest = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, block + rest);
  return `_headers: CSP from ${count} pages, ${csp.length} characters`;
}
