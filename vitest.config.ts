import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start real clients against loopback fakes; a few seconds each is normal.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
