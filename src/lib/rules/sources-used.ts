// An error file lists only the sources its errors cite: a source nobody cites is a citation lost.
import type { ErrorFile } from '../../data/schema.ts';
import { citedId } from './cited-sources.ts';
import type { FileRule } from './rule.ts';

export const sourcesUsed: FileRule<ErrorFile> = (f, add) => {
  const used = new Set(f.errors.flatMap((e) => [...e.texts.flatMap((t) => t.sources), ...e.meaning.sources]).map(citedId));
  f.sources.forEach((s, i) => {
    if (!used.has(s.id)) add(['sources', i, 'id'], s.id, 'is not cited by any error in this file');
  });
};
