// Every built guide page, read as a reader gets it: its prose holds no hostname, port, step number
// or password noun of its own; all of them come from the data (tests/prose.ts says how it reads).
// A file-level check over dist/ (no browser), so it runs after the build, with the other e2e specs.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { validateDataset, type RawFile } from '../../src/lib/load-dataset.ts';
import { hasGuide } from '../../src/lib/guide.ts';
import { LOCALES } from '../../src/data/locales.ts';
import { proseFacts, proseLeaks, proseText, stepsHtml } from '../prose.ts';

const load = (dir: string): RawFile[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: `${dir}/${f}`, data: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) }));
const { providers, clients } = validateDataset(load('src/data/providers'), load('src/data/clients'));
const facts = proseFacts(providers);

const guides = LOCALES.flatMap((locale) =>
  providers.flatMap((provider) => clients.filter((client) => hasGuide(provider, client)).map((client) => ({ locale, provider, client }))),
);

test('the dataset gives the check something to look for', () => {
  expect(guides.length).toBeGreaterThan(0);
  expect(facts.hosts.length).toBeGreaterThan(0);
  expect(facts.ports.length).toBeGreaterThan(0);
  expect(facts.passwordNouns.length).toBeGreaterThan(0);
});

test('guide prose types no hostname, port, step number or password noun: the data gives them', () => {
  const problems: string[] = [];
  for (const { locale, provider, client } of guides) {
    // An OAuth2-only provider's guide renders no guide prose: one sign-in step of the page's own.
    if (provider.password?.kind === 'oauth-only') continue;
    const file = `dist/${locale}/${provider.domain}/${client.id}/index.html`;
    if (!existsSync(file)) {
      problems.push(`${file}: missing (run npm run build first)`);
      continue;
    }
    const html = stepsHtml(readFileSync(file, 'utf8'));
    // Not vacuous: every step of the client is there, and the data's values were marked.
    const steps = [...html.matchAll(/<h2 id="(step-[a-z0-9-]+)"/g)].map((m) => m[1]);
    if (steps.join() !== client.steps.join()) problems.push(`${file}: steps ${steps.join()} are not ${client.steps.join()}`);
    if (!/data-value/.test(html)) problems.push(`${file}: no value from the data is marked data-value`);
    for (const leak of proseLeaks(proseText(html), facts)) problems.push(`${file} (src/guides/${client.id}/${locale}.mdx): ${leak}`);
  }
  expect(problems).toEqual([]);
});

// A fixed sample, in the browser: the Gmail Thunderbird guide's sign-in step names Gmail's own password kind,
// in its title too, and its "step 1" is the password step's number, linked to it.
for (const locale of LOCALES) {
  test(`/${locale}/gmail.com/thunderbird/: the sign-in step names Gmail’s password and links the step that explains it`, async ({ page }) => {
    const gmail = providers.find((p) => p.domain === 'gmail.com')!;
    const thunderbird = clients.find((c) => c.id === 'thunderbird')!;
    const own = proseFacts([gmail]).passwordNouns.map((n) => n.toLowerCase());
    // A noun inside Gmail's own (88.com's 专用密码 in 应用专用密码) cannot be told apart by text.
    const others = providers.flatMap((p) => proseFacts([p]).passwordNouns).filter((n) => !own.some((o) => o.includes(n.toLowerCase())));
    await page.goto(`/${locale}/gmail.com/thunderbird/`);
    const step = page.locator('li.step', { has: page.locator('#step-sign-in') });
    const title = step.getByRole('heading', { level: 2 });
    await expect(title).toContainText(gmail.password!.name![locale]);
    for (const noun of others) await expect(step).not.toContainText(noun, { ignoreCase: true });
    const ref = step.locator('p').getByRole('link', { name: String(thunderbird.steps.indexOf('step-password') + 1), exact: true });
    await ref.click();
    await expect(page).toHaveURL(/#step-password$/);
    await expect(page.locator('#step-password')).toBeInViewport();
  });
}
