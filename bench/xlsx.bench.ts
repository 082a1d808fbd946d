/**
 * Digesting an entity register (检查对象名录库) of 100,000 rows read from an `.xlsx` workbook (issue 13 item 2:
 * ≤ 10 s). The workbook (shared strings, numbers as numbers, a date column) and the same register as UTF-8 CSV are
 * written to a temporary folder first, untimed; then, timed: (1) reading the sheet alone (`streamXlsxRows`), (2)
 * reading, parsing in batches of 5,000 and digesting as the command does, and (3) `shuangsuiji digest` on the
 * workbook and (4) on the CSV, in-process. RSS is read after the input is built and collected, then sampled between batches (the peak includes the workbook bytes held whole). Prints one
 * JSON line per measure plus a readable line. Run: `node --expose-gc --import tsx bench/xlsx.bench.ts [rows]`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/run-cli.js';
import { RegisterDigestStream } from '../src/cli/internals/register-digest-stream.js';
import { parseEntityRegister } from '../src/models/parse-entity-register.js';
import { streamXlsxRows } from '../src/readers/xlsx/index.js';
import { generateEntityRegister } from '../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../src/testing/to-entity-export-rows.js';
import { STYLE, xlsx, type Cell } from '../test/readers/xlsx-fixture.js';

const rows = Number(process.argv[2] ?? 100_000);
const BATCH = 5000;

function seconds(from: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - from) / 1e6) / 1000;
}

function mib(bytes: number): number {
  return Math.round((bytes / 1_048_576) * 10) / 10;
}

const dir = mkdtempSync(join(tmpdir(), 'xlsx-bench-'));
try {
  let text: Record<string, string>[] | undefined = toEntityExportRows(generateEntityRegister(rows, { seed: 'bench-xlsx' }));
  const header = Object.keys(text[0]!);
  let typed: Cell[][] | undefined = text.map((r, i) => [
    ...header.map((h): Cell => (r[h] === '' ? undefined : h === '投诉举报数' || h === '行政区划代码' ? Number(r[h]) : r[h])),
    { date: 40000 + (i % 5000), style: STYLE.date },
  ]);
  const book = join(dir, 'register.xlsx');
  writeFileSync(book, xlsx({ sheets: [{ name: '检查对象名录库', rows: [[...header, '登记日期'], ...typed] }] }));
  const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const csv = join(dir, 'register.csv');
  writeFileSync(csv, [header.join(','), ...text.map((r) => header.map((h) => quote(r[h]!)).join(','))].join('\r\n'));
  text = undefined;
  typed = undefined;
  const bytes = new Uint8Array(readFileSync(book));
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();

  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };

  // (1) reading the sheet alone
  let start = process.hrtime.bigint();
  let count = 0;
  for (const row of streamXlsxRows(bytes, (p) => { throw new Error(p.messageEn); })) {
    if (row.fields > 0) count++;
    if (count % BATCH === 0) sample();
  }
  const readOnly = seconds(start);

  // (2) reading, parsing in batches and digesting, as `digest` does
  start = process.hrtime.bigint();
  const stream = new RegisterDigestStream();
  let batch: unknown[] = [];
  let at = 0;
  const flush = (): void => {
    const parsed = parseEntityRegister(batch, { unknownFields: 'ignore' });
    if (!parsed.success) throw new Error(parsed.issues[0]!.messageEn);
    for (const e of parsed.data) stream.add(e, at++);
    batch = [];
    sample();
  };
  for (const { row } of streamXlsxRows(bytes, (p) => { throw new Error(p.messageEn); })) {
    batch.push(row);
    if (batch.length === BATCH) flush();
  }
  flush();
  stream.close();
  const { digest, size } = stream.result();
  const pipeline = seconds(start);

  // (3), (4) the command, in-process
  const command = async (file: string, ...more: string[]): Promise<{ time: number; out: string }> => {
    const lines: string[] = [];
    const t = process.hrtime.bigint();
    const code = await runCli(['digest', file, '--json', ...more], { stdout: (s) => lines.push(s), stderr: () => {} });
    const time = seconds(t);
    if (code !== 0) throw new Error(lines.join('\n'));
    return { time, out: lines.join('\n') };
  };
  const cliXlsx = await command(book, '--ignore-columns', '登记日期').catch(async () => command(book));
  sample();
  const cliCsv = await command(csv);
  const sameDigest = (JSON.parse(cliXlsx.out) as { digest: string }).digest === digest && (JSON.parse(cliCsv.out) as { digest: string }).digest === digest;

  const base = { rows, xlsxMiB: mib(bytes.length), digest: digest.slice(0, 16), size, sameDigestAsCsv: sameDigest };
  console.log(JSON.stringify({ bench: 'xlsx-read-sheet', seconds: readOnly, rowsPerSecond: Math.round(count / readOnly), ...base }));
  console.log(JSON.stringify({ bench: 'xlsx-read-parse-digest', seconds: pipeline, rssBeforeMiB: mib(baseline), peakRssMiB: mib(peak), ...base }));
  console.log(JSON.stringify({ bench: 'xlsx-cli-digest', seconds: cliXlsx.time, ...base }));
  console.log(JSON.stringify({ bench: 'csv-cli-digest', seconds: cliCsv.time, rows }));
  console.log(
    `xlsx ${rows} rows (${mib(bytes.length)} MiB): read ${readOnly} s; read+parse+digest ${pipeline} s (RSS ${mib(baseline)} → peak ${mib(peak)} MiB); ` +
      `shuangsuiji digest ${cliXlsx.time} s (CSV: ${cliCsv.time} s); same digest as CSV: ${sameDigest}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
