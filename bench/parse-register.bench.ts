/**
 * Parsing a 1,000,000-row entity register (检查对象名录库) with credit-code validation, in two input
 * shapes: typed JSON rows keyed by field names, and spreadsheet rows keyed by Chinese headers with every
 * value as text. Prints one JSON line per case plus a readable line. Run:
 * `node --expose-gc --import tsx bench/parse-register.bench.ts [rows]`.
 */
import { parseEntityRegister } from '../src/models/parse-entity-register.js';
import { generateEntityRegister } from '../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../src/testing/to-entity-export-rows.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;

function mib(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}

function run(label: string, input: readonly object[], repeats: number): void {
  // Warm-up on a slice so the JIT has compiled the hot path.
  parseEntityRegister(input.slice(0, 20_000));
  const timings: number[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  for (let r = 0; r < repeats; r++) {
    gc?.();
    const start = process.hrtime.bigint();
    const result = parseEntityRegister(input);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    if (!result.success || result.data.length !== input.length) throw new Error(`${label}: parse failed`);
    timings.push(seconds);
  }
  timings.sort((a, b) => a - b);
  const best = timings[0]!;
  const median = timings[Math.floor(timings.length / 2)]!;
  const line = {
    bench: 'parse-entity-register',
    input: label,
    rows: input.length,
    repeats,
    bestSeconds: Math.round(best * 1000) / 1000,
    medianSeconds: Math.round(median * 1000) / 1000,
    rowsPerSecondBest: Math.round(input.length / best),
    rowsPerSecondMedian: Math.round(input.length / median),
    peakRssMiB: mib(peakRss),
    peakHeapUsedMiB: mib(peakHeap),
  };
  console.log(JSON.stringify(line));
  console.log(`# ${label}: ${line.rowsPerSecondMedian.toLocaleString('en-US')} rows/s (median of ${repeats}), peak RSS ${line.peakRssMiB} MiB, heap ${line.peakHeapUsedMiB} MiB`);
}

const entities = generateEntityRegister(rows, { seed: 'bench' });
// JSON round trip: plain objects with own keys, as a caller would have after JSON.parse.
const jsonRows = JSON.parse(JSON.stringify(entities)) as object[];
run('json-field-names', jsonRows, 5);
const sheetRows = toEntityExportRows(entities);
run('sheet-chinese-headers-text', sheetRows, 5);
