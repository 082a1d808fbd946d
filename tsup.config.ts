import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: ESM + CJS with declarations for both; zod stays external (a dependency).
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', readers: 'src/readers/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    treeshake: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
  },
  {
    // The `shuangsuiji` command (Node only, ESM, keeps its shebang).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: false,
    define: { __SHUANGSUIJI_VERSION__: JSON.stringify(version) },
  },
]);
