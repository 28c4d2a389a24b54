// `imap.163.com` as a mail domain would get a page of its own and look up as the wrong provider.
import { PROTOCOLS } from '../../data/schema.ts';
import { domainsOf } from '../domains.ts';
import type { DatasetRule } from './rule.ts';

export const domainsNotServers: DatasetRule = ({ providers }, at) => {
  const hosts = new Map<string, string>();
  for (const { file, data: p } of providers) for (const s of PROTOCOLS.flatMap((protocol) => p.servers[protocol])) if (!hosts.has(s.host)) hosts.set(s.host, file);
  for (const { file, data: p } of providers) {
    domainsOf(p).forEach((domain, i) => {
      const server = hosts.get(domain);
      // A business service without a mail domain of its own is keyed by its service hostname (partner.outlook.cn).
      const ownKey = i === 0 && PROTOCOLS.some((protocol) => p.servers[protocol].some((s) => s.host === domain));
      if (server && !ownKey) at(file)(i === 0 ? ['domain'] : ['otherDomains', i - 1], domain, `is the hostname of a server in ${server}, not a mail domain`);
    });
  }
};
