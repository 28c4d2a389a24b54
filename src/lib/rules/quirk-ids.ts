// A quirk's id is its anchor on the page: two alike would give the page duplicate ids.
import type { Provider } from '../../data/schema.ts';
import type { FileRule } from './rule.ts';

export const quirkIds: FileRule<Provider> = (p, add) =>
  p.quirks.forEach((q, i) => {
    const first = p.quirks.findIndex((o) => o.id === q.id);
    if (first !== i) add(['quirks', i, 'id'], q.id, `is also the id of quirks[${first}]; each quirk needs its own`);
  });
