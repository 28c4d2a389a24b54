// A step is an anchor in the guide: listed twice, the guide would have two of one id.
import type { Client } from '../../data/schema.ts';
import type { FileRule } from './rule.ts';

export const clientSteps: FileRule<Client> = (c, add) =>
  c.steps.forEach((s, i) => {
    if (c.steps.indexOf(s) !== i) add(['steps', i], s, 'appears twice');
  });
