import { describe, expect, it } from 'vitest';
import { domainsNotServers } from '../../../src/lib/rules/domains-not-servers.ts';
import { checkAll, FILES, provider } from './fixtures.ts';

describe('domains-not-servers: a server hostname is not a mail domain', () => {
  it('refuses another provider’s server as a domain', () => {
    const other = { ...provider(), domain: 'other.example', otherDomains: ['imap.mail.example'] };
    const { problems } = checkAll(domainsNotServers, { providers: [{ file: FILES.provider, data: provider() }, { file: 'src/data/providers/other.example.json', data: other }] });
    expect(problems).toEqual([`src/data/providers/other.example.json: otherDomains[0] = "imap.mail.example": is the hostname of a server in ${FILES.provider}, not a mail domain`]);
  });

  it('lets a service without a mail domain be keyed by its own server’s hostname', () => {
    const p = { ...provider(), domain: 'imap.mail.example', otherDomains: [] };
    expect(checkAll(domainsNotServers, { providers: [{ file: 'src/data/providers/imap.mail.example.json', data: p }] }).problems).toEqual([]);
  });
});
