// One page per port: the standard ports plus every port the dataset uses.
import type { Protocol, Provider, Security } from '../data/schema.ts';
import { COMMON_PORTS, portFact, type PortFact } from './ports.ts';
import { allServers, type RankedServer } from './servers.ts';

export interface PortUse {
  provider: Provider;
  server: RankedServer;
}

export interface PortPage {
  port: number;
  fact?: PortFact;
  protocol: Protocol;
  /** Modes seen for this port: the standard one first, then what providers document. */
  security: Security[];
  uses: PortUse[];
}

export function portPages(providers: Provider[]): PortPage[] {
  const uses = providers.flatMap((provider) => allServers(provider).map((server) => ({ provider, server })));
  const ports = [...new Set([...COMMON_PORTS, ...uses.map((u) => u.server.port)])].sort((a, b) => a - b);
  return ports.map((port) => {
    const fact = portFact(port);
    const here = uses.filter((u) => u.server.port === port);
    const protocol = fact?.protocol ?? here[0]!.server.protocol;
    const security = [...new Set([...(fact ? [fact.security] : []), ...here.map((u) => u.server.security)])];
    return { port, fact, protocol, security, uses: here };
  });
}
