// Which server a guide tells the user to use, and in what order the alternatives follow.
// RFC 8314: implicit TLS first, then STARTTLS; plaintext is listed but never recommended.
import type { Protocol, Provider, Server } from '../data/schema.ts';
import { gradeOf, gradeRank, type Grade } from './evidence.ts';

const RANK = { 'ssl/tls': 0, starttls: 1, none: 2 } as const;

export interface RankedServer extends Server {
  protocol: Protocol;
  recommended: boolean;
  grade: Grade;
}

/** A protocol's servers, best first: by encryption, then by evidence grade, then file order; the first encrypted one is recommended. */
export function rankServers(provider: Pick<Provider, 'servers' | 'sources'>, protocol: Protocol): RankedServer[] {
  const sorted = provider.servers[protocol]
    .map((s, i) => ({ s, i, grade: gradeOf(s, provider.sources) }))
    .sort((a, b) => RANK[a.s.security] - RANK[b.s.security] || gradeRank(a.grade) - gradeRank(b.grade) || a.i - b.i);
  return sorted.map(({ s, grade }, i) => ({ ...s, protocol, grade, recommended: i === 0 && s.security !== 'none' }));
}

export function recommended(provider: Provider, protocol: Protocol): RankedServer | undefined {
  return rankServers(provider, protocol).find((s) => s.recommended);
}

/** The incoming protocol a guide sets up: IMAP keeps mail in sync across devices, so it wins when offered. */
export function incomingProtocol(provider: Provider, supported: readonly Protocol[] = ['imap', 'pop3']): 'imap' | 'pop3' | undefined {
  return (['imap', 'pop3'] as const).find((p) => supported.includes(p) && recommended(provider, p));
}

/**
 * The server a guide sets up for a protocol: the recommended one, or, when the provider offers
 * that protocol only in plaintext, the best plaintext one, under the warning of `unencrypted`.
 */
export function setupServer(provider: Provider, protocol: Protocol): RankedServer | undefined {
  return rankServers(provider, protocol)[0];
}

/** The incoming protocol a guide sets up: an encrypted one if there is one (see incomingProtocol), else any offered. */
export function setupIncomingProtocol(provider: Provider, supported: readonly Protocol[] = ['imap', 'pop3']): 'imap' | 'pop3' | undefined {
  return incomingProtocol(provider, supported) ?? (['imap', 'pop3'] as const).find((p) => supported.includes(p) && provider.servers[p].length > 0);
}

/**
 * The incoming and outgoing server a page, guide or profile sets up: the recommended (encrypted)
 * ones, or with `plaintext`, as a guide does, the best plaintext ones where nothing else is offered.
 * `supported`: the incoming protocols the client can set up.
 */
export function serverPair(
  provider: Provider,
  { supported = ['imap', 'pop3'], plaintext = false }: { supported?: readonly Protocol[]; plaintext?: boolean } = {},
): { incoming: RankedServer | undefined; outgoing: RankedServer | undefined } {
  const protocol = plaintext ? setupIncomingProtocol(provider, supported) : incomingProtocol(provider, supported);
  const pick = (p: Protocol) => (plaintext ? setupServer(provider, p) : recommended(provider, p));
  return { incoming: protocol ? pick(protocol) : undefined, outgoing: pick('smtp') };
}

export type Direction = 'incoming' | 'outgoing';
export const DIRECTIONS: Record<Direction, readonly Protocol[]> = { incoming: ['imap', 'pop3'], outgoing: ['smtp'] };

/** The directions in which the provider offers servers but not one of them encrypted: its pages warn about each. */
export function unencrypted(provider: Provider): Direction[] {
  return (Object.keys(DIRECTIONS) as Direction[]).filter((d) => {
    const servers = DIRECTIONS[d].flatMap((p) => provider.servers[p]);
    return servers.length > 0 && servers.every((s) => s.security === 'none');
  });
}

export function allServers(provider: Provider): RankedServer[] {
  return (['imap', 'pop3', 'smtp'] as const).flatMap((p) => rankServers(provider, p));
}

/** The user name a client needs for this server, for a given address. */
export function usernameFor(server: Server, address: string): string {
  const [local, domain] = address.split('@') as [string, string];
  return server.username === 'address' ? address : server.username === 'localpart.domain' ? `${local}.${domain}` : local;
}
