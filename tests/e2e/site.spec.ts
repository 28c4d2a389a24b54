import { test, expect } from '@playwright/test';
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providers } from './dataset.ts';

// What each provider's guides must tell the user, written from the research notes
// (research/netease-sources.md), not from the code that picks the servers.
const EXPECTED: Record<string, { imap: string; smtp: string }> = {
  '163.com': { imap: 'imap.163.com', smtp: 'smtp.163.com' },
  '126.com': { imap: 'imap.126.com', smtp: 'smtp.126.com' },
  'yeah.net': { imap: 'imap.yeah.net', smtp: 'smtp.yeah.net' },
  '188.com': { imap: 'imap.188.com', smtp: 'smtp.188.com' },
  'vip.163.com': { imap: 'imap.vip.163.com', smtp: 'smtp.vip.163.com' },
  'vip.126.com': { imap: 'imap.vip.126.com', smtp: 'smtp.vip.126.com' },
  'qiye.163.com': { imap: 'imap.qiye.163.com', smtp: 'smtp.qiye.163.com' },
};
const CLIENTS = ['outlook', 'ios', 'android'];
const GRADE_LABEL: Record<'en' | 'zh-cn', Record<string, string>> = {
  en: { confirmed: 'Confirmed', corroborated: 'Corroborated', 'single-source': 'Single source', disagree: 'Sources disagree' },
  'zh-cn': { confirmed: '已核实', corroborated: '多个来源一致', 'single-source': '仅一个来源', disagree: '来源不一致' },
};
const LOCALES = [
  { locale: 'zh-cn', lang: 'zh-CN', browser: 'zh-CN' },
  { locale: 'en', lang: 'en', browser: 'en-US' },
];

function htmlPages(dir = 'dist'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlPages(p);
    return name.endsWith('.html') ? [p] : [];
  });
}

for (const { locale, lang, browser } of LOCALES) {
  test.describe(`${locale}`, () => {
    test.use({ locale: browser });

    test(`a visitor with a ${browser} browser goes from / to a provider to its iOS guide`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(`/${locale}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.getByRole('link', { name: locale === 'en' ? 'NetEase 163 Mail' : '网易 163 免费邮箱' }).click();
      await expect(page).toHaveURL(`/${locale}/163.com/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('163.com');
      const imapRow = page.locator('#imap-993');
      await expect(imapRow).toContainText('imap.163.com');
      await expect(imapRow).toContainText(locale === 'en' ? 'Recommended' : '推荐');
      await expect(page.locator('#imap-143')).toContainText(locale === 'en' ? 'Unencrypted, not recommended' : '未加密，不推荐');
      await page.getByRole('link', { name: locale === 'en' ? /in iPhone\/iPad Mail/ : /iPhone\/iPad 邮件/ }).click();
      await expect(page).toHaveURL(`/${locale}/163.com/ios/`);
      await expect(page.locator('#incoming + dd')).toContainText('imap.163.com');
      await expect(page.locator('#incoming + dd')).toContainText('993');
      await expect(page.locator('li:has(> #step-server)')).toContainText('smtp.163.com');
    });

    test('every guide shows its provider’s recommended servers, ports and the authorization code', async ({ page }) => {
      for (const [domain, want] of Object.entries(EXPECTED)) {
        for (const client of CLIENTS) {
          await page.goto(`/${locale}/${domain}/${client}/`);
          const incoming = page.locator('#incoming + dd');
          const outgoing = page.locator('#outgoing + dd');
          await expect(incoming, `${domain} ${client}`).toContainText(want.imap);
          await expect(incoming).toContainText(/\b993\b/);
          await expect(incoming).toContainText('SSL/TLS');
          await expect(outgoing, `${domain} ${client}`).toContainText(want.smtp);
          await expect(outgoing).toContainText(/\b465\b/);
          await expect(page.locator('li:has(> #step-password)')).toContainText(locale === 'en' ? 'authorization code' : '授权码');
          // The grade the API computes from the sources is the one the page shows.
          const served = JSON.parse(readFileSync(`dist/api/v1/providers/${domain}.json`, 'utf8')) as { servers: { imap: { host: string; port: number; grade: string }[] } };
          const grade = served.servers.imap.find((s) => s.host === want.imap && s.port === 993)!.grade;
          await expect(incoming.locator('.evidence')).toHaveAttribute('data-grade', grade);
          await expect(incoming.locator('.evidence')).toContainText(GRADE_LABEL[locale as 'en' | 'zh-cn'][grade]!);
        }
      }
    });

    test('guide anchors for a support ticket exist and land on the step', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 700 });
      for (const anchor of ['incoming', 'outgoing', 'password', 'username', 'step-password', 'step-add-account', 'step-server', 'step-ssl', 'step-test', 'unsafe-login']) {
        await page.goto(`/${locale}/163.com/ios/#${anchor}`);
        await expect(page.locator(`#${anchor}`)).toBeInViewport();
      }
      await page.goto(`/${locale}/163.com/outlook/#step-new-outlook`);
      await expect(page.locator('#step-new-outlook')).toBeInViewport();
      await page.goto(`/${locale}/163.com/android/#step-gmail`);
      await expect(page.locator('#step-gmail')).toBeInViewport();
    });

    test('steps are numbered in order', async ({ page }) => {
      await page.goto(`/${locale}/126.com/android/`);
      const numbers = await page.locator('.step .step-no').allTextContents();
      expect(numbers).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    });

    test('the Unsafe Login explanation is on the provider page', async ({ page }) => {
      await page.goto(`/${locale}/163.com/#unsafe-login`);
      await expect(page.locator('#unsafe-login')).toBeInViewport();
      const section = page.locator('section:has(> #unsafe-login)');
      await expect(section).toContainText('Unsafe Login. Please contact kefu@188.com for help');
      await expect(section).toContainText('RFC 2971');
    });

    test('the language link goes to the same page in the other language', async ({ page }) => {
      await page.goto(`/${locale}/yeah.net/outlook/`);
      const other = locale === 'en' ? 'zh-cn' : 'en';
      await page.getByRole('link', { name: locale === 'en' ? '简体中文' : 'English' }).click();
      await expect(page).toHaveURL(`/${other}/yeah.net/outlook/`);
    });
  });
}

test('a domain without a trailing slash redirects to the page', async ({ page }) => {
  await page.goto('/en/163.com');
  await expect(page).toHaveURL('/en/163.com/');
});

for (const locale of ['zh-cn', 'en']) {
  test(`${locale}: a provider’s other domain redirects to its page`, async ({ page }) => {
    await page.goto(`/${locale}/googlemail.com/`);
    await expect(page).toHaveURL(`/${locale}/gmail.com/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('gmail.com');
    await expect(page.locator('main')).toContainText('googlemail.com');
  });

  test(`${locale}: confirmed values show no unconfirmed flag`, async ({ page }) => {
    await page.goto(`/${locale}/gmail.com/ios/`);
    await expect(page.locator('#incoming + dd')).toContainText('imap.gmail.com');
    await expect(page.locator('#incoming + dd')).toContainText(locale === 'en' ? 'Confirmed' : '已核实');
    await expect(page.locator('#incoming + dd .unconfirmed')).toHaveCount(0);
  });
}

test('every built page declares the language it is written in', async ({ page }) => {
  const pages = htmlPages();
  // The walk found the site: every provider's page in every language is among the files checked.
  expect(pages).toEqual(expect.arrayContaining(providers.flatMap((p) => LOCALES.map(({ locale }) => join('dist', locale, p.domain, 'index.html')))));
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const lang = html.match(/<html[^>]*\blang="([^"]+)"/)?.[1];
    const path = file.replace(/^dist/, '').replace(/index\.html$/, '');
    const want = path.startsWith('/en/') ? 'en' : 'zh-CN';
    expect(lang, path).toBe(want);
  }
  // And the browser agrees for a sample.
  await page.goto('/en/vip.126.com/android/');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
});

test('no IP address appears anywhere in the built site', () => {
  const ip = /(^|[^\d.])((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/;
  for (const file of htmlPages()) {
    const text = readFileSync(file, 'utf8');
    expect(text.match(ip)?.[0], file).toBeUndefined();
  }
});

test('every provider and other domain in the dataset has its page in both languages, each researched NetEase provider its guides', () => {
  const pages = new Set(htmlPages().map((f) => f.replace(/^dist/, '')));
  const want = LOCALES.flatMap(({ locale }) => [
    ...providers.flatMap((p) => [p.domain, ...p.otherDomains]).map((d) => `/${locale}/${d}/index.html`),
    ...Object.keys(EXPECTED).flatMap((d) => CLIENTS.map((c) => `/${locale}/${d}/${c}/index.html`)),
  ]);
  expect(want.filter((p) => !pages.has(p))).toEqual([]);
  expect(providers.map((p) => p.domain)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
});
