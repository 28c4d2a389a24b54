// Ports used as their RFC defines them, unless an exception cites its source; no server twice;
// something to receive mail with.
import { PROTOCOLS, type Provider } from '../../data/schema.ts';
import { portContradiction } from '../ports.ts';
import type { FileRule } from './rule.ts';

export const servers: FileRule<Provider> = (p, add) => {
  for (const protocol of PROTOCOLS) {
    p.servers[protocol].forEach((s, i) => {
      const path = ['servers', protocol, i];
      const why = portContradiction(s.port, protocol, s.security);
      if (why && !s.exception) add([...path, 'security'], s.security, `${why}; add an "exception" citing the source that documents it`);
      const twin = p.servers[protocol].findIndex((t) => t.host === s.host && t.port === s.port);
      if (twin !== i) add([...path, 'port'], s.port, `duplicates servers.${protocol}[${twin}] (${s.host}:${s.port})`);
    });
  }
  if (p.servers.imap.length + p.servers.pop3.length === 0) add(['servers'], undefined, 'a provider needs an IMAP or a POP3 server');
};
