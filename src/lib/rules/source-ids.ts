// A fact cites a source by id: two sources with one id would make the citation ambiguous.
import type { FileRule, Sourced } from './rule.ts';

export const sourceIds: FileRule<Sourced> = ({ sources }, add) =>
  sources.forEach((s, i) => {
    if (sources.findIndex((t) => t.id === s.id) !== i) add(['sources', i, 'id'], s.id, 'is used by another source of this file');
  });
