// DNS-over-HTTPS JSON API (the format Google started and Cloudflare and AliDNS follow):
// GET …?name=<name>&type=<number>, answered with {"Status": 0, "Answer": [{"name", "type", "TTL", "data"}]}.
// Used only after the visitor clicks; the CSP's connect-src (astro.config.mjs) allows exactly these origins.
import { LOCALE_INFO, LOCALES, type Locale } from '../data/locales.ts';

export interface Resolver {
  id: 'alidns' | 'cloudflare';
  /** Who runs it, as the page names it next to the button. */
  name: string;
  origin: string;
  path: string;
  /** Cloudflare answers JSON only when asked for application/dns-json; AliDNS asks browsers to send no extra headers. */
  headers: Record<string, string>;
}

export const RESOLVERS: readonly Resolver[] = [
  { id: 'alidns', name: 'AliDNS (阿里公共 DNS)', origin: 'https://dns.alidns.com', path: '/resolve', headers: {} },
  { id: 'cloudflare', name: 'Cloudflare', origin: 'https://cloudflare-dns.com', path: '/dns-query', headers: { accept: 'application/dns-json' } },
];

/** The resolver each locale's pages offer first (src/data/locales.ts says which and why). */
export const DEFAULT_RESOLVER = Object.fromEntries(LOCALES.map((l) => [l, LOCALE_INFO[l].resolver])) as Record<Locale, Resolver['id']>;

export const TYPE = { MX: 15, TXT: 16 } as const;
export type RecordType = keyof typeof TYPE;

export const resolverById = (id: string): Resolver => RESOLVERS.find((r) => r.id === id) ?? RESOLVERS[0]!;

export const queryUrl = (r: Resolver, name: string, type: RecordType) => `${r.origin}${r.path}?name=${encodeURIComponent(name)}&type=${TYPE[type]}`;

/**
 * Why a query failed, each said differently on the page: no answer in time, no connection at all,
 * an HTTP error, a DNS error status (SERVFAIL…), or a body that is not the DNS JSON format.
 */
export const DNS_FAILURES = ['timeout', 'network', 'http', 'dns', 'format'] as const;
export type DnsFailure = (typeof DNS_FAILURES)[number];

export class ResolverError extends Error {
  readonly reason: DnsFailure;
  /** What the page shows of it: seconds waited, the HTTP status, the DNS status's name. */
  readonly detail: string;
  constructor(reason: DnsFailure, detail: string) {
    super(`${reason}: ${detail}`);
    this.name = 'ResolverError';
    this.reason = reason;
    this.detail = detail;
  }
}

/** RCODE names, RFC 1035 §4.1.1 (1–5) and RFC 6895 §2.3 for the rest a resolver may send. */
const RCODE: Record<number, string> = { 1: 'FORMERR', 2: 'SERVFAIL', 4: 'NOTIMP', 5: 'REFUSED' };

/**
 * The page's message for a failed query: `templates` holds one per reason, with {resolver} and
 * {detail} to fill in (the page renders them in its language).
 */
export function failureMessage(templates: Record<DnsFailure, string>, resolver: Resolver, error: unknown): string {
  const e = error instanceof ResolverError ? error : new ResolverError('network', String(error));
  return templates[e.reason].replace('{resolver}', () => resolver.name).replace('{detail}', () => e.detail);
}

interface DnsJson {
  Status?: unknown;
  Answer?: unknown;
}

/**
 * The answers of one type from a JSON response. NXDOMAIN (Status 3) is an empty answer, not a failure:
 * the domain has no such records. Any other non-zero Status (SERVFAIL, REFUSED…) is a failure.
 */
export function answers(json: unknown, type: RecordType): string[] {
  const body = json as DnsJson;
  if (typeof body !== 'object' || body === null || typeof body.Status !== 'number') throw new ResolverError('format', 'no Status field');
  if (body.Status === 3) return [];
  if (body.Status !== 0) throw new ResolverError('dns', RCODE[body.Status] ?? String(body.Status));
  if (body.Answer === undefined) return [];
  if (!Array.isArray(body.Answer)) throw new ResolverError('format', 'Answer is not a list');
  return body.Answer.filter((a): a is { type: number; data: string } => a?.type === TYPE[type] && typeof a.data === 'string').map((a) => a.data);
}

export interface Mx {
  priority: number;
  host: string;
}

/** "10 mx1.qiye.aliyun.com." → { priority: 10, host: "mx1.qiye.aliyun.com" }. */
export function parseMx(data: string): Mx | null {
  const m = data.trim().match(/^(\d+)\s+(\S+)$/);
  if (!m) return null;
  return { priority: Number(m[1]), host: m[2]!.toLowerCase().replace(/\.$/, '') };
}

/**
 * A TXT answer's text. Cloudflare quotes each character-string (`"v=spf1 " "-all"` for long records),
 * others send the bare text; both become one string, as the record's consumer reads it.
 */
export function txtText(data: string): string {
  const trimmed = data.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  const parts = [...trimmed.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(\d{3})/g, (_, d: string) => String.fromCharCode(Number(d))).replace(/\\(.)/g, '$1'));
  return parts.join('');
}

/** Asks one resolver; fails with a ResolverError after `timeoutMs` or on any network or format problem. */
export async function query(resolver: Resolver, name: string, type: RecordType, timeoutMs = 8000, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchImpl(queryUrl(resolver, name, type), { headers: resolver.headers, signal: controller.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    } catch (e) {
      throw controller.signal.aborted ? new ResolverError('timeout', String(timeoutMs / 1000)) : new ResolverError('network', String(e));
    }
    if (!response.ok) throw new ResolverError('http', String(response.status));
    let json: unknown;
    try {
      json = await response.json();
    } catch (e) {
      throw controller.signal.aborted ? new ResolverError('timeout', String(timeoutMs / 1000)) : new ResolverError('format', 'not JSON');
    }
    const data = answers(json, type);
    return type === 'TXT' ? data.map(txtText) : data;
  } finally {
    clearTimeout(timer);
  }
}

/** A domain's MX hosts, best (lowest priority) first. */
export async function queryMx(resolver: Resolver, domain: string, timeoutMs?: number, fetchImpl?: typeof fetch): Promise<Mx[]> {
  const data = await query(resolver, domain, 'MX', timeoutMs, fetchImpl);
  return data.map(parseMx).filter((m): m is Mx => m !== null && m.host !== '').sort((a, b) => a.priority - b.priority);
}
