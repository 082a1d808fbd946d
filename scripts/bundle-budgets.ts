/**
 * Bundle budgets of the packed tarball (issue 14 §1; docs/bundling.md), run by `scripts/test.sh` after the pack
 * step: `npx tsx scripts/bundle-budgets.ts <tarball>`.
 *
 * The tarball is installed into a scratch folder (as `scripts/smoke.sh` does) and each import below is bundled
 * with esbuild for the browser (ESM, minified), resolving `shuangsuiji` and zod from that install as an application
 * would. Prints the minified and gzipped size of each (KB = 1024 bytes) with the zod modules and zod locales it
 * carries, then the median time of `await import('shuangsuiji')` (and of `require`) in fresh Node processes.
 * Fails (exit 1) when an import is over its budget, or when a bundler is served the one-file build meant for Node
 * instead of the module tree dist/esm/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

interface Case {
  readonly name: string;
  /** The application's entry module. */
  readonly source: string;
  /** Budget on the minified size, in bytes; none: reported only. */
  readonly budget?: number;
  /** esbuild's `conditions`: unset is its default (which adds `module`); `[]`: a bundler that knows only `import`/`default`. */
  readonly conditions?: string[];
}

const KB = 1024;
const CASES: readonly Case[] = [
  { name: 'isValidUscc', source: "import { isValidUscc } from 'shuangsuiji'; console.log(isValidUscc);", budget: 2 * KB },
  { name: 'isValidUscc (no `module` condition)', source: "import { isValidUscc } from 'shuangsuiji'; console.log(isValidUscc);", budget: 2 * KB, conditions: [] },
  { name: 'addWorkdays (with the holiday data)', source: "import { addWorkdays } from 'shuangsuiji'; console.log(addWorkdays('2024-09-30', 1));", budget: 30 * KB },
  { name: 'drawTargets + verifyDraw', source: "import { drawTargets, verifyDraw } from 'shuangsuiji'; console.log(drawTargets, verifyDraw);" },
  { name: 'matchInspectors', source: "import { matchInspectors } from 'shuangsuiji'; console.log(matchInspectors);" },
  { name: 'parseEntityRegister', source: "import { parseEntityRegister } from 'shuangsuiji'; console.log(parseEntityRegister);" },
  { name: 'whole main entry', source: "import * as lib from 'shuangsuiji'; console.log(lib);" },
];

const RUNS = 5;

const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;

interface Measured {
  readonly minified: number;
  readonly gzipped: number;
  /** The five largest inputs, for the failure message. */
  readonly top: readonly string[];
  readonly zodModules: number;
  readonly zodLocales: number;
  /** Files of the package outside dist/esm/ that the bundle took (must be none). */
  readonly notTree: readonly string[];
}

function install(tarball: string): string {
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'shuangsuiji-budgets-')));
  execFileSync('npm', ['init', '-y'], { cwd: scratch, stdio: 'ignore' });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], { cwd: scratch, stdio: 'inherit' });
  return scratch;
}

async function measure(scratch: string, c: Case): Promise<Measured> {
  const result = await build({
    stdin: { contents: c.source, resolveDir: scratch, loader: 'js', sourcefile: 'entry.js' },
    absWorkingDir: scratch,
    bundle: true,
    minify: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
    ...(c.conditions === undefined ? {} : { conditions: c.conditions }),
  });
  const bytes = result.outputFiles[0]!.contents;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs);
  const files = inputs.map(([file]) => file);
  const top = [...inputs]
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 5)
    .map(([file, { bytesInOutput }]) => `${file.replace(/^.*node_modules\//, '')} ${kb(bytesInOutput)}`);
  return {
    minified: bytes.length,
    gzipped: gzipSync(bytes, { level: 9 }).length,
    top,
    zodModules: files.filter((f) => f.includes('node_modules/zod/')).length,
    zodLocales: files.filter((f) => /node_modules\/zod\/v4\/locales\/(?!index\.)/.test(f)).length,
    notTree: files.filter((f) => f.includes('node_modules/shuangsuiji/dist/') && !f.includes('node_modules/shuangsuiji/dist/esm/')),
  };
}

/** Median wall time (ms) of loading the main entry in a fresh Node process, `RUNS` times. */
function loadTime(scratch: string, kind: 'import' | 'require'): { median: number; runs: number[] } {
  const args = kind === 'import'
    ? ['--input-type=module', '-e', "const t = performance.now(); await import('shuangsuiji'); console.log(performance.now() - t);"]
    : ['-e', "const t = performance.now(); require('shuangsuiji'); console.log(performance.now() - t);"];
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(Number(execFileSync(process.execPath, args, { cwd: scratch, encoding: 'utf8' }).trim()));
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, runs };
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === undefined) throw new Error('usage: tsx scripts/bundle-budgets.ts <tarball>');
  const scratch = install(realpathSync(arg));
  const failures: string[] = [];
  try {
    console.log('bundle sizes (esbuild, browser, ESM, minified; from the packed tarball):');
    for (const c of CASES) {
      const m = await measure(scratch, c);
      const over = c.budget !== undefined && m.minified > c.budget;
      const budget = c.budget === undefined ? '' : `  budget ${kb(c.budget)}${over ? ' — OVER' : ''}`;
      const zod = m.zodModules === 0 ? 'no zod' : `zod: ${m.zodModules} modules, ${m.zodLocales} locales`;
      console.log(`  ${c.name.padEnd(38)} ${kb(m.minified).padStart(9)} min ${kb(m.gzipped).padStart(9)} gzip  ${zod}${budget}`);
      if (over) failures.push(`${c.name}: ${m.minified} B minified, budget ${c.budget!} B; largest inputs: ${m.top.join(', ')}`);
      if (m.notTree.length > 0) failures.push(`${c.name}: the bundler was served ${m.notTree.join(', ')}, not the module tree dist/esm/`);
    }
    for (const kind of ['import', 'require'] as const) {
      const { median, runs } = loadTime(scratch, kind);
      console.log(`main entry, ${kind}() time (Node ${process.version}, median of ${RUNS}): ${median.toFixed(1)} ms  [${runs.map((r) => r.toFixed(1)).join(', ')}]`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    for (const f of failures) console.log(`FAIL ${f}`);
    process.exit(1);
  }
  console.log('bundle budgets: ok');
}

await main();
