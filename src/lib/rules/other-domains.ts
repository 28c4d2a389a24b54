// The primary domain is the page; listed again among the others it would redirect to itself.
import type { Provider } from '../../data/schema.ts';
import type { FileRule } from './rule.ts';

export const otherDomains: FileRule<Provider> = (p, add) => {
  if (p.otherDomains.includes(p.domain)) add(['otherDomains'], p.domain, 'repeats the primary domain');
};
