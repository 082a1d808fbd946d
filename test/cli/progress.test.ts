// Issue 13 item 5: progress on a terminal — percentage of the file (bytes read of its size), rows per second and
// time left — and nothing on a pipe unless --progress (never with --json). The clock is the command's injected one
// (`CliIo.now`); here a deterministic one that advances 400 ms per reading.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressPrinter } from '../../src/cli/internals/problems.js';
import { runCli, type CliIo } from '../../src/cli/run-cli.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';

function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('progressPrinter', () => {
  it('prints percentage, rows per second and time left at most once a second', () => {
    const lines: string[] = [];
    const io: CliIo = { stdout: () => {}, stderr: (t) => lines.push(t), now: steppingClock(400) };
    const onProgress = progressPrinter(io, true, 'zh');
    // Clock: 400 at creation; 800, 1200, 1600 … at each call.
    for (let i = 1; i <= 6; i++) onProgress(i * 1000, { bytesRead: i * 100_000, totalBytes: 1_000_000 });
    // 800, 1200: under a second since the start; 1600 → printed; 2000, 2400: under a second since; 2800 → printed.
    expect(lines).toEqual([
      '已读取 30%（3000 行，每秒 2500 行，预计还需 3 秒）…',
      '已读取 60%（6000 行，每秒 2500 行，预计还需 2 秒）…',
    ]);
    const en: string[] = [];
    const english = progressPrinter({ stdout: () => {}, stderr: (t) => en.push(t), now: steppingClock(60_000) }, true, 'en');
    english(120_000, { bytesRead: 1, totalBytes: 1000 });
    expect(en).toEqual(['0% read (120000 rows, 2000 rows/s, about 16 h 39 min left)…']);
  });

  it('without a clock: every 100,000 rows, with the percentage when the size is known; nothing when not shown', () => {
    const lines: string[] = [];
    const onProgress = progressPrinter({ stdout: () => {}, stderr: (t) => lines.push(t) }, true, 'en');
    for (let rows = 1000; rows <= 250_000; rows += 1000) onProgress(rows, { bytesRead: rows * 4, totalBytes: 1_000_000 });
    expect(lines).toEqual(['40% read (100000 rows)…', '80% read (200000 rows)…']);
    const none: string[] = [];
    const hidden = progressPrinter({ stdout: () => {}, stderr: (t) => none.push(t), now: steppingClock(5000) }, false, 'zh');
    for (let rows = 1000; rows <= 300_000; rows += 1000) hidden(rows, { bytesRead: rows, totalBytes: 300_000 });
    expect(none).toEqual([]);
    // A reader that gives no byte counts (an old caller) still gets rows.
    const old: string[] = [];
    progressPrinter({ stdout: () => {}, stderr: (t) => old.push(t) }, true, 'zh')(100_000);
    expect(old).toEqual(['已读取 100000 行…']);
  });
});

describe('progress of the command', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-progress-'));
    writeFileSync(join(dir, 'register.jsonl'), generateEntityRegister(6000, { seed: 5 }).map((e) => JSON.stringify(e)).join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function stderrOf(args: string[], io: Partial<CliIo>): Promise<string[]> {
    const err: string[] = [];
    const code = await runCli(args, { stdout: () => {}, stderr: (t) => err.push(t), ...io });
    expect(code).toBe(0);
    return err;
  }

  it('shows on a terminal and with --progress, not on a pipe, not with --json or --no-progress', async () => {
    const file = join(dir, 'register.jsonl');
    const tty = await stderrOf(['digest', file], { stderrIsTty: true, now: steppingClock(700) });
    expect(tty.length).toBeGreaterThan(0);
    for (const line of tty) expect(line).toMatch(/^已读取 \d+%（\d+ 行，每秒 \d+ 行，预计还需 \d+ 秒）…$/);
    expect(await stderrOf(['digest', file], { stderrIsTty: false, now: steppingClock(700) })).toEqual([]);
    expect((await stderrOf(['digest', file, '--progress', '--lang', 'en'], { stderrIsTty: false, now: steppingClock(700) }))[0]).toMatch(/^\d+% read \(\d+ rows, \d+ rows\/s, about \d+ s left\)…$/);
    expect(await stderrOf(['digest', file, '--no-progress'], { stderrIsTty: true, now: steppingClock(700) })).toEqual([]);
    expect(await stderrOf(['digest', file, '--json'], { stderrIsTty: true, now: steppingClock(700) })).toEqual([]);
  });
});
