// A fact's grade is computed from its sources (src/lib/evidence.ts); a file that types one would
// say "confirmed" without the evidence.
import { walk } from '../problems.ts';
import type { FileRule } from './rule.ts';

export const noGrade: FileRule<unknown> = (data, add) =>
  walk(data, (value, path) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'grade') && Object.hasOwn(value, 'sources'))
      add([...path, 'grade'], (value as { grade: unknown }).grade, 'is computed from the kinds of the sources (src/lib/evidence.ts), never written in a file; delete this key');
  });
