// The real command (src/cli/main.ts) in a child process.
//
// Issue 11 §4: "A 40 MB CSV cell needs 1.5 GB; 150 MB aborts the process. Required: documented limits for cell, line
// and nesting sizes with coded errors and bounded memory." The real command (src/cli/main.ts) runs in a child
// process with its heap capped at 256 MB on files written piece by piece (never held whole in this process): it
// must exit 2 with the limit's code and the line, and its peak resident memory must stay far below the file size.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { matchInspectors } from '../../src/match/match-inspectors.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { generateInspectorRegister } from '../../src/testing/generate-inspector-register.js';

const root = join(import.meta.dirname, '..', '..');
const MiB = 1024 * 1024;
/**
 * Peak RSS a refused file may add over the same command on a tiny file (tsx compiling the sources alone takes
 * 100–400 MB depending on its cache, so the bound is on the growth): the files are 40 and 150 MB, and before the
 * limits a 40 MB cell needed 1.5 GB.
 */
const MAX_GROWTH_KB = 200 * 1024;
/** The child's peak RSS for a tiny, valid register (measured once the tsx cache is warm). */
let baselineKb = Number.NaN;

let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-size-'));
  const tiny = join(dir, 'tiny.csv');
  writeFileSync(tiny, '编号,企业名称,类型,登记状态,其他标识\nT-1,示例,企业,存续,project:T-1\n');
  await cli(['digest', tiny, '--json']); // warms tsx's cache
  baselineKb = (await cli(['digest', tiny, '--json'])).maxRssKb;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `head`, then `body` repeated until `bytes` bytes, then `tail`, one piece at a time. */
function generate(name: string, head: string, body: string, bytes: number, tail: string): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const piece = Buffer.from(body.repeat(Math.ceil(MiB / Buffer.byteLength(body))));
    for (let written = 0; written < bytes; written += piece.length) writeSync(fd, piece);
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
  return path;
}

interface ChildRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly out: string;
  readonly err: string;
  readonly maxRssKb: number;
}

let runs = 0;
function cli(args: readonly string[], closeStdout = false): Promise<ChildRun> {
  const rssFile = join(dir, `rss-${runs++}`);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', '--import', './test/cli/fixtures/report-max-rss.mjs', 'src/cli/main.ts', ...args],
      { cwd: root, env: { ...process.env, SHUANGSUIJI_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    // A reader that goes away at once (`shuangsuiji … | head -0`): the command's writes meet EPIPE.
    if (closeStdout) child.stdout.destroy();
    else child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let maxRssKb = Number.NaN;
      try {
        maxRssKb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // the child died before its exit handler ran (a crash): NaN fails the memory assertion
      }
      resolve({ code, signal, out, err, maxRssKb });
    });
  });
}

/** Exit 2, no stack trace, one JSON document naming `code` on `line`, bounded memory. */
function expectRefused(r: ChildRun, code: string, line: number): void {
  expect(r.signal, r.err).toBeNull();
  expect(r.code, r.err.slice(0, 2000)).toBe(2);
  expect(r.err).toBe('');
  const doc = JSON.parse(r.out) as { ok: boolean; code: string; problems: { code: string; line: number }[] };
  expect(doc).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(doc.problems).toContainEqual(expect.objectContaining({ code, line }));
  expect(r.maxRssKb - baselineKb).toBeLessThan(MAX_GROWTH_KB);
}

describe('the command line refuses oversized input with a code, in bounded memory', () => {
  it('a 40 MB CSV cell: CSV_CELL_TOO_LONG on its line', async () => {
    const file = generate('cell-40mb.csv', '统一社会信用代码,企业名称\n91350100M000100Y43,"', '中文,"" a', 40 * MiB, '"\n91350100M000200YXX,正常\n');
    expectRefused(await cli(['digest', file, '--json']), 'CSV_CELL_TOO_LONG', 2);
    rmSync(file);
  });

  it('a 150 MB CSV record of small cells: ROW_TOO_LONG on its line', async () => {
    const file = generate('row-150mb.csv', '统一社会信用代码,企业名称\n', 'a,', 150 * MiB, 'b\n');
    expectRefused(await cli(['digest', file, '--json']), 'ROW_TOO_LONG', 2);
    rmSync(file);
  });

  it('a 150 MB JSON Lines line: ROW_TOO_LONG on its line', async () => {
    const file = generate('line-150mb.jsonl', '{"id":"A"}\n{"id":"', '中', 150 * MiB, '"}\n{"id":"B"}\n');
    expectRefused(await cli(['digest', file, '--json']), 'ROW_TOO_LONG', 2);
    rmSync(file);
  });

  it('a 150 MB element of a JSON array register, read by verify: ROW_TOO_LONG on its line', async () => {
    const file = generate('element-150mb.json', '[\n{"id":"A"},\n{"id":"', 'x\\"[{', 150 * MiB, '"}\n]');
    const record = join(dir, 'record.json');
    writeFileSync(record, '{"format":"shuangsuiji-draw-record","algorithm":"shuangsuiji-draw"}');
    expectRefused(await cli(['verify', record, file, '--json']), 'ROW_TOO_LONG', 3);
    rmSync(file);
  });
});

describe('a register the command must hold whole', () => {
  it('an inspector register over 64 MiB, for verifying a match: FILE_TOO_LARGE, bounded memory', async () => {
    const pool = generateInspectorRegister(12, { seed: 4 });
    const targets = [{ id: 'T-1' }];
    const { record } = matchInspectors(targets, pool, { seed: seedFromDice('27182818284590452353').seed, label: 'L', date: '2026-03-02', department: pool[0]!.department });
    writeFileSync(join(dir, 'match.json'), JSON.stringify(record));
    writeFileSync(join(dir, 'targets.json'), JSON.stringify(targets));
    // 65 MiB of valid inspectors (distinct ids), written 1000 rows at a time.
    const base = generateInspectorRegister(1000, { seed: 5 });
    const path = join(dir, 'inspectors-65mb.jsonl');
    const fd = openSync(path, 'w');
    try {
      for (let written = 0, k = 0; written < 65 * MiB; k++) {
        const text = base.map((i) => JSON.stringify({ ...i, id: `${i.id}-${k}`, ...(i.certificate ? { certificate: { ...i.certificate, number: `${i.certificate.number}-${k}` } } : {}) })).join('\n') + '\n';
        written += writeSync(fd, text);
      }
    } finally {
      closeSync(fd);
    }
    const r = await cli(['verify', join(dir, 'match.json'), path, '--targets', join(dir, 'targets.json'), '--json']);
    expect(r.code, r.out.slice(0, 2000)).toBe(2);
    const doc = JSON.parse(r.out) as { problems: { code: string; line: number }[] };
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE' })]);
    expect(doc.problems[0]!.line).toBeGreaterThan(100_000);
    expect(r.maxRssKb - baselineKb).toBeLessThan(MAX_GROWTH_KB);
    rmSync(path);
  });
});

describe('the process', () => {
  it('exits 2 with one JSON document and no stack trace on a bad record, through main.ts', async () => {
    const record = join(dir, 'bad-record.json');
    writeFileSync(record, '{"algorithm":"shuangsuiji-draw","selected":[null]}');
    const register = join(dir, 'register.jsonl');
    writeFileSync(register, generateEntityRegister(3, { seed: 1 }).map((e) => JSON.stringify(e)).join('\n'));
    const r = await cli(['verify', record, register, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const text = await cli(['verify', record, register]);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/RECORD_MALFORMED/);
    expect(text.err).not.toMatch(/^\s+at\s|Error:/m);
  });

  it('ends quietly, keeping its exit code, when the reader closes the pipe (EPIPE)', async () => {
    const r = await cli(['help', 'verify'], true);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });
});
