/**
 * Reading a register CSV in UTF-8 and in GB18030 (issue 13 item 1: GB18030 read rate ≥ 80 % of UTF-8), measured in
 * one run on the same rows:
 *
 * - `read`: the register reader alone (`RegisterRowReader`: decoding with detection, CSV, row objects) over the
 *   file's bytes in memory, fed in 1 MiB chunks as from disk;
 * - `digest`: the whole `shuangsuiji digest` command on the file on disk (reading, column mapping, parsing,
 *   hashing), for scale.
 *
 * The two encodings alternate, each run after a warm-up, and the median of the runs is reported. Prints one JSON line
 * per encoding and measure, and a readable summary with the ratio. Run:
 * `node --expose-gc --import tsx bench/read-csv.bench.ts [rows] [repeats]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run-cli.js';
import { RegisterRowReader } from '../src/readers/register-row-reader.js';
import { generateEntityRegister } from '../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../src/testing/to-entity-export-rows.js';
import { encodeGb18030 } from '../test/cli/gb18030.js';

const rows = Number(process.argv[2] ?? 200_000);
const repeats = Number(process.argv[3] ?? 5);
const CHUNK = 1 << 20;

function clock(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function csv(): string {
  const records = toEntityExportRows(generateEntityRegister(rows, { seed: 'bench-read' }));
  const header = Object.keys(records[0]!);
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.join(',')];
  for (const r of records) lines.push(header.map((h) => cell((r as Record<string, string>)[h] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

async function readOnce(bytes: Uint8Array): Promise<{ ms: number; rows: number; encoding: string | undefined }> {
  gc();
  const start = clock();
  const reader = new RegisterRowReader(chunks(bytes), { name: 'register.csv' });
  let n = 0;
  for await (const _ of reader) n++;
  const ms = clock() - start;
  if (reader.problemCount > 0) throw new Error(JSON.stringify(reader.problems.slice(0, 3)));
  return { ms, rows: n, encoding: reader.encoding };
}

async function digestOnce(file: string): Promise<{ ms: number; digest: string }> {
  gc();
  let out = '';
  const start = clock();
  const code = await runCli(['digest', file, '--json'], { stdout: (t) => (out = t), stderr: () => {} });
  const ms = clock() - start;
  if (code !== 0) throw new Error(out.slice(0, 2000));
  return { ms, digest: (JSON.parse(out) as { digest: string }).digest };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const text = csv();
const inputs = { 'utf-8': new TextEncoder().encode(text), gb18030: encodeGb18030(text) } as const;
const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-bench-read-'));
try {
  const files = { 'utf-8': join(dir, 'utf8.csv'), gb18030: join(dir, 'gb18030.csv') } as const;
  writeFileSync(files['utf-8'], inputs['utf-8']);
  writeFileSync(files.gb18030, inputs.gb18030);
  const encodings = ['utf-8', 'gb18030'] as const;
  const read: Record<string, number[]> = { 'utf-8': [], gb18030: [] };
  const digest: Record<string, number[]> = { 'utf-8': [], gb18030: [] };
  const digests = new Set<string>();
  for (const e of encodings) await readOnce(inputs[e]); // warm-up
  for (let r = 0; r < repeats; r++) {
    for (const e of encodings) {
      const once = await readOnce(inputs[e]);
      if (once.rows !== rows || once.encoding !== e) throw new Error(`${e}: ${once.rows} rows, detected ${once.encoding}`);
      read[e]!.push(once.ms);
    }
  }
  for (const e of encodings) await digestOnce(files[e]); // warm-up
  for (let r = 0; r < Math.max(1, Math.ceil(repeats / 2)); r++) {
    for (const e of encodings) {
      const once = await digestOnce(files[e]);
      digests.add(once.digest);
      digest[e]!.push(once.ms);
    }
  }
  if (digests.size !== 1) throw new Error('the two encodings gave different digests');
  const summary: Record<string, { readonly rowsPerSecond: number; readonly mbPerSecond: number }> = {};
  for (const [measure, times] of [['read', read], ['digest', digest]] as const) {
    for (const e of encodings) {
      const ms = median(times[e]!);
      const rowsPerSecond = Math.round((rows * 1000) / ms);
      const mbPerSecond = Math.round((inputs[e].length / 1_048_576 / (ms / 1000)) * 10) / 10;
      summary[`${measure}-${e}`] = { rowsPerSecond, mbPerSecond };
      console.log(JSON.stringify({ bench: 'read-csv', measure, encoding: e, rows, bytes: inputs[e].length, medianMs: Math.round(ms), rowsPerSecond, mbPerSecond, runs: times[e]!.length }));
    }
  }
  for (const measure of ['read', 'digest'] as const) {
    const u = summary[`${measure}-utf-8`]!;
    const g = summary[`${measure}-gb18030`]!;
    const ratio = Math.round((g.rowsPerSecond / u.rowsPerSecond) * 1000) / 10;
    console.log(JSON.stringify({ bench: 'read-csv', measure, gb18030OfUtf8Percent: ratio }));
    console.log(`${measure}: UTF-8 ${u.rowsPerSecond} rows/s (${u.mbPerSecond} MB/s), GB18030 ${g.rowsPerSecond} rows/s (${g.mbPerSecond} MB/s) — GB18030 at ${ratio} % of UTF-8 (${rows} rows)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
