// The locale layer's access to UI strings (one file per locale in src/locales/, registered in
// src/locales/index.ts) and the helpers that format with them. The fallback policy is stated in
// src/data/locales.ts: a partial locale's missing strings come from its fallback locale.
import type { Locale } from '../data/locales.ts';
import { fallbackOf, HTML_LANG } from '../data/locales.ts';
import { DNS_FAILURES, type DnsFailure } from './doh.ts';
import type en from '../locales/en.ts';
import { UI_STRINGS } from '../locales/index.ts';

export { HTML_LANG, LOCALE_NAME, localePath } from '../data/locales.ts';

/** The shape of a locale's UI strings: the English file's, which is complete by definition. */
export type Strings = typeof en;

const resolved = new Map<Locale, Strings>();

/** A locale's UI strings, with what a partial locale lacks taken from its fallback. */
export function t(locale: Locale): Strings {
  let s = resolved.get(locale);
  if (!s) {
    const fallback = fallbackOf(locale);
    s = (fallback ? { ...t(fallback), ...UI_STRINGS[locale] } : UI_STRINGS[locale]) as Strings;
    resolved.set(locale, s);
  }
  return s;
}

/** The UI strings a partial locale does not have yet (shown in its fallback's language). */
export const missingStrings = (locale: Locale): (keyof Strings)[] =>
  fallbackOf(locale) ? (Object.keys(t(locale)) as (keyof Strings)[]).filter((k) => !(k in UI_STRINGS[locale])) : [];

/** The DNS checkers' failure messages as templates for the browser, with {resolver} and {detail} (failureMessage() in src/lib/doh.ts). */
export const dnsFailureTemplates = (s: Strings) => Object.fromEntries(DNS_FAILURES.map((r) => [r, s.dnsFailed('{resolver}', s.dnsFailure[r]('{detail}'))])) as Record<DnsFailure, string>;

/** `a, b and c` in the locale's own way (Intl.ListFormat). */
export const listOf = (locale: Locale, items: readonly string[]) => new Intl.ListFormat(HTML_LANG[locale], { type: 'conjunction' }).format(items);

/** The made-up address guides and forms show as an example, in the page's language. */
export const exampleAddress = (locale: Locale, domain: string) => `${t(locale).exampleLocal}@${domain}`;
