// The real build as `npm start` serves it: the rule files stay private, only reading
// methods are answered, and a missing page still carries the security headers.
// (Hostile request targets are in tests/unit/serve.test.ts, on a fixture site.)
import { test, expect } from '@playwright/test';

test('dist/_headers and dist/_redirects are rules, not pages', async ({ request }) => {
  for (const path of ['/_headers', '/_redirects']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).not.toContain('Content-Security-Policy:');
  }
});

test('only GET and HEAD are answered', async ({ request }) => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const res = await request.fetch('/zh-cn/', { method });
    expect(res.status(), method).toBe(405);
  }
  expect((await request.head('/zh-cn/')).status()).toBe(200);
});

test('a folder without its slash redirects to it, keeping the query', async ({ request }) => {
  const res = await request.get('/en/163.com?address=a%40163.com', { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  expect(res.headers().location).toBe('/en/163.com/?address=a%40163.com');
});

test('a 404 carries the Content-Security-Policy of _headers', async ({ request }) => {
  const res = await request.get('/en/no-such-page/');
  expect(res.status()).toBe(404);
  expect(res.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(res.headers()['content-type']).toBe('text/html; charset=utf-8');
});
