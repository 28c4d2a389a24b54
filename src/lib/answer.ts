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

/** /answer/index.json: every word the question is read with, normalised. */
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

/** Where `phrase` occurs in `text` as whole words: a Latin letter or digit at its edge may not touch another. */
function find(text: string, phrase: string): Span[] {
  const out: Span[] = [];
  if (phrase.length < 2) return out;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    const end = i + phrase.length;
    if (LATIN.test(phrase[0]!) && LATIN.test(text[i - 1] ?? '')) continue;
    if (LATIN.test(phrase.at(-1)!) && LATIN.test(text[end] ?? '')) continue;
    out.push({ start: i, end });
  }
  return out;
}

const hits = (text: string, entries: readonly (readonly [string, string[], number?])[]): Hit[] =>
  entries.flatMap(([id, names, priority], order) => names.flatMap((n) => find(text, n).map((s) => ({ ...s, id, order, priority, domainIsName: id.split('.').length === 2 && id.startsWith(`${n}.`) }))));
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const len = (s: Span) => s.end - s.start;
/** Longest first; for the same words the most used (priority), then the provider whose main domain is the name, then dataset order. */
const better = (a: Hit, b: Hit) => len(b) - len(a) || (a.priority ?? 0) - (b.priority ?? 0) || Number(b.domainIsName ?? false) - Number(a.domainIsName ?? false) || a.order - b.order;

/** Reads a question with the index's words. */
export function readQuestion(query: string, index: AnswerIndex): Question {
  let text = normalise(query);
  const dotted: string[] = [];
  const named: Hit[] = [];
  const wants = new Set<Want>();
  const want = (word: string) => WANTS.filter((w) => index.words[w].includes(word)).forEach((w) => wants.add(w));
  // A dotted word is a provider's name (mailo.com), else something for the lookup; its first
  // label can say the protocol (smtp.163.com).
  text = text.replace(DOTTED, (word) => {
    const name = index.providers.findIndex(([, names]) => names.includes(word));
    if (name >= 0) named.push({ start: -1, end: word.length - 1, id: index.providers[name]![0], order: name });
    else dotted.push(word);
    want(word.replace(/^.*@/, '').split('.')[0]!);
    return ' ';
  });
  for (const w of WANTS) if (index.words[w].some((word) => find(text, word).length)) wants.add(w);

  const providers = hits(text, index.providers).sort(better);
  const apps = hits(text, index.apps).sort(better);
  // A longer name holds a shorter one (`apple mail` the app, not Apple the provider; `qq mail` the provider).
  const kept = <T extends Hit>(mine: T[], others: Hit[]) => mine.filter((h, i) => !mine.slice(0, i).some((o) => overlaps(o, h) && len(o) > len(h)) && !others.some((o) => overlaps(o, h) && len(o) > len(h)));
  const p = kept(providers, apps);
  let a = kept(apps, providers);
  // A name that is both (`outlook`, `gmail`) is the app when another provider is named, else the provider.
  const both = (h: Hit) => p.some((o) => o.start === h.start && o.end === h.end);
  const otherProvider = p.some((o) => !a.some((x) => x.start === o.start && x.end === o.end));
  a = a.filter((h) => !both(h) || otherProvider);
  const found = [...named, ...p.filter((h) => !a.some((x) => x.start === h.start && x.end === h.end))].sort(better);
  // The best name, and the other providers that answer to the very same words.
  const best = found[0];
  const domains = best ? found.filter((h) => h.start === best.start && h.end === best.end).map((h) => h.id) : [];
  return { providers: [...new Set(domains)], dotted, app: a[0]?.id, wants: WANTS.filter((w) => wants.has(w)) };
}

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

/** Where the index is served (src/pages/answer/index.json.ts); one file per provider beside it. */
export const ANSWER_INDEX = '/answer/index.json';
export const answerFile = (domain: string) => `/answer/${domain}.json`;

/**
 * The search page's very first script (inline, so it runs while the page is parsed, before Pagefind's
 * start): for a ?q= link it fetches the answer index, which the page's module script reads later. A
 * failed fetch leaves `null`, and the module fetches again. The page adds this script's hash to its CSP.
 */
export const ANSWER_START = `if (new URLSearchParams(location.search).get('q')?.trim()) window.portolanAnswerIndex = fetch('${ANSWER_INDEX}').then((r) => (r.ok ? r.json() : null), () => null);`;
