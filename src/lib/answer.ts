// The answer above the search results: which provider a question names ("yeah.net smtp 端口",
// "what is the smtp port for gmail", "163邮箱的smtp服务器是什么"), what it asks, and the value from
// the dataset, without waiting for Pagefind. The words come from the data: provider names and
// aliases, client aliases (src/data), the locale strings' answer words (src/lib/i18n.ts); the
// index the browser reads is built from them by src/pages/answer/. Pure: the page and the tests
// run the same code.
import type { Locale, Protocol, Security } from '../data/schema.ts';
import type { Grade } from './evidence.ts';

/** What a question can ask: a protocol or direction, or a part of the settings. */
export const WANTS = ['imap', 'pop3', 'smtp', 'incoming', 'outgoing', 'host', 'port', 'security', 'password', 'access'] as const;
export type Want = (typeof WANTS)[number];

/** Every word the question is read with, normalised; the search page carries it (src/lib/answer-index.ts). */
export interface AnswerIndex {
  words: Record<Want, string[]>;
  /** Client id → names people use for the app. */
  apps: [id: string, names: string[]][];
  /** Primary domain → names people use for the provider, and its priority (1 = most used), in dataset order. */
  providers: [domain: string, names: string[], priority: number][];
  /** Port → the most used curated providers with a server on it: [domain, protocol, host]; a bare port lists them (titled from `answers`). */
  ports: Record<string, [domain: string, protocol: Protocol, host: string][]>;
  /** The curated providers' answers; any other provider's is its own file (answerFile). */
  answers: Record<string, ProviderAnswer>;
  /**
   * Set when `providers` holds only the names a question about a curated provider can meet: the
   * address of the whole table (`AnswerIndex['providers']`), read when those names are not enough.
   */
  more?: string;
}

/** A value's evidence: its grade, and the badge's words in each locale ("in 163 Mail's own page"). */
export type AnswerGrade = [grade: Grade, text: Record<Locale, string>];
export type AnswerServer = [host: string, port: number, security: Security, grade: AnswerGrade];
/** /answer/{domain}.json: what an answer card can say about one provider. */
export interface ProviderAnswer {
  /** Short name, and the full name its page is titled with. */
  name: Record<Locale, string>;
  title: Record<Locale, string>;
  /** The recommended (encrypted) server of each protocol the provider offers one for. */
  servers: Partial<Record<Protocol, AnswerServer>>;
  /** Only when the data states the rule. */
  password?: { name: Record<Locale, string>; grade: AnswerGrade };
  /** Clients that have a guide for this provider. */
  guides: string[];
}

export interface Question {
  /** The provider the question names, then any others with the same name (primary domains). */
  providers: string[];
  /** Domains, hostnames and addresses no name matched: the address lookup may know them. */
  dotted: string[];
  app?: string;
  /** The provider's name is an app's too (`outlook`): it is the app if any other provider is named. */
  appToo: boolean;
  wants: Want[];
}

const CJK = '\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
const AROUND_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/** Lower case, full-width forms folded, no spaces next to CJK text (`163 邮箱` = `163邮箱`), single spaces. */
export const normalise = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/。/g, '.').replace(AROUND_CJK, '').replace(/\s+/g, ' ').trim();

/** Domains, hostnames and addresses: read whole, never for the names inside them (imap.vip.126.com is not 126.com). */
const DOTTED = /(?:[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/g;
const LATIN = /[a-z0-9]/;

interface Span {
  start: number;
  end: number;
}
interface Hit extends Span {
  order: number;
  id: string;
  /** Provider priority, and whether the provider's main domain is the name itself plus a suffix (yahoo → yahoo.com). */
  priority?: number;
  domainIsName?: boolean;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const len = (s: Span) => s.end - s.start;
const dottedIn = (text: string): Span[] => [...text.matchAll(DOTTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/**
 * Where `phrase` occurs in `text` as whole words: a Latin letter or digit at its edge may not touch
 * another, and a domain in the text is either wholly inside it (`网易yeah.net免费邮箱`) or untouched.
 */
function find(text: string, phrase: string, domains = dottedIn(text)): Span[] {
  const out: Span[] = [];
  if (phrase.length < 2) return out;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    const s = { start: i, end: i + phrase.length };
    if (LATIN.test(phrase[0]!) && LATIN.test(text[i - 1] ?? '')) continue;
    if (LATIN.test(phrase.at(-1)!) && LATIN.test(text[s.end] ?? '')) continue;
    if (domains.some((d) => overlaps(d, s) && (d.start < s.start || d.end > s.end))) continue;
    out.push(s);
  }
  return out;
}

/**
 * Whether a question's text can hold both names where they meet: one inside the other, or the tail of
 * one the head of the other (`zoho mail` and `mail orange` in "zoho mail orange"). The longer then
 * wins, so a name that can meet a curated provider's is carried with it (src/lib/answer-index.ts).
 */
export function canMeet(name: string, other: string): boolean {
  if (find(name, other).length || find(other, name).length) return true;
  const joined = (a: string, b: string) => {
    for (let k = 1; k < a.length; k++) {
      const tail = a.slice(k);
      if (!b.startsWith(tail) || b.length === tail.length) continue;
      const text = a + b.slice(tail.length);
      if (find(text, a).some((s) => s.start === 0) && find(text, b).some((s) => s.start === k)) return true;
    }
    return false;
  };
  return joined(name, other) || joined(other, name);
}

const hits = (text: string, domains: Span[], entries: readonly (readonly [string, string[], number?])[]): Hit[] =>
  entries.flatMap(([id, names, priority], order) => names.flatMap((n) => find(text, n, domains).map((s) => ({ ...s, id, order, priority, domainIsName: id.split('.').length === 2 && id.startsWith(`${n}.`) }))));
/** Longest first; for the same words the most used (priority), then the provider whose main domain is the name, then dataset order. */
const better = (a: Hit, b: Hit) => len(b) - len(a) || (a.priority ?? 0) - (b.priority ?? 0) || Number(b.domainIsName ?? false) - Number(a.domainIsName ?? false) || a.order - b.order;
/**
 * Of the providers a question names in different places, the most used answers. So a question that
 * names a curated provider is settled by the names that can meet theirs, which is what the search
 * page carries (src/lib/answer-index.ts pageIndex).
 */
const mostUsed = (a: Hit, b: Hit) => (a.priority ?? 0) - (b.priority ?? 0) || better(a, b);

/** Reads a question with the index's words. */
export function readQuestion(query: string, index: AnswerIndex): Question {
  const text = normalise(query);
  const domains = dottedIn(text);
  const wants = new Set<Want>();
  const want = (word: string) => WANTS.filter((w) => index.words[w].includes(word)).forEach((w) => wants.add(w));
  // A domain's first label can say the protocol (smtp.163.com).
  for (const d of domains) want(text.slice(d.start, d.end).replace(/^.*@/, '').split('.')[0]!);
  for (const w of WANTS) if (index.words[w].some((word) => find(text, word, domains).length)) wants.add(w);

  const providers = hits(text, domains, index.providers).sort(better);
  const apps = hits(text, domains, index.apps).sort(better);
  // A longer name holds a shorter one (`apple mail` the app, not Apple the provider; `qq mail` the provider).
  const kept = <T extends Hit>(mine: T[], others: Hit[]) => mine.filter((h, i) => !mine.slice(0, i).some((o) => overlaps(o, h) && len(o) > len(h)) && !others.some((o) => overlaps(o, h) && len(o) > len(h)));
  const p = kept(providers, apps);
  let a = kept(apps, providers);
  // A name that is both (`outlook`, `gmail`) is the app when another provider is named, else the provider.
  const both = (h: Hit) => p.some((o) => same(o, h));
  const otherProvider = p.some((o) => !a.some((x) => same(x, o)));
  a = a.filter((h) => !both(h) || otherProvider);
  const found = p.filter((h) => !a.some((x) => same(x, h))).sort(mostUsed);
  // The best name, and the other providers that answer to the very same words.
  const best = found[0];
  const named = best ? found.filter((h) => same(h, best)).map((h) => h.id) : [];
  return {
    providers: [...new Set(named)],
    // Domains, hostnames and addresses no name holds: the address lookup may know them.
    dotted: domains.filter((d) => !providers.some((h) => h.start <= d.start && h.end >= d.end)).map((d) => text.slice(d.start, d.end)),
    app: a[0]?.id,
    appToo: Boolean(best && apps.some((h) => same(h, best))),
    wants: WANTS.filter((w) => wants.has(w)),
  };
}

/**
 * Whether a reading found a curated provider, whose answer and rival names the search page carries
 * (src/lib/answer-index.ts pageIndex): then the page's names read the question as the whole table would,
 * unless the name is an app's too (`appToo`), which another provider named elsewhere can change.
 */
export const foundCurated = (q: Question, index: AnswerIndex): boolean => q.providers.length > 0 && q.providers[0]! in index.answers;

/** What the card shows for a provider: the servers of the protocols asked for, and/or the password rule. Empty: no card. */
export function answerParts(q: Pick<Question, 'wants'>, data: ProviderAnswer): { protocols: Protocol[]; password: boolean } {
  const has = (w: Want) => q.wants.includes(w);
  let asked: Protocol[] = (['imap', 'pop3', 'smtp'] as const).filter(has);
  if (!asked.length && has('incoming')) asked.push('imap', 'pop3');
  if (!asked.length && has('outgoing')) asked.push('smtp');
  // A server, port or encryption with no protocol: all three.
  if (!asked.length && (has('host') || has('port') || has('security'))) asked = ['imap', 'pop3', 'smtp'];
  return { protocols: asked.filter((p) => data.servers[p]), password: has('password') && Boolean(data.password) };
}

/** The whole table of provider names (src/pages/answer/names.json.ts); one file per provider beside it. */
export const ANSWER_NAMES = '/answer/names.json';
export const answerFile = (domain: string) => `/answer/${domain}.json`;
