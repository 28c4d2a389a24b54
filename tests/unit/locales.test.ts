import { describe, expect, test } from 'vitest';
import { chooseLocale, DEFAULT_LOCALE, HTML_LANG, LOCALES, localePath } from '../../src/data/locales.ts';
import { t, type Strings } from '../../src/lib/i18n.ts';

describe('locales', () => {
  test('the chooser takes the first browser language we have, else the default', () => {
    expect(chooseLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(chooseLocale(['fr-FR', 'zh-TW', 'en'])).toBe('zh-cn');
    expect(chooseLocale(['fr-FR', 'de'])).toBe(DEFAULT_LOCALE);
    expect(chooseLocale([])).toBe(DEFAULT_LOCALE);
    expect(chooseLocale(['EN'])).toBe('en');
  });

  test('the chooser matches a full language tag before a primary subtag', () => {
    const langs = { 'zh-cn': 'zh-CN', 'zh-tw': 'zh-TW', en: 'en' };
    expect(chooseLocale(['zh-TW'], langs)).toBe('zh-tw');
    expect(chooseLocale(['zh-tw', 'zh-CN'], langs)).toBe('zh-tw');
    expect(chooseLocale(['zh-HK'], langs)).toBe('zh-cn');
    expect(chooseLocale(['en-US', 'zh-TW'], langs)).toBe('en');
  });

  test('every locale has a lang tag, a path and its own strings', () => {
    for (const l of LOCALES) {
      expect(HTML_LANG[l]).toMatch(/^[a-z]{2,3}(-[A-Z]{2})?$/);
      expect(localePath(l, 'ports', '465')).toBe(`/${l}/ports/465/`);
      expect(t(l).site).not.toBe('');
    }
  });
});

// A locale's strings missing one entry must not type-check: if `astro check` ever reports
// this directive as unused, the Strings type stopped catching missing translations.
// @ts-expect-error: `site` alone is not a full set of strings
export const incomplete: Strings = { site: 'Portolan' };
