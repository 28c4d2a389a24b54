// What the imported providers and the evidence grades look like to a reader. Expectations come
// from the built API (dist/api/v1), so they follow the dataset rather than today's counts.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { HOME_PROVIDERS, isCurated } from '../../src/lib/merge.ts';

interface ApiServer { host: string; port: number; security: string; grade: string; disagreements?: { host: string; port: number; sources: string[] }[] }
interface ApiProvider {
  domain: string;
  otherDomains: string[];
  hostedDomains: string[];
  name: { en: string; 'zh-cn': string };
  priority: number;
  tier: 'curated' | 'imported';
  password?: { kind: string };
  servers: Record<'imap' | 'pop3' | 'smtp', ApiServer[]>;
  sources: { id: string; status?: string }[];
}
const all = (JSON.parse(readFileSync('dist/api/v1/providers.json', 'utf8')) as { providers: ApiProvider[] }).providers;
const imported = all.filter((p) => !isCurated(p));
const servers = (p: ApiProvider) => [...p.servers.imap, ...p.servers.pop3, ...p.servers.smtp];

// Fixed representatives, each chosen by what the data says about it.
const otherPort = (s: ApiServer) => s.disagreements?.find((d) => d.host === s.host && d.port !== s.port);
const disagreeing = imported.find((p) => servers(p).some(otherPort))!;
const oauthOnly = imported.find((p) => p.password?.kind === 'oauth-only')!;
const plaintextOnly = imported.find((p) => servers(p).every((s) => s.security === 'none'))!;

test('a copied settings table carries the values and no grade or source marks', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The site's Permissions-Policy rightly forbids reading the clipboard; only this test needs to.
  await page.route('/en/163.com/', async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([k]) => k !== 'permissions-policy'));
    await route.fulfill({ response, headers });
  });
  await page.goto('/en/163.com/');
  const table = page.locator('table.servers');
  await expect(table.locator('.evidence').first()).toBeVisible();
  await table.evaluate((t) => window.getSelection()!.selectAllChildren(t));
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('imap.163.com');
  expect(copied).toContain('993');
  for (const mark of ['Corroborated', 'only', 'agree', 'own page', '[1]']) expect(copied).not.toContain(mark);
});

test('only disagreeing values are flagged; a single source is named, not flagged', async ({ page }) => {
  await page.goto('/en/163.com/');
  for (const ev of await page.locator('table.servers .evidence').all()) {
    const grade = await ev.getAttribute('data-grade');
    await expect(ev.locator('strong')).toHaveCount(grade === 'disagree' ? 1 : 0);
    if (grade === 'single-source') await expect(ev).toContainText(/ only$|^from /);
  }
});

test(`${disagreeing.domain}: a value the sources disagree on shows the other value and who gives it`, async ({ page }) => {
  const server = servers(disagreeing).find(otherPort)!;
  const other = otherPort(server)!;
  await page.goto(`/en/${disagreeing.domain}/`);
  const row = page.locator('table.servers tr', { hasText: server.host }).filter({ has: page.locator('td', { hasText: new RegExp(`^${server.port}$`) }) });
  const cell = row.locator('.evidence');
  await expect(cell).toHaveAttribute('data-grade', 'disagree');
  await expect(cell).toContainText('Sources disagree');
  await expect(cell).toContainText(String(server.port));
  await expect(cell).toContainText(String(other.port));
});

test(`${oauthOnly.domain}: an OAuth2-only provider gets no password step and no profile`, async ({ page }) => {
  await page.goto(`/en/${oauthOnly.domain}/`);
  await expect(page.locator('#password')).toContainText('no password');
  await expect(page.locator('a[href^="/profiles/"]')).toHaveCount(0);
  await page.goto(`/en/${oauthOnly.domain}/ios/`);
  await expect(page.locator('#step-password')).toHaveCount(0);
  await expect(page.locator('#step-sign-in')).toBeVisible();
  await expect(page.locator('ol.steps')).toContainText('OAuth2');
});

test(`${plaintextOnly.domain}: a plaintext-only provider has its page and autoconfig file`, async ({ page, request }) => {
  await page.goto(`/en/${plaintextOnly.domain}/`);
  await expect(page.locator('table.servers')).toContainText(plaintextOnly.servers.smtp[0]!.host);
  const xml = await (await request.get(`/v1.1/${plaintextOnly.domain}`)).text();
  expect(xml).toContain('<socketType>plain</socketType>');
});

test('every imported domain has a lookup answer, from one small shard', async ({ page, request }) => {
  const sample = [imported[0]!, imported[Math.floor(imported.length / 2)]!, imported[imported.length - 1]!];
  for (const p of sample) {
    const domain = p.otherDomains[0] ?? p.domain;
    await page.goto('/en/');
    const shard = page.waitForRequest((r) => r.url().includes('/lookup/'));
    await page.locator('#lookup-input').fill(`someone@${domain}`);
    await page.locator('#lookup-input').press('Enter');
    await expect(page).toHaveURL(`/en/${p.domain}/?address=someone@${domain}`);
    // The one file the lookup fetched stays small however many domains there are.
    const body = await (await request.get((await shard).url())).body();
    expect(body.length).toBeLessThan(16_000);
  }
});

test('the providers index lists every provider and filters by domain', async ({ page }) => {
  await page.goto('/en/providers/');
  const items = page.locator('.provider-index > li');
  await expect(items).toHaveCount(all.length);
  const p = imported.find((x) => x.otherDomains.length)!;
  await page.getByLabel('Filter by name or domain').fill(p.otherDomains[0]!);
  await expect(items.filter({ visible: true }).first()).toContainText(p.domain);
  await page.getByLabel('Filter by name or domain').fill('163.com');
  await expect(items.filter({ visible: true }).filter({ hasText: '163.com' }).first()).toBeVisible();
});

test('the home page links the index instead of listing every provider', async ({ page }) => {
  await page.goto('/zh-cn/');
  await expect(page.locator('#providers-h + ul.cards > li')).toHaveCount(Math.min(HOME_PROVIDERS, all.filter(isCurated).length));
  await page.getByRole('link', { name: `全部 ${all.length} 家服务商` }).click();
  await expect(page).toHaveURL('/zh-cn/providers/');
});

// Issue 19: one service, one provider; hosted organisations; no template placeholder as a name.
const servedBy = (domain: string) => all.find((p) => [p.domain, ...p.otherDomains, ...p.hostedDomains].includes(domain))!;
const firstHosts = async (request: import('@playwright/test').APIRequestContext, domain: string) => {
  const xml = await (await request.get(`/v1.1/${domain}`)).text();
  const id = /<emailProvider id="([^"]+)"/.exec(xml)![1];
  const host = (tag: string) => new RegExp(`<${tag}[^>]*>[\\s\\S]*?<hostname>([^<]+)</hostname>`).exec(xml)![1];
  return { id, incoming: host('incomingServer'), outgoing: host('outgoingServer') };
};

test('services that share a brand are served their own servers: GMX.net and GMX.com, Yahoo and Yahoo Japan, Outlook.com and Microsoft 365', async ({ request }) => {
  for (const [a, b] of [['gmx.de', 'gmx.com'], ['yahoo.com', 'yahoo.co.jp'], ['hotmail.com', 'onmicrosoft.com']] as const) {
    const [x, y] = [await firstHosts(request, a), await firstHosts(request, b)];
    expect(x.id, `${a} and ${b} are different services`).not.toBe(y.id);
    expect(x.outgoing, `${a} is not served ${b}'s outgoing server`).not.toBe(y.outgoing);
    expect(x.id).toBe(servedBy(a).domain);
  }
  // Microsoft 365 tenants belong to the curated Microsoft 365 provider, not to Outlook.com.
  expect(servedBy('onmicrosoft.com').domain).toBe('office365.com');
  expect(servedBy('mail.protection.outlook.com').domain).toBe('office365.com');
  expect(isCurated(servedBy('onmicrosoft.com'))).toBe(true);
  // Each keyed by the service's main domain.
  expect(servedBy('yahoo.co.uk').domain).toBe('yahoo.com');
  expect(servedBy('hotmail.com').domain).toBe('outlook.com');
});

test('an old key keeps working: /en/123mail.org/ leads to Fastmail, keyed fastmail.com', async ({ page, request }) => {
  expect(servedBy('123mail.org').domain).toBe('fastmail.com');
  await page.goto('/en/123mail.org/');
  await expect(page).toHaveURL('/en/fastmail.com/');
  await expect(page.locator('h1')).toContainText('fastmail.com');
  expect((await request.get('/v1.1/123mail.org')).ok()).toBe(true);
  expect((await request.get('/api/v1/providers/123mail.org.json')).ok()).toBe(true);
});

test('an organisation a provider hosts keeps its autoconfig and is listed as hosted, not as the provider’s own domain', async ({ page, request }) => {
  const p = all.find((x) => x.hostedDomains.length)!;
  const org = p.hostedDomains[0]!;
  expect((await firstHosts(request, org)).id).toBe(p.domain);
  for (const [locale, hosted, own] of [['en', 'Organisations whose mail it hosts', 'Other domains of the same service'], ['zh-cn', '由它托管邮件的机构', '同一服务的其他域名']] as const) {
    await page.goto(`/${locale}/${p.domain}/`);
    await expect(page.locator('p', { hasText: hosted })).toContainText(org);
    await expect(page.locator('p', { hasText: own })).not.toContainText(org);
  }
});

test('no provider is named by an ISPDB placeholder, on any page or in the API', async ({ page }) => {
  for (const p of all) for (const n of [p.name.en, p.name['zh-cn']]) expect(n, p.domain).not.toMatch(/%[A-Z]+%/);
  for (const path of ['/en/providers/', '/zh-cn/providers/', '/en/ports/993/']) {
    await page.goto(path);
    await expect(page.locator('body')).not.toContainText('%EMAIL');
  }
});

test('provider-db’s status is shown beside its source', async ({ page }) => {
  const p = all.find((x) => x.sources.some((s) => s.status === 'BROKEN'))!;
  const source = p.sources.find((s) => s.status === 'BROKEN')!;
  await page.goto(`/en/${p.domain}/`);
  await expect(page.locator(`#source-${source.id}`)).toContainText('BROKEN');
});
