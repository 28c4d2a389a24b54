// Each domain belongs to one provider: the lookup and the page's URL must not depend on file order.
import { domainsOf } from '../domains.ts';
import type { DatasetRule } from './rule.ts';

export const domainOwners: DatasetRule = ({ providers }, at) => {
  const owner = new Map<string, string>();
  for (const { file, data: p } of providers) {
    domainsOf(p).forEach((domain, i) => {
      const other = owner.get(domain);
      if (other) at(file)(i === 0 ? ['domain'] : ['otherDomains', i - 1], domain, `is already claimed by ${other}`);
      else owner.set(domain, file);
    });
  }
};
