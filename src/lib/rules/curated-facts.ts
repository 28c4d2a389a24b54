// A hand-written entry tells the reader the password rule and how to switch access on; only
// imported files may leave them unknown (their pages then give the generic advice).
import type { Provider } from '../../data/schema.ts';
import type { FileRule } from './rule.ts';

export const curatedFacts: FileRule<Provider> = (p, add, { tier }) => {
  if (tier !== 'curated') return;
  if (!p.password) add(['password'], undefined, 'a curated provider says which password mail apps need (kind, name, how)');
  else if (p.password.kind !== 'oauth-only') {
    if (!p.password.name) add(['password', 'name'], undefined, 'a curated provider names the password in both languages');
    if (!p.password.how) add(['password', 'how'], undefined, 'a curated provider says how to get the password, in both languages');
  }
  if (!p.access) add(['access'], undefined, 'a curated provider says whether access must be switched on (onByDefault may be null) and how');
  else if (!p.access.how) add(['access', 'how'], undefined, 'a curated provider says how access is switched on, in both languages');
};
