import type { Provider } from '../data/schema.ts';

/**
 * Every mail domain of a provider, the primary one first, then its other domains and the
 * organisations it hosts: each gets a redirect, a lookup entry, an API file and an autoconfig file.
 */
export const domainsOf = (provider: Pick<Provider, 'domain' | 'otherDomains'> & { hostedDomains?: readonly string[] }): string[] => [provider.domain, ...provider.otherDomains, ...(provider.hostedDomains ?? [])];
