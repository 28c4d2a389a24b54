// Issue 21, "the moment of use": what a phone user and a support agent meet first. Each point is
// checked on a sample chosen from the dataset (through src/lib, as the pages derive it), never on
// today's counts or page text.
import { test, expect, type Page } from '@playwright/test';
import { readDataset } from '../../src/integrations/read-dataset.ts';
import { t, localePath } from '../../src/lib/i18n.ts';
import { oauthOnly, passwordName } from '../../src/lib/password.ts';
import { serverPair } from '../../src/lib/servers.ts';
import { hasGuide, guideContext } from '../../src/lib/guide.ts';
import { errorAction, PICKER_MAX } from '../../src/lib/errors.ts';
import { HOME_PROVIDERS, isCurated } from '../../src/lib/merge.ts';
import { LOCALES, type Locale } from '../../src/data/locales.ts';
import type { Provider } from '../../src/data/schema.ts';
import { smallTargets } from './targets.ts';
import { doubledWords } from '../words.ts';

const { providers, clients, errors, dns } = readDataset();
const PHONE = { width: 390, height: 844 };
const SCREENS = 1.5 * PHONE.height;
const NAV = { timeout: 20_000 };

const curated = providers.filter(isCurated);
const withGuides = curated.filter((p) => clients.some((c) => hasGuide(p, c)));
/** One provider per kind of password (the first, most used, of each), and the three the issue names. */
const sample: Provider[] = [
  ...new Map(withGuides.map((p) => [p.password?.kind ?? 'none', p] as const)).values(),
  ...['163.com', 'qq.com'].map((d) => providers.find((p) => p.domain === d)!),
].filter((p, i, all) => all.indexOf(p) === i);
const guideOf = (p: Provider) => clients.find((c) => hasGuide(p, c))!;
const dnsProvider = providers.find((p) => p.domain === dns[0]!.provider)!;
const firstError = [...errors].sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99))[0]!;
/**
 * Error pages of each shape, the first of each: by symptom, by whether they name one provider or
 * several, and by whether they name the IMAP ID apps. Every error page's HTML is checked in
 * tests/build/pages.test.ts; the browser sees these.
 */
const shape = (e: (typeof errors)[number]) => [e.symptom, e.providers.length > 1, Boolean(errorAction('en', e, providers, clients).imapIdApps)].join();
const errorSample = errors.filter((e, i) => errors.findIndex((x) => shape(x) === shape(e)) === i);
/** Words quoted verbatim from servers and apps, in any language. */
const quoted = [...errors.flatMap((e) => e.texts.map((x) => x.text)), ...providers.flatMap((p) => p.quirks.map((q) => q.message ?? ''))];

/** Opens a page at phone size and waits until its scripts have run (copy buttons shown, islands loaded). */
async function open(page: Page, path: string) {
  await page.setViewportSize(PHONE);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

const bottom = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);

test.describe('the provider page answers the whole question first (390×844)', () => {
  for (const locale of LOCALES) {
    const s = t(locale);
    for (const p of sample) {
      test(`${locale} ${p.domain}: servers, user name, password, access and guides within 1.5 screens`, async ({ page }) => {
        await open(page, localePath(locale, p.domain));
        const answer = page.locator('section[aria-labelledby="recommended"]');
        const pair = serverPair(p, { plaintext: true });
        for (const server of [pair.incoming, pair.outgoing].filter((x) => x)) {
          await expect(answer).toContainText(server!.host);
          await expect(answer).toContainText(String(server!.port));
          await expect(answer).toContainText(s.securityName[server!.security]);
        }
        await expect(answer).toContainText(s.username);
        // Which password, by its name, and a link to how to get it.
        await expect(answer.locator('[data-password-name]')).toHaveText(passwordName(p, locale));
        expect(await bottom(page, '[data-password-name]')).toBeLessThan(SCREENS);
        if (!oauthOnly(p)) {
          await expect(answer.locator('a[href="#password"]')).toHaveCount(1);
          await expect(page.locator('#password')).toHaveCount(1);
          await expect(answer.locator('a[href="#access"]')).toHaveCount(1);
          expect(await bottom(page, 'section[aria-labelledby="recommended"] a[href="#access"]')).toBeLessThan(SCREENS);
        }
        // The guides: the app picker starts within the same screen and a half.
        const guides = page.locator('section[aria-labelledby="guides"] a');
        await expect(guides).toHaveCount(clients.filter((c) => hasGuide(p, c)).length);
        expect(await bottom(page, 'section[aria-labelledby="guides"] a')).toBeLessThan(SCREENS);
      });
    }
  }
  // The pages the issue names, by name: the password's name within 1.5 screens.
  for (const [locale, domain] of [['zh-cn', '163.com'], ['en', '163.com'], ['zh-cn', 'qq.com']] as const) {
    test(`${locale} ${domain}: the password is named within 1.5 screens`, async ({ page }) => {
      const p = providers.find((x) => x.domain === domain)!;
      await open(page, localePath(locale, domain));
      const name = page.getByText(passwordName(p, locale), { exact: true }).first();
      const box = (await name.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(SCREENS);
    });
  }
});

test.describe('thumb-sized controls at 390 px, after scripts ran', () => {
  const pages = LOCALES.flatMap((l) => [
    localePath(l),
    localePath(l, sample[0]!.domain),
    localePath(l, sample.at(-1)!.domain),
    localePath(l, sample[0]!.domain, guideOf(sample[0]!).id),
    localePath(l, sample.at(-1)!.domain, guideOf(sample.at(-1)!).id),
    localePath(l, 'errors', firstError.id),
    localePath(l, dnsProvider.domain, 'dns'),
    `${localePath(l)}?q=${encodeURIComponent('nobody@nowhere-known.example')}`,
  ]);
  for (const path of pages) {
    test(`${path}: every tap target is at least 44×44`, async ({ page }) => {
      await open(page, path);
      expect(await page.evaluate(smallTargets)).toEqual([]);
    });
  }

  test('the lookup’s answers (unknown domain, MX resolver choice) are thumb-sized too', async ({ page }) => {
    await open(page, localePath('en'));
    await page.locator('#lookup-input').fill('me@nowhere-known.example');
    await page.locator('#lookup-input').press('Enter');
    await expect(page.locator('[data-lookup-unknown]')).toBeVisible();
    expect(await page.evaluate(smallTargets)).toEqual([]);
  });

  for (const locale of LOCALES) {
    test(`${locale}: a tap anywhere on a provider card opens the provider page`, async ({ page }) => {
      await open(page, localePath(locale));
      const cards = page.locator('#providers-h + ul.cards > li');
      for (const i of [0, (await cards.count()) - 1]) {
        const card = cards.nth(i);
        await card.scrollIntoViewIfNeeded();
        const href = await card.locator('a').getAttribute('href');
        const box = (await card.boundingBox())!;
        // The bottom-right corner, away from the name: a real link covers the card, not a script.
        await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
        await expect(page).toHaveURL(href!, NAV);
        await page.goBack();
      }
    });
  }
});

test.describe('the home page is a choice, not a list', () => {
  for (const locale of LOCALES) {
    test(`${locale}: lookup and the most used providers as cards, at most 80 links, none broken mid-word`, async ({ page }) => {
      await open(page, localePath(locale));
      await expect(page.locator('main #lookup-input')).toBeVisible();
      const top = curated.slice(0, HOME_PROVIDERS);
      const cards = page.locator('#providers-h + ul.cards > li > a');
      await expect(cards).toHaveCount(top.length);
      expect(await cards.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(top.map((p) => localePath(locale, p.domain)));
      expect(await page.locator('main a').count()).toBeLessThanOrEqual(80);
      // The full lists stay on the providers index.
      await expect(page.locator(`main a[href="${localePath(locale, 'providers')}"]`)).toHaveCount(1);
      // Each link sits on one line at phone width ("QQ 邮/箱" broke a name in two).
      const broken = await page.locator('main a').evaluateAll((as) => as.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent));
      expect(broken).toEqual([]);
    });
  }
});

test.describe('error pages lead with the fix', () => {
  for (const locale of LOCALES) {
    const s = t(locale);
    test(`${locale}: error pages give meaning, one action, then causes; guide links once, at most ${PICKER_MAX}, after the fix`, async ({ page }) => {
      test.setTimeout(240_000);
      for (const e of errorSample) {
        await page.goto(localePath(locale, 'errors', e.id));
        const order = await page.evaluate(() => ['meaning', 'action', 'causes'].map((id) => document.getElementById(id)?.getBoundingClientRect().top ?? NaN));
        expect(order, e.id).toEqual([...order].sort((a, b) => a - b));
        const action = errorAction(locale, e, providers, clients);
        await expect(page.locator('section.action'), e.id).toContainText(action.fix.text[locale]);
        if (action.password) await expect(page.locator('section.action'), e.id).toContainText(action.password.name);
        // Guide links: each once, at most PICKER_MAX, none before the action.
        const guideHrefs = await page.locator('main a').evaluateAll((as) =>
          as.map((a) => ({ href: a.getAttribute('href') ?? '', inAction: Boolean(a.closest('section.action')) })).filter((l) => /^\/[^/]+\/[^/]+\/[^/]+\/(#.*)?$/.test(l.href) && !/\/(errors|ports|dns)\//.test(l.href)),
        );
        const hrefs = guideHrefs.map((l) => l.href);
        expect(hrefs.length, `${e.id}: ${hrefs.join(' ')}`).toBeLessThanOrEqual(PICKER_MAX);
        expect(new Set(hrefs).size, `${e.id}: ${hrefs.join(' ')}`).toBe(hrefs.length);
        expect(guideHrefs.every((l) => l.inAction), e.id).toBe(true);
        // Every link on the page once.
        const all = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(all.length - new Set(all).size, `${e.id}: repeated links`).toBe(0);
      }
      expect(s.errorAction).toBeTruthy();
    });
  }

  test('the Unsafe Login page names the apps that send IMAP ID, from the client files', async ({ page }) => {
    const senders = clients.filter((c) => c.behaviour?.imapId === true);
    expect(senders.length).toBeGreaterThan(0);
    const unsafe = errors.filter((e) => errorAction('en', e, providers, clients).imapIdApps);
    expect(unsafe.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      for (const e of unsafe) {
        await page.goto(localePath(locale, 'errors', e.id));
        for (const c of senders) await expect(page.locator('section.action')).toContainText(c.name[locale]);
        for (const c of clients.filter((x) => x.behaviour?.imapId !== true)) await expect(page.locator('section.action strong').filter({ hasText: c.name[locale] })).toHaveCount(0);
      }
    }
  });
});

test.describe('words people would write', () => {
  /** Records what the page writes to the clipboard. */
  async function recordClipboard(page: Page) {
    await page.addInitScript(() => {
      const copied: string[] = [];
      (window as unknown as { copied: string[] }).copied = copied;
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    });
    return async () => page.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
  }

  for (const locale of LOCALES) {
    const s = t(locale);
    for (const p of sample) {
      const client = guideOf(p);
      test(`${locale} ${p.domain} ${client.id}: the ticket reply has no doubled words and no made-up address`, async ({ page }) => {
        const last = await recordClipboard(page);
        // No wait for the network to rest: the click waits until the script has shown the button.
        await page.setViewportSize(PHONE);
        await page.goto(localePath(locale, p.domain, client.id));
        await page.getByRole('button', { name: s.ticketButton }).click();
        await expect.poll(last).toBeTruthy();
        const reply = await last();
        expect(reply).toContain(serverPair(p).incoming?.host ?? '');
        expect(doubledWords(reply)).toEqual([]);
        expect(reply).toContain(`${s.username}${s.colon}${s.usernameForm[guideContext(locale, p, client).incoming.username]}`);
        // No address at all: the example address would be copied into the customer's app.
        expect(reply.split('\n').slice(0, -1).join('\n')).not.toMatch(/\S@\S/);
        // With an address, the reply carries it.
        await page.goto(`${localePath(locale, p.domain, client.id)}?address=${encodeURIComponent(`zhang@${p.domain}`)}`);
        await page.getByRole('button', { name: s.ticketButton }).click();
        await expect.poll(last).toContain(`zhang@${p.domain}`);
        expect(doubledWords(await last())).toEqual([]);
      });
    }

    // Every provider and DNS page's title and intro: tests/build/pages.test.ts, over the HTML.
    test(`${locale}: the home page's cards say no word twice`, async ({ page }) => {
      await page.goto(localePath(locale));
      const cards = await page.locator('ul.cards > li').allInnerTexts();
      expect(cards.length).toBeGreaterThan(0);
      for (const text of cards) expect(doubledWords(text), text).toEqual([]);
    });

    test(`${locale}: a step’s copy button says it copies a link`, async ({ page }) => {
      const p = sample[0]!;
      await open(page, localePath(locale, p.domain, guideOf(p).id));
      const buttons = page.locator('button.step-link');
      await expect(buttons.first()).toBeVisible();
      for (const text of await buttons.allInnerTexts()) expect(text).toBe(s.copyLink);
    });
  }

  test('zh-cn pages are in Chinese, apart from source titles and quoted source words', async ({ page }) => {
    test.setTimeout(120_000);
    const paths = [
      localePath('zh-cn'),
      ...sample.map((p) => localePath('zh-cn', p.domain)),
      localePath('zh-cn', sample[0]!.domain, guideOf(sample[0]!).id),
      localePath('zh-cn', 'errors', firstError.id),
      localePath('zh-cn', dnsProvider.domain, 'dns'),
    ];
    for (const path of paths) {
      await page.goto(path);
      // What may be in another language: code, verbatim replies and quotes, source titles, and anything marked with its own lang.
      const english = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const el of copy.querySelectorAll('code, pre, q, blockquote, var, [lang]:not([lang^="zh"]), section[aria-labelledby$="sources"] a, .ui, .error-text')) el.remove();
        // Four English words in a row is prose, not a name ("Text not read here…").
        // Words in quotation marks are quoted from a source.
        return copy.textContent!.replace(/“[^”]*”/g, ' ').match(/\b[A-Za-z]{2,}(?:[ ,’'-]+[A-Za-z]{2,}){3,}/g) ?? [];
      });
      // Replies and messages quoted verbatim (error texts, a quirk's message) are source words too.
      expect(english.filter((run) => !quoted.some((q) => q.includes(run))), path).toEqual([]);
    }
  });
});

test.describe('lookup and search', () => {
  for (const locale of LOCALES) {
    const s = t(locale);
    test(`${locale}: an internationalised address is looked up, not refused`, async ({ page }) => {
      await open(page, localePath(locale));
      const typed = '用户@例子.中国';
      await page.locator('#lookup-input').fill(typed);
      await page.locator('#lookup-input').press('Enter');
      await expect(page.locator('[data-lookup-unknown]')).toBeVisible();
      await expect(page.locator('[data-lookup-invalid]')).toBeHidden();
      // The domain as it was typed, not its xn-- form.
      await expect(page.locator('[data-lookup-unknown] [data-lookup-domain]')).toHaveText('例子.中国');
      await expect(page.locator('[data-lookup-unknown]')).not.toContainText('xn--');
    });

    test(`${locale}: a pasted reply that holds an address is searched, with no invalid-address warning`, async ({ page }) => {
      const unsafe = errors.find((e) => e.texts.some((x) => /\S@\S/.test(x.text) && /\s/.test(x.text)))!;
      const reply = unsafe.texts.find((x) => /\S@\S/.test(x.text))!.text;
      await page.goto(`${localePath(locale, 'search')}?q=${encodeURIComponent(reply)}`);
      await expect(page.locator('#status')).toContainText(reply.slice(0, 20), { timeout: 15_000 });
      await expect(page.locator('#results > li').first()).toBeVisible();
      await expect(page.locator('[data-lookup-invalid]')).toBeHidden();
      expect(s.lookupInvalid).toBeTruthy();
    });

    test(`${locale}: a company domain whose provider has DNS records offers the DNS page to its administrator`, async ({ page }) => {
      const record = dns[0]!;
      const mx = record.records.filter((r) => r.type === 'MX').map((r) => `${r.priority} ${r.value.replace(/<[^>]+>/g, 'corp-example')}.`);
      await page.route(/^https:\/\/(dns\.alidns\.com\/resolve|cloudflare-dns\.com\/dns-query)\?/, async (route) => {
        const url = new URL(route.request().url());
        const name = url.searchParams.get('name')!;
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': '*' },
          body: JSON.stringify({ Status: 0, Answer: mx.map((data) => ({ name: `${name}.`, type: 15, TTL: 600, data })) }),
        });
      });
      await open(page, localePath(locale));
      await page.locator('#lookup-input').fill('corp-example.cn');
      await page.locator('#lookup-input').press('Enter');
      await page.getByRole('button', { name: s.mxButton }).click();
      const result = page.locator('[data-mx-result]');
      await expect(result.locator(`a[href="${localePath(locale, record.provider, 'dns')}"]`)).toBeVisible();
      await expect(result.locator(`a[href="${localePath(locale, record.provider)}"]`)).toBeVisible();
    });
  }
});

test.describe('small things', () => {
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    for (const locale of LOCALES) {
      test(`${locale} at ${width}: the header search hint is not cut off`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await page.goto(localePath(locale));
        const [text, room] = await page.locator('#site-search').evaluate((input: HTMLInputElement) => {
          const style = getComputedStyle(input);
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          return [ctx.measureText(input.placeholder).width, input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];
        });
        expect(text).toBeLessThanOrEqual(room);
      });
    }
  }

  test('step headings carry no "#" in their text, so search result titles have none', async ({ page }) => {
    const p = sample[0]!;
    await page.goto(localePath('en', p.domain, guideOf(p).id));
    const headings = await page.locator('li.step > h2').allTextContents();
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(h).not.toContain('#');
  });

  test('search excerpts keep table cells apart', async ({ page }) => {
    const p = sample[0]!;
    const server = serverPair(p).incoming!;
    await page.goto(`${localePath('en', 'search')}?q=${encodeURIComponent(`${server.host} ${server.port}`)}`);
    await expect(page.locator('#results > li').first()).toBeVisible({ timeout: 15_000 });
    const text = (await page.locator('#results').innerText()).replace(/\s+/g, ' ');
    expect(text).not.toContain(`${server.host}${server.port}`);
    expect(text).not.toMatch(new RegExp(`${t('en').protocolName[server.protocol]}${server.host.replace(/\./g, '\\.')}`));
  });

  test('a linked step’s highlight and focus ring are not printed', async ({ page }) => {
    const p = sample[0]!;
    await page.goto(`${localePath('zh-cn', p.domain, guideOf(p).id)}#step-password`);
    await page.locator('#step-password a.anchor').focus();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('li.step:has(> #step-password)').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0).toBeLessThanOrEqual(2);
  });
});
