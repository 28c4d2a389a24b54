import type { Provider } from '../data/schema.ts';

/** Every mail domain of a provider, the primary one first: each gets a redirect, a lookup entry, an API file and an autoconfig file. */
export const domainsOf = (provider: Pick<Provider, 'domain' | 'otherDomains'>): string[] => [provider.domain, ...provider.otherDomains];
