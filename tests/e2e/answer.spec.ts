// The answer card above the search results (issue 22): questions about a provider's servers, ports
// and password get the value itself, from the dataset, with Pagefind's files blocked. Questions and
// expected values come from the dataset (the curated providers and the ten imported ones with the
// most domains) and the locale strings' answer words, in both languages.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readDataset } from '../../src/integrations/read-dataset.ts';
import { answerIndex } from '../../src/lib/answer-index.ts';
import { normalise } from '../../src/lib/answer.ts';
import { domainsOf } from '../../src/lib/domains.ts';
import { basis } from '../../src/lib/evidence.ts';
import { isCurated } from '../../src/lib/merge.ts';
import { passwordName } from '../../src/lib/password.ts';
import { setupServer } from '../../src/lib/servers.ts';
import { t } from '../../src/lib/i18n.ts';
import type { Protocol, Provider } from '../../src/data/schema.ts';

const { providers, clients } = readDataset();
const index = answerIndex(providers, clients);
const LOCALES = ['zh-cn', 'en'] as const;
type Locale = (typeof LOCALES)[number];

const imported = providers.filter((p) => !isCurated(p));
const largest = [...imported].sort((a, b) => b.otherDomains.length - a.otherDomains.length || a.domain.localeCompare(b.domain)).slice(0, 10);
const asked = [...providers.filter(isCurated), ...largest];

/** The name a question uses: the provider's short name, or its domain where another provider answers to that name too. */
function nameIn(p: Provider, locale: Locale): string {
  const name = normalise(p.shortName[locale]);
  const shared = index.providers.some(([d, names]) => d !== p.domain && names.includes(name));
  return shared ? p.domain : p.shortName[locale];
}

const block = (page: Page, protocol: Protocol) => page.locator(`#answer [data-answer][data-protocol="${protocol}"]`);

/** Types the question and presses Enter, as a visitor who knows what they want (typing alone searches after a pause). */
async function ask(page: Page, q: string) {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await expect(page.locator('#answer'), q).toHaveAttribute('data-for', q, { timeout: 10_000 });
}

async function expectServer(page: Page, q: string, p: Provider, protocol: Protocol) {
  const s = setupServer(p, protocol)!;
  const b = block(page, protocol);
  await expect.soft(b, `“${q}” shows ${p.domain} ${protocol}`).toBeVisible();
  await expect.soft(b.locator('dd code').nth(0), `“${q}” host`).toHaveText(s.host);
  await expect.soft(b.locator('dd code').nth(1), `“${q}” port`).toHaveText(String(s.port));
}

// Pagefind's files are blocked: the answer must not depend on them.
test.beforeEach(async ({ page }) => {
  await page.route('**/pagefind/**', (route) => route.abort());
});

for (const locale of LOCALES) {
  const w = t(locale).answerWords;
  test.describe(`answers in ${locale}`, () => {
    test('a question about a provider’s SMTP server, incoming servers or password gets the value from the dataset', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(`/${locale}/search/`);
      // What the card shows, read in one step per question (about 200 questions): each visible
      // [data-answer] block's protocol and values, or the password's name.
      const shown = () =>
        page.locator('#answer').evaluate((card) =>
          [...card.querySelectorAll<HTMLElement>('[data-answer]')]
            .filter((b) => b.checkVisibility())
            .map((b) => ('password' in b.dataset ? ['password', b.querySelector('strong')?.textContent ?? ''] : [b.dataset.protocol!, ...[...b.querySelectorAll('dd code')].slice(0, 2).map((c) => c.textContent ?? '')])),
        );
      const server = (p: Provider, k: Protocol) => [k, setupServer(p, k)!.host, String(setupServer(p, k)!.port)];
      for (const p of asked) {
        const name = nameIn(p, locale);
        const smtp = `${name} ${w.smtp[0]} ${w.port[0]}`;
        await ask(page, smtp);
        expect.soft(await shown(), `“${smtp}” shows ${p.domain}'s SMTP server`).toEqual([server(p, 'smtp')]);

        const incoming = `${name} ${w.incoming[0]} ${w.host[0]}`;
        await ask(page, incoming);
        expect.soft(await shown(), `“${incoming}” shows ${p.domain}'s incoming servers`).toEqual((['imap', 'pop3'] as const).filter((k) => setupServer(p, k)).map((k) => server(p, k)));

        if (p.password) {
          const password = `${name} ${w.password[0]}`;
          await ask(page, password);
          expect.soft(await shown(), `“${password}” shows ${p.domain}'s password rule`).toEqual([['password', passwordName(p, locale)]]);
        }
      }
    });

    test('no answer card when the data cannot answer, never a guess', async ({ page }) => {
      await page.goto(`/${locale}/search/`);
      for (const q of ['465', providers[0]!.shortName[locale], w.password[0]!, `${providers[0]!.shortName[locale]} iPhone`, `qqqzzzjjj ${w.smtp[0]} ${w.port[0]}`, `nosuchprovider.example ${w.smtp[0]}`]) {
        await ask(page, q);
        await expect.soft(page.locator('#answer'), q).toBeHidden();
      }
    });
  });
}

// The issue's own questions, as people type them; the expected provider is whichever owns the domain or name in the data.
const owner = (domain: string) => providers.find((p) => domainsOf(p).includes(domain))!;
const EXAMPLES: [Locale, string, string, Protocol | 'password'][] = [
  ['zh-cn', 'yeah.net smtp 端口', 'yeah.net', 'smtp'],
  ['zh-cn', '163邮箱imap服务器地址', '163.com', 'imap'],
  ['zh-cn', '163邮箱的smtp服务器是什么', '163.com', 'smtp'],
  ['en', 'qq mail smtp port', 'qq.com', 'smtp'],
  ['en', 'outlook.com smtp server', 'outlook.com', 'smtp'],
  ['en', 'what is the smtp port for gmail', 'gmail.com', 'smtp'],
  ['en', 'imap.exmail.qq.com', 'exmail.qq.com', 'imap'],
  ['zh-cn', 'foxmail.com 发件服务器', 'foxmail.com', 'smtp'],
  ['zh-cn', '腾讯企业邮 pop3', 'exmail.qq.com', 'pop3'],
  ['en', 'gmail app password', 'gmail.com', 'password'],
];
test('the issue’s questions, typed as people type them', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [locale, q, domain, what] of EXAMPLES) {
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
    await expect(page.locator('#answer'), q).toHaveAttribute('data-for', q, { timeout: 10_000 });
    const p = owner(domain);
    if (what === 'password') await expect.soft(page.locator('#answer [data-password] strong'), q).toHaveText(passwordName(p, locale));
    else await expectServer(page, q, p, what);
  }
});

// For a question that names its provider, the card's code and index inline in the page are all it
// needs (the bench counts their bytes so): with every script file blocked, a ?q= link still gets its
// answer, from the page's index (curated providers) or the provider's own file (outlook.com).
test('a ?q= link naming a provider answers with every script file blocked', async ({ page }) => {
  const scripts: string[] = [];
  await page.route('**/_astro/**', (route) => (scripts.push(route.request().url()), route.abort()));
  for (const [locale, q, domain, what] of EXAMPLES.filter(([, , d]) => ['163.com', 'qq.com', 'outlook.com'].includes(d))) {
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
    await expectServer(page, q, owner(domain), what as Protocol);
  }
  expect(scripts.length, 'the page asked for its script files, and they were blocked').toBeGreaterThan(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, permissions: ['clipboard-write'] });
  for (const locale of LOCALES) {
    test(`${locale}: the answer is in the first screen, copies its values and links the provider page and the app’s guide`, async ({ page }) => {
      const p = providers[0]!;
      const app = clients[0]!;
      const s = setupServer(p, 'smtp')!;
      const q = `${p.shortName[locale]} ${app.aliases?.[0] ?? app.id} ${t(locale).answerWords.smtp[0]}`;
      // The site's Permissions-Policy forbids reading the clipboard, so the test records what is written.
      await page.addInitScript(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text: string) => {
          (window as unknown as { __copied: string }).__copied = text;
          return write(text);
        };
      });
      await page.goto(`/${locale}/search/?q=${encodeURIComponent(q)}`);
      const b = block(page, 'smtp');
      await expect(b).toBeVisible();
      const box = (await b.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      // The badge the provider page shows for the same value.
      await expect(b.locator('.evidence')).toHaveText(basis(s, p, locale).text);
      await b.getByRole('button', { name: t(locale).copyValue(s.host) }).click();
      await expect(b.getByRole('button', { name: t(locale).copyValue(s.host) })).toHaveText(t(locale).copied);
      expect(await page.evaluate(() => (window as unknown as { __copied: string }).__copied)).toBe(s.host);
      await expect(page.locator('#answer').getByRole('link', { name: t(locale).answerGuide(app.name[locale]) })).toHaveAttribute('href', `/${locale}/${p.domain}/${app.id}/#outgoing`);
      await b.getByRole('link', { name: t(locale).portUse.smtp }).click();
      await expect(page).toHaveURL(`/${locale}/${p.domain}/#smtp-${s.port}`);
      await expect(page.locator(`#smtp-${s.port}`)).toBeVisible();
    });
  }
});

test('a name several providers answer to: the most used one answers, the others are linked', async ({ page }) => {
  // A name in the index that more than one provider has, with the most used of them expected (here
  // priorities differ, so dataset order is the order of use).
  const having2 = (n: string) => index.providers.filter(([, ns]) => ns.includes(n));
  const name = index.providers.flatMap(([, names]) => names).find((n) => !n.includes('.') && having2(n).length === 2 && having2(n)[0]![2] !== having2(n)[1]![2])!;
  const having = index.providers.filter(([, names]) => names.includes(name)).map(([d]) => d);
  const q = `${name} smtp`;
  await page.goto(`/en/search/?q=${encodeURIComponent(q)}`);
  await expect(page.locator('#answer')).toHaveAttribute('data-for', q);
  await expectServer(page, q, providers.find((p) => p.domain === having[0])!, 'smtp');
  await expect(page.locator('#answer').getByRole('link', { name: having[1]!, exact: true })).toHaveAttribute('href', `/en/${having[1]}/`);
});

for (const locale of LOCALES) {
  test(`${locale}: the answer card has no WCAG 2.2 AA violations, light and dark, and runs within the page’s CSP`, async ({ page }) => {
    test.slow();
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    const p = providers[0]!;
    const w = t(locale).answerWords;
    // Servers and the password rule together: every part of the card.
    await page.goto(`/${locale}/search/?q=${encodeURIComponent(`${p.shortName[locale]} ${w.port[0]} ${w.password[0]}`)}`);
    await expect(page.locator('#answer [data-answer]').first()).toBeVisible();
    await expect(page.locator('#answer [data-password]')).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('#answer').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect.soft(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), colorScheme).toEqual([]);
    }
    expect(csp).toEqual([]);
  });
}

// Better lists for everything else (issue 22, item 4), with Pagefind loaded.
test.describe('lists', () => {
  test.beforeEach(async ({ page }) => {
    await page.unroute('**/pagefind/**');
  });
  const firstHrefs = async (page: Page, q: string) => {
    await page.locator('#q').fill(q);
    await page.locator('#q').press('Enter');
    await expect(page.locator('#status'), q).toContainText(`“${q}”`, { timeout: 15_000 });
    return (await page.locator('#results > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map((h) => h.replace(/#.*/, ''));
  };
  const serves = (p: Provider, host: string) => (['imap', 'pop3', 'smtp'] as const).some((k) => p.servers[k].some((s) => s.host === host));

  test('a result title names its domain once, also where the provider’s name has it', async ({ page }) => {
    // A title with its domain in it: a provider whose name holds its domain (NetEase yeah.net Mail).
    const p = providers.find((x) => isCurated(x) && x.name.en.toLowerCase().includes(x.domain) && setupServer(x, 'smtp'))!;
    expect(p, 'a curated provider whose name holds its domain').toBeTruthy();
    const port = String(setupServer(p, 'smtp')!.port);
    await page.goto('/en/search/');
    for (const q of [`${p.domain} smtp`, port]) {
      await firstHrefs(page, q);
      for (const title of await page.locator('#results > li h2').allTextContents()) {
        const domain = /\b([a-z0-9-]+(?:\.[a-z0-9-]+)+)\b/.exec(title)?.[1];
        if (domain) expect.soft(title.split(domain).length - 1, `“${q}”: ${title}`).toBe(1);
      }
    }
  });

  for (const locale of LOCALES) {
    test(`${locale}: a bare port lists its page, then the most used providers that use it`, async ({ page }) => {
      await page.goto(`/${locale}/search/`);
      for (const port of [993, 465, 587]) {
        const users = providers.filter((p) => isCurated(p) && (['imap', 'pop3', 'smtp'] as const).some((k) => p.servers[k].some((s) => s.port === port))).map((p) => `/${locale}/${p.domain}/`);
        const got = await firstHrefs(page, String(port));
        expect.soft(got[0], `${port}`).toBe(`/${locale}/ports/${port}/`);
        const shown = got.filter((h) => /^\/[^/]+\/[^/]+\/$/.test(h) && !h.includes('/ports/'));
        expect.soft(shown.length, `${port}: providers among ${got.join(' ')}`).toBeGreaterThanOrEqual(2);
        // Provider pages that mention the port (163.com says why it has no 587) count too: most used first.
        const order = providers.map((p) => `/${locale}/${p.domain}/`);
        expect.soft(shown.map((h) => order.indexOf(h)), `${port}: ${shown.join(' ')}`).toEqual(shown.map((h) => order.indexOf(h)).sort((a, b) => a - b));
        expect.soft(shown.every((h) => isCurated(providers[order.indexOf(h)]!)), `${port}: ${shown.join(' ')}`).toBe(true);
        expect.soft(shown, `${port}`).toContain(users[0]);
      }
    });

    test(`${locale}: a hostname puts its provider’s page first; a provider and a protocol put it in the top three`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(`/${locale}/search/`);
      for (const p of asked) {
        const host = setupServer(p, 'smtp')!.host;
        const owner = providers.find((o) => serves(o, host))!;
        expect.soft((await firstHrefs(page, host))[0], host).toBe(`/${locale}/${owner.domain}/`);
        const q = `${nameIn(p, locale)} ${t(locale).answerWords.imap[0]}`;
        if (setupServer(p, 'imap')) expect.soft((await firstHrefs(page, q)).slice(0, 3), q).toContain(`/${locale}/${p.domain}/`);
      }
    });
  }
});
