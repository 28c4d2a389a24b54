// The labels a built guide shows are the strings recorded in the client's data, each with its
// source (src/data/clients/<id>.json labels); a guide whose labels are all recorded says nothing
// about unchecked labels, the others say so. A file-level check over every built guide, and a
// fixed sample in the browser.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { validateDataset, type RawFile } from '../../src/lib/load-dataset.ts';
import { hasGuide } from '../../src/lib/guide.ts';
import { LOCALES } from '../../src/data/locales.ts';
import { stepsHtml } from '../prose.ts';

const load = (dir: string): RawFile[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: `${dir}/${f}`, data: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) }));
const { providers, clients } = validateDataset(load('src/data/providers'), load('src/data/clients'));
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

test('every label a guide shows by key is the recorded string; confirmed guides show no other', () => {
  const problems: string[] = [];
  let quoted = 0;
  for (const locale of LOCALES) {
    for (const provider of providers) {
      for (const client of clients.filter((c) => hasGuide(provider, c))) {
        const file = `dist/${locale}/${provider.domain}/${client.id}/index.html`;
        if (!existsSync(file)) {
          problems.push(`${file}: missing (run npm run build first)`);
          continue;
        }
        const page = readFileSync(file, 'utf8');
        for (const m of stepsHtml(page).matchAll(/<span class="ui"(?: data-label="([^"]*)")?>([\s\S]*?)<\/span>/g)) {
          const [, key, text] = m;
          if (key === undefined) {
            if (client.labelsConfirmed[locale]) problems.push(`${file}: label “${text}” is not a recorded string, but ${client.id} says its ${locale} labels are confirmed`);
            continue;
          }
          quoted++;
          const want = client.labels[key]?.[locale]?.text;
          if (decode(text!) !== want) problems.push(`${file}: label ${key} shows “${text}”, recorded “${want}”`);
        }
        const warns = page.includes('id="labels-unconfirmed"');
        if (warns === client.labelsConfirmed[locale]) problems.push(`${file}: ${warns ? 'warns that labels are unchecked although they are confirmed' : 'does not say its labels are unchecked'}`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(quoted).toBeGreaterThan(0);
});

for (const locale of LOCALES) {
  test(`/${locale}/163.com/thunderbird-android/: the client-information step shows the app’s own label and the Unsafe Login note`, async ({ page }) => {
    const tfa = clients.find((c) => c.id === 'thunderbird-android')!;
    const p163 = providers.find((p) => p.domain === '163.com')!;
    await page.goto(`/${locale}/163.com/thunderbird-android/#step-client-info`);
    const step = page.locator('li.step', { has: page.locator('#step-client-info') });
    await expect(step).toBeInViewport();
    await expect(step.getByRole('heading', { level: 2 })).toContainText(tfa.labels['send-client-info']![locale]!.text);
    await expect(page.locator('#labels-unconfirmed')).toHaveCount(0);
    const note = step.locator('#imap-id');
    await expect(note).toContainText(tfa.behaviour!.imapIdNote[locale]);
    const quirk = p163.quirks.find((q) => q.id === 'unsafe-login')!;
    await note.getByRole('link', { name: quirk.title[locale] }).click();
    await expect(page.locator('#unsafe-login')).toBeInViewport();
  });
}
