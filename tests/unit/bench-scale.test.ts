// The bench's generated providers must stay valid as the schema changes, or `npm run bench`
// fails at its scale build (it did once, when `confirmed` was retired).
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/load-dataset.ts';
import { generatedProvider, scaleDomain } from '../../scripts/bench/scale.mjs';

describe('bench scale dataset', () => {
  it('a generated provider passes validation', () => {
    const files = [1, 2].map((i) => ({ file: `src/data/providers/${scaleDomain(i)}.json`, data: generatedProvider(i) }));
    expect(() => validateDataset(files, [])).not.toThrow();
    expect(validateDataset(files, []).providers.map((p) => p.domain)).toEqual([scaleDomain(1), scaleDomain(2)]);
    // The bench generates a thousand, each still a curated provider by its priority.
    expect(() => validateDataset([{ file: `src/data/providers/${scaleDomain(1000)}.json`, data: generatedProvider(1000) }], [])).not.toThrow();
  });
});
