import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests run with a fixed fast-check seed so CI never flakes (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
