import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: keep concurrency modest so PGlite/PostgreSQL/Chromium suites do not starve each other.
    maxWorkers: 2,
  },
});
