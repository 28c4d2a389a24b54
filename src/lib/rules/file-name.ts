// A file's name is its entry's key (a provider's domain, a client's id, a DNS file's provider):
// the pages' URLs and the lookups use one, people find files by the other.
import { baseName } from '../problems.ts';
import type { FileRule } from './rule.ts';

export const fileNameIs =
  <K extends string>(field: K): FileRule<Record<K, string>> =>
  (data, add, { file }) => {
    if (baseName(file) !== data[field]) add([field], data[field], `must match the file name (${baseName(file)}.json)`);
  };
