import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/postgres/ needs a server: scripts/test.sh runs it once with vitest.postgres.config.ts.
    // test/page/ needs the built page and Chromium: scripts/test.sh runs it once with vitest.page.config.ts.
    // test/cli/parallel-commands.test.ts (worker threads over files): run once with vitest.once.config.ts.
    exclude: [...configDefaults.exclude, 'test/postgres/**', 'test/page/**', 'test/cli/parallel-commands.test.ts'],
    // Property tests run with a fixed fast-check seed so CI never flakes (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
