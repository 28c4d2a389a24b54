import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { usesOf } from './dataset.ts';
import { isCurated } from '../../src/lib/merge.ts';

const PORTS = [
  { port: 25, en: 'SMTP', rfc: 'RFC 5321', blocked: true },
  { port: 110, en: 'POP3', rfc: 'RFC 1939', blocked: false },
  { port: 143, en: 'IMAP', rfc: 'RFC 9051', blocked: false },
  { port: 465, en: 'SMTP', rfc: 'RFC 8314', blocked: false },
  { port: 587, en: 'SMTP', rfc: 'RFC 6409', blocked: false },
  { port: 993, en: 'IMAP', rfc: 'RFC 8314', blocked: false },
  { port: 995, en: 'POP3', rfc: 'RFC 8314', blocked: false },
];

for (const locale of ['zh-cn', 'en']) {
  // The seven pages one after another in one browser context; a failure names its port.
  test(`${locale}: each port page gives the protocol, the TLS mode with its RFC, and blocking`, async ({ page }) => {
    for (const { port, en, rfc, blocked } of PORTS) {
      const at = `port ${port}`;
      await page.goto(`/${locale}/ports/${port}/`);
      await expect.soft(page.getByRole('heading', { level: 1 }), at).toContainText(String(port));
      await expect.soft(page.getByRole('heading', { level: 1 }), at).toContainText(en);
      await expect.soft(page.getByRole('link', { name: rfc }), at).toHaveAttribute('href', `https://www.rfc-editor.org/rfc/${rfc.toLowerCase().replace(' ', '')}`);
      await expect.soft(page.locator('main'), at).toContainText(port === 465 || port === 993 || port === 995 ? 'SSL/TLS' : port === 587 ? 'STARTTLS' : locale === 'en' ? 'Unencrypted' : '不加密');
      await expect.soft(page.locator('.warn', { hasText: locale === 'en' ? 'block' : '封锁' }), at).toHaveCount(blocked ? 1 : 0);
    }
  });

  test(`${locale}: the port index lists every port, and 994 (NetEase's extra SMTP SSL port)`, async ({ page }) => {
    await page.goto(`/${locale}/ports/`);
    for (const port of [...PORTS.map((p) => p.port), 994]) await expect(page.getByRole('link', { name: String(port), exact: true })).toBeVisible();
  });

  test(`${locale}: port 465 links every provider that uses it, to the right row`, async ({ page }) => {
    await page.goto(`/${locale}/ports/465/`);
    // The curated providers are listed in full, one link per server (NetEase Enterprise Mail has two hosts on 465); imported ones are folded away by name below them.
    const links = page.locator('#providers + ul > li > a[href*="#smtp-465"]');
    const uses = usesOf('smtp', 465).filter((u) => isCurated(u.provider));
    expect(uses.map((u) => u.provider.domain)).toEqual(expect.arrayContaining(['163.com', 'gmail.com', 'qiye.163.com']));
    await expect(links).toHaveCount(uses.length);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(uses.map((u) => `/${locale}/${u.provider.domain}/#smtp-465`));
    await links.first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/163\\.com/#smtp-465$`));
    await expect(page.locator('#smtp-465')).toContainText('smtp.163.com');
  });
}

test('port 587 lists Gmail and QQ Mail with STARTTLS, and no NetEase provider', async ({ page }) => {
  await page.goto('/en/ports/587/');
  // The curated providers are listed in full; imported ones are folded away by name below them.
  const items = page.locator('#providers + ul > li');
  const uses = usesOf('smtp', 587).filter((u) => isCurated(u.provider));
  await expect(items).toHaveCount(uses.length);
  // One item per provider and server: smtp.gmail.com serves Gmail and Google Workspace alike.
  for (const { provider, server } of uses) {
    await expect(items.filter({ hasText: server.host })).toHaveCount(uses.filter((u) => u.server.host === server.host).length);
    expect(await items.filter({ hasText: server.host }).filter({ hasText: provider.name.en }).count(), provider.domain).toBeGreaterThan(0);
  }
  expect(uses.filter((u) => u.provider.operator?.en === 'NetEase')).toEqual([]);
  for (const item of await items.filter({ hasText: 'smtp.gmail.com' }).all()) await expect(item).toContainText('STARTTLS');
  for (const item of await items.filter({ hasText: 'smtp.qq.com' }).all()) await expect(item).toContainText('STARTTLS');
  // Flagged only if its grade (from the API) calls for attention.
  const qq = JSON.parse(readFileSync('dist/api/v1/providers/qq.com.json', 'utf8')) as { servers: { smtp: { port: number; grade: string }[] } };
  const grade = qq.servers.smtp.find((s) => s.port === 587)!.grade;
  // Only sources that disagree are flagged; one source is often all there is, and the provider page names it.
  if (grade === 'disagree') await expect(items.filter({ hasText: 'smtp.qq.com' })).toContainText('Sources disagree');
  else await expect(items.filter({ hasText: 'smtp.qq.com' }).locator('.unconfirmed')).toHaveCount(0);
});
