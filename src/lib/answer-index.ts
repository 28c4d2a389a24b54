// Builds what the search page's answer reads (src/lib/answer.ts) from the dataset and the locale
// strings: the index of names and words, and one small file per provider. Served by src/pages/answer/.
import { LOCALES, PROTOCOLS, type Client, type Locale, type Provider } from '../data/schema.ts';
import { basis, type Fact, type Stated } from './evidence.ts';
import { hasGuide } from './guide.ts';
import { t } from './i18n.ts';
import { isCurated } from './merge.ts';
import { passwordName } from './password.ts';
import { setupServer } from './servers.ts';
import { ANSWER_NAMES, canMeet, normalise, WANTS, type AnswerGrade, type AnswerIndex, type ProviderAnswer } from './answer.ts';

const names = (list: (string | undefined)[]) => [...new Set(list.filter((n): n is string => Boolean(n)).map(normalise))].filter((n) => n.length > 1);
const byLocale = (f: (l: (typeof LOCALES)[number]) => string) => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as ProviderAnswer['name'];

/** How many providers a bare port lists before Pagefind's results: with the port page, one page of results. */
export const PORT_PROVIDERS = 4;

export function answerIndex(providers: readonly Provider[], clients: readonly Client[]): AnswerIndex {
  const curated = providers.filter(isCurated);
  const ports: AnswerIndex['ports'] = {};
  for (const p of curated)
    for (const protocol of PROTOCOLS)
      for (const s of p.servers[protocol]) {
        const list = (ports[s.port] ??= []);
        if (list.length < PORT_PROVIDERS && !list.some(([d]) => d === p.domain)) list.push([p.domain, protocol, s.host]);
      }
  return {
    // The providers most questions name, and the ones a bare port lists: the search page carries them (pageIndex).
    answers: Object.fromEntries(curated.map((p) => [p.domain, providerAnswer(p, clients)])),
    ports,
    words: Object.fromEntries(WANTS.map((w) => [w, names(LOCALES.flatMap((l) => t(l).answerWords[w]))])) as AnswerIndex['words'],
    apps: clients.map((c) => [c.id, names([c.id, ...(c.aliases ?? [])])]),
    providers: providers.map((p) => [
      p.domain,
      names([
        ...LOCALES.flatMap((l) => [p.shortName[l], p.name[l]]),
        ...(p.aliases ?? []),
        // Its domains are names too, read before any lookup: the main one, and a curated provider's others
        // (foxmail.com); an imported provider's many others are left to the address lookup's shards.
        p.domain,
        ...(isCurated(p) ? p.otherDomains : []),
        // A curated provider's main domain without its suffix is its name too (`163`, `qq`, `gmail`);
        // an imported one's is often a plain word (mail.com, email.cz, free.fr), so only its names count.
        isCurated(p) && p.domain.split('.').length === 2 ? p.domain.split('.')[0] : undefined,
      ]),
      p.priority,
    ]),
  };
}

/**
 * What the search page carries in its HTML, so a question about a curated provider is answered as the
 * page is read, without a request: the index without the names such a question cannot meet. Kept: the
 * curated providers' names, and any other provider's that can meet one of them in a text (`yahoo
 * japan` holds `yahoo`, and the longer name wins). The rest is fetched (`more`) only when these find no
 * provider; any other provider named beside a curated one answers after it (readQuestion).
 */
export function pageIndex(index: AnswerIndex, locale: Locale): AnswerIndex {
  const curated = index.providers.filter(([domain]) => domain in index.answers).flatMap(([, names]) => names);
  const providers = index.providers.filter(([domain, names]) => domain in index.answers || names.some((n) => curated.some((c) => canMeet(n, c))));
  // The answers' words in the page's language only: the card reads no other.
  const only = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(only) : v && typeof v === 'object' ? (LOCALES.every((l) => l in v) ? { [locale]: (v as Record<Locale, string>)[locale] } : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, only(x)]))) : v;
  return { ...index, answers: only(index.answers) as AnswerIndex['answers'], providers, more: ANSWER_NAMES };
}

export function providerAnswer(p: Provider, clients: readonly Client[]): ProviderAnswer {
  // The badge the provider page shows for the fact (src/components/Evidence.astro).
  const grade = (fact: Fact & Stated): AnswerGrade => [basis(fact, p, LOCALES[0]).grade, byLocale((l) => basis(fact, p, l).text)];
  return {
    name: byLocale((l) => p.shortName[l]),
    title: byLocale((l) => p.name[l]),
    // The server a guide sets up: the recommended one, or a plaintext one where nothing else is offered (the card says so).
    servers: Object.fromEntries(
      PROTOCOLS.flatMap((protocol) => {
        const s = setupServer(p, protocol);
        return s ? [[protocol, [s.host, s.port, s.security, grade(s)]]] : [];
      }),
    ),
    ...(p.password && { password: { name: byLocale((l) => passwordName(p, l)), grade: grade(p.password) } }),
    guides: clients.filter((c) => hasGuide(p, c)).map((c) => c.id),
  };
}
