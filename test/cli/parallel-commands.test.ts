// Issue 16 §2: `digest`, `draw` and `verify` read a register file with several worker threads and print exactly
// what one thread prints (`--workers 1`): the same digest, the same record and drawn list byte for byte, the same
// verdict; a duplicate id in two ranges, a malformed row in the second range, are reported with the same code and
// line. The parallel path itself is checked to run (not the single-thread fallback) on valid files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parallelDigest } from '../../src/cli/internals/parallel/parallel-digest.js';
import { parallelDraw, parallelVerifyDraw } from '../../src/cli/internals/parallel/parallel-draw.js';
import { RegisterReading } from '../../src/cli/internals/register-reading.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { DrawRecord } from '../../src/draw/draw-record.js';
import type { DrawSpec } from '../../src/draw/draw-spec.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { registerDigest } from '../../src/draw/register-digest.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { encodeGb18030 } from './gb18030.js';

const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const entities = generateEntityRegister(3000, { seed: 'parallel-commands' });
const exported = toEntityExportRows(entities);
const header = Object.keys(exported[0]!);
const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The register as CSV: every seventh address spans lines inside quotes; CRLF line ends. */
function csvText(rows: readonly Record<string, string>[] = exported, eol = '\r\n'): string {
  const lines = [header.join(',')];
  rows.forEach((row, i) => {
    const r = { ...row };
    if (i % 7 === 0) r['住所'] = `${r['住所']}\n"北"楼,${i}`;
    lines.push(header.map((h) => quote(r[h] ?? '')).join(','));
  });
  return lines.join(eol) + eol;
}

const files = {
  utf8: join(dir, 'register-utf8.csv'),
  gb18030: join(dir, 'register-gb18030.csv'),
};
writeFileSync(files.utf8, `\uFEFF${csvText()}`);
writeFileSync(files.gb18030, encodeGb18030(csvText(exported, '\n')));

const SPECS: Record<string, DrawSpec> = {
  count: { label: '并行 第一批', size: { count: 25 } },
  stratified: { label: '并行 分层加权', size: { ratio: '2%', rounding: 'up' }, stratification: { field: 'riskClass', allocation: 'largest-remainder' }, weights: { byRiskClass: { A: 1, B: 2, C: 5, D: 10 } } },
};
const DICE = '31415926535897932384';

function reading(file: string): RegisterReading {
  const r = RegisterReading.create(file, 'entity', { encoding: undefined, headers: {}, ignore: [] });
  if (!(r instanceof RegisterReading)) throw new Error(r.code);
  return r;
}

describe('the parallel path runs and gives the single-thread results', () => {
  it('digest: registerDigest of the rows, in 2 and 3 ranges, UTF-8 with BOM and GB18030', async () => {
    const expected = registerDigest(entities);
    for (const file of [files.utf8, files.gb18030]) {
      for (const workers of [2, 3]) {
        const r = reading(file);
        const result = await parallelDigest(file, r, { workers, minBytes: 0 }, () => {});
        expect(result).toEqual({ ok: true, value: expected });
        expect(r.summary().encoding).toBe(file === files.utf8 ? 'utf-8' : 'gb18030');
        expect(r.summary().bom).toBe(file === files.utf8);
      }
    }
  }, 120_000);

  it('draw and verify: the record of drawTargets over the rows (one and two rounds)', async () => {
    const seed = seedFromDice(DICE);
    for (const [name, spec] of Object.entries(SPECS)) {
      const expected = drawTargets(entities, spec, { seed });
      const drawn = await parallelDraw(files.gb18030, reading(files.gb18030), { workers: 3, minBytes: 0 }, () => {}, spec, { seed });
      expect(drawn.ok, name).toBe(true);
      if (drawn.ok) expect(JSON.stringify(drawn.value.record)).toBe(JSON.stringify(expected.record));
      const verified = await parallelVerifyDraw(files.utf8, reading(files.utf8), { workers: 2, minBytes: 0 }, () => {}, expected.record, []);
      expect(verified).toEqual({ ok: true, value: { verdict: { ok: true, provenance: { seedOrigin: 'dice', commitment: 'none' } }, rows: entities.length } });
    }
  }, 120_000);

  it('a duplicate id in two ranges, or a malformed row: not done in parallel (one thread reports it)', async () => {
    const dup = join(dir, 'dup.csv');
    const rows = [...exported];
    rows[rows.length - 1] = { ...rows[rows.length - 1]!, 编号: rows[0]!['编号'] || rows[0]!['统一社会信用代码']!, 统一社会信用代码: rows[0]!['统一社会信用代码']! };
    writeFileSync(dup, csvText(rows));
    expect(await parallelDigest(dup, reading(dup), { workers: 2, minBytes: 0 }, () => {})).toMatchObject({ ok: false, reason: 'duplicate' });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, csvText().replace(/\r\n([^\r\n]*)\r\n$/, '\r\n$1,多余\r\n'));
    expect(await parallelDigest(bad, reading(bad), { workers: 2, minBytes: 0 }, () => {})).toMatchObject({ ok: false, reason: 'row-problem' });
  }, 120_000);
});

describe('the commands print the same with --workers 1 and with more', () => {
  it('digest (text and --json, --expect), UTF-8 and GB18030', async () => {
    for (const file of [files.utf8, files.gb18030]) {
      const one = await run(['digest', file, '--json', '--workers', '1']);
      expect(one.code).toBe(0);
      for (const workers of ['2', '4']) expect(await run(['digest', file, '--json', '--workers', workers])).toEqual(one);
      const text = await run(['digest', file, '--en', '--workers', '1']);
      expect(await run(['digest', file, '--en', '--workers', '3'])).toEqual(text);
      const digest = (JSON.parse(one.out) as { digest: string }).digest;
      expect(await run(['digest', file, '--expect', digest, '--workers', '2'])).toEqual(await run(['digest', file, '--expect', digest, '--workers', '1']));
    }
  }, 180_000);

  it('draw: the same record, drawn list and summary; verify: the same verdict', async () => {
    const out = join(dir, 'out');
    for (const [name, spec] of Object.entries(SPECS)) {
      const specFile = join(dir, `${name}.json`);
      writeFileSync(specFile, JSON.stringify(spec));
      const draw = async (workers: string): Promise<{ run: Awaited<ReturnType<typeof run>>; record: string; drawn: string }> => {
        const r = await run(['draw', files.gb18030, '--spec', specFile, '--dice', DICE, '--out', out, '--force', '--json', '--workers', workers]);
        return { run: r, record: readFileSync(join(out, 'draw-record.json'), 'utf8'), drawn: readFileSync(join(out, 'drawn.csv'), 'utf8') };
      };
      const one = await draw('1');
      expect(one.run.code, one.run.out).toBe(0);
      expect(await draw('3')).toEqual(one);
      const record = join(dir, `${name}-record.json`);
      writeFileSync(record, one.record);
      const verifyOne = await run(['verify', record, files.utf8, '--workers', '1']);
      expect(verifyOne.code, verifyOne.out).toBe(0);
      expect(await run(['verify', record, files.utf8, '--workers', '2'])).toEqual(verifyOne);
      // A record that does not reproduce: the same verdict (exit 1).
      const changed = JSON.parse(one.record) as DrawRecord;
      const tampered = join(dir, `${name}-tampered.json`);
      writeFileSync(tampered, JSON.stringify({ ...changed, register: { ...changed.register, size: changed.register.size + 1 } }));
      const failed = await run(['verify', tampered, files.utf8, '--json', '--workers', '1']);
      expect(failed.code).toBe(1);
      expect(await run(['verify', tampered, files.utf8, '--json', '--workers', '3'])).toEqual(failed);
    }
  }, 240_000);

  it('a duplicate id across ranges and a malformed row in the second range: the same problems, codes and lines', async () => {
    const rows = [...exported];
    const first = rows[0]!;
    rows[rows.length - 2] = { ...rows[rows.length - 2]!, 编号: first['编号']!, 统一社会信用代码: first['统一社会信用代码']!, 其他标识: first['其他标识']! };
    const dup = join(dir, 'dup-cli.csv');
    writeFileSync(dup, csvText(rows));
    const one = await run(['digest', dup, '--json', '--workers', '1']);
    expect(one.code).toBe(2);
    expect(one.out).toMatch(/DUPLICATE/);
    expect(await run(['digest', dup, '--json', '--workers', '2'])).toEqual(one);
    const specFile = join(dir, 'count.json');
    writeFileSync(specFile, JSON.stringify(SPECS['count']));
    const drawOne = await run(['draw', dup, '--spec', specFile, '--dice', DICE, '--out', join(dir, 'out-dup'), '--json', '--workers', '1']);
    expect(drawOne.code).toBe(2);
    expect(await run(['draw', dup, '--spec', specFile, '--dice', DICE, '--out', join(dir, 'out-dup'), '--json', '--workers', '3'])).toEqual(drawOne);

    // One credit code in two rows with different ids: one thread parses them in one batch (DUPLICATE_CREDIT_CODE).
    const codes = exported.map((r) => ({ ...r }));
    const withCode = codes.findIndex((r) => r['统一社会信用代码'] !== '');
    const last = codes.length - 3;
    codes[last] = { ...codes[last]!, 编号: 'ANOTHER-ID-1', 统一社会信用代码: codes[withCode]!['统一社会信用代码']!, 其他标识: '' };
    const sameCode = join(dir, 'same-code.csv');
    writeFileSync(sameCode, csvText(codes));
    const codeOne = await run(['digest', sameCode, '--json', '--workers', '1']);
    expect(codeOne.code).toBe(2);
    expect(codeOne.out).toMatch(/DUPLICATE_CREDIT_CODE/);
    expect(await run(['digest', sameCode, '--json', '--workers', '2'])).toEqual(codeOne);

    const text = csvText().split('\r\n');
    text[text.length - 40] = `${text[text.length - 40]},多余`;
    const bad = join(dir, 'bad-cli.csv');
    writeFileSync(bad, text.join('\r\n'));
    const badOne = await run(['digest', bad, '--json', '--workers', '1']);
    expect(badOne.code).toBe(2);
    const problems = (JSON.parse(badOne.out) as { problems: { code: string; line: number }[] }).problems;
    expect(problems).toContainEqual(expect.objectContaining({ code: 'CSV_FIELD_COUNT' }));
    expect(problems[0]!.line).toBeGreaterThan(3000);
    expect(await run(['digest', bad, '--json', '--workers', '2'])).toEqual(badOne);
    const record = join(dir, 'bad-record.json');
    writeFileSync(record, JSON.stringify(drawTargets(entities, SPECS['count']!, { seed: seedFromDice(DICE) }).record));
    const verifyOne = await run(['verify', record, bad, '--json', '--workers', '1']);
    expect(verifyOne.code).toBe(2);
    expect(await run(['verify', record, bad, '--json', '--workers', '2'])).toEqual(verifyOne);
  }, 240_000);

  it('--workers must be a whole number from 1 to 64', async () => {
    for (const value of ['0', '65', 'two', '1.5', '']) {
      const r = await run(['digest', files.utf8, '--json', '--workers', value]);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, code: 'INVALID_WORKERS' });
    }
    expect((await run(['seed', '--dice', DICE, '--workers', '2'])).code).toBe(2);
  });
});
