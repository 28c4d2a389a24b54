// The site's languages: the one definition every locale-aware file derives from (routes,
// Astro's i18n and sitemap config, robots.txt, the language chooser, _redirects, tests,
// bench and audit). Browser code imports it too, so it stays free of zod.
// Adding a language is one entry here plus its strings in src/lib/i18n.ts.
export const LOCALE_INFO = {
  // First entry: the default, where `/` sends visitors whose browser prefers no listed language.
  // og: the Open Graph locale (language_TERRITORY).
  'zh-cn': { lang: 'zh-CN', name: '简体中文', og: 'zh_CN' },
  en: { lang: 'en', name: 'English', og: 'en_US' },
} as const;

export type Locale = keyof typeof LOCALE_INFO;
export const LOCALES = Object.keys(LOCALE_INFO) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/** BCP 47 tag for `lang` and `hreflang` attributes. */
export const HTML_LANG = Object.fromEntries(LOCALES.map((l) => [l, LOCALE_INFO[l].lang])) as Record<Locale, string>;
/** Each language's name in itself, for the language switch. */
export const LOCALE_NAME = Object.fromEntries(LOCALES.map((l) => [l, LOCALE_INFO[l].name])) as Record<Locale, string>;

/**
 * The site's locale for a browser's preferred languages (navigator.languages): the first
 * whose primary subtag matches one of ours (zh-TW reads Simplified Chinese rather than
 * nothing), else the default.
 */
export function chooseLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const hit = LOCALES.find((l) => LOCALE_INFO[l].lang.toLowerCase().split('-')[0] === primary);
    if (hit) return hit;
  }
  return DEFAULT_LOCALE;
}

/** A page's path in a locale, with the trailing slash the site's URLs always have. */
export const localePath = (locale: Locale, ...parts: string[]) => `/${[locale, ...parts].join('/')}/`;
