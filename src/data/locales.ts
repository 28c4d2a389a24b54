// The site's languages: the one definition every locale-aware file derives from (routes,
// Astro's i18n and sitemap config, robots.txt, the language chooser, the schema's Localized
// fields, tests, bench and audit). Browser code imports it too, so it stays free of zod.
//
// Adding a language (docs/locales.md): one entry here, with `fallback` while it is partial, and its
// UI strings in src/locales/<locale>.ts (registered in src/locales/index.ts).
//
// Fallback policy: a locale with a `fallback` may lack UI strings, data text (Localized fields),
// guide prose and page prose; each is then taken from the fallback locale, and every page of the
// locale says so at its top (the `fallbackNotice` string, like Starlight's notice for untranslated
// pages), with the borrowed text marked by its own `lang`. A locale without a fallback is complete:
// `astro check` and `npm run validate` refuse a missing string, text or guide.
export const LOCALE_INFO = {
  // First entry: the default, where `/` sends visitors whose browser prefers no listed language.
  // og: the Open Graph locale (language_TERRITORY). resolver: the DNS-over-HTTPS service the DNS
  // checkers offer first (src/lib/doh.ts): AliDNS is reachable from mainland China.
  'zh-cn': { lang: 'zh-CN', name: '简体中文', og: 'zh_CN', resolver: 'alidns' },
  en: { lang: 'en', name: 'English', og: 'en_US', resolver: 'cloudflare' },
} as const satisfies Record<string, LocaleInfo>;

interface LocaleInfo {
  /** BCP 47 tag for `lang` and `hreflang` attributes. */
  lang: string;
  /** The language's name in itself, for the language switch. */
  name: string;
  og: string;
  resolver: 'alidns' | 'cloudflare';
  /** Set while the locale is partial: where what it lacks comes from. */
  fallback?: string;
}

export type Locale = keyof typeof LOCALE_INFO;
export const LOCALES = Object.keys(LOCALE_INFO) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/** The locale whose field descriptions the JSON Schema gives as `description` (editors show it); the others are `x-description-<locale>`. */
export const SCHEMA_LOCALE: Locale = 'en';

/** BCP 47 tag for `lang` and `hreflang` attributes. */
export const HTML_LANG = Object.fromEntries(LOCALES.map((l) => [l, LOCALE_INFO[l].lang])) as Record<Locale, string>;
/** Each language's name in itself, for the language switch. */
export const LOCALE_NAME = Object.fromEntries(LOCALES.map((l) => [l, LOCALE_INFO[l].name])) as Record<Locale, string>;

/** Where a partial locale's missing text comes from; undefined for a complete one. */
export const fallbackOf = (locale: Locale): Locale | undefined => (LOCALE_INFO[locale] as LocaleInfo).fallback as Locale | undefined;
/** Locales that must have every string, text and guide. */
export const COMPLETE_LOCALES = LOCALES.filter((l) => !fallbackOf(l));
/** The same, as a type: the locales a text in the data must always be given in. */
export type CompleteLocale = { [L in Locale]: (typeof LOCALE_INFO)[L] extends { fallback: string } ? never : L }[Locale];
/** One text per locale: every complete locale's, and a partial locale's where it has one. */
export type LocaleTexts<T = string> = Record<CompleteLocale, T> & Partial<Record<Locale, T>>;

/**
 * Text in `locale` from a per-locale record, else from its fallback (and that one's, in turn):
 * the text and the locale it is in.
 */
export function inLocale<T>(values: Partial<Record<Locale, T>>, locale: Locale): { value: T; locale: Locale } | undefined {
  for (let l: Locale | undefined = locale; l; l = fallbackOf(l)) if (values[l] !== undefined) return { value: values[l]!, locale: l };
  return undefined;
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * The site's locale for a browser's preferred languages (navigator.languages), in their order:
 * for each, a locale with the same full tag, else one with the same primary subtag (zh-TW reads
 * Simplified Chinese rather than nothing); the default if none matches.
 */
export function chooseLocale(preferred: readonly string[], langs: Readonly<Record<string, string>> = HTML_LANG): Locale {
  const locales = Object.keys(langs);
  for (const tag of preferred) {
    const hit = locales.find((l) => langs[l]!.toLowerCase() === tag.toLowerCase()) ?? locales.find((l) => primary(langs[l]!) === primary(tag));
    if (hit) return hit as Locale;
  }
  return DEFAULT_LOCALE;
}

/** A page's path in a locale, with the trailing slash the site's URLs always have. */
export const localePath = (locale: Locale, ...parts: string[]) => `/${[locale, ...parts].join('/')}/`;
