// Every citation names a source the file lists: its grade is computed from that source's kind.
import { walk } from '../problems.ts';
import type { FileRule, Sourced } from './rule.ts';

/** The id a citation names: a source id string, or `{ "id": …, "quote": … }`. */
export const citedId = (citation: unknown): unknown => (citation && typeof citation === 'object' && !Array.isArray(citation) ? (citation as { id?: unknown }).id : citation);

/** Any `sources` list below the top level (a fact's), and a server exception's `source`. */
export const citedSources: FileRule<Sourced> = (data, add) => {
  const ids = new Set(data.sources.map((s) => s.id));
  const check = (id: unknown, path: PropertyKey[]) => {
    if (typeof id === 'string' && !ids.has(id)) add(path, id, 'is not the id of a source listed in sources');
  };
  walk(data, (value, path) => {
    const key = path.at(-1);
    if (key === 'sources' && path.length > 1 && Array.isArray(value)) value.forEach((c, i) => check(citedId(c), [...path, i]));
    if (key === 'source' && path.at(-2) === 'exception') check(value, path);
  });
};
