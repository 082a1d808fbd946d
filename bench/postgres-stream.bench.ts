/**
 * The PostgreSQL streaming rate (issue 16 §3): rows/s from a table into the draw through the example's server-side
 * cursor (examples/postgres/entity-rows.ts: pg-cursor batches, each parsed by `parseEntityRegister`), for a register
 * of 1,000,000 synthetic entities. Measured in one run, median of the repeats after a warm-up pass:
 *
 * - `rows`: the rows as pg returns them through the same cursor, not mapped (what the server, the wire and pg's
 *   decoding of 19 text columns cost);
 * - `cursor`: the rows read and mapped to entities by `entityRows` (plus `parseEntityRegister`);
 * - `draw`: the same stream into `drawTargetsAsync` (an undirected draw of 30,000), end to end — the figure;
 * - the `draw` at other batch sizes, once each, to show what the round trips cost;
 * - `partitions`: the same draw over the table partitioned by province (5 parts), one summary per partition through
 *   its own connection, merged (examples/postgres/draw-by-partition.ts), once — all parts in this one process.
 *
 * Peak RSS is sampled every 20 ms during each pass (the register is loaded in chunks, never held whole). Prints one
 * JSON object per line plus a readable line. Needs a server: run
 * `bash scripts/with-postgres.sh npx tsx bench/postgres-stream.bench.ts [rows] [repeats]`; without PGHOST it starts
 * one itself through scripts/with-postgres.sh (so `npm run bench` runs it too).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { drawTargetsAsync, seedFromDice, type DrawSpec, type Entity } from '../src/index.js';
import { generateEntityRegister } from '../src/testing/index.js';
import { drawByPartition } from '../examples/postgres/draw-by-partition.js';
import { ENTITY_COLUMNS, entityRows } from '../examples/postgres/entity-rows.js';
import { createRegisterTable, loadRegister } from '../examples/postgres/load-register.js';

if (process.env['PGHOST'] === undefined) {
  const script = fileURLToPath(new URL('../scripts/with-postgres.sh', import.meta.url));
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync('bash', [script, process.execPath, ...process.execArgv, self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const ROWS = Number(process.argv[2] ?? 1_000_000);
const REPEATS = Number(process.argv[3] ?? 3);
const TABLE = 'bench_register';
const PROVINCES = ['11', '31', '35', '44', '51'];
const spec: DrawSpec = { label: 'bench', size: { count: 30_000 } };
const seed = seedFromDice('16180339887498948482045');

function clock(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function emit(bench: string, metrics: Record<string, number | string>, readable: string): void {
  console.log(JSON.stringify({ bench, ...metrics }));
  console.log(`  ${bench}: ${readable}`);
}

/** The register in chunks of 100,000 (disjoint, via startIndex), so the bench never holds it whole. */
function* register(): Generator<Entity> {
  for (let start = 0; start < ROWS; start += 100_000) {
    yield* generateEntityRegister(Math.min(100_000, ROWS - start), { seed: `bench-pg-${start}`, startIndex: start, regionCodes: PROVINCES.map((p) => `${p}0101`) });
  }
}

interface Run { readonly ms: number; readonly rows: number; readonly rssBeforeMiB: number; readonly peakRssMiB: number }

/** Runs one pass, timing it and sampling RSS (before: after a full GC, what the process holds without the pass). */
async function timed(pass: () => Promise<number>): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 20);
  const start = clock();
  const rows = await pass();
  const ms = clock() - start;
  clearInterval(sampler);
  return { ms, rows, rssBeforeMiB: Math.round(before / 1048576), peakRssMiB: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1048576) };
}

async function rowsOnly(client: pg.Client, batchSize: number): Promise<number> {
  const cursor = client.query(new Cursor(`SELECT ${ENTITY_COLUMNS} FROM ${TABLE}`));
  let n = 0;
  for (let rows = await cursor.read(batchSize); rows.length > 0; rows = await cursor.read(batchSize)) n += rows.length;
  await cursor.close();
  return n;
}

async function cursorOnly(client: pg.Client, batchSize: number): Promise<number> {
  let n = 0;
  for await (const _ of entityRows(client, TABLE, { batchSize })) n++;
  return n;
}

async function draw(client: pg.Client, batchSize: number): Promise<number> {
  const { record } = await drawTargetsAsync(entityRows(client, TABLE, { batchSize }), spec, { seed });
  return record.register.size;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const client = new pg.Client();
await client.connect();
try {
  const loadStart = clock();
  await createRegisterTable(client, TABLE);
  await loadRegister(client, TABLE, register());
  const loadMs = clock() - loadStart;
  emit('postgres-load', { rows: ROWS, ms: Math.round(loadMs), rowsPerSecond: Math.round(ROWS / (loadMs / 1000)) }, `COPY of ${ROWS} rows in ${(loadMs / 1000).toFixed(1)} s (setup, not the measure)`);

  await draw(client, 10_000); // warm-up: JIT, the table in shared buffers and the page cache
  const report = (name: string, batchSize: number, runs: readonly Run[]): void => {
    if (runs.some((run) => run.rows !== ROWS)) throw new Error(`read ${runs.map((run) => run.rows).join(', ')} rows, expected ${ROWS}`);
    const ms = median(runs.map((run) => run.ms));
    const rate = Math.round(ROWS / (ms / 1000));
    const before = Math.min(...runs.map((run) => run.rssBeforeMiB));
    const peak = Math.max(...runs.map((run) => run.peakRssMiB));
    emit(`postgres-${name}`, { rows: ROWS, batchSize, ms: Math.round(ms), rowsPerSecond: rate, rssBeforeMiB: before, peakRssMiB: peak, repeats: runs.length },
      `batch ${batchSize}: ${rate.toLocaleString('en')} rows/s (${runs.length === 1 ? 'one run' : `median of ${runs.length}`}, ${(ms / 1000).toFixed(2)} s), RSS ${before} MiB before, ${peak} MiB at most`);
  };
  for (const [name, pass] of [['rows', rowsOnly], ['cursor', cursorOnly], ['draw', draw]] as const) {
    const runs: Run[] = [];
    for (let r = 0; r < REPEATS; r++) runs.push(await timed(() => pass(client, 10_000)));
    report(name, 10_000, runs);
  }
  for (const batchSize of [1_000, 50_000]) report('draw', batchSize, [await timed(() => draw(client, batchSize))]);

  await createRegisterTable(client, `${TABLE}_parts`, PROVINCES);
  await client.query(`INSERT INTO ${TABLE}_parts SELECT * FROM ${TABLE}`);
  await client.query(`ANALYZE ${TABLE}_parts`);
  const parts = PROVINCES.map((p) => `${TABLE}_parts_${p}`);
  report('partitions', 10_000, [await timed(async () => (await drawByPartition(parts, spec, { seed }, { batchSize: 10_000 })).record.register.size)]);
} finally {
  await client.query(`DROP TABLE IF EXISTS ${TABLE}, ${TABLE}_parts`).catch(() => undefined);
  await client.end();
}
