/**
 * Every core (issue 16 §2): the built `shuangsuiji` command on a 1,000,000-row register CSV with `--workers 1` and
 * `--workers 2`, for `digest`, `draw` and `verify`, interleaved in one run (the order alternates each round) so that
 * both see the same machine; the target is a ratio ≥ 1.7 on a 2-core machine. The outputs of both are checked to be
 * byte-identical (digest and verify JSON, the record and the drawn list).
 *
 * The command is bundled first, exactly as tsup bundles `dist/cli.js` and `dist/cli-worker.js` (esbuild, node20,
 * ESM, dependencies external), into `node_modules/.cache/shuangsuiji-parallel-bench/` — so `dist/` is left alone.
 * The register is generated once (`generateEntityRegister`, `toEntityExportRows`, CRLF, quoted cells as Excel
 * writes them) and kept there for later runs. Each measure is the wall time of one process (start-up included, the
 * same for both), with its CPU time (all threads) where GNU time is installed. Prints one JSON line per command and a summary. A ratio measured on a busy machine is not the
 * machine's: the load average at the start and at the end is printed with it.
 *
 * Run: `node --import tsx bench/parallel.bench.ts [rows] [rounds]` (defaults 1000000 and 3).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateEntityRegister } from '../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../src/testing/to-entity-export-rows.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const rounds = Number(process.argv[3] ?? 3);
const root = join(import.meta.dirname, '..');
const cache = join(root, 'node_modules', '.cache', 'shuangsuiji-parallel-bench');
const DICE = '31415926535897932384';

function clock(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function bundle(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  await build({
    entryPoints: { cli: join(root, 'src/cli/main.ts'), 'cli-worker': join(root, 'src/cli/internals/parallel/worker.ts') },
    outdir: cache,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    define: { __SHUANGSUIJI_VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
  return join(cache, 'cli.js');
}

/** The register CSV of `rows` rows (generated once, written 10,000 rows at a time). */
function register(): string {
  const file = join(cache, `register-${rows}.csv`);
  if (existsSync(file)) return file;
  const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const fd = openSync(`${file}.part`, 'w');
  try {
    const STEP = 10_000;
    let header: string[] | undefined;
    for (let start = 0; start < rows; start += STEP) {
      const records = toEntityExportRows(generateEntityRegister(Math.min(STEP, rows - start), { seed: 'bench-parallel', startIndex: start }));
      header ??= Object.keys(records[0]!);
      const lines = start === 0 ? [header.join(',')] : [];
      for (const r of records) lines.push(header.map((h) => quote((r as Record<string, string>)[h] ?? '')).join(','));
      writeSync(fd, `${lines.join('\r\n')}\r\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.part`, file);
  return file;
}

/** GNU time, when there is one: the CPU time of each run (user + system, all threads) besides its wall time. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs the built command; its wall time, CPU time (NaN without GNU time), exit code and stdout. */
function run(cli: string, args: readonly string[]): Promise<{ ms: number; cpuMs: number; code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const start = clock();
    const cpuFile = join(cache, 'cpu.txt');
    rmSync(cpuFile, { force: true });
    const command = TIME === undefined ? [process.execPath, cli, ...args] : [TIME, '-f', '%U %S', '-o', cpuFile, process.execPath, cli, ...args];
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = clock() - start;
      let cpuMs = Number.NaN;
      try {
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        cpuMs = (user! + system!) * 1000;
      } catch {
        // no GNU time: wall time only
      }
      resolve({ ms, cpuMs, code, out, err });
    });
  });
}

mkdirSync(cache, { recursive: true });
const loadBefore = loadavg()[0]!;
const cli = await bundle();
const file = register();
const specFile = join(cache, 'spec.json');
writeFileSync(specFile, JSON.stringify({ label: '并行基准 第一批', size: { count: 30 } }));
const outs = { 1: join(cache, 'out-1'), 2: join(cache, 'out-2') } as const;
for (const out of Object.values(outs)) rmSync(out, { recursive: true, force: true });

type Command = 'digest' | 'draw' | 'verify';
const argsOf = (command: Command, workers: 1 | 2): string[] => {
  if (command === 'digest') return ['digest', file, '--json', '--workers', String(workers)];
  if (command === 'draw') return ['draw', file, '--spec', specFile, '--dice', DICE, '--out', outs[workers], '--force', '--json', '--workers', String(workers)];
  return ['verify', join(outs[1], 'draw-record.json'), file, '--json', '--workers', String(workers)];
};

const times: Record<Command, Record<1 | 2, number[]>> = { digest: { 1: [], 2: [] }, draw: { 1: [], 2: [] }, verify: { 1: [], 2: [] } };
const cpu: Record<Command, Record<1 | 2, number[]>> = { digest: { 1: [], 2: [] }, draw: { 1: [], 2: [] }, verify: { 1: [], 2: [] } };
const commands: Command[] = ['digest', 'draw', 'verify'];
for (let round = 0; round < rounds; round++) {
  for (const command of commands) {
    const order: (1 | 2)[] = round % 2 === 0 ? [1, 2] : [2, 1];
    const outputs: Record<number, string> = {};
    for (const workers of order) {
      const r = await run(cli, argsOf(command, workers));
      if (r.code !== 0) throw new Error(`${command} --workers ${workers}: exit ${r.code}\n${r.out.slice(0, 2000)}${r.err.slice(0, 2000)}`);
      times[command][workers].push(r.ms);
      cpu[command][workers].push(r.cpuMs);
      outputs[workers] = command === 'draw'
        ? readFileSync(join(outs[workers], 'draw-record.json'), 'utf8') + readFileSync(join(outs[workers], 'drawn.csv'), 'utf8')
        : r.out;
    }
    if (outputs[1] !== outputs[2]) throw new Error(`${command}: --workers 1 and --workers 2 printed different results`);
  }
}

const loadAfter = loadavg()[0]!;
const summary: string[] = [];
for (const command of commands) {
  const one = median(times[command][1]);
  const two = median(times[command][2]);
  const paired = median(times[command][1].map((t, i) => t / times[command][2][i]!));
  const ratio = Math.round((one / two) * 100) / 100;
  // CPU time of both runs (all threads, the collector's included): what reading in parallel costs in all.
  const cpuOne = median(cpu[command][1]);
  const cpuTwo = median(cpu[command][2]);
  console.log(JSON.stringify({
    bench: 'parallel', command, rows, rounds, cores: availableParallelism(),
    workers1: { medianMs: Math.round(one), rowsPerSecond: Math.round((rows * 1000) / one) },
    workers2: { medianMs: Math.round(two), rowsPerSecond: Math.round((rows * 1000) / two) },
    ratio, pairedRatio: Math.round(paired * 100) / 100, cpuMs: { workers1: Math.round(cpuOne), workers2: Math.round(cpuTwo) },
    loadAverage: { before: loadBefore, after: loadAfter },
  }));
  summary.push(`${command}: --workers 1 ${Math.round((rows * 1000) / one)} rows/s, --workers 2 ${Math.round((rows * 1000) / two)} rows/s — ratio ${ratio} (paired median ${Math.round(paired * 100) / 100}; target ≥ 1.7); CPU ${Math.round(cpuOne)} ms vs ${Math.round(cpuTwo)} ms`);
}
for (const line of summary) console.log(line);
console.log(`${rows} rows, ${rounds} rounds, ${availableParallelism()} cores; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (a busy machine lowers the ratio: measure on an idle one)`);
