import fc from 'fast-check';

// A fixed seed in CI (and by default) so property tests are reproducible; set FC_SEED to explore.
const seed = Number(process.env['FC_SEED'] ?? 20261122);
fc.configureGlobal({ seed, numRuns: Number(process.env['FC_RUNS'] ?? 100) });
