import type { Provider } from '../data/schema.ts';

/**
 * Every mail domain of a provider, the primary one first, then its other domains and the
 * organisations it hosts: each gets a redirect, a lookup entry, an API file and an autoconfig file.
 */
export const domainsOf = (provider: Pick<Provider, 'domain' | 'otherDomains'> & { hostedDomains?: readonly string[] }): string[] => [provider.domain, ...provider.otherDomains, ...(provider.hostedDomains ?? [])];

/** Whether a page should print the domain after the provider's name: not when the name already holds it ("NetEase Enterprise Mail (qiye.163.com)"). */
export const nameNeedsDomain = (name: string, domain: string) => !name.includes(domain);
