// What a guide's prose can ask of the data: one object per (provider, client, locale).
import type { Client, Locale, Provider } from '../data/schema.ts';
import { rankServers, setupIncomingProtocol, setupServer, type RankedServer } from './servers.ts';

export interface GuideContext {
  locale: Locale;
  provider: Provider;
  client: Client;
  incoming: RankedServer;
  outgoing: RankedServer;
  /** Everything else the user could use instead, best first. */
  alternatives: RankedServer[];
}

const key = (s: RankedServer) => `${s.protocol}:${s.host}:${s.port}`;

export function guideContext(locale: Locale, provider: Provider, client: Client): GuideContext {
  const protocol = setupIncomingProtocol(provider, client.protocols);
  const incoming = protocol && setupServer(provider, protocol);
  const outgoing = setupServer(provider, 'smtp');
  if (!incoming || !outgoing) throw new Error(`${provider.domain}: no incoming and outgoing server that ${client.id} supports`);
  const alternatives = (['imap', 'pop3', 'smtp'] as const)
    .filter((p) => client.protocols.includes(p))
    .flatMap((p) => rankServers(provider, p))
    .filter((s) => key(s) !== key(incoming) && key(s) !== key(outgoing));
  return { locale, provider, client, incoming, outgoing, alternatives };
}

/**
 * Guides exist for every provider that has servers the client can use, encrypted or not: a user
 * of a provider that offers only plaintext still needs the settings (the guide warns).
 */
export function hasGuide(provider: Provider, client: Client): boolean {
  return Boolean(setupIncomingProtocol(provider, client.protocols) && setupServer(provider, 'smtp'));
}
