// Thunderbird autoconfig (`clientConfig version="1.1"`), the format the Thunderbird ISP
// database (ISPDB) serves at /v1.1/{domain}. Element order and values follow the ISPDB's own
// files (e.g. ispdb/163.com.xml, ispdb/googlemail.com.xml) and the format definition at
// https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat.
import { create } from 'xmlbuilder2';
import { HTML_LANG } from '../data/locales.ts';
import { LOCALES, type Provider, type Security, type Source } from '../data/schema.ts';
import { localePath } from './i18n.ts';
import { domainsOf } from './domains.ts';
import { rankServers, type RankedServer } from './servers.ts';

/** `socketType` for each security mode: SSL is implicit TLS (993, 995, 465). */
export const SOCKET_TYPE = { 'ssl/tls': 'SSL', starttls: 'STARTTLS', none: 'plain' } as const satisfies Record<Security, string>;

/** The placeholders Thunderbird replaces with the address the user typed. */
export const USERNAME_PLACEHOLDER = { address: '%EMAILADDRESS%', localpart: '%EMAILLOCALPART%', 'localpart.domain': '%EMAILLOCALPART%.%EMAILDOMAIN%' } as const;

/** `authentication`: a provider that takes no password at all can only be set up with OAuth2. */
export function authentication(provider: Provider): 'OAuth2' | 'password-cleartext' {
  return provider.password?.kind === 'oauth-only' ? 'OAuth2' : 'password-cleartext';
}

export interface AutoconfigOptions {
  /**
   * The site's absolute address (Astro's `site`). When given, the provider's Portolan pages
   * are listed first among the `documentation` elements.
   */
  site?: string | URL;
  /**
   * Also list plaintext servers (socketType `plain`), after every encrypted one. Off by default:
   * Mozilla asks that no configuration without SSL be served, and Thunderbird may try
   * any server listed.
   */
  includePlaintext?: boolean;
}

/** Where a domain's file is served, the ISPDB's URL scheme (no file extension). */
export const autoconfigPath = (domain: string) => `/v1.1/${domain}`;

/**
 * The servers a file lists, in the order a client should try them: IMAP before POP3 (the
 * ISPDB way of preferring IMAP), each protocol best first as `rankServers` orders it.
 */
export function autoconfigServers(provider: Provider, options: AutoconfigOptions = {}): { incoming: RankedServer[]; outgoing: RankedServer[] } {
  // A provider that offers no encrypted server at all on a side still gets its plaintext one
  // listed (as the ISPDB does), rather than no file: the provider page warns about it.
  const keep = (list: RankedServer[]) => (options.includePlaintext || list.every((s) => s.security === 'none') ? list : list.filter((s) => s.security !== 'none'));
  return {
    incoming: keep([...rankServers(provider, 'imap'), ...rankServers(provider, 'pop3')]),
    outgoing: keep(rankServers(provider, 'smtp')),
  };
}

/**
 * Whether a provider gets an autoconfig file: with an incoming and an outgoing server. One that
 * offers only plaintext gets it too, as in the ISPDB (Thunderbird then warns before using it);
 * an encrypted server, where there is one, always comes first.
 */
export function hasAutoconfig(provider: Provider): boolean {
  const { incoming, outgoing } = autoconfigServers(provider);
  return incoming.length > 0 && outgoing.length > 0;
}

/** The sources behind the values in the file: those cited by a listed server or by the password fact. */
function documentedSources(provider: Provider, servers: RankedServer[]): Source[] {
  const cited = new Set([...servers.flatMap((s) => s.sources), ...(provider.password?.sources ?? [])]);
  return provider.sources.filter((s) => cited.has(s.id));
}

/**
 * The autoconfig XML of a provider. The file is the same for every domain of the provider (as
 * the ISPDB serves one file under each domain it lists); `domain`, when given, must be one of them.
 */
export function autoconfigXml(provider: Provider, domain?: string, options: AutoconfigOptions = {}): string {
  if (domain !== undefined && !domainsOf(provider).includes(domain)) {
    throw new Error(`${domain} is not a domain of ${provider.domain} (its domains: ${domainsOf(provider).join(', ')})`);
  }
  const { incoming, outgoing } = autoconfigServers(provider, options);
  if (!incoming.length || !outgoing.length) {
    throw new Error(`${provider.domain}: an autoconfig file needs an incoming and an outgoing server`);
  }
  const auth = authentication(provider);
  const server = (s: RankedServer) => ({
    // Not part of the format (clients ignore comments): how sure we are of this server, as on our pages.
    '!': `evidence: ${s.grade}`,
    '@type': s.protocol,
    hostname: s.host,
    port: String(s.port),
    socketType: SOCKET_TYPE[s.security],
    username: USERNAME_PLACEHOLDER[s.username],
    authentication: auth,
  });

  const pages = options.site
    ? LOCALES.map((locale) => ({
        '@url': new URL(localePath(locale, provider.domain), options.site).href,
        descr: { '@lang': HTML_LANG[locale], '#': `${provider.name[locale]} · Portolan` },
      }))
    : [];
  const sources = documentedSources(provider, [...incoming, ...outgoing]).map((s) => ({ '@url': s.url, descr: s.title }));

  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele({
    clientConfig: {
      '@version': '1.1',
      emailProvider: {
        '@id': provider.domain,
        domain: domainsOf(provider),
        displayName: provider.name.en,
        displayShortName: provider.shortName.en,
        incomingServer: incoming.map(server),
        outgoingServer: outgoing.map(server),
        documentation: [...pages, ...sources],
      },
    },
  });
  return doc.end({ prettyPrint: true, indent: '  ' }) + '\n';
}
