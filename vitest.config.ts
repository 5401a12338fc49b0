import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real clients against loopback fakes; a few seconds each is normal.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // A throwaway PostgreSQL for the store's tests (test/postgres/cluster.ts).
    globalSetup: ['test/postgres/global-setup.ts'],
  },
});
