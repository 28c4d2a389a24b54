import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

// The dataset's SMTP servers on a port, one entry per (provider, host): what the port page must link.
function smtpServersOn(port: number): { domain: string; host: string }[] {
  const dir = 'src/data/providers';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const p = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { domain: string; servers: { smtp: { host: string; port: number }[] } };
      return p.servers.smtp.filter((s) => s.port === port).map((s) => ({ domain: p.domain, host: s.host }));
    });
}

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
  for (const { port, en, rfc, blocked } of PORTS) {
    test(`${locale} port ${port}: protocol, TLS mode with its RFC, blocking`, async ({ page }) => {
      await page.goto(`/${locale}/ports/${port}/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(String(port));
      await expect(page.getByRole('heading', { level: 1 })).toContainText(en);
      await expect(page.getByRole('link', { name: rfc })).toHaveAttribute('href', `https://www.rfc-editor.org/rfc/${rfc.toLowerCase().replace(' ', '')}`);
      await expect(page.locator('main')).toContainText(port === 465 || port === 993 || port === 995 ? 'SSL/TLS' : port === 587 ? 'STARTTLS' : locale === 'en' ? 'Unencrypted' : '不加密');
      await expect(page.locator('.warn', { hasText: locale === 'en' ? 'block' : '封锁' })).toHaveCount(blocked ? 1 : 0);
    });
  }

  test(`${locale}: the port index lists every port, and 994 (NetEase's extra SMTP SSL port)`, async ({ page }) => {
    await page.goto(`/${locale}/ports/`);
    for (const port of [...PORTS.map((p) => p.port), 994]) await expect(page.getByRole('link', { name: String(port), exact: true })).toBeVisible();
  });

  test(`${locale}: port 465 links every provider that uses it, to the right row`, async ({ page }) => {
    await page.goto(`/${locale}/ports/465/`);
    const links = page.locator('main ul li a[href$="/#smtp-465"]');
    // One link per host on 465: providers with two hosts there (e.g. NetEase Enterprise's data centres) get two.
    const expected = smtpServersOn(465);
    expect(expected.map((s) => s.domain)).toContain('163.com');
    await expect(links).toHaveCount(expected.length);
    const providers = new Set((await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map((h) => h!.split('/')[2]));
    expect([...providers].sort()).toEqual([...new Set(expected.map((s) => s.domain))].sort());
    await links.and(page.locator(`a[href^="/${locale}/163.com/"]`)).first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/163\\.com/#smtp-465$`));
    await expect(page.locator('#smtp-465')).toContainText('smtp.163.com');
  });
}

test('port 587 lists Gmail and QQ Mail with STARTTLS, and no NetEase provider', async ({ page }) => {
  await page.goto('/en/ports/587/');
  const items = page.locator('#providers + ul > li');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'smtp.gmail.com' })).toContainText('STARTTLS');
  await expect(items.filter({ hasText: 'smtp.qq.com' })).toContainText('STARTTLS');
  await expect(items.filter({ hasText: 'smtp.qq.com' })).toContainText('Unconfirmed');
});
