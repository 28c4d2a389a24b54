// The check that guide prose types no provider- or client-specific word of its own: it reads a
// built guide page as a reader gets it (text and attribute values, entities decoded, full-width
// forms folded by NFKC, invisible characters dropped), removes what the data put there (elements
// marked data-value by V, Step, StepRef and PasswordHow), and reports every hostname, port
// number, step number and password noun left. Used by tests/e2e/prose.spec.ts on every built
// guide page, and tested on small fixtures by tests/unit/prose.test.ts.
import type { Provider } from '../src/data/schema.ts';
import { domainsOf } from '../src/lib/domains.ts';

export interface ProseFacts {
  /** Every hostname and domain of the dataset. */
  hosts: string[];
  /** Every port number of the dataset. */
  ports: number[];
  /** What the providers call their passwords, e.g. 客户端授权码, app password, and their head nouns such as "code". */
  passwordNouns: string[];
}

/** What the prose must not say by itself, from the dataset. */
export function proseFacts(providers: Provider[]): ProseFacts {
  const hosts = new Set<string>();
  const ports = new Set<number>();
  const nouns = new Set<string>();
  for (const p of providers) {
    for (const d of domainsOf(p)) hosts.add(d);
    for (const s of [...p.servers.imap, ...p.servers.pop3, ...p.servers.smtp]) {
      hosts.add(s.host);
      ports.add(s.port);
    }
    // A provider that takes no password has no password noun for prose to type.
    if (p.password?.kind === 'oauth-only') continue;
    for (const name of Object.values(p.password?.name ?? {})) {
      // "client authorization code (客户端授权码)", "客户端授权码（授权密码）": each part is a name.
      for (const part of name.split(/[()（）]/).map((x) => x.trim()).filter(Boolean)) {
        const words = part.split(/\s+/).length;
        // A lone English word ("unknown") is no name to look for; a Chinese part always is.
        if (words > 1 || /[^\x00-\x7f]/.test(part)) nouns.add(part.toLowerCase());
        // The head noun of a short English name ("code" of "client authorization code"), unless it is the
        // generic "password"; a longer phrase ("… once secure login is on") ends in no noun of its own.
        const head = /([a-z]+)$/i.exec(part)?.[1]?.toLowerCase();
        if (head && words >= 2 && words <= 3 && head !== 'password') nouns.add(head);
      }
    }
  }
  return { hosts: [...hosts], ports: [...ports], passwordNouns: [...nouns] };
}

const BLOCK = new Set(['p', 'li', 'ul', 'ol', 'div', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th', 'pre', 'blockquote', 'hr']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', period: '.', colon: ':', sol: '/', num: '#' };
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });

/** The part of a guide page that its MDX prose renders: the `<ol class="steps">` list. */
export function stepsHtml(page: string): string {
  const start = page.search(/<ol class="steps"/);
  if (start < 0) throw new Error('no <ol class="steps"> in the page');
  let depth = 0;
  for (const m of page.slice(start).matchAll(/<(\/?)ol\b/g)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return page.slice(start, start + m.index! + '</ol>'.length);
  }
  throw new Error('<ol class="steps"> is not closed');
}

/**
 * The text a reader gets from some HTML, without the elements marked data-value (and what they
 * hold): text and the values of attributes (title, aria-label, alt, href…), entities decoded,
 * NFKC-normalised (full-width ９９３ is 993), invisible characters dropped. Tags of inline
 * elements join their neighbours, as a browser shows them (`99<span></span>3` is 993).
 */
export function proseText(html: string): string {
  html = html.replace(/<!--[\s\S]*?-->/g, '');
  const out: string[] = [];
  let skipping: { name: string; depth: number } | undefined;
  let last = 0;
  for (const m of html.matchAll(TAG)) {
    const [whole, closing, rawName, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    const name = rawName.toLowerCase();
    if (!skipping) out.push(html.slice(last, m.index));
    last = m.index! + whole.length;
    const opens = !closing && !selfClosing && !VOID.has(name);
    if (skipping) {
      if (name === skipping.name) skipping.depth += closing ? -1 : opens ? 1 : 0;
      if (skipping.depth === 0) skipping = undefined;
      continue;
    }
    const attributes = [...attrs.matchAll(ATTR)].map((a) => ({ name: a[1]!.toLowerCase(), value: a[2] ?? a[3] ?? a[4] ?? '' }));
    if (!closing && attributes.some((a) => a.name === 'data-value')) {
      if (opens) skipping = { name, depth: 1 };
      continue;
    }
    for (const a of attributes) if (a.name !== 'class' && a.name !== 'id' && a.value) out.push(` ${a.value} `);
    if (BLOCK.has(name)) out.push(' ');
  }
  if (!skipping) out.push(html.slice(last));
  return decode(out.join(''))
    .normalize('NFKC')
    .replace(/[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g, '')
    .replace(/\s+/g, ' ');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HOSTNAME = /(?<![a-z0-9-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?![a-z0-9-])/gi;
const PORT_WORD = /(?:\bports?\b|端口)\s*[:：]?\s*(\d+)/gi;
const STEP_WORD = /\bsteps?\s*\d+|第\s*\d+\s*步|步骤\s*\d+/gi;

/** Everything in a prose text that should have come from the data, each with a little context. */
export function proseLeaks(text: string, facts: ProseFacts): string[] {
  const leaks = new Set<string>();
  const at = (i: number, what: string) => leaks.add(`${what} in “${text.slice(Math.max(0, i - 20), i + what.length + 20).trim()}”`);
  for (const m of text.matchAll(HOSTNAME)) at(m.index!, `hostname ${m[0]}`);
  for (const host of facts.hosts) {
    for (const m of text.matchAll(new RegExp(`(?<![a-z0-9-])${escapeRe(host)}(?![a-z0-9-])`, 'gi'))) at(m.index!, `hostname ${m[0]}`);
  }
  for (const port of facts.ports) for (const m of text.matchAll(new RegExp(`(?<!\\d)${port}(?!\\d)`, 'g'))) at(m.index!, `port ${m[0]}`);
  for (const m of text.matchAll(PORT_WORD)) at(m.index!, `port number ${m[1]}`);
  for (const m of text.matchAll(STEP_WORD)) at(m.index!, `step number “${m[0]}”`);
  for (const noun of facts.passwordNouns) {
    const latin = /^[a-z ]+$/.test(noun);
    const re = new RegExp(latin ? `\\b${escapeRe(noun)}\\b` : escapeRe(noun), 'gi');
    for (const m of text.matchAll(re)) at(m.index!, `password noun “${m[0]}”`);
  }
  return [...leaks];
}
