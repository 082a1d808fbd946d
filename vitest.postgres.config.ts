import { defineConfig } from 'vitest/config';

// The PostgreSQL tests (test/postgres/): they need a server, so `npm test` runs them once through
// scripts/with-postgres.sh (`bash scripts/with-postgres.sh npx vitest run --config vitest.postgres.config.ts`),
// not in the time-zone loop of the main config, which leaves them out.
export default defineConfig({
  test: {
    include: ['test/postgres/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Loading 200,000 rows and drawing over them twice takes tens of seconds on a busy 2-core machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // One file, one server: no parallel files competing for its connections.
    fileParallelism: false,
  },
});
