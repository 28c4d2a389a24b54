// A quote stands beside its fact only if it states the fact's value: a server's host (and, if it
// names an encryption, the server's), a password's name as the source writes it, a DNS record's
// value with its <…> parts standing for anything. A quote that lacks the value proves nothing.
// What "states" means is src/lib/evidence.ts's, which grades the fact from the same quotes.
import { quoteProblem, type Stated } from '../evidence.ts';
import { walk } from '../problems.ts';
import type { FileRule } from './rule.ts';

/** Every fact with quotes (its schema turns `{ "id", "quote" }` citations into `sources` ids and `quotes` by id), in any file kind. */
export const quotes: FileRule<unknown> = (data, add) =>
  walk(data, (value, path) => {
    if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, 'quotes')) return;
    const fact = value as Stated & { sources: string[]; quotes: Record<string, string> };
    fact.sources.forEach((id, i) => {
      const quote = Object.hasOwn(fact.quotes, id) ? fact.quotes[id] : undefined;
      const why = quote === undefined ? null : quoteProblem(quote, fact);
      if (why) add([...path, 'sources', i, 'quote'], quote, why);
    });
  });
