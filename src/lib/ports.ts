// Facts about well-known mail ports. Port pages, validation and the recommended-server
// choice all read this table, so a port's meaning is written down once.
import type { Protocol, Security } from '../data/schema.ts';

export interface PortFact {
  port: number;
  protocol: Protocol;
  /** The security mode the port is defined for. */
  security: Security;
  /** The modes that do not contradict the port's standard use. */
  allowed: readonly Security[];
  /** The RFC that defines that use. */
  rfc: string;
  /** Commonly blocked by ISPs and cloud hosts for outgoing connections. */
  oftenBlocked: boolean;
}

export const PORT_FACTS: readonly PortFact[] = [
  { port: 25, protocol: 'smtp', security: 'none', allowed: ['none', 'starttls'], rfc: 'RFC 5321', oftenBlocked: true },
  { port: 110, protocol: 'pop3', security: 'none', allowed: ['none', 'starttls'], rfc: 'RFC 1939', oftenBlocked: false },
  { port: 143, protocol: 'imap', security: 'none', allowed: ['none', 'starttls'], rfc: 'RFC 9051', oftenBlocked: false },
  { port: 465, protocol: 'smtp', security: 'ssl/tls', allowed: ['ssl/tls'], rfc: 'RFC 8314', oftenBlocked: false },
  { port: 587, protocol: 'smtp', security: 'starttls', allowed: ['starttls'], rfc: 'RFC 6409', oftenBlocked: false },
  { port: 993, protocol: 'imap', security: 'ssl/tls', allowed: ['ssl/tls'], rfc: 'RFC 8314', oftenBlocked: false },
  { port: 995, protocol: 'pop3', security: 'ssl/tls', allowed: ['ssl/tls'], rfc: 'RFC 8314', oftenBlocked: false },
];

export function portFact(port: number): PortFact | undefined {
  return PORT_FACTS.find((f) => f.port === port);
}

/** Why a (port, protocol, security) triple contradicts the port's standard use, or null. */
export function portContradiction(port: number, protocol: Protocol, security: Security): string | null {
  const fact = portFact(port);
  if (!fact) return null;
  if (fact.protocol !== protocol) return `port ${port} is the standard ${fact.protocol.toUpperCase()} port (${fact.rfc}), not ${protocol.toUpperCase()}`;
  if (!fact.allowed.includes(security)) return `port ${port} is defined for ${fact.allowed.join(' or ')} (${fact.rfc}), not ${security}`;
  return null;
}

/** The RFC's canonical address, for links. */
export const rfcUrl = (rfc: string) => `https://www.rfc-editor.org/rfc/${rfc.toLowerCase().replace(/\s+/g, '')}`;

/** Ports every client-facing page covers, even if no provider in the dataset uses them. */
export const COMMON_PORTS = PORT_FACTS.map((f) => f.port);

/** The encrypted port a user should move to instead of this one, if any. */
export function betterPort(port: number): PortFact | undefined {
  const fact = portFact(port);
  if (!fact || fact.security === 'ssl/tls') return undefined;
  return PORT_FACTS.find((f) => f.protocol === fact.protocol && f.security === 'ssl/tls');
}
