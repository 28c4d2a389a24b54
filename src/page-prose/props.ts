// What the API and autoconfig pages hand their prose: every path, count, name and example comes
// from the code and the dataset; the prose files (one per page and locale) only word it.
// A page imports one prose file per locale into a Record<Locale, …>, so a missing locale fails
// `astro check`, and so does a prose file that uses a value not listed here.

import { inLocale, type Locale } from '../data/locales.ts';

export interface Link { href: string; text: string }

/** src/page-prose/api/<locale>.astro; its slots: `example` (the example's code) and `fields` (the field tables). */
export interface ApiProse {
  providersPath: string;
  providerCount: number;
  /** The path of one provider's file, with `{domain}` in place of the domain. */
  providerPathPattern: string;
  exampleProviderPath: string;
  schemaPath: string;
  /** An autoconfig file to show, if any provider has one. */
  autoconfigExample: string | undefined;
  autoconfigPage: Link;
  /** The example server's protocol, upper-case, and its provider's short name. */
  exampleProtocol: string;
  exampleProvider: string;
  v1KeptMonths: number;
}

export type AutoconfigSource = 'mdn-autoconfig' | 'fetchconfig' | 'format';

/** src/page-prose/autoconfig/<locale>.astro; its slot: `files` (the table of providers' files). */
export interface AutoconfigProse {
  /** The address files are under, ending in a slash: the domain follows. */
  base: string;
  /** The preference Thunderbird reads the database address from. */
  pref: string;
  exampleAddress: string;
  examplePath: string;
  exampleUrl: string;
  exampleProvider: string;
  examplePassword: string;
  schemaPath: string;
  apiPage: Link;
  providersIndex: Link;
  /** The in-page link to a source in the list below the prose. */
  cite: (id: AutoconfigSource) => string;
}

/**
 * A page's prose component in `locale`, from the files `import.meta.glob` found (`<folder>/<locale>.astro`),
 * else its fallback's (src/data/locales.ts); `locale` is the language it is in, for its `lang`.
 */
export function proseIn<C>(files: Record<string, C>, locale: Locale): { Text: C; locale: Locale } {
  const byLocale = Object.fromEntries(Object.entries(files).map(([path, c]) => [path.replace(/^.*\/|\.astro$/g, ''), c])) as Partial<Record<Locale, C>>;
  const found = inLocale(byLocale, locale);
  if (!found) throw new Error(`src/page-prose: no prose file for ${locale} among ${Object.keys(files).join(', ')}`);
  return { Text: found.value, locale: found.locale };
}
