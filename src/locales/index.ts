// Every locale's UI strings, by locale: the one place that lists the files. A complete locale (no
// `fallback` in src/data/locales.ts) must have every string, a partial one may lack some; either
// way each string has the reference's type (`Strings`), or `astro check` fails here.
import type { Locale, LOCALE_INFO } from '../data/locales.ts';
import type { Strings } from '../lib/i18n.ts';
import en from './en.ts';
import zhCn from './zh-cn.ts';

type Checked = { [L in Locale]: (typeof LOCALE_INFO)[L] extends { fallback: string } ? Partial<Strings> : Strings };

export const UI_STRINGS: Checked = { 'zh-cn': zhCn, en };
