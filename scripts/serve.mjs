// Serves dist/ the way a static host does: directory index pages, trailing-slash
// redirects, the 404 page, gzip, and the headers listed in dist/_headers
// (Netlify/Cloudflare Pages format), so `npm start` behaves like production.
import { createServer } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = normalize(process.env.DIST ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream', '.mobileconfig': 'application/x-apple-aspen-config',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|x-apple-aspen-config)|image\/svg)/;

/** Parses _headers: a path pattern (`*` matches anything) followed by indented `Name: value` lines. */
function loadHeaders() {
  const file = join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp('^' + line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
      rules.push({ pattern, headers: {} });
    } else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}
const rules = loadHeaders();

function fileFor(pathname) {
  const p = normalize(join(root, decodeURIComponent(pathname)));
  if (!p.startsWith(root)) return null;
  try {
    const st = statSync(p);
    if (st.isFile()) return { file: p };
    if (st.isDirectory()) return pathname.endsWith('/') ? (existsSync(join(p, 'index.html')) ? { file: join(p, 'index.html') } : null) : { redirect: pathname + '/' };
  } catch {}
  return null;
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  let found;
  try { found = fileFor(url.pathname); } catch { found = null; }
  if (found?.redirect) {
    res.writeHead(301, { Location: found.redirect + url.search });
    return res.end();
  }
  const status = found ? 200 : 404;
  // Like `_redirects` rules `/en/* /en/404/ 404`: a locale's own 404 page, else the bilingual one.
  const localized = join(root, url.pathname.split('/')[1] ?? '', '404', 'index.html');
  const file = found?.file ?? (url.pathname.split('/').length > 2 && existsSync(localized) ? localized : join(root, '404.html'));
  if (!existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }); return res.end('Not found'); }
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
  for (const r of rules) if (r.pattern.test(url.pathname)) Object.assign(headers, r.headers);
  let body = readFileSync(file);
  if (COMPRESSIBLE.test(headers['Content-Type']) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
    headers['Vary'] = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(port, host, () => console.log(`Portolan is served at http://${host}:${port}/`));
