// What a guide's prose can ask of the data: one object per (provider, client, locale).
import type { Client, Locale, Provider } from '../data/schema.ts';
import { rankServers, serverPair, type RankedServer } from './servers.ts';
import { isCurated } from './merge.ts';

export interface GuideContext {
  locale: Locale;
  provider: Provider;
  client: Client;
  incoming: RankedServer;
  outgoing: RankedServer;
  /** Everything else the user could use instead, best first. */
  alternatives: RankedServer[];
}

const key = (s: RankedServer) => `${s.protocol}:${s.host}:${s.port}`;

export function guideContext(locale: Locale, provider: Provider, client: Client): GuideContext {
  const { incoming, outgoing } = serverPair(provider, { supported: client.protocols, plaintext: true });
  if (!incoming || !outgoing) throw new Error(`${provider.domain}: no incoming and outgoing server that ${client.id} supports`);
  const alternatives = (['imap', 'pop3', 'smtp'] as const)
    .filter((p) => client.protocols.includes(p))
    .flatMap((p) => rankServers(provider, p))
    .filter((s) => key(s) !== key(incoming) && key(s) !== key(outgoing));
  return { locale, provider, client, incoming, outgoing, alternatives };
}

/**
 * Guides exist for every provider that has servers the client can use, encrypted or not: a user
 * of a provider that offers only plaintext still needs the settings (the guide warns).
 */
export function hasGuide(provider: Provider, client: Client): boolean {
  const { incoming, outgoing } = serverPair(provider, { supported: client.protocols, plaintext: true });
  return Boolean(incoming && outgoing);
}

/** The provider's quirks that concern what the guide sets up: its incoming protocol, or sending. */
export function guideQuirks(ctx: Pick<GuideContext, 'provider' | 'incoming'>): Provider['quirks'] {
  return ctx.provider.quirks.filter((q) => q.protocols.includes(ctx.incoming.protocol) || q.protocols.includes('smtp'));
}

/**
 * The number a step id has in the client's step list, so that "step 1" in prose follows the list
 * when steps are added or reordered. Throws, naming both files, for an id the list does not have.
 */
export function stepNumber(guide: Pick<GuideContext, 'client' | 'locale'>, id: string): number {
  const n = guide.client.steps.indexOf(id) + 1;
  if (n === 0) throw new Error(`src/guides/${guide.client.id}/${guide.locale}.mdx: step id "${id}" is not in src/data/clients/${guide.client.id}.json steps`);
  return n;
}

/** Guide components take only the props they render: a value can not hide in one. */
export function onlyProps(component: string, props: object, allowed: readonly string[]): void {
  const extra = Object.entries(props).filter(([k]) => !allowed.includes(k));
  if (extra.length) throw new Error(`<${component}>: unknown prop ${extra.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}; guide prose asks the data for values through <V f="…" />`);
}

/**
 * A screen label recorded in the client's data (`labels`), in the guide's locale. Throws, naming
 * both files, for a key the client does not record in that locale.
 */
export function recordedLabel(guide: Pick<GuideContext, 'client' | 'locale'>, key: string): string {
  const label = guide.client.labels[key]?.[guide.locale];
  if (!label) throw new Error(`src/guides/${guide.client.id}/${guide.locale}.mdx: <Ui k="${key}" /> names no label recorded for ${guide.locale} in src/data/clients/${guide.client.id}.json labels`);
  return label.text;
}

/** The `<Ui>` uses of a guide's MDX: recorded keys, and labels typed into the prose. */
export function uiUses(mdx: string): { keys: string[]; typed: string[] } {
  const keys = [...mdx.matchAll(/<Ui\s+k="([^"]*)"\s*\/>/g)].map((m) => m[1]!);
  // Up to the next <Ui> at most, so an unclosed tag costs one scan, not one scan per tag after it.
  const typed = [...mdx.matchAll(/<Ui>((?:(?!<Ui>)[\s\S])*?)<\/Ui>/g)].map((m) => m[1]!);
  return { keys, typed };
}

/**
 * Whether the site search indexes a provider's guides: the curated providers' only. An imported
 * provider's guides differ from any other's by their servers alone, which its provider page (indexed,
 * one click from each guide) lists; indexing them all made the first search's index over twice the
 * size (issue 9 §5), since Pagefind's metadata file lists every indexed page.
 */
export const guidesSearchable = (provider: Provider): boolean => isCurated(provider);
