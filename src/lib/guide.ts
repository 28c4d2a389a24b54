// What a guide's prose can ask of the data: one object per (provider, client, locale).
import type { Client, Locale, Provider } from '../data/schema.ts';
import { incomingProtocol, rankServers, recommended, type RankedServer } from './servers.ts';

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
  const protocol = incomingProtocol(provider, client.protocols);
  const incoming = protocol && recommended(provider, protocol);
  const outgoing = recommended(provider, 'smtp');
  if (!incoming || !outgoing) throw new Error(`${provider.domain}: no encrypted incoming and outgoing server that ${client.id} supports`);
  const alternatives = (['imap', 'pop3', 'smtp'] as const)
    .filter((p) => client.protocols.includes(p))
    .flatMap((p) => rankServers(provider, p))
    .filter((s) => key(s) !== key(incoming) && key(s) !== key(outgoing));
  return { locale, provider, client, incoming, outgoing, alternatives };
}

/** Guides exist for every provider that has encrypted servers the client can use. */
export function hasGuide(provider: Provider, client: Client): boolean {
  return Boolean(incomingProtocol(provider, client.protocols) && recommended(provider, 'smtp'));
}
