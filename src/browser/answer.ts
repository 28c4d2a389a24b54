// The answer card above the search results (src/lib/answer.ts): read the question, find the named
// provider's answer (in the page's own index for the curated ones, else its own file), show host,
// port and encryption (or the password rule), each with a copy button, its grade and links.
// Independent of Pagefind: it shows even when Pagefind fails to load. Everything typed is put into
// the page as text, never as HTML.
//
// The search page carries this code and its index inline, right after the card's box (built by the
// `?classic` import, src/integrations/classic-script.ts): a ?q= link's card is filled in while the
// page is parsed, with no request, before the page's main module (src/browser/search.ts) runs. That
// module reaches it through window.portolanAnswer.
import { answerFile, answerParts, foundCurated, normalise, readQuestion, type AnswerGrade, type AnswerIndex, type ProviderAnswer, type Question } from '../lib/answer.ts';
import { nameNeedsDomain } from '../lib/domains.ts';
import type { Protocol } from '../data/schema.ts';

type LookupCode = typeof import('../lib/lookup.ts');

/** What the search page's main module uses of this one. */
export interface AnswerApi {
  showAnswer: typeof showAnswer;
  portItems: typeof portItems;
  answeredItem: typeof answeredItem;
  /** The main module hands over how to load the address lookup (imported here, Vite would put its preload helper before the card). */
  useLookup: (load: () => Promise<LookupCode>) => void;
  /** A ?q= link's answer, started as this module ran; `stale` once another question is asked. */
  first?: { query: string; answered: Promise<Answered | null>; stale: boolean };
}

declare global {
  interface Window {
    portolanAnswer?: AnswerApi;
  }
}

/** The page's index (src/lib/answer-index.ts pageIndex), in the JSON script before this one. */
const index = JSON.parse(document.getElementById('answer-index')!.textContent!) as AnswerIndex;

interface Text {
  title: string;
  all: string;
  guide: string;
  others: string;
  passwordField: string;
  host: string;
  port: string;
  security: string;
  use: Record<string, string>;
  securityName: Record<string, string>;
  gradeNote: Record<string, string>;
  copy: string;
  copyValue: string;
  copied: string;
  copyFailed: string;
  typeProvider: string;
  protocolName: Record<string, string>;
  apps: Record<string, string>;
}

/** The provider a question named, what the card showed of it, and the page that answers it. */
export interface Answered {
  data: ProviderAnswer;
  protocols: Protocol[];
  /** Its provider page, at the section asked about when there is one. */
  href: string;
}

const files = new Map<string, Promise<unknown>>();
/** Fetched once per page; a failure is forgotten, so the next question tries again. */
function get<T>(url: string): Promise<T> {
  let got = files.get(url) as Promise<T> | undefined;
  if (!got) {
    got = fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`${url}: HTTP ${r.status}`))));
    files.set(url, got);
    got.catch(() => files.delete(url));
  }
  return got;
}

/** The index with every provider's names, for a question the page's own names do not settle. */
const whole = async (): Promise<AnswerIndex> => (index.more ? { ...index, providers: await get<AnswerIndex['providers']>(index.more), more: undefined } : index);
const sameReading = (a: Question, b: Question) => a.providers.join() === b.providers.join() && a.app === b.app;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

const fill = (pattern: string, name: string) => pattern.replace('%s', name);

let useLookup!: (load: () => Promise<LookupCode>) => void;
const lookupLoader = new Promise<() => Promise<LookupCode>>((ok) => (useLookup = ok));

/** Which providers the question names: by name, else by a domain, hostname or address the lookup knows. */
async function named(q: ReturnType<typeof readQuestion>): Promise<string[]> {
  if (q.providers.length || !q.dotted.length) return q.providers;
  const { lookup } = await (await lookupLoader)();
  const found = await Promise.all(q.dotted.map((d) => lookup(d).catch(() => null)));
  return [...new Set(found.flatMap((f) => (f?.kind === 'known' || f?.kind === 'host' ? [f.domain] : f?.kind === 'shared' ? f.domains : [])))];
}

/**
 * Shows the answer to `query` in `box`, or hides the box when the data cannot answer. `current`
 * says whether this query is still the one typed (a later one wins). Resolves to the provider the
 * question named, when it asks about one or is one hostname or domain, for the list to put first.
 */
export async function showAnswer(box: HTMLElement, query: string, current: () => boolean): Promise<Answered | null> {
  const text = JSON.parse(box.dataset.text!) as Text;
  const locale = document.documentElement.lang.toLowerCase() as 'zh-cn' | 'en';
  const base = `/${locale}/`;
  // Which question the box now answers, shown or not: tests wait for it.
  const hide = () => {
    if (!current()) return null;
    box.hidden = true;
    box.dataset.for = query;
    return null;
  };
  if (!query.trim()) return hide();
  try {
    let q = readQuestion(query, index);
    // A hostname or domain alone (smtp.163.com) names its provider's page, even when it asks nothing.
    const oneName = /^[^\s]+\.[^\s]+$/.test(normalise(query));
    if (!q.wants.length && !oneName) return hide();
    if (index.more && !foundCurated(q, index)) q = readQuestion(query, await whole());
    const shown = await show(q, oneName);
    // A name that is an app's too (`outlook`, `gmail`) is the app if another provider is named, and
    // that one may be among the names the page does not carry: the card shows now, and is checked.
    if (!q.appToo || !index.more || !current()) return shown;
    const again = readQuestion(query, await whole().catch(() => index));
    return sameReading(q, again) ? shown : await show(again, oneName);
  } catch {
    return hide();
  }

  async function show(q: Question, oneName: boolean): Promise<Answered | null> {
    const domains = await named(q);
    const domain = domains[0];
    if (!domain || !current()) return hide();
    const data = index.answers[domain] ?? (await get<ProviderAnswer>(answerFile(domain)));
    const parts = answerParts(q, data);
    if (!current()) return null;
    const page = `${base}${domain}/`;
    const one = parts.protocols.length === 1 ? parts.protocols[0]! : null;
    const answered: Answered = { data, protocols: parts.protocols, href: one ? `${page}#${one}-${data.servers[one]![1]}` : parts.password ? `${page}#password` : page };
    if (!parts.protocols.length && !parts.password) return oneName ? (hide(), answered) : hide();
    const name = data.name[locale];
    const guide = q.app && data.guides.includes(q.app) ? `${page}${q.app}/` : null;

    const copy = (value: string) => {
      const b = el('button', text.copy, { type: 'button', class: 'copy', 'aria-label': fill(text.copyValue, value) });
      b.addEventListener('click', () =>
        navigator.clipboard.writeText(value).then(
          () => {
            b.textContent = text.copied;
            b.classList.add('done');
          },
          () => (b.textContent = text.copyFailed),
        ),
      );
      return b;
    };
    // As the provider page's badge: only disagreeing sources are coloured (src/components/Grade.astro).
    const grade = ([g, words]: AnswerGrade) => el('span', words[locale], { class: `evidence grade-${g}${g === 'disagree' ? ' unconfirmed' : ''}`, title: text.gradeNote[g]!, 'data-grade': g });
    const field = (label: string, value: string, copyable: boolean) => {
      const d = el('div');
      const dd = el('dd');
      dd.append(el('code', value));
      if (copyable) dd.append(copy(value));
      d.append(el('dt', label), dd);
      return d;
    };

    const blocks = parts.protocols.map((protocol: Protocol) => {
      const [host, port, security, g] = data.servers[protocol]!;
      const div = el('div', undefined, { 'data-answer': '', 'data-protocol': protocol });
      const h = el('h3');
      h.append(el('a', text.use[protocol], { href: `${page}#${protocol}-${port}` }), grade(g));
      const dl = el('dl');
      dl.append(field(text.host, host, true), field(text.port, String(port), true), field(text.security, text.securityName[security]!, false));
      div.append(h, dl);
      return div;
    });
    if (parts.password) {
      const div = el('div', undefined, { 'data-answer': '', 'data-password': '' });
      const h = el('h3');
      h.append(el('a', text.passwordField, { href: `${page}#password` }), grade(data.password!.grade));
      const p = el('p');
      p.append(el('strong', data.password!.name[locale]), copy(data.password!.name[locale]));
      div.append(h, p);
      blocks.push(div);
    }
    const links = el('p');
    links.append(el('a', fill(text.all, name), { href: page }));
    if (guide) {
      const directions = new Set([...parts.protocols.map((p) => (p === 'smtp' ? 'outgoing' : 'incoming')), ...(parts.password ? ['password'] : [])]);
      links.append(' · ', el('a', fill(text.guide, text.apps[q.app!]!), { href: directions.size === 1 ? `${guide}#${[...directions][0]}` : guide }));
    }
    const parts2: Node[] = [el('h2', fill(text.title, name), { id: 'answer-h' }), ...blocks, links];
    // A name several providers answer to: the most used one answers, the others are a click away.
    const others = domains.slice(1, 4);
    if (others.length) {
      const p = el('p', text.others);
      others.forEach((d, i) => p.append(i ? ', ' : ' ', el('a', d, { href: `${base}${d}/` })));
      parts2.push(p);
    }
    box.replaceChildren(...parts2);
    box.hidden = false;
    box.dataset.for = query;
    return answered;
  }
}

/**
 * A bare port's most used providers (curated, by priority) as results after its port page, built from
 * the answer index: their pages' fragments are not fetched, so a first search costs no more.
 */
export async function portItems(box: HTMLElement, port: string): Promise<HTMLLIElement[]> {
  const text = JSON.parse(box.dataset.text!) as Text;
  const locale = document.documentElement.lang.toLowerCase() as 'zh-cn' | 'en';
  return (index.ports[port] ?? []).map(([domain, protocol, host]) => {
    const t = index.answers[domain]!;
    return item(titled(t.title[locale], domain), `/${locale}/${domain}/#${protocol}-${port}`, `${text.typeProvider} · ${t.name[locale]}`, `${text.protocolName[protocol]} ${host}:${port}`);
  });
}

/** A result's title names the domain, once: some titles have it already ("NetEase yeah.net Mail"). */
const titled = (title: string, domain: string) => (nameNeedsDomain(title.toLowerCase(), domain) ? `${title} ${domain}` : title);

function item(title: string, href: string, facets: string, excerpt: string): HTMLLIElement {
  const li = el('li', undefined, { 'data-answered': '' });
  const h = el('h2');
  h.append(el('a', title, { href }));
  li.append(h, el('p', facets, { class: 'facets' }), el('p', excerpt));
  return li;
}

/**
 * The provider's page as the list's first result, built from the answer data (the page Pagefind
 * would find, which the list then leaves out): its title, what kind of page it is, and its servers.
 */
export function answeredItem(a: Answered, box: HTMLElement): HTMLLIElement {
  const text = JSON.parse(box.dataset.text!) as Text;
  const locale = document.documentElement.lang.toLowerCase() as 'zh-cn' | 'en';
  const domain = a.href.split('/')[2]!;
  const shown = a.protocols.length ? a.protocols : (Object.keys(a.data.servers) as Protocol[]);
  const servers = shown.map((p) => `${text.protocolName[p]} ${a.data.servers[p]![0]}:${a.data.servers[p]![1]} ${text.securityName[a.data.servers[p]![2]]}`);
  return item(titled(a.data.title[locale], domain), a.href, `${text.typeProvider} · ${a.data.name[locale]}`, servers.join(' · '));
}

const api: AnswerApi = { showAnswer, portItems, answeredItem, useLookup };
window.portolanAnswer = api;
const box = document.getElementById('answer');
const query = new URLSearchParams(location.search).get('q')?.trim();
if (box && query) {
  const first: NonNullable<AnswerApi['first']> = { query, stale: false, answered: Promise.resolve(null) };
  first.answered = showAnswer(box, query, () => !first.stale);
  api.first = first;
}
