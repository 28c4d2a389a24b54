// How sure we are of one fact, computed from the sources it cites; never typed by hand.
// Only types from the schema: the browser's profile download ranks servers with this module, without zod.
import { GRADES, PROTOCOLS } from '../data/terms.ts';
import type { Locale, PASSWORD_KINDS, Provider, Security, Source } from '../data/schema.ts';
import { DATABASES, databaseOf } from './databases.ts';
import { t } from './i18n.ts';

type PasswordKind = (typeof PASSWORD_KINDS)[number];

export { GRADES };
export type Grade = (typeof GRADES)[number];

/** A fact as the dataset stores it: the ids of its sources, their quotes, and any values other sources give instead. */
export interface Fact {
  sources: string[];
  /** The source's own words that state the fact, by source id. */
  quotes?: Record<string, string>;
  disagreements?: readonly unknown[];
}

/** What a fact states, as far as a quote can be checked against it; read off the fact's own fields. */
export type Stated = Partial<{ host: string; port: number; security: Security; kind: PasswordKind; name: unknown; onByDefault: boolean | null; type: string; value: string }>;

/** How much of a fact a quote states: all of it, only the host of a server, or none of it. */
export type Support = 'all' | 'host' | 'none';

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
const hasWord = (text: string, word: string) => {
  // A host or port counts only as a whole token: "smtp.163.com" is not in "smtp.163.com.cn", 25 not in 2525.
  const at = (from: number): boolean => {
    const i = text.indexOf(word, from);
    if (i < 0) return false;
    const before = text[i - 1] ?? ' ';
    const after = text[i + word.length] ?? ' ';
    return (!/[a-z0-9.-]/.test(before) && !/[a-z0-9-]/.test(after) && !(after === '.' && /[a-z0-9]/.test(text[i + word.length + 1] ?? ''))) || at(i + 1);
  };
  return at(0);
};

/** Encryption modes a quote names; plain "TLS" could be either, so it names none. */
function securityNamed(quote: string): Security[] {
  const q = quote.toLowerCase();
  const named: Security[] = [];
  if (/starttls/.test(q)) named.push('starttls');
  if (/\bssl\b|ssl\/tls|implicit tls|安全连接/.test(q.replace(/starttls/g, ''))) named.push('ssl/tls');
  if (/unencrypted|no encryption|不加密|非加密|非 ?ssl/.test(q)) named.push('none');
  return named;
}

/** The literal parts of a DNS value, in order; `<…>` marks a part the admin console gives, which a quote may write differently. */
const literalParts = (value: string) => value.split(/<[^<>]*>/).map(norm).map((s) => s.trim()).filter(Boolean);

// A password rule's name is Localized; a DNS record's `name` is its host label, not a password's.
const passwordNames = (fact: Stated) => (fact.name && typeof fact.name === 'object' ? Object.values(fact.name).filter((n): n is string => typeof n === 'string' && n !== '') : []);

/** How much of `fact` the quote states. */
export function quoteSupport(quote: string, fact: Stated): Support {
  const q = norm(quote);
  if (fact.host !== undefined && fact.port !== undefined) {
    const host = hasWord(q, fact.host.toLowerCase());
    if (!host) return 'none';
    return hasWord(q, String(fact.port)) ? 'all' : 'host';
  }
  if (fact.kind !== undefined) {
    const names = fact.kind === 'oauth-only' ? ['oauth'] : passwordNames(fact).map(norm);
    return names.some((n) => q.includes(n)) ? 'all' : 'none';
  }
  if (fact.onByDefault !== undefined) return /imap|pop|smtp/.test(q) ? 'all' : 'none';
  if (fact.type !== undefined && fact.value !== undefined) {
    let from = 0;
    for (const part of literalParts(fact.value)) {
      const i = q.indexOf(part, from);
      if (i < 0) return 'none';
      from = i + part.length;
    }
    return 'all';
  }
  return 'all';
}

/** Why a quote cannot stand beside its fact, or null: a quote that lacks the value proves nothing. */
export function quoteProblem(quote: string, fact: Stated): string | null {
  const support = quoteSupport(quote, fact);
  if (fact.host !== undefined && fact.port !== undefined) {
    if (support === 'none') return `does not contain the host ${fact.host}; quote the words that name it`;
    const named = securityNamed(quote);
    if (fact.security && named.length && !named.includes(fact.security)) return `names ${named.join(' and ')} encryption, but the server says ${fact.security}`;
    return null;
  }
  if (support === 'all') return null;
  if (fact.kind !== undefined) return fact.kind === 'oauth-only' ? 'does not mention OAuth' : `does not contain the password's name (${passwordNames(fact).join(' / ') || 'no name given'}) as the source writes it`;
  if (fact.onByDefault !== undefined) return 'names no protocol (IMAP, POP3, SMTP) whose access it describes';
  return `does not contain the value ${fact.value}`;
}

/** The most an official page we read states of a fact, in its quote: a page without a quote confirms nothing. */
export function officialSupport(fact: Fact & Stated, sources: readonly Pick<Source, 'id' | 'kind'>[]): Support {
  let best: Support = 'none';
  for (const id of fact.sources) {
    const quote = fact.quotes?.[id];
    if (!quote || sources.find((s) => s.id === id)?.kind !== 'official') continue;
    const support = quoteSupport(quote, fact);
    if (support === 'all') return 'all';
    if (support === 'host') best = 'host';
  }
  return best;
}

/**
 * confirmed: an official page we read states the value in the words quoted (it wins over databases
 * that differ); a page that names a server's host but not its port does not confirm the server;
 * disagree: otherwise, some source gives another value;
 * corroborated: two or more sources agree (an official page quoted elsewhere counts as one);
 * single-source: one source only.
 */
export function gradeOf(fact: Fact & Stated, sources: readonly Pick<Source, 'id' | 'kind'>[]): Grade {
  const cited = fact.sources.map((id) => sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  if (officialSupport(fact, sources) === 'all') return 'confirmed';
  if (fact.disagreements?.length) return 'disagree';
  if (cited.length >= 2) return 'corroborated';
  return 'single-source';
}

/**
 * Grades that draw the reader's attention: only sources that disagree. A value with one source is
 * labelled with that source ("from ISPDB only") but not coloured: it is often all there is.
 */
export const needsAttention = (grade: Grade) => grade === 'disagree';

/** Best first, for choosing among equally secure servers. */
export const gradeRank = (grade: Grade) => GRADES.indexOf(grade);

/**
 * How a page names a source in running text: the database's name (src/lib/databases.ts),
 * `official` for the provider's own pages (e.g. "NetEase Mail's own page"), else its number in the list of sources.
 */
export function sourceLabel(id: string, sources: readonly Pick<Source, 'id' | 'kind'>[], official?: { read: string; cited: string }): string {
  const db = databaseOf(id);
  if (db) return DATABASES[db].name;
  const source = sources.find((s) => s.id === id);
  if (official && source && source.kind !== 'third-party') return source.kind === 'official' ? official.read : official.cited;
  return `[${sources.findIndex((s) => s.id === id) + 1}]`;
}

/** The distinct labels of some sources, in citation order. */
export const sourceLabels = (ids: readonly string[], sources: readonly Pick<Source, 'id' | 'kind'>[], official?: { read: string; cited: string }) => [...new Set(ids.map((id) => sourceLabel(id, sources, official)))];

/** Each source's quotes among some facts, with the fact they were quoted for; the list of sources shows them. */
export function quotesBySource(facts: readonly Fact[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const f of facts) for (const [id, q] of Object.entries(f.quotes ?? {})) if (!by.get(id)?.includes(q)) by.set(id, [...(by.get(id) ?? []), q]);
  return by;
}

/** A quote's language, for its `lang` attribute: the sources we quote write Chinese or English. */
export const quoteLang = (quote: string) => (/[\u3400-\u9fff]/.test(quote) ? 'zh' : 'en');

/** Every graded fact of a provider: its servers, password rule, access and quirks. */
export const providerFacts = (p: Pick<Provider, 'servers' | 'password' | 'access' | 'quirks'>): Fact[] => [
  ...PROTOCOLS.flatMap((protocol) => p.servers[protocol]),
  ...(p.password ? [p.password] : []),
  ...(p.access ? [p.access] : []),
  ...p.quirks,
];

/**
 * A grade as the page words it: what it rests on when `by` names the sources ("in NetEase Mail's own
 * page", "from ISPDB only", "ISPDB, FairEmail agree"), else the grade's name. "X and Y agree" needs
 * two names, so a fact corroborated by two pages of one provider is simply "corroborated".
 */
export function gradeText(locale: Locale, grade: Grade, by: readonly string[] = []): string {
  const s = t(locale);
  return grade !== 'disagree' && by.length && (grade !== 'corroborated' || by.length > 1) ? s.gradeBy[grade](s.sourceList([...by])) : s.grade[grade];
}

/** What a provider's fact rests on, as its badge shows it: the grade, the sources it links, its words, and whether an official page named only the host. */
export function basis(fact: Fact & Stated, provider: Pick<Provider, 'sources' | 'shortName'>, locale: Locale) {
  const grade = gradeOf(fact, provider.sources);
  const isOfficial = (id: string) => provider.sources.find((x) => x.id === id)?.kind === 'official';
  // A confirmed fact rests on the official pages whose quotes state it; any other on all it cites.
  const resting = grade === 'confirmed' ? fact.sources.filter((id) => isOfficial(id) && fact.quotes?.[id] && quoteSupport(fact.quotes[id], fact) === 'all') : fact.sources;
  const by = sourceLabels(resting, provider.sources, t(locale).officialPage(provider.shortName[locale]));
  return {
    grade,
    resting,
    /** The names of what it rests on, which the badge words (gradeText). */
    by,
    text: gradeText(locale, grade, by),
    hostOnly: grade !== 'confirmed' && fact.host !== undefined && officialSupport(fact, provider.sources) === 'host',
  };
}
