import { test, expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { providers } from './dataset.ts';
import { PAGEFIND_PRELOAD_ATTR } from '../../src/lib/pagefind-options.ts';
import { isCurated } from '../../src/lib/merge.ts';

async function search(page: Page, locale: string, q: string) {
  await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
  // Pagefind loads its index on the first search; on a busy machine that takes a while.
  await expect(page.locator('#status')).toContainText(q.slice(0, 10), { timeout: 15_000 });
  return page.locator('#results > li');
}

// Query → the page (and, where it matters, the section) that must come first.
const BOTH = [
  ['465', '/ports/465/'],
  ['993', '/ports/993/'],
  ['587', '/ports/587/'],
  ['110', '/ports/110/'],
  ['25', '/ports/25/'],
  ['smtp.163.com', '/163.com/'],
  ['imap.126.com', '/126.com/'],
  ['pop.yeah.net', '/yeah.net/'],
  ['Unsafe Login', '/errors/netease-unsafe-login/'],
  ['163 iPhone', '/163.com/ios/'],
  ['yeah.net outlook', '/yeah.net/outlook/'],
  ['163 Thunderbird', '/163.com/thunderbird/'],
] as const;
const ONLY = {
  'zh-cn': [
    ['授权码', '/163.com/#password'],
    ['163 苹果', '/163.com/ios/'],
    ['126 安卓', '/126.com/android/'],
  ],
  en: [['authorization code', '/163.com/#password']],
} as const;

for (const locale of ['zh-cn', 'en'] as const) {
  test.describe(`search in ${locale}`, () => {
    // One page for all the queries, typed into its search box one after another: Pagefind loads once,
    // and each query's status line says its results are shown. (?q= links are tested below.)
    test('each query puts its page (and, where it matters, the section) first', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${locale}/search/`);
      for (const [q, want] of [...BOTH, ...ONLY[locale]]) {
        await page.locator('#q').fill(q);
        await page.locator('#q').press('Enter');
        await expect(page.locator('#status'), q).toContainText(`“${q}”`, { timeout: 15_000 });
        const href = await page.locator('#results > li').first().locator('h2 a').getAttribute('href');
        expect.soft(href?.replace(/#.*/, ''), `“${q}” puts ${want} first`).toBe(`/${locale}${want.replace(/#.*/, '')}`);
        if (want.includes('#')) expect.soft(href, `“${q}” puts ${want} first`).toBe(`/${locale}${want}`);
      }
    });

    test('results are in the page’s own language and say provider, client and protocol', async ({ page }) => {
      const results = await search(page, locale, '163 iPhone');
      await expect(results.first().locator('.facets')).toContainText(locale === 'en' ? 'Setup guide' : '设置教程');
      await expect(results.first().locator('.facets')).toContainText(locale === 'en' ? '163 Mail' : '163 邮箱');
      await expect(results.first().locator('.facets')).toContainText(locale === 'en' ? 'iPhone/iPad Mail' : '苹果 iPhone/iPad 邮件');
      await expect(results.first().locator('.facets')).toContainText('IMAP');
      for (const href of await results.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(new RegExp(`^/${locale}/`));
    });

    test('a search for an app without a guide says so above the results', async ({ page }) => {
      for (const q of ['Foxmail', '网易邮箱大师']) {
        await search(page, locale, q);
        await expect(page.locator('#not-covered')).toBeVisible();
        await expect(page.locator('#not-covered')).toContainText('Foxmail');
      }
      await search(page, locale, '163 iPhone');
      await expect(page.locator('#not-covered')).toBeHidden();
    });

    test('a provider filter narrows the results', async ({ page }) => {
      const results = await search(page, locale, locale === 'en' ? 'authorization code' : '授权码');
      await expect(results.first()).toBeVisible();
      await page.locator('#filters-box > summary').click();
      await page.getByRole('group', { name: locale === 'en' ? 'Provider' : '服务商' }).getByLabel(locale === 'en' ? '126 Mail' : '126 邮箱', { exact: true }).check();
      await expect(results.first().locator('h2 a')).toHaveAttribute('href', new RegExp(`^/${locale}/126\\.com/`));
      for (const facets of await results.locator('.facets').allTextContents()) expect(facets).toContain(locale === 'en' ? '126 Mail' : '126 邮箱');
    });
  });
}

test.describe('Chinese word splitting (Pagefind extended)', () => {
  for (const q of ['发件服务器', '端口号', '收件服务器']) {
    test(`“${q}” without spaces finds pages containing it`, async ({ page }) => {
      const results = await search(page, 'zh-cn', q);
      await expect(results.first()).toBeVisible();
      const first = await results.first().locator('h2 a').getAttribute('href');
      await page.goto(first!);
      await expect(page.locator('main')).toContainText(q);
    });
  }

  for (const [locale, phrase] of [['en', 'Encryption method'], ['zh-cn', '加密方法'], ['en', 'Advanced options']] as const) {
    test(`${locale}: words written on separate source lines are indexed apart (“${phrase}”)`, async ({ page }) => {
      const results = await search(page, locale, phrase);
      await expect(results.first().locator('h2 a')).toHaveAttribute('href', new RegExp(`^/${locale}/[^/]+/outlook/`));
      await expect(results.first().locator('p').last()).toContainText(phrase);
    });
  }

  test('25 is found as 25, not only as part of longer numbers', async ({ page }) => {
    const results = await search(page, 'en', '25');
    await expect(results.first().locator('h2 a')).toHaveAttribute('href', '/en/ports/25/');
  });
});

test.describe('linkable searches treat q as text', () => {
  const payloads = ['<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', "'; window.__pwned=1; '", '<svg onload=window.__pwned=1>', 'javascript:window.__pwned=1'];
  test('each payload in ?q= is shown as typed and runs nothing', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    for (const q of payloads) {
      await page.goto(`/en/search/?q=${encodeURIComponent(q)}`);
      await expect.soft(page.locator('#q'), q).toHaveValue(q);
      await expect.soft(page.locator('#status'), q).toContainText(q);
      expect.soft(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), q).toBeUndefined();
      // The page's own inline scripts are the answer card's index and code; nothing else may be inline.
      expect.soft(await page.locator('main img, main svg, main script:not([src]):not(#answer-index):not(#answer-index + script)').count(), q).toBe(0);
    }
    expect(dialogs).toBe(0);
  });

  test('the ?q= link opens with results and keeps the query in the URL as it changes', async ({ page }) => {
    await page.goto('/zh-cn/search/?q=465');
    await expect(page.locator('#q')).toHaveValue('465');
    await expect(page.locator('#results > li').first().locator('h2 a')).toHaveAttribute('href', '/zh-cn/ports/465/');
    await page.locator('#q').fill('993');
    await expect(page).toHaveURL(/\?q=993$/);
    await expect(page.locator('#results > li').first().locator('h2 a')).toHaveAttribute('href', '/zh-cn/ports/993/');
  });
});

test.describe('address lookup', () => {
  for (const locale of ['zh-cn', 'en'] as const) {
    // One test for the five, in one browser context: each starts again from the home page.
    test(`${locale}: an address, a domain or a server name in the home page box goes to its provider`, async ({ page }) => {
      for (const [typed, domain] of [['someone@126.com', '126.com'], ['126.com', '126.com'], ['SomeOne@VIP.163.com ', 'vip.163.com'], ['smtp.yeah.net', 'yeah.net'], ['me@foxmail.com', 'qq.com']] as const) {
        await page.goto(`/${locale}/`);
        await page.getByLabel(locale === 'en' ? 'Your email address or domain' : '你的邮箱地址或域名').fill(typed);
        await page.getByRole('button', { name: locale === 'en' ? 'Show settings' : '查看设置' }).click();
        // An address travels on to the provider's page (issue 11); a domain or server name does not.
        await expect.soft(page, typed).toHaveURL(typed.includes('@') ? `/${locale}/${domain}/?address=${typed.trim().toLowerCase()}` : `/${locale}/${domain}/`);
      }
    });

    test(`${locale}: an unknown domain gets the generic steps and a search for it`, async ({ page }) => {
      await page.goto(`/${locale}/`);
      await page.locator('#lookup-input').fill('me@example.org');
      await page.locator('#lookup-input').press('Enter');
      const unknown = page.locator('.lookup [data-lookup-unknown]');
      await expect(unknown).toBeVisible();
      await expect(unknown).toContainText('example.org');
      await expect(unknown.locator('li')).toHaveCount(3);
      await expect(unknown.getByRole('link')).toHaveAttribute('href', `/${locale}/search/?q=example.org`);
      await expect(page).toHaveURL(`/${locale}/`);
    });

    test(`${locale}: an invalid address gets a clear message`, async ({ page }) => {
      await page.goto(`/${locale}/`);
      for (const bad of ['me@', 'me@@163.com', 'not an address', '<b>x</b>@163.com']) {
        await page.locator('#lookup-input').fill(bad);
        await page.locator('#lookup-input').press('Enter');
        await expect(page.locator('.lookup [data-lookup-invalid]')).toBeVisible();
        await expect(page.locator('#lookup-input')).toHaveAttribute('aria-invalid', 'true');
        await expect(page).toHaveURL(`/${locale}/`);
      }
    });
  }

  test('an address typed into the header search box goes to its provider', async ({ page }) => {
    await page.goto('/en/ports/');
    await page.locator('#site-search').fill('someone@126.com');
    await page.locator('#site-search').press('Enter');
    await expect(page).toHaveURL('/en/126.com/?address=someone@126.com');
  });

  test('an unknown address in the search box gets the generic steps above the results', async ({ page }) => {
    await page.goto('/zh-cn/search/?q=' + encodeURIComponent('me@example.org'));
    await expect(page.locator('#search [data-lookup-unknown]')).toBeVisible();
    await expect(page.locator('#search [data-lookup-unknown]')).toContainText('example.org');
  });
});

test.describe('keyboard only', () => {
  test('/ opens search; Enter searches; Tab reaches the first result; Enter follows it', async ({ page }) => {
    await page.goto('/en/163.com/');
    await page.keyboard.press('/');
    await expect(page.locator('#site-search')).toBeFocused();
    await page.keyboard.type('465');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/en/search/?q=465');
    // Pagefind loads its index on the first search; on a busy machine that takes a while.
    await expect(page.locator('#results > li').first()).toBeVisible({ timeout: 15_000 });
    await page.locator('#q').focus();
    // Past the search button, any filter boxes, to the first result link.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.locator('#results > li').first().locator('h2 a').evaluate((a) => a === document.activeElement)) break;
    }
    await expect(page.locator('#results > li').first().locator('h2 a')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/en/ports/465/');
  });

  test('Ctrl+K focuses the search box', async ({ page }) => {
    await page.goto('/zh-cn/');
    await page.keyboard.press('Control+k');
    await expect(page.locator('#site-search')).toBeFocused();
  });
});

test.describe('filters filter', () => {
  for (const [locale, guide, port, provider] of [['en', 'Setup guide', 'Port', 'Provider settings'], ['zh-cn', '设置教程', '端口', '服务商设置']] as const) {
    test(`${locale}: “993” with only “${guide}” ticked shows guides only, and counts only them`, async ({ page }) => {
      const results = await search(page, locale, '993');
      await expect(results.first().locator('h2 a')).toHaveAttribute('href', `/${locale}/ports/993/`);
      await page.getByText(locale === 'en' ? 'Filter results' : '筛选结果').click();
      await page.getByRole('group', { name: locale === 'en' ? 'Page type' : '页面类型' }).getByLabel(guide, { exact: true }).check();
      await expect(results.first().locator('.facets')).toContainText(guide);
      const facets = await results.locator('.facets').allTextContents();
      expect(facets.length).toBeGreaterThan(0);
      for (const f of facets) {
        expect(f).toContain(guide);
        expect(f).not.toContain(provider);
        expect(f.split(' · ')).not.toContain(port);
      }
      for (const href of await results.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(new RegExp(`^/${locale}/[^/]+/[^/]+/`));
      // The count is of what the filter lets through, not of every page that matched.
      const shown = Number((await page.locator('#status').textContent())!.match(/\d+/)![0]);
      expect(shown).toBeGreaterThanOrEqual(facets.length);
      await page.getByRole('group', { name: locale === 'en' ? 'Page type' : '页面类型' }).getByLabel(guide, { exact: true }).uncheck();
      await expect(results.first().locator('h2 a')).toHaveAttribute('href', `/${locale}/ports/993/`);
      expect(Number((await page.locator('#status').textContent())!.match(/\d+/)![0])).toBeGreaterThan(shown);
    });
  }
});

test.describe('a query nothing answers', () => {
  // Pagefind stands in the longest indexed prefix for an unknown word: "a" for the first, 发 for the second.
  for (const [locale, q] of [['en', 'Axxxxxxxx'], ['zh-cn', '发票'], ['en', 'qqqzzzjjj']] as const) {
    test(`${locale}: “${q}” says nothing matches and offers the port list and the lookup`, async ({ page }) => {
      await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
      await expect(page.locator('#status')).toHaveText(`${locale === 'en' ? 'No results for' : '没有找到结果：'} “${q}”`);
      await expect(page.locator('#results > li')).toHaveCount(0);
      const instead = page.locator('#instead');
      await expect(instead).toBeVisible();
      await expect(instead.getByRole('link', { name: locale === 'en' ? 'Browse the common ports' : '查看常用端口列表' })).toHaveAttribute('href', `/${locale}/ports/`);
      await instead.getByRole('link', { name: locale === 'en' ? 'Look up the settings by email address' : '按邮箱地址查找设置' }).click();
      await expect(page).toHaveURL(`/${locale}/#lookup-h`);
      await expect(page.locator('#lookup-input')).toBeVisible();
    });
  }

  test('the offer goes away once the query matches', async ({ page }) => {
    await page.goto('/en/search/?q=Axxxxxxxx');
    await expect(page.locator('#instead')).toBeVisible();
    await page.locator('#q').fill('465');
    await expect(page.locator('#results > li').first().locator('h2 a')).toHaveAttribute('href', '/en/ports/465/');
    await expect(page.locator('#instead')).toBeHidden();
  });

  test('one result is “1 result”', async ({ page }) => {
    // The preference name is only on the autoconfig page.
    const results = await search(page, 'en', 'mailnews.auto_config_url');
    await expect(page.locator('#status')).toHaveText('1 result for “mailnews.auto_config_url”');
    await expect(results).toHaveCount(1);
  });
});

test.describe('the lookup when its map does not load', () => {
  for (const locale of ['zh-cn', 'en'] as const) {
    test(`${locale}: says so, and works on the next try`, async ({ page }) => {
      await page.route('**/lookup/*.json', (route) => route.abort());
      await page.goto(`/${locale}/`);
      await page.locator('#lookup-input').fill('someone@126.com');
      await page.locator('#lookup-input').press('Enter');
      await expect(page.locator('.lookup [data-lookup-failed]')).toBeVisible();
      await expect(page).toHaveURL(`/${locale}/`);
      await page.unroute('**/lookup/*.json');
      await page.locator('#lookup-input').press('Enter');
      await expect(page).toHaveURL(`/${locale}/126.com/?address=someone@126.com`);
    });
  }
});

test('results come five at a time, as in Pagefind’s own interface; “More results” adds the next ones', async ({ page }) => {
  const results = await search(page, 'en', '465');
  await expect(results.first().locator('h2 a')).toHaveAttribute('href', '/en/ports/465/');
  await expect(results).toHaveCount(5);
  const first = await results.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await page.getByRole('button', { name: 'More results' }).click();
  await expect(results).toHaveCount(10);
  const all = await results.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(all.slice(0, 5)).toEqual(first);
  expect(new Set(all).size).toBe(10);
});

test('an empty search page downloads no search index until something is typed, then searches', async ({ page }) => {
  const index: string[] = [];
  page.on('request', (r) => {
    if (/(\.(pf_meta|pf_index|pf_fragment|pagefind)|pagefind-entry\.json)$/.test(new URL(r.url()).pathname)) index.push(r.url());
  });
  await page.goto('/en/search/');
  await expect(page.locator('#status')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');
  expect(index).toEqual([]);
  await page.locator('#q').fill('993');
  await expect(page.locator('#results > li').first().locator('h2 a')).toHaveAttribute('href', '/en/ports/993/', { timeout: 15_000 });
  expect(index.length).toBeGreaterThan(0);
});
for (const locale of ['zh-cn', 'en'] as const) {
  test(`${locale}: a ?q= link preloads the files Pagefind reads first and downloads none of them twice`, async ({ page }) => {
    const requested: string[] = [];
    page.on('requestfinished', async (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/')) requested.push(`${(await r.response())?.status()} ${r.url()}`);
    });
    await page.goto(`/${locale}/search/?q=465`);
    await expect(page.locator('#results > li').first().locator('h2 a')).toHaveAttribute('href', `/${locale}/ports/465/`, { timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const preload = await page.locator(`script[${PAGEFIND_PRELOAD_ATTR}]`).getAttribute(PAGEFIND_PRELOAD_ATTR);
    const files = preload!.split(' ');
    // The entry file, this language's metadata and its WebAssembly, as the build found them in the index.
    expect(files).toHaveLength(3);
    for (const file of files) expect(requested.filter((r) => r.endsWith(file)), file).toEqual([`200 ${new URL(file, page.url()).href}`]);
    expect(requested.filter((r, i) => requested.indexOf(r) !== i)).toEqual([]);
    // Pagefind runs on the page itself: its worker script is not downloaded.
    expect(requested.filter((r) => r.includes('pagefind-worker'))).toEqual([]);
  });
}
// The imported providers' guides stay out of the search index (src/lib/guide.ts guidesSearchable), which
// keeps a first search small; their provider page must still answer a search for the provider.
const imported = providers.filter((p) => !isCurated(p));
const curated = providers.filter(isCurated);

test('the index holds every provider page and the curated providers’ guides, not the imported providers’ guides', () => {
  const indexed = (path: string) => readFileSync(`dist/${path}index.html`, 'utf8').includes('data-pagefind-body');
  expect(imported.length).toBeGreaterThan(0);
  for (const locale of ['zh-cn', 'en']) {
    for (const p of providers) expect(indexed(`${locale}/${p.domain}/`), `${locale}/${p.domain}/`).toBe(true);
    for (const [ps, want] of [[curated, true], [imported, false]] as const) {
      const guides = ps.map((p) => `${locale}/${p.domain}/ios/`).filter((path) => existsSync(`dist/${path}index.html`));
      expect(guides.length).toBeGreaterThan(0);
      for (const path of guides) expect(indexed(path), path).toBe(want);
    }
  }
});

// First, middle and last imported provider in dataset order.
for (const p of [imported[0]!, imported[Math.floor(imported.length / 2)]!, imported.at(-1)!]) {
  for (const locale of ['zh-cn', 'en'] as const) {
    test(`${locale}: the imported provider ${p.domain} is found by its name, its domains and its servers`, async ({ page }) => {
      const hosts = [...new Set((['imap', 'pop3', 'smtp'] as const).flatMap((k) => p.servers[k].map((s) => s.host)))];
      // Typed one after another into one search page, as the first test does: Pagefind loads once.
      await page.goto(`/${locale}/search/`);
      const shown = async (q: string) => {
        await page.locator('#q').fill(q);
        await page.locator('#q').press('Enter');
        await expect(page.locator('#status'), q).toContainText(`“${q}”`, { timeout: 15_000 });
        const results = page.locator('#results > li');
        await expect(results.first()).toBeVisible();
        return results.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.replace(/#.*/, '')));
      };
      // Several imported providers can share a name or a server: then it finds one of their pages.
      const pagesOf = (has: (o: (typeof providers)[number]) => boolean) => providers.filter(has).map((o) => `/${locale}/${o.domain}/`);
      const serves = (o: (typeof providers)[number], host: string) => (['imap', 'pop3', 'smtp'] as const).some((k) => o.servers[k].some((s) => s.host === host));
      const queries: [string, string[]][] = [
        [p.name[locale], pagesOf((o) => o.name[locale] === p.name[locale])],
        ...[p.domain, ...p.otherDomains.slice(0, 2)].map((d): [string, string[]] => [d, [`/${locale}/${p.domain}/`]]),
        ...hosts.map((h): [string, string[]] => [h, pagesOf((o) => serves(o, h))]),
      ];
      for (const [q, want] of queries) {
        const got = await shown(q);
        expect(got.filter((href) => want.includes(href)), `“${q}” shows ${got.join(', ')}`).not.toHaveLength(0);
      }
    });
  }
}
