// What the profile form on a page needs to know about its provider, and nothing more: the page
// puts it into a data attribute (no inline script, for a strict Content-Security-Policy), and the
// form's script hands it to checkAddress() and mobileconfig() in src/lib/profile.ts.
// tests/unit/profile-form.test.ts checks that it builds the same profile as the whole provider.
import type { Locale, Protocol, Provider, Server } from '../data/schema.ts';
import { domainsOf } from './domains.ts';
import { t } from './i18n.ts';
import { passwordName } from './password.ts';
import { profileServers, type ProfileText } from './profile.ts';

type ServerFacts = Pick<Server, 'host' | 'port' | 'security' | 'username' | 'sources' | 'disagreements'>;

/** The fields of a provider that checkAddress() and mobileconfig() read. */
export interface ProfileProvider extends Pick<Provider, 'domain' | 'otherDomains' | 'hostedDomains' | 'shortName'> {
  /** Only what ranking the servers needs (src/lib/evidence.ts grades them). */
  sources: Pick<Provider['sources'][number], 'id' | 'kind'>[];
  servers: Record<Protocol, ServerFacts[]>;
  password?: Pick<NonNullable<Provider['password']>, 'kind' | 'name'>;
}

const facts = ({ host, port, security, username, sources, disagreements }: Server): ServerFacts => ({ host, port, security, username, sources, ...(disagreements ? { disagreements } : {}) });

/** The provider without its prose, quirks and sources, which a profile does not use. */
export function profileProvider(provider: Provider): ProfileProvider {
  const { domain, otherDomains, hostedDomains, shortName, servers, password } = provider;
  return {
    domain,
    otherDomains,
    hostedDomains,
    shortName,
    servers: { imap: servers.imap.map(facts), pop3: servers.pop3.map(facts), smtp: servers.smtp.map(facts) },
    sources: provider.sources.map(({ id, kind }) => ({ id, kind })),
    ...(password ? { password: { kind: password.kind, ...(password.name ? { name: password.name } : {}) } } : {}),
  };
}

/** `@163.com`, or `@a.com, @b.com` for a provider with other domains: how its addresses end. */
export const addressEndings = (provider: Pick<Provider, 'domain' | 'otherDomains'> & { hostedDomains?: readonly string[] }) =>
  domainsOf(provider).map((d) => `@${d}`).join(', ');

/** The texts of a provider's profile in one language (mobileconfig() in src/lib/profile.ts). */
export function profileText(provider: Provider, locale: Locale): ProfileText {
  const s = t(locale);
  const name = provider.shortName[locale];
  const incoming = profileServers(provider)?.incoming.protocol ?? 'imap';
  return {
    name,
    description: s.profileDescription(name, passwordName(provider, locale)),
    account: s.profileAccount(name, s.protocolName[incoming]),
    profile: s.profileName('{who}'),
  };
}
