/**
 * The verification page on a large register (issue 15, robustness): writes a synthetic register of N rows (default
 * 1,000,000) as CSV, draws from it in Node, opens the built page (dist/page/shuangsuiji-page.html) from disk in
 * headless Chromium (/usr/bin/chromium), drops the record and the register on 核验抽取 and times the verification
 * from the click to the verdict. Checks while it runs that the page stays responsive (the main thread answers
 * within a bound while the worker reads). Prints one JSON line.
 *
 *   npx tsx bench/page-verify.ts [--rows 1000000] [--spec count|ratio]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { drawTargets } from '../src/draw/draw-targets.js';
import { seedFromDice } from '../src/draw/seed-from-dice.js';
import type { DrawSpec } from '../src/draw/draw-spec.js';
import type { Entity } from '../src/models/entity.js';
import { generateEntityRegister } from '../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../src/testing/to-entity-export-rows.js';
import { CHROMIUM, CHROMIUM_ARGS, PAGE } from '../test/page/browser.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const rows = Number(option('rows', '1000000'));
const kind = option('spec', 'count');
const CHUNK = 100_000;

/** The register, generated chunk by chunk (disjoint ids by `startIndex`), never held whole. */
function* register(): Generator<Entity> {
  for (let start = 0; start < rows; start += CHUNK) yield* generateEntityRegister(Math.min(CHUNK, rows - start), { seed: 'page-bench', startIndex: start });
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  let header: string[] | undefined;
  for (let start = 0; start < rows; start += CHUNK) {
    const chunk = toEntityExportRows(generateEntityRegister(Math.min(CHUNK, rows - start), { seed: 'page-bench', startIndex: start }));
    const lines: string[] = [];
    if (header === undefined) {
      header = Object.keys(chunk[0]!);
      lines.push(header.join(','));
    }
    for (const r of chunk) lines.push(header.map((h) => csvCell(r[h] ?? '')).join(','));
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-page-bench-'));
  try {
    const csv = join(dir, 'register.csv');
    await writeCsv(csv);
    const spec: DrawSpec = kind === 'ratio'
      ? { label: '页面基准 按比例分层', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.001 }, B: { ratio: 0.002 }, C: { ratio: 0.01 }, D: { ratio: 0.05 } } }, shortfall: 'take-all' }
      : { label: '页面基准 定额', size: { count: 200 } };
    const { record } = drawTargets(register, spec, { seed: seedFromDice('40271958360112847735') });
    const recordPath = join(dir, 'draw-record.json');
    writeFileSync(recordPath, JSON.stringify(record));

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(PAGE).href}#verify`);
      await page.setInputFiles('#verify-record', recordPath);
      await page.setInputFiles('#verify-register', csv);
      const started = Date.now();
      await page.getByTestId('verify-button').click();
      // While the worker reads, the main thread must keep answering: the longest wait for a trivial evaluation.
      let slowest = 0;
      let progressSeen = 0;
      const done = page.locator('[data-testid="verdict"], [data-testid="problems"], [data-testid="error"]').first().waitFor({ timeout: 1_800_000 });
      let finished = false;
      void done.then(() => { finished = true; }, () => { finished = true; });
      while (!finished) {
        const t0 = Date.now();
        const value = await page.locator('#view-verify [data-testid="progress"]').evaluate((node) => String((node as unknown as { value: number }).value)).catch(() => null);
        slowest = Math.max(slowest, Date.now() - t0);
        if (value !== null && Number(value) > 0) progressSeen++;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await done;
      const ms = Date.now() - started;
      const word = await page.locator('[data-testid="verdict"] .verdict-word').textContent().catch(() => null);
      console.log(JSON.stringify({
        bench: 'page-verify', rows, spec: kind, passes: kind === 'ratio' ? 2 : 1, csvBytes: statSync(csv).size, verdict: word, ms,
        rowsPerSecond: Math.round((rows * (kind === 'ratio' ? 2 : 1) * 1000) / ms), slowestMainThreadAnswerMs: slowest, progressSamples: progressSeen,
      }));
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
