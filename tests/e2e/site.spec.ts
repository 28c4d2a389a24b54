import { test, expect } from '@playwright/test';
import { providers, type DataProvider } from './dataset.ts';
import { isCurated } from '../../src/lib/merge.ts';

const allServers = (p: DataProvider) => [...p.servers.imap, ...p.servers.pop3, ...p.servers.smtp];

// Fixed representatives, each chosen by what the data says about it.
const SAMPLE = [
  ...['163.com', 'qq.com', 'gmail.com'].map((d) => providers.find((p) => p.domain === d)!),
  providers.find((p) => !isCurated(p) && p.password?.kind !== 'oauth-only' && allServers(p).some((s) => s.security !== 'none'))!,
  providers.find((p) => p.password?.kind === 'oauth-only')!,
  providers.find((p) => allServers(p).every((s) => s.security === 'none'))!,
];
const LOCALES = [
  { locale: 'zh-cn', lang: 'zh-CN', browser: 'zh-CN' },
  { locale: 'en', lang: 'en', browser: 'en-US' },
];

for (const { locale, lang, browser } of LOCALES) {
  test.describe(`${locale}`, () => {
    test.use({ locale: browser });

    test(`a visitor with a ${browser} browser goes from / to a provider to its iOS guide`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(`/${locale}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Home lists the most used providers by the short name people know (from the data).
      const p163 = providers.find((p) => p.domain === '163.com')!;
      await page.getByRole('link', { name: p163.shortName[locale as 'en'], exact: true }).first().click();
      await expect(page).toHaveURL(`/${locale}/163.com/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('163.com');
      const imapRow = page.locator('#imap-993');
      await expect(imapRow).toContainText('imap.163.com');
      await expect(imapRow).toContainText(locale === 'en' ? 'Recommended' : '推荐');
      await expect(page.locator('#imap-143')).toContainText(locale === 'en' ? 'Unencrypted, not recommended' : '未加密，不推荐');
      await page.getByRole('link', { name: locale === 'en' ? /iPhone\/iPad Mail/ : /iPhone\/iPad 邮件/ }).first().click();
      await expect(page).toHaveURL(`/${locale}/163.com/ios/`);
      await expect(page.locator('#incoming + dd')).toContainText('imap.163.com');
      await expect(page.locator('#incoming + dd')).toContainText('993');
      await expect(page.locator('li:has(> #step-server)')).toContainText('smtp.163.com');
    });

    // Every guide of the researched NetEase providers is checked in its HTML (tests/build/pages.test.ts);
    // here a fixed sample, chosen by what the data says of each, as the browser shows it.
    test('a sample of guides shows servers of the provider, each with the grade the API gives it', async ({ page }) => {
      for (const provider of SAMPLE) {
        await page.goto(`/${locale}/${provider.domain}/ios/`);
        for (const [side, protocols] of [['incoming', ['imap', 'pop3']], ['outgoing', ['smtp']]] as const) {
          const dd = page.locator(`#${side} + dd`);
          const shown = (await dd.textContent()) ?? '';
          const servers = protocols.flatMap((p) => provider.servers[p]);
          const server = servers.find((s) => shown.includes(s.host) && new RegExp(`\\b${s.port}\\b`).test(shown));
          expect(server, `${provider.domain} ${side}: ${shown}`).toBeDefined();
          await expect(dd.locator('.evidence').first()).toHaveAttribute('data-grade', server!.grade);
          // Only sources that disagree are coloured.
          await expect(dd.locator('.unconfirmed')).toHaveCount(server!.grade === 'disagree' ? 1 : 0);
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

  test(`${locale}: a confirmed value names the provider's page whose words confirm it, unflagged`, async ({ page }) => {
    // The first provider (in the API's order) whose first IMAP server an official page's quote confirms.
    const p = providers.find((x) => x.password?.kind !== 'oauth-only' && x.servers.imap[0]?.grade === 'confirmed' && x.servers.imap[0].security === 'ssl/tls');
    expect(p, 'some provider has an IMAP server confirmed by its own page').toBeDefined();
    await page.goto(`/${locale}/${p!.domain}/ios/`);
    await expect(page.locator('#incoming + dd .evidence')).toHaveAttribute('data-grade', 'confirmed');
    await expect(page.locator('#incoming + dd')).toContainText(p!.servers.imap[0]!.host);
    await expect(page.locator('#incoming + dd .evidence')).toContainText(p!.shortName[locale as 'en']);
    await expect(page.locator('#incoming + dd .unconfirmed')).toHaveCount(0);
  });
}

// Every built page's lang, the absence of IP addresses and the pages every provider gets are checked
// over the files (tests/build/pages.test.ts); the browser agrees for a sample.
test('the browser reads the language a page declares', async ({ page }) => {
  await page.goto('/en/vip.126.com/android/');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.goto('/zh-cn/vip.126.com/android/');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
});
