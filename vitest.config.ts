import { defineConfig } from 'vitest/config';

export default defineConfig({
  // File-level checks cover every domain of every provider (about 1,400 since the import).
  test: { include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'], testTimeout: 60_000 },
});
