// DNS pages, the record checker and the opt-in MX lookup, without the internet: the resolvers'
// requests are answered here, by route interception, in each resolver's JSON format
// (developers.cloudflare.com/1.1.1.1/encryption/dns-over-https/make-api-requests/dns-json/;
// AliDNS's /resolve answers the same fields, with Question as one object).
import { test, expect, type Page, type Route } from '@playwright/test';
import { readDataset } from '../../src/integrations/read-dataset.ts';
import { t } from '../../src/lib/i18n.ts';
import { LOCALES, type Locale } from '../../src/data/locales.ts';
import { gradeOf } from '../../src/lib/evidence.ts';
import { RESOLVERS, TYPE, DEFAULT_RESOLVER } from '../../src/lib/doh.ts';

// The dataset as the build sees it (src/data/index.ts needs Vite, so it is read here the way npm run validate reads it).
const { providers, dns: dnsRecords } = readDataset();

/** Page loads after a click can be slow when the machine is busy; the URL must still be exactly this. */
const NAV = { timeout: 20_000 };
const RESOLVER_URLS = /^https:\/\/(dns\.alidns\.com\/resolve|cloudflare-dns\.com\/dns-query)\?/;

/** A fake DNS: name → records by type. Anything not listed is NXDOMAIN. */
type Zone = Record<string, { MX?: string[]; TXT?: string[] }>;

function answerFor(url: URL, zone: Zone) {
  const name = url.searchParams.get('name')!;
  const type = Number(url.searchParams.get('type'));
  const kind = (Object.keys(TYPE) as (keyof typeof TYPE)[]).find((k) => TYPE[k] === type)!;
  const cloudflare = url.hostname === 'cloudflare-dns.com';
  const question = { name: `${name}.`, type };
  const entry = zone[name];
  const base = { TC: false, RD: true, RA: true, AD: false, CD: false, Question: cloudflare ? [question] : question };
  if (!entry) return { Status: 3, ...base };
  // Cloudflare quotes TXT strings; the other path (bare text) is what AliDNS-style answers are read as too.
  const data = (entry[kind] ?? []).map((d) => (kind === 'TXT' && cloudflare ? `"${d.replace(/"/g, '\\"')}"` : d));
  return { Status: 0, ...base, ...(data.length ? { Answer: data.map((d) => ({ name: `${name}.`, type, TTL: 600, data: d })) } : {}) };
}

/** Answers every resolver request from `zone`, and records which were made. */
async function fakeDns(page: Page, zone: Zone): Promise<URL[]> {
  const asked: URL[] = [];
  await page.route(RESOLVER_URLS, async (route: Route) => {
    const url = new URL(route.request().url());
    asked.push(url);
    await route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(answerFor(url, zone)) });
  });
  return asked;
}

const mxOf = (provider: string) =>
  dnsRecords
    .find((d) => d.provider === provider)!
    .records.filter((r) => r.type === 'MX')
    .map((r) => `${r.priority} ${r.value.replace(/<[^>]+>/g, 'mycompany-cn')}.`);

async function lookUp(page: Page, locale: Locale, address: string) {
  await page.goto(`/${locale}/`);
  await page.locator('#lookup-input').fill(address);
  await page.locator('#lookup-input').press('Enter');
  await expect(page.getByRole('button', { name: t(locale).mxButton })).toBeVisible();
}

for (const locale of LOCALES) {
  const s = t(locale);

  test.describe(`DNS pages (${locale})`, () => {
    // Every DNS page's records and grades, and the link to it, are checked in the HTML (tests/build/pages.test.ts);
    // in the browser, the provider with the most records, chosen by what the data says.
    for (const dns of [[...dnsRecords].sort((a, b) => b.records.length - a.records.length)[0]!]) {
      test(`${dns.provider}: every record, its grade and the link from the provider page`, async ({ page }) => {
        const provider = providers.find((p) => p.domain === dns.provider)!;
        await page.goto(`/${locale}/${dns.provider}/`);
        await page.getByRole('link', { name: s.dnsLink(provider.shortName[locale]) }).click();
        await expect(page).toHaveURL(`/${locale}/${dns.provider}/dns/`, NAV);
        await expect(page.locator('h1')).toHaveText(s.dnsTitle(provider.name[locale]));
        for (const r of dns.records) {
          const row = page.locator('table.records tr', { has: page.locator('code.record-value', { hasText: r.value }) }).first();
          await expect(row.locator('td').first()).toHaveText(r.type);
          await expect(row.locator('.evidence')).toHaveAttribute('data-grade', gradeOf(r, dns.sources));
          if (r.priority !== undefined) await expect(row).toContainText(String(r.priority));
        }
      });
    }

    test('a copy button copies the record exactly as written', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-write']);
      // The site's Permissions-Policy forbids reading the clipboard, so the test records what is written.
      await page.addInitScript(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text: string) => {
          (window as unknown as { __copied: string }).__copied = text;
          return write(text);
        };
      });
      const dns = dnsRecords.find((d) => d.provider === 'office365.com')!;
      const spf = dns.records.find((r) => r.purpose === 'spf')!.value;
      await page.goto(`/${locale}/office365.com/dns/`);
      await page.locator(`button[data-copy="${spf}"]`).click();
      await expect(page.locator(`button[data-copy="${spf}"]`)).toHaveText(s.dnsCopied);
      expect(await page.evaluate(() => (window as unknown as { __copied: string }).__copied)).toBe(spf);
    });
  });

  test.describe(`record checker (${locale})`, () => {
    const provider = 'qiye.163.com';
    const finding = (id: keyof typeof s.dnsFinding) => `[data-finding="${id}"]`;

    test('sends nothing before the click, then asks the default resolver for MX, TXT and _dmarc', async ({ page }) => {
      const asked = await fakeDns(page, { 'good.cn': { MX: mxOf(provider), TXT: ['v=spf1 include:spf.163.com -all'] }, '_dmarc.good.cn': { TXT: ['v=DMARC1; p=none; rua=mailto:it@good.cn'] } });
      await page.goto(`/${locale}/${provider}/dns/`);
      await page.locator('#dns-domain').fill('good.cn');
      await page.waitForTimeout(300);
      expect(asked).toEqual([]);
      await page.getByRole('button', { name: s.dnsCheckButton }).click();
      await expect(page.locator('[data-dns-result] h3')).toHaveText(s.dnsResultFor('good.cn'));
      for (const id of ['ok-mx', 'ok-spf', 'ok-dmarc'] as const) await expect(page.locator(finding(id))).toContainText(s.dnsFinding[id]);
      const origin = RESOLVERS.find((r) => r.id === DEFAULT_RESOLVER[locale])!.origin;
      expect(asked.map((u) => `${u.origin} ${u.searchParams.get('name')} ${u.searchParams.get('type')}`).sort()).toEqual([`${origin} _dmarc.good.cn 16`, `${origin} good.cn 15`, `${origin} good.cn 16`]);
    });

    test('says exactly what is wrong with broken records, as text', async ({ page }) => {
      await fakeDns(page, {
        'broken.cn': { MX: ['10 mxbiz1.qq.com.', ...mxOf(provider)], TXT: ['v=spf1 include=spf.163.com +all', 'v=spf1 include:spf.mail.qq.com ~all', 'v=DMARC1; p=none'] },
      });
      await page.goto(`/${locale}/${provider}/dns/`);
      await page.locator('#dns-domain').fill('broken.cn');
      await page.getByRole('button', { name: s.dnsCheckButton }).click();
      await expect(page.locator('[data-dns-result] h3')).toBeVisible();
      for (const id of ['mx-mixed', 'spf-multiple', 'spf-include-equals', 'spf-plus-all', 'spf-include-missing', 'dmarc-at-root'] as const) await expect(page.locator(finding(id))).toContainText(s.dnsFinding[id]);
      await expect(page.locator(finding('spf-include-equals')).locator('pre')).toHaveText('include=spf.163.com');
      await expect(page.locator(finding('mx-mixed')).locator('pre')).toHaveText('10 mxbiz1.qq.com');
    });

    test('a record with markup in it is shown as text', async ({ page }) => {
      await fakeDns(page, { 'inject.cn': { MX: mxOf(provider), TXT: ['v=spf1 <img src=x onerror=alert(1)> -all'] } });
      await page.goto(`/${locale}/${provider}/dns/`);
      await page.locator('#dns-domain').fill('inject.cn');
      await page.getByRole('button', { name: s.dnsCheckButton }).click();
      await expect(page.locator(finding('spf-include-missing'))).toBeVisible();
      await expect(page.locator('[data-dns-result] img')).toHaveCount(0);
      await expect(page.locator(finding('spf-plus-all'))).toHaveCount(0);
    });

    test('a resolver that fails, or never answers, is named on the page and the other can be chosen', async ({ page }) => {
      const [first, second] = locale === 'en' ? ['cloudflare', 'alidns'] : ['alidns', 'cloudflare'];
      const byId = (id: string) => RESOLVERS.find((r) => r.id === id)!;
      await page.route(RESOLVER_URLS, (route) => (route.request().url().startsWith(byId(first).origin) ? route.fulfill({ status: 502, body: 'Bad gateway' }) : undefined));
      // The page's own timers, so the test can move past the resolver's timeout instead of waiting it out.
      await page.clock.install();
      await page.goto(`/${locale}/${provider}/dns/`);
      await page.locator('#dns-domain').fill('mycompany.cn');
      await page.getByRole('button', { name: s.dnsCheckButton }).click();
      await expect(page.locator('[data-dns-result]')).toHaveText(s.dnsFailed(byId(first).name, s.dnsFailure.http('502')));
      // The other resolver hangs: the page gives up after its timeout and says so.
      await page.unroute(RESOLVER_URLS);
      await page.route(RESOLVER_URLS, () => {});
      await page.getByLabel(byId(second).name).check();
      await page.getByRole('button', { name: s.dnsCheckButton }).click();
      await expect(page.locator('[data-dns-result]')).toHaveText(s.dnsChecking);
      await page.clock.fastForward(7_000);
      await expect(page.locator('[data-dns-result]')).toHaveText(s.dnsChecking);
      await page.clock.fastForward(1_500);
      await expect(page.locator('[data-dns-result]')).toHaveText(s.dnsFailed(byId(second).name, s.dnsFailure.timeout('8')));
      await expect(page.locator('table.records').first()).toBeVisible();
    });
  });

  test.describe(`MX lookup for an unknown domain (${locale})`, () => {
    test('name@mycompany.cn on NetEase enterprise mail reaches its page with the address, after one click', async ({ page }) => {
      const asked = await fakeDns(page, { 'mycompany.cn': { MX: mxOf('qiye.163.com') } });
      await lookUp(page, locale, 'name@mycompany.cn');
      await expect(page.locator('[data-lookup-unknown]')).toBeVisible();
      expect(asked).toEqual([]);
      await page.getByRole('button', { name: s.mxButton }).click();
      await expect(page).toHaveURL(`/${locale}/qiye.163.com/?address=name@mycompany.cn`, NAV);
      expect(asked.map((u) => u.searchParams.get('name'))).toEqual(['mycompany.cn']);
      // The page sets up the company address, not the example.
      await expect(page.locator('code[data-username]').first()).toHaveText('name@mycompany.cn');
    });

    // Every other provider with DNS records, in one page session (each provider its own domain), not one browser start each.
    test('a domain on each other provider with DNS records goes to that provider', async ({ page }) => {
      test.slow();
      const others = dnsRecords.filter((d) => d.provider !== 'qiye.163.com');
      const domain = (i: number) => `example-corp-${i}.com`;
      await fakeDns(page, Object.fromEntries(others.map((dns, i) => [domain(i), { MX: mxOf(dns.provider) }])));
      for (const [i, dns] of others.entries()) {
        await lookUp(page, locale, `it@${domain(i)}`);
        await page.getByRole('button', { name: t(locale).mxButton }).click();
        await expect(page, dns.provider).toHaveURL(`/${locale}/${dns.provider}/?address=it@${domain(i)}`, NAV);
      }
    });

    test('MX hosts of a provider we do not cover are shown, with what to ask the administrator', async ({ page }) => {
      await fakeDns(page, { 'other.cn': { MX: ['10 mx.other-host.net.', '20 mx2.other-host.net.'] } });
      await lookUp(page, locale, 'me@other.cn');
      await page.getByRole('button', { name: s.mxButton }).click();
      await expect(page.locator('[data-mx-result] pre')).toHaveText('10 mx.other-host.net\n20 mx2.other-host.net');
      await expect(page.locator('[data-mx-result]')).toContainText(s.mxNoMatch);
      await expect(page.locator('[data-mx-admin]')).toHaveText(s.mxAskAdmin);
    });

    test('a domain with no MX records, and one that does not exist, say so', async ({ page }) => {
      await fakeDns(page, { 'nomail.cn': { TXT: ['v=spf1 -all'] } });
      await lookUp(page, locale, 'me@nomail.cn');
      await page.getByRole('button', { name: s.mxButton }).click();
      await expect(page.locator('[data-mx-result]')).toHaveText(s.mxEmpty);
      await page.locator('#lookup-input').fill('me@no-such-domain.cn');
      await page.locator('#lookup-input').press('Enter');
      await page.getByRole('button', { name: s.mxButton }).click();
      await expect(page.locator('[data-mx-result]')).toHaveText(s.mxEmpty);
    });

    test('a resolver that fails is named, and the page keeps working', async ({ page }) => {
      await page.route(RESOLVER_URLS, (route) => route.abort('connectionrefused'));
      await lookUp(page, locale, 'me@mycompany.cn');
      await page.getByRole('button', { name: s.mxButton }).click();
      const resolver = RESOLVERS.find((r) => r.id === DEFAULT_RESOLVER[locale])!;
      await expect(page.locator('[data-mx-result]')).toHaveText(s.dnsFailed(resolver.name, s.dnsFailure.network('')));
      await page.locator('#lookup-input').fill('someone@163.com');
      await page.locator('#lookup-input').press('Enter');
      await expect(page).toHaveURL(`/${locale}/163.com/?address=someone@163.com`, NAV);
    });

    test('a server shared by several providers asks which one', async ({ page }) => {
      const users = providers.filter((p) => Object.values(p.servers).flat().some((sv) => sv.host === 'imap.gmail.com'));
      expect(users.length).toBeGreaterThan(1);
      await page.goto(`/${locale}/`);
      await page.locator('#lookup-input').fill('imap.gmail.com');
      await page.locator('#lookup-input').press('Enter');
      await expect(page.locator('[data-lookup-shared]')).toContainText(s.lookupShared);
      for (const p of users) await expect(page.locator('[data-lookup-choices]').getByRole('link', { name: p.shortName[locale] })).toHaveAttribute('href', `/${locale}/${p.domain}/`);
    });
  });
}

test.describe('search finds the DNS pages', () => {
  const QUERIES = { en: ['SPF', 'DKIM'], 'zh-cn': ['SPF', 'DKIM', '企业邮箱 自定义域名'] } as const;
  for (const [locale, queries] of Object.entries(QUERIES) as [Locale, readonly string[]][]) {
    // The first as a ?q= link, the rest typed into the same page: Pagefind loads its index once.
    test(`${queries.map((q) => `“${q}”`).join(', ')} (${locale}) each put a DNS page first`, async ({ page }) => {
      test.slow();
      for (const [i, q] of queries.entries()) {
        if (i === 0) await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
        else await page.locator('#q').fill(q);
        await expect(page.locator('#status')).toContainText(`“${q}”`, { timeout: 30_000 });
        const first = page.locator('#results > li').first().locator('h2 a');
        await expect(first, q).toHaveAttribute('href', new RegExp(`^/${locale}/[^/]+/dns/`));
      }
    });
  }
});
