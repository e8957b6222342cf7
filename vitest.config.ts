import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // The demo data seeded once per run and copied for each test app (tests/support/seedCache.ts).
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a page shows after a live update or a refetch: its default of one
    // second is shorter than a busy two-core machine may take to deliver it (the browser tests run
    // beside the database suites). A wait, not a timed assertion: the value must still arrive.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    // Two cores: keep concurrency modest so PGlite/PostgreSQL/Chromium suites do not starve each other.
    maxWorkers: 2,
    // Passwords are hashed at scrypt N = 2^10 in tests instead of OWASP's 2^17 (a login would take
    // seconds on this machine); tests/foundation/password.test.ts checks the real cost.
    env: { NT_TEST_SCRYPT_LOG2N: '10' },
  },
});
