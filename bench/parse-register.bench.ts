/**
 * Parsing a 1,000,000-row entity register (检查对象名录库) with credit-code validation, for typed JSON rows
 * keyed by field names and for spreadsheet rows keyed by Chinese headers with every value as text (see
 * `Shape`). Issue requirement: ≥ 500,000 rows/s on a 2-core machine.
 *
 * Each input shape runs in its own child process so that its memory figures are its own. The input is
 * generated and garbage-collected before timing; only `parseEntityRegister` is timed (median of several
 * runs after a warm-up). Memory: RSS is sampled every 2 ms by a worker thread while parsing (peak RSS), the
 * heap in use is read right after each parse before any collection (≈ its peak), and after a full GC with
 * the result still alive (what the result retains). "added" figures are relative to the input alone.
 * Prints one JSON line per input shape plus a readable line. Run:
 * `node --expose-gc --import tsx bench/parse-register.bench.ts [rows] [repeats]`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseEntityRegister } from '../src/models/parse-entity-register.js';
import type { Entity } from '../src/models/entity.js';
import { generateEntityRegister } from '../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../src/testing/to-entity-export-rows.js';

/**
 * - `json-field-names`: typed rows keyed by field names, as after `JSON.parse`.
 * - `sheet-chinese-headers-text`: spreadsheet rows (Chinese headers, every value text) as a CSV/XLSX reader
 *   returns them: each row read back from text, so its strings are flat and lie next to the row.
 * - `sheet-chinese-headers-text-concatenated`: the same rows straight from `toEntityExportRows`, whose
 *   values are the generator's template-literal concatenations (V8 cons strings: each read follows one
 *   more pointer into memory far from the row). Slower to read for any parser; reported for comparison.
 */
type Shape = 'json-field-names' | 'sheet-chinese-headers-text' | 'sheet-chinese-headers-text-concatenated';
const SHAPES: readonly Shape[] = ['json-field-names', 'sheet-chinese-headers-text', 'sheet-chinese-headers-text-concatenated'];

const rows = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 5);
const shape = process.argv[4] as Shape | undefined;

function mib(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc');
  collect();
  collect();
}

/** Builds the input of one shape; the generator's entities are dropped before timing. */
function buildInput(which: Shape): object[] {
  let entities: readonly Entity[] | undefined = generateEntityRegister(rows, { seed: 'bench' });
  // Round trip row by row through text: plain objects with own keys and flat strings, as after reading a file.
  const input =
    which === 'json-field-names'
      ? entities.map((e) => JSON.parse(JSON.stringify(e)) as object)
      : which === 'sheet-chinese-headers-text'
        ? toEntityExportRows(entities).map((row) => JSON.parse(JSON.stringify(row)) as object)
        : toEntityExportRows(entities);
  entities = undefined;
  return input;
}

/** A worker thread that records the peak RSS of the process in shared memory while the main thread parses. */
function startRssSampler(): { peak: () => number; reset: () => void; stop: () => Promise<number> } {
  const shared = new Float64Array(new SharedArrayBuffer(16)); // [peak RSS, stop flag]
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const shared = new Float64Array(workerData);
     const tick = () => {
       const rss = process.memoryUsage.rss();
       if (rss > shared[0]) shared[0] = rss;
       if (shared[1] === 0) setTimeout(tick, 2);
     };
     tick();`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    peak: () => Math.max(shared[0]!, process.memoryUsage.rss()),
    reset: () => {
      shared[0] = process.memoryUsage.rss();
    },
    stop: async () => {
      shared[1] = 1;
      return worker.terminate();
    },
  };
}

async function runShape(which: Shape): Promise<void> {
  const input = buildInput(which);
  // Warm-up on a slice so the JIT has compiled the hot path.
  parseEntityRegister(input.slice(0, 20_000));
  parseEntityRegister(input.slice(20_000, 40_000));
  gc();
  const inputHeap = process.memoryUsage().heapUsed;
  const inputRss = process.memoryUsage.rss();
  const sampler = startRssSampler();
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler start
  const wall: number[] = [];
  const cpu: number[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  let retainedHeap = 0;
  for (let r = 0; r < repeats; r++) {
    gc();
    sampler.reset();
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let result: ReturnType<typeof parseEntityRegister> | undefined = parseEntityRegister(input);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const used = process.cpuUsage(cpu0);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    peakRss = Math.max(peakRss, sampler.peak());
    if (!result.success || result.data.length !== input.length) throw new Error(`${which}: parse failed`);
    gc();
    retainedHeap = Math.max(retainedHeap, process.memoryUsage().heapUsed - inputHeap);
    result = undefined;
    wall.push(seconds);
    cpu.push((used.user + used.system) / 1e6);
  }
  await sampler.stop();
  const median = (values: number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const best = Math.min(...wall);
  const line = {
    bench: 'parse-entity-register',
    input: which,
    rows: input.length,
    repeats,
    medianSeconds: Math.round(median(wall) * 1000) / 1000,
    bestSeconds: Math.round(best * 1000) / 1000,
    rowsPerSecondMedian: Math.round(input.length / median(wall)),
    rowsPerSecondBest: Math.round(input.length / best),
    medianCpuSeconds: Math.round(median(cpu) * 1000) / 1000,
    inputHeapMiB: mib(inputHeap),
    inputRssMiB: mib(inputRss),
    peakRssMiB: mib(peakRss),
    peakHeapUsedMiB: mib(peakHeap),
    parseAddedPeakRssMiB: mib(peakRss - inputRss),
    parseAddedPeakHeapMiB: mib(peakHeap - inputHeap),
    resultRetainedHeapMiB: mib(retainedHeap),
  };
  console.log(JSON.stringify(line));
  console.log(
    `# ${which}: ${line.rowsPerSecondMedian.toLocaleString('en-US')} rows/s (median of ${repeats}; best ${line.rowsPerSecondBest.toLocaleString('en-US')}), ` +
      `peak RSS ${line.peakRssMiB} MiB (+${line.parseAddedPeakRssMiB} over the input), peak heap ${line.peakHeapUsedMiB} MiB ` +
      `(+${line.parseAddedPeakHeapMiB}; result retains ${line.resultRetainedHeapMiB} MiB)`,
  );
}

if (shape === undefined) {
  for (const which of SHAPES) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(rows), String(repeats), which], { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
} else if (SHAPES.includes(shape)) {
  await runShape(shape);
} else throw new Error(`unknown input shape ${shape}`);
