import { defineConfig } from 'vitest/config';

// End-to-end tests of the built verification page (dist/page/shuangsuiji-page.html) in a real headless Chromium,
// run once by scripts/test.sh after the page build (not in the time-zone loop of vitest.config.ts).
export default defineConfig({
  test: {
    include: ['test/page/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine is shared.
    fileParallelism: false,
    pool: 'forks',
  },
});
