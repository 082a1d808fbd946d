import { defineConfig } from 'vitest/config';

// Tests that `npm test` runs once, not in the time-zone loop: the command line's worker threads over register files
// (test/cli/parallel-commands.test.ts) start real threads and processes for every case, take half a minute, and
// compare outputs byte for byte between thread counts — nothing in them reads a date or the host time zone (the
// draw itself runs under every time zone in the main suite).
export default defineConfig({
  test: {
    include: ['test/cli/parallel-commands.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 300_000,
  },
});
