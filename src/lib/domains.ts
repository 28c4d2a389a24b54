import type { Provider } from '../data/schema.ts';

/**
 * Every mail domain of a provider, the primary one first, then its other domains and the
 * organisations it hosts: each gets a redirect, a lookup entry, an API file and an autoconfig file.
 */
export const domainsOf = (provider: Pick<Provider, 'domain' | 'otherDomains'> & { hostedDomains?: readonly string[] }): string[] => [provider.domain, ...provider.otherDomains, ...(provider.hostedDomains ?? [])];

/** Whether a page should print the domain after the provider's name: not when the name already holds it ("NetEase Enterprise Mail (qiye.163.com)"). */
export const nameNeedsDomain = (name: string, domain: string) => !name.includes(domain);

/** A page's name for a provider: the domain itself where the name is only its first label ("t-online" for t-online.de), which the domain says in full. */
export const titleName = (name: string, domain: string) => (name.replace(/^@/, '').toLowerCase() === domain.split('.')[0] ? domain : name);
