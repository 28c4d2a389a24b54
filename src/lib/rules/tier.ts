// Whether a provider is curated or imported comes from its folder, never from a number in it: the
// loader sets `tier`, pages read it. Priority only orders providers, curated ones first.
import type { Provider } from '../../data/schema.ts';
import { IMPORTED_PRIORITY } from '../merge.ts';
import type { FileRule } from './rule.ts';

export const tier: FileRule<Provider> = (p, add, ctx) => {
  if (p.tier !== undefined) add(['tier'], p.tier, 'is set from the folder the file is in (src/data/providers: curated, src/data/imported: imported), never written in a file; delete this key');
  if (ctx.tier === 'curated' && p.priority >= IMPORTED_PRIORITY)
    add(['priority'], p.priority, `is in the imported providers' range (${IMPORTED_PRIORITY} and up); a curated provider's priority is below ${IMPORTED_PRIORITY}, so lists show it before them`);
  if (ctx.tier === 'imported' && p.priority < IMPORTED_PRIORITY) add(['priority'], p.priority, `is in the curated providers' range; an imported provider's priority is ${IMPORTED_PRIORITY} or more`);
};
