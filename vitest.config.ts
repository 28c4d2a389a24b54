import { defineConfig } from 'vitest/config';

export default defineConfig({
  // File-level checks cover every domain of every provider (about 1,400 since the import).
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 60_000,
    // One module graph per worker, not per file: importing the dataset and zod again for each of ~60
    // files cost more than the tests. Tests share no mutable state: no module mocks, and the one
    // global stub (fetch, in lookup.test.ts) is undone in the test that sets it.
    isolate: false,
  },
});
