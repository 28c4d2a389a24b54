// Serves a built dist/ the way our reference host, Cloudflare Pages, does: its asset
// list (what `wrangler pages deploy` uploads), its `_headers` and `_redirects`
// rules, its HTML routing and 404 lookup. The rules follow Cloudflare's
// documentation (developers.cloudflare.com/pages/configuration/{headers,redirects,serving-pages})
// and its open-source asset server (cloudflare/workers-sdk, packages/pages-shared,
// read at commit 007ba9397be9a2914254d0b59e0695df1a518b52; wrangler's upload list in
// packages/wrangler/src/pages/validate.ts at 2ffff4b80bf6f8d7386344069c3b29d95ae65574).
import { lstatSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import mime from 'mime'; // the content-type table wrangler uses when it uploads a site

// Not uploaded by wrangler, so never served (root-level names; the rest anywhere).
const NOT_UPLOADED_AT_ROOT = new Set(['_worker.js', '_redirects', '_headers', '_routes.json', 'functions', '.wrangler']);
const NOT_UPLOADED_ANYWHERE = new Set(['.DS_Store', 'node_modules', '.git']);
const REDIRECT_STATUSES = new Set([200, 301, 302, 303, 307, 308]);
const LIMITS = { line: 2000, headerRules: 100, staticRedirects: 2000, dynamicRedirects: 100 };
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|x-apple-aspen-config)|image\/svg\+xml)/;

/** The files a deployment would hold, by URL path. Symlinks are skipped, so nothing outside `root` is reachable. */
function listAssets(root) {
  const assets = new Map();
  const walk = (dir, prefix) => {
    for (const name of readdirSync(dir)) {
      if ((!prefix && NOT_UPLOADED_AT_ROOT.has(name)) || NOT_UPLOADED_ANYWHERE.has(name)) continue;
      const file = join(dir, name);
      const st = lstatSync(file);
      if (st.isDirectory()) walk(file, `${prefix}/${name}`);
      else if (st.isFile()) assets.set(`${prefix}/${name}`, file);
    }
  };
  walk(root, '');
  return assets;
}

/** `*` captures a splat, `:name` one path segment; matched against the whole path (or `https://host/path`). */
function compilePattern(pattern) {
  const escaped = pattern.split('*').map((part) => part.replace(/[-/\\^$+?.()|[\]{}]/g, '\\$&')).join('(?<splat>.*)');
  const source = escaped.replace(/:([A-Za-z]\w*)/g, (_, name) => `(?<${name}>[^/]+)`);
  try {
    return new RegExp(`^${source}$`, 's');
  } catch {
    return null;
  }
}

// Captures go back in encoded, as Cloudflare (which matches the encoded path) puts them.
const fill = (text, groups) => Object.entries(groups ?? {}).reduce((t, [k, v]) => t.replaceAll(`:${k}`, encodeURI(v)), text);

function parseHeaders(text, warn) {
  const rules = [];
  let rule;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const where = `_headers:${i + 1}`;
    if (!line || line.startsWith('#')) return;
    if (line.length > LIMITS.line) return warn(`${where}: longer than ${LIMITS.line} characters; ignored`);
    if (/^([^\s]+:\/\/|\/)/.test(line)) {
      if (rules.length >= LIMITS.headerRules) return warn(`${where}: more than ${LIMITS.headerRules} rules; ignored`);
      if (!line.startsWith('/') && !line.startsWith('https://')) return warn(`${where}: "${line}" must start with / or https://; ignored`);
      const regExp = compilePattern(line);
      rule = regExp ? { regExp, crossHost: line.startsWith('https://'), set: {}, unset: [] } : undefined;
      if (rule) rules.push(rule);
      else warn(`${where}: "${line}" is not a valid pattern; ignored`);
      return;
    }
    if (!rule) return warn(`${where}: "${line}" comes before any path; ignored`);
    if (line.startsWith('! ')) return void rule.unset.push(line.slice(2).trim().toLowerCase());
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (colon < 0 || !name || /\s/.test(name) || !value) return warn(`${where}: "${line}" is not "Name: value"; ignored`);
    rule.set[name] = rule.set[name] ? `${rule.set[name]}, ${value}` : value;
  });
  return rules;
}

function parseRedirects(text, warn) {
  const rules = [];
  const seen = new Set();
  let statics = 0;
  let dynamics = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const where = `_redirects:${i + 1}`;
    if (!line || line.startsWith('#')) return;
    if (line.length > LIMITS.line) return warn(`${where}: longer than ${LIMITS.line} characters; ignored`);
    const [from, to, code = '302', ...rest] = line.split(/\s+/);
    if (!to || rest.length) return warn(`${where}: expected "from to [status]"; ignored`);
    if (!from.startsWith('/')) return warn(`${where}: "${from}" must be a path starting with /; ignored`);
    const isStatic = !/[*:]/.test(from) && dynamics === 0;
    if (isStatic ? ++statics > LIMITS.staticRedirects : ++dynamics > LIMITS.dynamicRedirects) return warn(`${where}: too many rules; ignored`);
    const status = Number(code);
    if (status === 404) return warn(`${where}: Cloudflare Pages ignores status 404 in _redirects and serves the nearest 404.html instead (it looks for ${from.replace(/\/\*$/, '')}/404.html); ignored`);
    if (!REDIRECT_STATUSES.has(status)) return warn(`${where}: status ${code} is not one of 200, 301, 302, 303, 307, 308; ignored`);
    if (seen.has(from)) return warn(`${where}: a second rule for ${from}; ignored`);
    if (status === 200 && !to.startsWith('/')) return warn(`${where}: a 200 rule must point to a path on this site; ignored`);
    const regExp = compilePattern(from);
    if (!regExp) return warn(`${where}: "${from}" is not a valid pattern; ignored`);
    seen.add(from);
    rules.push({ from, regExp, isStatic, to, status });
  });
  return rules;
}

/** Reads `root` once, as a deployment would; returns the site and what Cloudflare would reject in its rule files. */
export function loadSite(root) {
  const warnings = [];
  const warn = (message) => void warnings.push(message);
  const read = (name) => (existsSync(join(root, name)) ? readFileSync(join(root, name), 'utf8') : '');
  return {
    assets: listAssets(root),
    headerRules: parseHeaders(read('_headers'), warn),
    redirectRules: parseRedirects(read('_redirects'), warn),
    warnings,
  };
}

function contentType(path) {
  const type = mime.getType(path) ?? 'application/octet-stream';
  // pages.dev answers text with an explicit charset.
  return /^text\/|^application\/(javascript|json)$/.test(type) ? `${type}; charset=utf-8` : type;
}

/** Quality of gzip in an Accept-Encoding list (`gzip;q=0` refuses it; `*` covers it). */
function gzipQuality(header = '') {
  const q = {};
  for (const item of header.toLowerCase().split(',')) {
    const [name, ...params] = item.split(';').map((s) => s.trim());
    const weight = params.find((p) => p.startsWith('q='));
    if (name) q[name] = weight ? Number(weight.slice(2)) || 0 : 1;
  }
  return q.gzip ?? q['x-gzip'] ?? q['*'] ?? 0;
}

/** The path from the request target: origin-form (`/a/b?c`) or absolute-form (`http://host/a/b`). Null if unusable. */
function targetOf(reqUrl) {
  try {
    if (reqUrl.startsWith('/')) return new URL(`http://localhost${reqUrl}`);
    if (/^https?:\/\//i.test(reqUrl)) return new URL(reqUrl);
  } catch {}
  return null;
}

function decoded(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// A Location never starts with `//` or `/\`, which browsers read as another host.
const localLocation = (path, search) => `/${encodeURI(path).replace(/^[/\\]+/, '')}${search}`;

/** A request handler for `site` (from loadSite). It never throws: a bad request gets 400, a failure 500. */
export function createHandler(site) {
  const { assets, headerRules, redirectRules } = site;
  // A deployment does not change, so each file is read, hashed and compressed once.
  const loaded = new Map();
  const gzipped = new WeakMap();
  const load = (p) => {
    if (!loaded.has(p)) {
      loaded.set(p, readFile(assets.get(p)).then((body) => ({ body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` })));
      loaded.get(p).catch(() => loaded.delete(p));
    }
    return loaded.get(p);
  };
  const gzip = (body) => {
    if (!gzipped.has(body)) gzipped.set(body, gzipSync(body));
    return gzipped.get(body);
  };

  async function respond(req, path, search) {
    const lookup = (p) => assets.get(p);
    const redirect = (status, location) => ({ status, headers: { location } });

    const rule = redirectRules.find((r) => r.isStatic && r.from === path) ?? redirectRules.find((r) => !r.isStatic && r.regExp.test(path));
    if (rule) {
      const to = fill(rule.to, rule.regExp.exec(path)?.groups);
      if (/^https?:\/\//i.test(to)) {
        const dest = new URL(to);
        return redirect(rule.status, `${dest.href}${dest.search ? '' : search}`);
      }
      // Read as a path even if a splat made it start with `//`.
      const dest = new URL(`http://localhost/${to.replace(/^\/+/, '')}`);
      if (rule.status === 200) path = decoded(dest.pathname);
      else return redirect(rule.status, `${dest.pathname}${dest.search || search}${dest.hash}`);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405, headers: { allow: 'GET, HEAD' }, text: 'Method Not Allowed' };

    const serve = async (p, status = 200) => {
      const { body, etag } = await load(p);
      if (status !== 200) return { status, body, type: contentType(p) };
      const headers = { etag, 'cache-control': 'public, max-age=0, must-revalidate' };
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifNoneMatch === etag || ifNoneMatch === `W/${etag}`) return { status: 304, headers };
      return { status, body, type: contentType(p), headers };
    };
    const notFound = async () => {
      // The nearest 404.html up the tree, ending with /404.html.
      for (let dir = path.slice(0, path.lastIndexOf('/')); ; dir = dir.slice(0, dir.lastIndexOf('/'))) {
        if (lookup(`${dir}/404.html`)) return serve(`${dir}/404.html`, 404);
        if (!dir) break;
      }
      // No 404.html at all: Cloudflare assumes a single-page app.
      if (lookup('/index.html')) return serve('/index.html');
      return { status: 404, text: 'Not Found' };
    };

    if (path.endsWith('/')) {
      if (lookup(`${path}index.html`)) return serve(`${path}index.html`);
      if (path.endsWith('/index/')) return redirect(308, localLocation(path.slice(0, -'index/'.length), search));
      if (path !== '/' && lookup(`${path.slice(0, -1)}.html`)) return redirect(308, localLocation(path.slice(0, -1), search));
      return notFound();
    }
    if (lookup(path)) {
      if (!path.endsWith('.html')) return serve(path);
      const bare = path.slice(0, -'.html'.length);
      if (bare.endsWith('/index')) return redirect(308, localLocation(bare.slice(0, -'index'.length), search));
      if (lookup(bare) || bare === '/' || bare === '') return serve(path);
      return redirect(308, localLocation(bare, search));
    }
    if (path.endsWith('/index')) return redirect(308, localLocation(path.slice(0, -'index'.length), search));
    if (lookup(`${path}.html`)) return serve(`${path}.html`);
    if (lookup(`${path}/index.html`)) return redirect(308, localLocation(`${path}/`, search));
    return notFound();
  }

  /** Cloudflare's own defaults, then every matching `_headers` rule in order (a later rule adds to a header an earlier one set). */
  function headersFor(host, path, response) {
    const headers = {
      'access-control-allow-origin': '*',
      'referrer-policy': 'strict-origin-when-cross-origin',
    };
    if (response.type) {
      headers['content-type'] = response.type;
      headers['x-content-type-options'] = 'nosniff';
    } else if (response.text) headers['content-type'] = 'text/plain; charset=utf-8';
    Object.assign(headers, response.headers);
    const setByRules = new Set();
    for (const rule of headerRules) {
      const match = rule.regExp.exec(rule.crossHost ? `https://${host}${path}` : path);
      if (!match) continue;
      for (const name of rule.unset) delete headers[name];
      for (const [name, value] of Object.entries(rule.set)) {
        const filled = fill(value, match.groups);
        headers[name] = setByRules.has(name) ? `${headers[name]}, ${filled}` : filled;
        setByRules.add(name);
      }
    }
    return headers;
  }

  return async function handle(req, res) {
    try {
      const url = targetOf(req.url ?? '');
      if (!url) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('Bad Request');
      }
      // One decoded path for the asset lookup and for both rule files, so an encoded
      // character cannot reach a file while escaping its headers.
      const path = decoded(url.pathname);
      const response = await respond(req, path, url.search);
      const host = /^https?:/i.test(req.url ?? '') ? url.hostname : String(req.headers.host ?? '').replace(/:\d+$/, '');
      const headers = headersFor(host, path, response);
      let body = response.body ?? (response.text ? Buffer.from(response.text) : undefined);
      if (body && COMPRESSIBLE.test(headers['content-type'] ?? '')) {
        headers.vary = 'Accept-Encoding';
        if (gzipQuality(req.headers['accept-encoding']) > 0) {
          body = gzip(body);
          headers['content-encoding'] = 'gzip';
        }
      }
      if (body) headers['content-length'] = body.length;
      res.writeHead(response.status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      console.error(`${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    }
  };
}
