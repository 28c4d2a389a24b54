// Accessibility (axe, WCAG 2.2 AA), the Content-Security-Policy and keyboard basics, over every
// page template in both languages.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const TEMPLATES = [
  ['home', '/{l}/'],
  ['provider', '/{l}/163.com/'],
  ['DNS', '/{l}/qiye.163.com/dns/'],
  ['guide', '/{l}/163.com/ios/'],
  ['port', '/{l}/ports/465/'],
  ['port index', '/{l}/ports/'],
  ['search', '/{l}/search/?q=465'],
  ['API', '/{l}/api/'],
  ['autoconfig', '/{l}/autoconfig/'],
  ['error index', '/{l}/errors/'],
  ['error', '/{l}/errors/netease-554-dt-spm/'],
  ['404', '/{l}/no-such-page/'],
] as const;
const LOCALES = ['zh-cn', 'en'];
/** The axe rules whose outcome depends on colours, the only thing the dark scheme changes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Records CSP violations from the first byte of the page. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  // What the current page recorded, and what the console said since the last call.
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...console.splice(0)];
}

async function settle(page: Page, path: string) {
  if (path.includes('/search/')) await expect(page.locator('#results > li').first()).toBeVisible();
  else await page.waitForLoadState('networkidle');
}

for (const l of LOCALES) {
  for (const [name, pattern] of TEMPLATES) {
    const path = pattern.replace('{l}', l);
    // One page load, analysed in each colour scheme (the media query applies as soon as it is emulated).
    test(`axe: ${name} page (${l}, light and dark) has no WCAG 2.2 AA violations`, async ({ page }) => {
      // Two analyses of a large page: on a busy machine each can take many seconds.
      test.slow();
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(path);
      await settle(page, path);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await page.evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, colorScheme)).toBe(true);
        // Legacy mode runs axe inside the page instead of opening a second one to merge frame results:
        // the site has no frames, and it halves the time. The dark scheme changes colours only
        // (src/styles), so in dark the rules that read colours run again, not the whole set.
        const axe = new AxeBuilder({ page }).setLegacyMode(true);
        const { violations } = await (colorScheme === 'light' ? axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']) : axe.withRules(COLOUR_RULES)).analyze();
        expect.soft(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), colorScheme).toEqual([]);
      }
    });
  }

  // Every template in one browser context, one after another: a violation is named with its page.
  test(`CSP (${l}): every template runs without a violation, and so does the lookup`, async ({ page }) => {
    test.slow();
    const violations = await watchCsp(page);
    for (const [, pattern] of TEMPLATES) {
      const path = pattern.replace('{l}', l);
      const response = await page.goto(path);
      expect.soft(response?.headers()['content-security-policy'], path).toMatch(/script-src 'self'/);
      expect.soft(response?.headers()['content-security-policy'], path).not.toMatch(/'unsafe-(inline|eval)'/);
      await settle(page, path);
      expect.soft(await violations(), path).toEqual([]);
    }
    // The lookup's and the header search's scripts load on use, the same on every page: used once.
    await page.locator('#site-search').fill('someone@126.com');
    await page.locator('#site-search').press('Enter');
    await expect(page).toHaveURL(`/${l}/126.com/?address=someone@126.com`);
    expect.soft(await violations(), 'the lookup from the header box').toEqual([]);
  });

  test(`phone width (${l}): no page scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [...TEMPLATES.map(([, p]) => p.replace('{l}', l)), `/${l}/qq.com/`, `/${l}/qq.com/android/`, `/${l}/qiye.163.com/outlook/`, `/${l}/api/`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test(`keyboard (${l}): the first Tab shows a skip link that moves focus to the content`, async ({ page }) => {
    await page.goto(`/${l}/163.com/android/`);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });

  test(`keyboard (${l}): focus is visible on links and buttons`, async ({ page }) => {
    await page.goto(`/${l}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  test(`404 (${l}): an unknown address answers 404 with a search in its language`, async ({ page }) => {
    const response = await page.goto(`/${l}/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', l === 'en' ? 'en' : 'zh-CN');
    await page.getByRole('searchbox').last().fill('465');
    await page.getByRole('searchbox').last().press('Enter');
    await expect(page).toHaveURL(`/${l}/search/?q=465`);
  });
}

test('the root 404 offers search in both languages', async ({ page }) => {
  const response = await page.goto('/nothing-here');
  expect(response?.status()).toBe(404);
  await expect(page.locator('section[lang="zh-CN"] input[type=search]')).toBeVisible();
  await expect(page.locator('section[lang="en"] input[type=search]')).toBeVisible();
});

// Every internal link, anchor, source, redirect, hreflang alternate and sitemap entry is checked over
// the built files, through the same request handler the server uses: tests/build/links.test.ts.
