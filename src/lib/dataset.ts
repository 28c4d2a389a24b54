// The validated dataset, loaded once. Pages and src/lib read it from here only.
import { datasetFiles } from '../data/index.ts';
import { loadDataset } from './load-dataset.ts';
import { COMPLETE_LOCALES, LOCALES, inLocale, fallbackOf, type Locale } from '../data/locales.ts';

/**
 * Gives a partial locale (src/data/locales.ts) the text it lacks in every Localized field, from its
 * fallback, so pages can read `field[locale]`; its pages say that some text is in another language.
 */
function withFallbacks<T>(value: T): T {
  const partial = LOCALES.filter((l) => fallbackOf(l));
  if (!partial.length) return value;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const localized = keys.length > 0 && keys.every((k) => (LOCALES as string[]).includes(k) && typeof o[k] === 'string') && COMPLETE_LOCALES.every((l) => l in o);
    if (localized) for (const l of partial) o[l] ??= inLocale(o as Partial<Record<Locale, string>>, l)!.value;
    else Object.values(o).forEach(walk);
  };
  walk(value);
  return value;
}

const dataset = withFallbacks(loadDataset(datasetFiles));

export const providers = dataset.providers;
export const clients = dataset.clients;
export const knownErrors = dataset.errors;
export const apps = dataset.apps;
/** Apps people ask about that have no guide yet: the home and search pages say so. */
export const uncoveredApps = apps.filter((a) => a.aliases.length > 0);
export const dnsRecords = dataset.dns;
export const dnsFor = (domain: string) => dnsRecords.find((d) => d.provider === domain);
