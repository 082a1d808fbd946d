import { readFileSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The public entries (package.json `exports`: `.`, `./testing`, `./readers`; `./node` is built with the CLI below). */
const ENTRIES = { index: 'src/index.ts', testing: 'src/testing/index.ts', readers: 'src/readers/index.ts' };

// Three builds of the library (docs/bundling.md): the module tree for bundlers, one ESM file per entry for
// Node (loading ~170 small modules costs Node more than the library itself), and CommonJS for `require`.
export default defineConfig(() => {
  // `dist` is emptied once here, before the builds run side by side (tsup's per-build `clean` would let one
  // build empty the folder while another is writing into it).
  rmSync('dist', { recursive: true, force: true });
  return [
    {
      // For bundlers (`module` / `default` conditions): one file per source module, in the layout of src/, so
      // that with `sideEffects: false` a bundler keeps only the modules an application reaches
      // (`isValidUscc` never reaches zod). No declarations here: the entries' `.d.ts` below describe them.
      entry: ['src/**/*.ts', '!src/cli/**'],
      outDir: 'dist/esm',
      format: ['esm'],
      bundle: false,
      dts: false,
      clean: false,
      sourcemap: false,
      target: 'es2022',
      platform: 'neutral',
    },
    {
      // For Node (`node` condition of `import`, and `require`): one file per entry with declarations; the ESM
      // entries share their common code through chunks (one ShuangsuijiError class for `shuangsuiji` and
      // `shuangsuiji/testing`), CommonJS has one file per entry. zod and fflate stay external (dependencies).
      entry: ENTRIES,
      outDir: 'dist',
      format: ['esm', 'cjs'],
      dts: true,
      clean: false,
      sourcemap: false,
      target: 'es2022',
      platform: 'neutral',
      // `splitting` is tsup's default: on for ESM, off for CommonJS.
    },
    {
      // The `shuangsuiji` command (Node only, ESM, keeps its shebang), and the worker thread it starts to read a
      // register in parallel (found beside it as `cli-worker.js`).
      entry: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/internals/parallel/worker.ts' },
      outDir: 'dist',
      format: ['esm'],
      dts: false,
      clean: false,
      target: 'node20',
      platform: 'node',
      splitting: false,
      define: { __SHUANGSUIJI_VERSION__: JSON.stringify(version) },
    },
    {
      // `shuangsuiji/node` (package.json `exports`): register files on every core, Node only. One file per format,
      // beside `cli-worker.js`, which it starts from `import.meta.url` (shimmed in the CommonJS file).
      entry: { node: 'src/cli/node/index.ts' },
      outDir: 'dist',
      format: ['esm', 'cjs'],
      dts: true,
      clean: false,
      sourcemap: false,
      target: 'node20',
      platform: 'node',
      splitting: false,
      shims: true,
    },
  ];
});
