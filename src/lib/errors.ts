// What pages need from the error dataset: which errors apply where, how sure we are of
// each text, and where each fix step links. No Astro imports: pages only render this.
import { isCurated } from './merge.ts';
import { oauthOnly } from './password.ts';
import { ERROR_SYMPTOMS, type Client, type Locale, type Protocol, type Provider, type Server } from '../data/schema.ts';
import type { KnownError } from './load-dataset.ts';
import { GRADES, gradeOf, type Grade } from './evidence.ts';
import { hasGuide } from './guide.ts';
import { localePath } from './i18n.ts';

export type { KnownError };

export const errorPath = (locale: Locale, id: string) => localePath(locale, 'errors', id);

/** Errors a provider's users can meet: its servers' replies (or any provider's) shown by this client (or any app). */
export function errorsFor(errors: readonly KnownError[], provider: Provider, clientId?: string): KnownError[] {
  return errors.filter((e) => (e.providers.length === 0 || e.providers.includes(provider.domain)) && (!clientId || e.clients.length === 0 || e.clients.includes(clientId)));
}

/** Editorial order: most often met first, then by title. */
export function byPriority(locale: Locale) {
  return (a: KnownError, b: KnownError) => (a.priority ?? 99) - (b.priority ?? 99) || a.title[locale].localeCompare(b.title[locale]);
}

export function bySymptom(errors: readonly KnownError[], locale: Locale) {
  return ERROR_SYMPTOMS.map((symptom) => ({ symptom, errors: errors.filter((e) => e.symptom === symptom).sort(byPriority(locale)) })).filter((g) => g.errors.length);
}

/** How sure we are that the message reads so: the best-sourced of its verbatim texts. */
export function errorGrade(e: KnownError): Grade {
  // A verbatim error text is itself the source's words: each source it cites quotes it.
  const grades = e.texts.map((t) => gradeOf({ sources: t.sources, quotes: Object.fromEntries(t.sources.map((id) => [id, t.text])) }, e.sources));
  return GRADES.filter((g) => g !== 'disagree').find((g) => grades.includes(g)) ?? 'disagree';
}

/**
 * null: no source states the meaning; the page says it is our inference. A meaning has no value a
 * quote could be checked against, so an official source confirms it when its own words are quoted
 * beside it, and otherwise counts as one source like any other.
 */
export const meaningGrade = (e: KnownError): Grade | null => (e.meaning.sources.length ? gradeOf(e.meaning, e.sources) : null);

export interface FixLink {
  href: string;
  label: string;
}

/**
 * Where one fix step points: the named guide step for each guide of the error's providers
 * and clients, else the provider page section. Errors of apps without a guide (and errors
 * of any provider) land on provider pages.
 */
export function fixLinks(locale: Locale, e: KnownError, fix: { step?: string; section?: string }, providers: readonly Provider[], clients: readonly Client[]): FixLink[] {
  // An error of any provider links the curated providers' pages (the imported long tail would be hundreds of links).
  const ps = e.providers.length ? providers.filter((p) => e.providers.includes(p.domain)) : providers.filter(isCurated);
  const cs = e.clients.length ? clients.filter((c) => e.clients.includes(c.id)) : [...clients];
  const name = (p: Provider, c?: Client) => (c && (ps.length === 1 || cs.length > 1) ? (ps.length === 1 ? c.name[locale] : `${p.shortName[locale]} · ${c.name[locale]}`) : p.shortName[locale]);
  if (fix.step) {
    // An OAuth2-only provider's guides have one sign-in step of their own, none of the client's steps.
    const links = ps.filter((p) => !oauthOnly(p)).flatMap((p) => cs.filter((c) => c.steps.includes(fix.step!) && hasGuide(p, c)).map((c) => ({ href: `${localePath(locale, p.domain, c.id)}#${fix.step}`, label: name(p, c) })));
    if (links.length) return links;
  }
  if (!fix.section) return [];
  // A section the page does not have (no quirks; no access switch for an OAuth2-only provider) links the page itself.
  const has = (p: Provider) => (fix.section === 'quirks' ? p.quirks.length > 0 : fix.section === 'access' ? !oauthOnly(p) : true);
  return ps.map((p) => ({ href: `${localePath(locale, p.domain)}${has(p) ? `#${fix.section}` : ''}`, label: name(p) }));
}

/** Where a guide's links for a step go: the kind of link, to label it. */
export const linksToGuides = (links: readonly FixLink[]) => links.some((l) => l.href.includes('#step-'));

// The first line a server sends once the connection (and TLS) is up: RFC 9051, RFC 1939, RFC 5321.
export const GREETING: Record<Protocol, string> = { imap: '* OK', pop3: '+OK', smtp: '220' };

/** The commands a support agent asks a customer to run for one server, built from the data only. */
export function checkCommands(server: Server, protocol: Protocol): { openssl?: string; powershell: string } {
  const target = `${server.host}:${server.port}`;
  const openssl =
    server.security === 'ssl/tls'
      ? `openssl s_client -connect ${target} -servername ${server.host}`
      : server.security === 'starttls'
        ? `openssl s_client -connect ${target} -servername ${server.host} -starttls ${protocol === 'pop3' ? 'pop3' : protocol}`
        : undefined;
  return { openssl, powershell: `Test-NetConnection ${server.host} -Port ${server.port}` };
}

/** The quirk of providers that refuse IMAP logins from apps that do not send the ID command (RFC 2971), NetEase's "Unsafe Login". */
export const IMAP_ID_QUIRK = 'unsafe-login';

type Fix = KnownError['causes'][number]['fix'][number];

/** What the first thing to do names, from the data (issue 21: an error page leads with the one action). */
export interface ErrorAction {
  fix: Fix;
  /** The password the provider wants instead, and where its page says how to get it. */
  password?: { name: string; href: string };
  /** The switch to turn on, on the provider's page. */
  access?: { href: string };
  /** The apps known to send the IMAP ID command (client files' behaviour.imapId). */
  imapIdApps?: string[];
}

/** The first fix of the most likely cause, with the password, switch or apps it is about. */
export function errorAction(locale: Locale, e: KnownError, providers: readonly Provider[], clients: readonly Client[]): ErrorAction {
  const fix = e.causes[0]!.fix[0]!;
  const ps = providers.filter((p) => e.providers.includes(p.domain));
  const main = ps.find((p) => !oauthOnly(p));
  const action: ErrorAction = { fix };
  if (main && (fix.section === 'password' || fix.step === 'step-password') && main.password?.name) action.password = { name: main.password.name[locale], href: `${localePath(locale, main.domain)}#password` };
  if (main && fix.section === 'access') action.access = { href: `${localePath(locale, main.domain)}#access` };
  if (fix.section === 'quirks' && ps.some((p) => p.quirks.some((q) => q.id === IMAP_ID_QUIRK))) action.imapIdApps = clients.filter((c) => c.behaviour?.imapId === true).map((c) => c.name[locale]);
  return action;
}

/** At most this many guide links on an error page: one compact choice, not a wall. */
export const PICKER_MAX = 12;

export interface GuidePicker {
  /** Whether the links are one provider's apps (else: providers, for an error of any provider). */
  by: 'app' | 'provider';
  /** The provider whose guides the app links open, when `by` is 'app'. */
  provider?: Provider;
  links: FixLink[];
  /** The error's other providers, each linking its own page (its guides are one tap further). */
  others: FixLink[];
}

/**
 * The guide links of an error page, each once: the apps of its first provider (at the step the fixes
 * name), then its other providers' pages; for an error of any provider, the most used providers
 * (their guide for the error's one app at the fixes' step, else their page at the fixes' section).
 */
export function guidePicker(locale: Locale, e: KnownError, providers: readonly Provider[], clients: readonly Client[]): GuidePicker {
  const fixes = e.causes.flatMap((c) => c.fix);
  const step = fixes.find((f) => f.step)?.step;
  const section = fixes.find((f) => f.section)?.section;
  const cs = e.clients.length ? clients.filter((c) => e.clients.includes(c.id)) : [...clients];
  // An OAuth2-only provider's guide has one sign-in step of its own, none of the client's steps.
  const guide = (p: Provider, c: Client, label: string) => ({ href: `${localePath(locale, p.domain, c.id)}${step && c.steps.includes(step) && !oauthOnly(p) ? `#${step}` : ''}`, label });
  const page = (p: Provider) => ({ href: `${localePath(locale, p.domain)}${section && section !== 'quirks' ? `#${section}` : ''}`, label: p.shortName[locale] });
  const ps = providers.filter((p) => e.providers.includes(p.domain));
  if (ps.length) {
    const main = ps.find((p) => !oauthOnly(p)) ?? ps[0]!;
    const links = cs.filter((c) => hasGuide(main, c)).map((c) => guide(main, c, c.name[locale]));
    const others = ps.filter((p) => p !== main).map(page);
    return { by: 'app', provider: main, links: links.slice(0, PICKER_MAX - Math.min(others.length, PICKER_MAX / 2)), others: others.slice(0, PICKER_MAX / 2) };
  }
  // Any provider: the most used curated ones; one app's error with a guide step opens that step for each, else their pages' section.
  const top = providers.filter(isCurated).slice(0, PICKER_MAX);
  const app = cs.length === 1 && step && cs[0]!.steps.includes(step) ? cs[0]! : undefined;
  const links = app ? top.filter((p) => hasGuide(p, app)).map((p) => guide(p, app, p.shortName[locale])) : top.map(page);
  return { by: 'provider', links, others: [] };
}
