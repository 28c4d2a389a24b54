// Which provider receives a domain's mail (from its MX hosts), and what is wrong with a domain's
// MX, SPF and DMARC records compared with its provider's. Pure functions: the browser fetches the
// records (src/lib/doh.ts), these decide; tests/unit/dns-check.test.ts feeds them real broken records.
import type { DnsRecords } from '../data/schema.ts';
import type { Mx } from './doh.ts';

/**
 * Whether a host matches an MX pattern, in which `*` stands for one or more letters, digits or
 * hyphens inside one label, at most once per label (`mx*.zoho.com`, `*.mxmail.netease.com`).
 * Compared label by label, each a prefix and a suffix test: no regular expression is built from
 * the pattern, so no pattern or resolver answer can make it backtrack (issue 20).
 */
export function matchesPattern(host: string, pattern: string): boolean {
  const hosts = host.toLowerCase().replace(/\.$/, '').split('.');
  const labels = pattern.split('.');
  return hosts.length === labels.length && labels.every((label, i) => labelMatches(hosts[i]!, label));
}

const LABEL = /^[a-z0-9-]+$/;

function labelMatches(host: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return host === pattern;
  // Two stars in a label are refused by the data checks (src/lib/rules/mx-patterns.ts); never a match here.
  if (star !== pattern.lastIndexOf('*')) return false;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return host.length > prefix.length + suffix.length && host.startsWith(prefix) && host.endsWith(suffix) && LABEL.test(host.slice(prefix.length, host.length - suffix.length));
}

/** An MX record value as a host: each `<…>` part (a label the admin console gives) becomes one letter. */
export const placeholderHost = (value: string) => value.replace(/<[^<>]*>/g, 'x').replace(/\.$/, '');

/** [pattern, provider domain] pairs, in the compact form the lookup map carries. */
export type MxPatterns = [string, string][];

export const mxPatternsOf = (dns: readonly DnsRecords[]): MxPatterns => dns.flatMap((d) => d.mxPatterns.map((p): [string, string] => [p.pattern, d.provider]));

/** Providers whose MX patterns match the domain's best-priority MX hosts (then any other), without repeats. */
export function providersForMx(mx: readonly Mx[], patterns: MxPatterns): string[] {
  const found: string[] = [];
  for (const { host } of [...mx].sort((a, b) => a.priority - b.priority)) {
    for (const [pattern, provider] of patterns) if (matchesPattern(host, pattern) && !found.includes(provider)) found.push(provider);
  }
  return found;
}

/** What the provider's own records say a domain should have. */
export interface Expected {
  mxPatterns: string[];
  /** Each inner list: include: domains any one of which satisfies the provider (sources may disagree on which). */
  spfIncludes: string[][];
}

export function expectedFrom(dns: DnsRecords): Expected {
  const includesOf = (value: string) => [...value.matchAll(/(?:^|\s)[+?~-]?include:(\S+)/gi)].map((m) => m[1]!.toLowerCase());
  const spf = dns.records.filter((r) => r.purpose === 'spf');
  const spfIncludes = spf.length ? [spf.flatMap((r) => [r.value, ...r.disagreements.map((d) => d.value)].flatMap(includesOf))].filter((l) => l.length) : [];
  return { mxPatterns: dns.mxPatterns.map((p) => p.pattern), spfIncludes };
}

/** What the resolver returned: MX hosts, TXT strings at the domain, TXT strings at _dmarc.<domain>. */
export interface Observed {
  mx: Mx[];
  txt: string[];
  dmarc: string[];
}

export const FINDINGS = [
  'mx-missing',
  'mx-elsewhere',
  'mx-mixed',
  'spf-missing',
  'spf-multiple',
  'spf-malformed',
  'spf-fullwidth',
  'spf-include-equals',
  'spf-include-missing',
  'spf-plus-all',
  'spf-no-all',
  'spf-too-many-lookups',
  'dmarc-missing',
  'dmarc-multiple',
  'dmarc-malformed',
  'dmarc-at-root',
  'ok-mx',
  'ok-spf',
  'ok-dmarc',
] as const;
export type FindingId = (typeof FINDINGS)[number];

export interface Finding {
  id: FindingId;
  level: 'error' | 'warning' | 'ok';
  /** The record text or hosts the finding is about, shown verbatim (as text) under the message. */
  detail?: string;
}

const isSpf = (t: string) => /^v=spf1(\s|$)/i.test(t.trim());
const mentionsSpf = (t: string) => /v\s*=\s*spf1/i.test(t);
const isDmarc = (t: string) => /^v=DMARC1\s*(;|$)/i.test(t.trim());
const mentionsDmarc = (t: string) => /v\s*=\s*dmarc1/i.test(t);
// Full-width colon, equals, comma and space, and curly quotes: pasted from a word processor or an IME.
const FULLWIDTH = /[：＝，　“”‘’]/;

function checkMx(mx: Mx[], expected: Expected): Finding[] {
  if (!mx.length) return [{ id: 'mx-missing', level: 'error' }];
  const ours = mx.filter((m) => expected.mxPatterns.some((p) => matchesPattern(m.host, p)));
  const detail = mx.map((m) => `${m.priority} ${m.host}`).join('\n');
  if (!ours.length) return [{ id: 'mx-elsewhere', level: 'error', detail }];
  if (ours.length < mx.length) return [{ id: 'mx-mixed', level: 'warning', detail: mx.filter((m) => !ours.includes(m)).map((m) => `${m.priority} ${m.host}`).join('\n') }];
  return [{ id: 'ok-mx', level: 'ok', detail }];
}

/** DNS-querying terms, each of which costs one of SPF's ten lookups (RFC 7208 §4.6.4). */
const LOOKUP_TERMS = /^[+?~-]?(include[:=]|a(\/|:|$)|mx(\/|:|$)|ptr(:|$)|exists:|redirect=)/i;

function checkSpf(txt: string[], expected: Expected): Finding[] {
  const spf = txt.filter(isSpf);
  const broken = txt.filter((t) => !isSpf(t) && mentionsSpf(t));
  const findings: Finding[] = [];
  for (const t of broken) findings.push({ id: FULLWIDTH.test(t) ? 'spf-fullwidth' : 'spf-malformed', level: 'error', detail: t });
  if (!spf.length) return broken.length ? findings : [{ id: 'spf-missing', level: 'error' }];
  if (spf.length > 1) findings.push({ id: 'spf-multiple', level: 'error', detail: spf.join('\n') });
  for (const record of spf) {
    if (FULLWIDTH.test(record)) findings.push({ id: 'spf-fullwidth', level: 'error', detail: record });
    const terms = record.trim().split(/\s+/).slice(1);
    const equals = terms.filter((t) => /^[+?~-]?include=/i.test(t));
    if (equals.length) findings.push({ id: 'spf-include-equals', level: 'error', detail: equals.join(' ') });
    const includes = terms.map((t) => t.match(/^[+?~-]?include:(.+)$/i)?.[1]?.toLowerCase()).filter((x): x is string => !!x);
    const missing = expected.spfIncludes.filter((alternatives) => !alternatives.some((a) => includes.includes(a)));
    // A misspelt include= already explains a missing include; say it once.
    if (missing.length && !equals.length) findings.push({ id: 'spf-include-missing', level: 'error', detail: missing.map((alts) => `include:${alts[0]}`).join(' ') });
    const all = terms.find((t) => /^[+?~-]?all$/i.test(t));
    if (all && /^\+?all$/i.test(all)) findings.push({ id: 'spf-plus-all', level: 'error', detail: record });
    if (!all && !terms.some((t) => /^redirect=/i.test(t))) findings.push({ id: 'spf-no-all', level: 'warning', detail: record });
    if (terms.filter((t) => LOOKUP_TERMS.test(t)).length > 10) findings.push({ id: 'spf-too-many-lookups', level: 'error', detail: record });
  }
  if (!findings.length) findings.push({ id: 'ok-spf', level: 'ok', detail: spf[0] });
  return findings;
}

function checkDmarc(dmarc: string[], txt: string[]): Finding[] {
  const records = dmarc.filter(mentionsDmarc);
  const atRoot = txt.filter(mentionsDmarc);
  if (!records.length) return [{ id: atRoot.length ? 'dmarc-at-root' : 'dmarc-missing', level: atRoot.length ? 'error' : 'warning', detail: atRoot[0] }];
  if (records.length > 1) return [{ id: 'dmarc-multiple', level: 'error', detail: records.join('\n') }];
  const record = records[0]!;
  if (!isDmarc(record) || !/(^|;)\s*p\s*=\s*(none|quarantine|reject)\s*(;|$)/i.test(record)) return [{ id: 'dmarc-malformed', level: 'error', detail: record }];
  return [{ id: 'ok-dmarc', level: 'ok', detail: record }];
}

/** Every finding for one domain, MX first, then SPF, then DMARC. */
export function checkRecords(observed: Observed, expected: Expected): Finding[] {
  return [...checkMx(observed.mx, expected), ...checkSpf(observed.txt, expected), ...checkDmarc(observed.dmarc, observed.txt)];
}
