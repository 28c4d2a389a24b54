// `npm run serve` against a small fixture site: hostile request targets must neither
// kill the server nor reach files outside dist/, and the answers follow Cloudflare Pages'
// reading of _headers and _redirects. Requests go over raw sockets, because fetch
// refuses to send targets such as `//` or `http://`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SECRET = 'TOP-SECRET-KEY';
const BACKUP = 'BACKUP-SECRET';
const FILES: Record<string, string> = {
  'dist/index.html': '<h1>root page</h1>',
  'dist/404.html': '<h1>root not found</h1>',
  'dist/en/index.html': '<h1>en home</h1>',
  'dist/en/404/index.html': '<h1>en not found</h1>',
  'dist/en/guide.html': '<h1>en guide</h1>',
  'dist/v1.1/example.com.xml': '<clientConfig version="1.1"/>',
  'dist/profiles/example.com.mobileconfig': '<plist version="1.0"><dict/></plist>',
  'dist/_astro/app.js': 'console.log("app")',
  'dist/.git/config': 'git-config-secret',
  'dist/_headers': [
    '/*',
    "  Content-Security-Policy: default-src 'self'",
    '  X-Frame-Options: DENY',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '/profiles/*',
    '  Content-Type: application/x-apple-aspen-config',
    '',
  ].join('\n'),
  'dist/_redirects': [
    '# fixture',
    '/v1.1/:domain /v1.1/:domain.xml 200',
    '/old-page /en/ 301',
    '/go/* /en/:splat',
    '/en/* /en/404/ 404',
    '/teapot /en/ 418',
    '/out/* /:splat 301',
    '',
  ].join('\n'),
  'dist-secret/key.txt': SECRET,
  'dist.bak': BACKUP,
};

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let dir: string;
let server: ChildProcess;
let port: number;
let log = '';

/** Sends `request` as it is and reads the answer until the server closes the connection. */
function send(request: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no HTTP answer to ${JSON.stringify(request.slice(0, 80))}: ${JSON.stringify(all.toString())}`));
      const [statusLine, ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        const name = line.slice(0, i).toLowerCase();
        headers[name] = headers[name] ? `${headers[name]}, ${line.slice(i + 1).trim()}` : line.slice(i + 1).trim();
      }
      let body = all.subarray(split + 4);
      if (headers['content-encoding'] === 'gzip' && body.length) body = gunzipSync(body);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body.toString() });
    });
    socket.write(request);
  });
}

function get(target: string, { method = 'GET', headers = {} as Record<string, string> } = {}): Promise<Answer> {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return send(`${lines.join('\r\n')}\r\n\r\n`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portolan-serve-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  symlinkSync(join(dir, 'dist-secret/key.txt'), join(dir, 'dist/link-out'));
  symlinkSync(join(dir, 'dist-secret'), join(dir, 'dist/linkdir'));
  server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, DIST: join(dir, 'dist'), PORT: '0', HOST: '127.0.0.1' } });
  port = await new Promise<number>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /served at http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
      if (m) resolve(Number(m[1]));
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${log}`)));
  });
}, 30_000);

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

type Expect = { status: number; headers?: Record<string, string | RegExp | null>; body?: string; notBody?: string };
type Case = [target: string, options: { method?: string; headers?: Record<string, string> }, expected: Expect];

const ROOT_404 = { status: 404, body: 'root not found', notBody: 'root page' };
const HOSTILE: Case[] = [
  // Outside dist/: a sibling folder or file whose name starts with "dist", symlinks, dot folders.
  ['/..%2fdist-secret/key.txt', {}, { status: 404, notBody: SECRET }],
  ['/..%2fdist.bak', {}, { status: 404, notBody: BACKUP }],
  ['/%2e%2e/dist-secret/key.txt', {}, { status: 404, notBody: SECRET }],
  ['/..%5cdist-secret%5ckey.txt', {}, { status: 404, notBody: SECRET }],
  ['/link-out', {}, { status: 404, notBody: SECRET }],
  ['/linkdir/key.txt', {}, { status: 404, notBody: SECRET }],
  ['/.git/config', {}, { status: 404, notBody: 'git-config-secret' }],
  ['/_headers', {}, { status: 404, notBody: 'Content-Security-Policy' }],
  ['/_redirects', {}, { status: 404, notBody: ':splat' }],
  // No redirect to another host, and `//en/` is not the root page.
  ['/.//evil.example/..%2fen', {}, { status: 404, headers: { location: null } }],
  ['//en/', {}, ROOT_404],
  ['//evil.example/index', {}, { status: 308, headers: { location: '/evil.example/' } }],
  ['/\\evil.example/index', {}, { status: 308, headers: { location: '/evil.example/' } }],
  ['/%5cevil.example/index', {}, { status: 308, headers: { location: '/%5Cevil.example/' } }],
  ['/go/%0d%0aX-Evil:%201', {}, { status: 302, headers: { 'x-evil': null, location: '/en/%0D%0AX-Evil:%201' } }],
  ['/out/%2f%2fevil.example/x', {}, { status: 301, headers: { location: '/evil.example/x' } }],
  ['/out/%5c%5cevil.example/x', {}, { status: 301, headers: { location: '/%5C%5Cevil.example/x' } }],
  ['/%0d%0aSet-Cookie:%20a=b', {}, { status: 404, headers: { 'set-cookie': null } }],
  // Only GET and HEAD read a static site.
  ...['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'].map((method): Case => ['/', { method }, { status: 405, headers: { allow: 'GET, HEAD' }, notBody: 'root page' }]),
  // Content negotiation.
  ['/', { headers: { 'Accept-Encoding': 'gzip;q=0' } }, { status: 200, headers: { 'content-encoding': null }, body: 'root page' }],
  ['/', { headers: { 'Accept-Encoding': 'gzip, *;q=0' } }, { status: 200, headers: { 'content-encoding': 'gzip' }, body: 'root page' }],
  ['/', { headers: { 'Accept-Encoding': '*' } }, { status: 200, headers: { 'content-encoding': 'gzip' }, body: 'root page' }],
  ['/', { headers: { 'Accept-Encoding': 'identity' } }, { status: 200, headers: { 'content-encoding': null }, body: 'root page' }],
  // Rules see the same path as the files: an encoded dot gets the folder's headers.
  ['/v1%2e1/example.com', {}, { status: 200, headers: { 'content-type': 'application/xml', 'access-control-allow-origin': '*' }, body: 'clientConfig' }],
  ['/v1.1/unknown.example', {}, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: 'root not found' }],
  // Last, as they used to end the process: request targets that threw `Invalid URL`.
  ['//', {}, ROOT_404],
  ['//[', {}, ROOT_404],
  ['//a:b/', {}, ROOT_404],
  ['//%/', {}, ROOT_404],
  ['http://', {}, { status: 400 }],
  ['*', {}, { status: 400 }],
  ['http://evil.example/en/', {}, { status: 200, body: 'en home' }],
];

describe('like Cloudflare Pages', () => {
  it('routes HTML: folders get a slash, .html and index.html lose theirs, queries are kept', async () => {
    expect((await get('/en')).headers.location).toBe('/en/');
    expect((await get('/en?x=1')).headers.location).toBe('/en/?x=1');
    expect((await get('/en/guide.html')).headers.location).toBe('/en/guide');
    expect((await get('/index.html')).headers.location).toBe('/');
    expect((await get('/en/index.html')).headers.location).toBe('/en/');
    expect((await get('/en/guide')).body).toContain('en guide');
  });

  it('follows _redirects: status, splat, query; a 200 rule serves another file under the same URL', async () => {
    expect(await get('/old-page?a=1')).toMatchObject({ status: 301, headers: { location: '/en/?a=1' } });
    expect(await get('/go/guide')).toMatchObject({ status: 302, headers: { location: '/en/guide' } });
    const xml = await get('/v1.1/example.com');
    expect(xml).toMatchObject({ status: 200, headers: { 'content-type': 'application/xml' } });
    expect(xml.body).toBe(FILES['dist/v1.1/example.com.xml']);
  });

  it('ignores a 404 rule as Cloudflare does, serving the nearest 404.html, and warns', async () => {
    expect(await get('/en/no-such-page/')).toMatchObject({ status: 404, body: '<h1>root not found</h1>' });
    expect(await get('/no-such-page')).toMatchObject({ status: 404, body: '<h1>root not found</h1>' });
    expect(log).toMatch(/_redirects:5: Cloudflare Pages ignores status 404 .*\/en\/404\.html\); ignored/);
    expect(log).toMatch(/_redirects:6: status 418 .* ignored/);
    expect((await get('/teapot')).status).toBe(404);
  });

  it('adds _headers to every response under a rule, 404s included, and its own defaults', async () => {
    const page = await get('/');
    expect(page.headers).toMatchObject({
      'content-security-policy': "default-src 'self'",
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'content-type': 'text/html; charset=utf-8',
    });
    expect((await get('/nope')).headers['content-security-policy']).toBe("default-src 'self'");
    expect((await get('/_astro/app.js')).headers).toMatchObject({
      'cache-control': 'public, max-age=31536000, immutable',
      'content-type': 'application/javascript; charset=utf-8',
    });
    expect((await get('/profiles/example.com.mobileconfig')).headers['content-type']).toBe('application/x-apple-aspen-config');
    // So a Content-Type rule on a folder labels its 404 pages too: keep such rules to real files.
    expect((await get('/profiles/none.mobileconfig')).headers['content-type']).toBe('application/x-apple-aspen-config');
  });

  it('answers HEAD without a body and a matching If-None-Match with 304', async () => {
    const head = await get('/', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    const etag = (await get('/')).headers.etag;
    expect(etag).toMatch(/^"\w+"$/);
    expect((await get('/', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('hostile requests', () => {
  it.each(HOSTILE)('%s %j', async (target, options, expected) => {
    const answer = await get(target, options);
    expect(answer.status).toBe(expected.status);
    for (const [name, value] of Object.entries(expected.headers ?? {})) {
      if (value === null) expect(answer.headers).not.toHaveProperty(name);
      else if (value instanceof RegExp) expect(answer.headers[name]).toMatch(value);
      else expect(answer.headers[name]).toBe(value);
    }
    if (expected.body) expect(answer.body).toContain(expected.body);
    if (expected.notBody) expect(answer.body).not.toContain(expected.notBody);
  });

  it('answers a malformed request line and an oversized target with 4xx', async () => {
    expect((await send('GARBAGE\r\n\r\n')).status).toBe(400);
    expect((await get(`/${'a'.repeat(20_000)}`)).status).toBe(431);
  });

  it('still serves / afterwards', async () => {
    const answer = await get('/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('root page');
    expect(server.exitCode).toBeNull();
  });
});
