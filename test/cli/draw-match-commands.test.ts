// Issue 13 item 4, "the whole procedure on the command line": `draw` and `match` write records that `verify`
// accepts, tables for Excel, refuse bad input with the library's codes (exit 2), never overwrite without --force,
// and with --json print exactly one JSON document; the documented procedure block (docs/zh/departments.md) runs as written.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { commitSeed } from '../../src/draw/commit-seed.js';
import type { DrawRecord } from '../../src/draw/draw-record.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { seedFromBeacon } from '../../src/draw/seed-from-beacon.js';
import { seedFromContributions } from '../../src/draw/seed-from-contributions.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import type { Entity } from '../../src/models/entity.js';
import type { MatchRecord } from '../../src/match/match-record.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { generateInspectorRegister } from '../../src/testing/generate-inspector-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { toInspectorExportRows } from '../../src/testing/to-inspector-export-rows.js';

interface Run {
  readonly code: number;
  readonly writes: readonly string[];
  readonly out: string;
  readonly err: string;
}

async function run(args: readonly string[]): Promise<Run> {
  const writes: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => writes.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, writes, out: writes.join('\n'), err: err.join('\n') };
}

/** Runs with --json: exactly one JSON document, `ok` true exactly when the exit code is 0. */
async function json(args: readonly string[]): Promise<{ code: number; doc: Record<string, unknown> }> {
  const r = await run([...args, '--json']);
  expect(r.writes, `${args.join(' ')}: one JSON document`).toHaveLength(1);
  const doc = JSON.parse(r.writes[0]!) as Record<string, unknown>;
  expect(doc['ok']).toBe(r.code === 0);
  expect(r.out + r.err).not.toMatch(/^\s+at\s/m);
  return { code: r.code, doc };
}

function csv(rows: readonly Record<string, string>[]): string {
  const header = Object.keys(rows[0]!);
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[header.map(cell).join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\r\n')}\r\n`;
}

/** Reads a CSV written by the CLI (BOM, CRLF, quoted cells) into rows of cells. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

const DICE = '31415 92653 58979 32384';
const MATCH_DICE = '27182818284590452353';
const register = generateEntityRegister(240, { seed: 13 });
const inspectors = generateInspectorRegister(60, { seed: 13 });
const department = inspectors[0]!.department;
const spec = { label: '2026-命令行-第一批', size: { ratio: '5%' } };
const stratified = {
  label: '2026-命令行-分层',
  stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 2 }, B: { count: 2 }, C: { ratio: '50%' }, D: { ratio: '100%' } } },
};
const rules = { label: '2026-命令行-匹配', date: '2026-03-02', department, teamSize: 2 };

let dir = '';
const at = (...parts: string[]): string => join(dir, ...parts);
const write = (name: string, content: string): string => {
  writeFileSync(at(name), content);
  return at(name);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-draw-match-'));
  write('register.csv', csv(toEntityExportRows(register) as Record<string, string>[]));
  write('register.jsonl', register.map((e) => JSON.stringify(e)).join('\n') + '\n');
  write('spec.json', JSON.stringify(spec));
  write('stratified.json', JSON.stringify(stratified));
  write('inspectors.csv', csv(toInspectorExportRows(inspectors) as Record<string, string>[]));
  write('rules.json', JSON.stringify(rules));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shuangsuiji draw', () => {
  it('writes the record the library makes and a drawn list for Excel; the record verifies (exit 0)', async () => {
    const r = await run(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('d1')]);
    expect(r.code, r.err).toBe(0);
    const expected = drawTargets(register, spec, { seed: seedFromDice(DICE.replace(/ /g, '')) });
    const record = JSON.parse(readFileSync(at('d1', 'draw-record.json'), 'utf8')) as DrawRecord;
    expect(record).toEqual(JSON.parse(JSON.stringify(expected.record)));
    expect(r.out).toContain(`摘要（register.digest）：${record.register.digest}`);
    expect(r.out).toContain(`行数：${record.register.size}`);
    expect(r.out).toContain(`种子（seed）：${record.seed}`);
    expect(r.out).toContain('十面骰读数 20 位');
    expect(r.out).toContain(`抽中：${record.selected.length} 个`);
    expect(r.out).toContain(join(dir, 'd1', 'drawn.csv'));

    const rows = readCsv(readFileSync(at('d1', 'drawn.csv'), 'utf8'));
    expect(rows[0]!.slice(0, 6)).toEqual(['序号', '统一社会信用代码/编号', '名称', '签号', '分层', '入样概率']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(expected.selected.map((t) => t.id));
    expect(rows[1]![0]).toBe('1');
    expect(rows[1]![3]).toBe(expected.selected[0]!.ticket);
    expect(rows[1]![5]).toBe(expected.selected[0]!.inclusionProbability);

    const verified = await run(['verify', at('d1', 'draw-record.json'), at('register.csv')]);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain('核验通过');
  });

  it('reads the register twice for stratified draws, from CSV and JSON Lines alike', async () => {
    for (const [file, out] of [['register.csv', 's-csv'], ['register.jsonl', 's-jsonl']] as const) {
      const { code, doc } = await json(['draw', at(file), '--spec', at('stratified.json'), '--dice', DICE, '--out', at(out)]);
      expect(code, JSON.stringify(doc)).toBe(0);
      expect(doc['selected']).toBeGreaterThan(0);
      expect(doc['files']).toEqual({ record: at(out, 'draw-record.json'), drawn: at(out, 'drawn.csv') });
    }
    expect(readFileSync(at('s-csv', 'draw-record.json'), 'utf8')).toBe(readFileSync(at('s-jsonl', 'draw-record.json'), 'utf8'));
    expect((await run(['verify', at('s-csv', 'draw-record.json'), at('register.jsonl')])).code).toBe(0);
  });

  it('a register changed after the draw does not verify (exit 1)', async () => {
    const r = await run(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('d2')]);
    expect(r.code).toBe(0);
    const record = JSON.parse(readFileSync(at('d2', 'draw-record.json'), 'utf8')) as DrawRecord;
    const drawnId = record.selected[0]!.id;
    const tampered = register.map((e) => (e.id === drawnId ? { ...e, riskClass: e.riskClass === 'D' ? 'A' as const : 'D' as const } : e));
    write('tampered.json', JSON.stringify(tampered));
    const { code, doc } = await json(['verify', at('d2', 'draw-record.json'), at('tampered.json')]);
    expect(code).toBe(1);
    expect(doc['code']).toBe('REGISTER_CHANGED');
    expect((await run(['digest', at('tampered.json'), '--expect', record.register.digest])).code).toBe(1);
  });

  it('seeds from contributions or a beacon, and checks a published commitment', async () => {
    const contributions = [{ party: '市场监管局', value: '4021337799120045' }, { party: '公证处', value: '5521098834' }];
    write('contributions.json', JSON.stringify(contributions));
    const c = await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--contributions', at('contributions.json'), '--out', at('c')]);
    expect(c.code, JSON.stringify(c.doc)).toBe(0);
    expect(c.doc['seedOrigin']).toEqual(seedFromContributions(contributions).origin);
    const beacon = { source: 'drand-quicknet', round: '1234567', value: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' };
    const b = await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--beacon-source', beacon.source, '--beacon-round', beacon.round, '--beacon-value', beacon.value, '--out', at('b')]);
    expect(b.code, JSON.stringify(b.doc)).toBe(0);
    expect(b.doc['seed']).toBe(seedFromBeacon(beacon).seed);
    expect((await run(['verify', at('b', 'draw-record.json'), at('register.csv')])).code).toBe(0);

    const salt = '公证处-保密至揭晓-2026-03';
    const hash = commitSeed(seedFromDice('31415926535897932384').seed, { salt });
    const ok = await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--commitment', hash, '--salt', salt, '--out', at('k')]);
    expect(ok.code, JSON.stringify(ok.doc)).toBe(0);
    expect(ok.doc['seedCommitment']).toEqual({ hash, salt });
    expect((await run(['verify', at('k', 'draw-record.json'), at('register.csv')])).code).toBe(0);
    const wrong = await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--commitment', hash, '--salt', 'another salt', '--out', at('k2')]);
    expect(wrong.code).toBe(2);
    expect(wrong.doc['code']).toBe('SEED_COMMITMENT_MISMATCH');
    expect(existsSync(at('k2'))).toBe(false);
    // Exactly one seed source; --salt only with --commitment; --seed is not a draw option (no origin).
    expect((await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--out', at('x')])).doc['code']).toBe('USAGE_ERROR');
    expect((await run(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--contributions', at('contributions.json'), '--out', at('x')])).code).toBe(2);
    expect((await run(['draw', at('register.csv'), '--spec', at('spec.json'), '--beacon-source', 'drand', '--out', at('x')])).code).toBe(2);
    expect((await run(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--salt', salt, '--out', at('x')])).code).toBe(2);
    expect((await run(['draw', at('register.csv'), '--spec', at('spec.json'), '--seed', seedFromDice('31415926535897932384').seed, '--out', at('x')])).code).toBe(2);
    const weak = await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', '12345', '--out', at('x')]);
    expect(weak).toMatchObject({ code: 2, doc: { code: 'SEED_TOO_WEAK' } });
    expect(existsSync(at('x'))).toBe(false);
  });

  it('refuses a bad spec with the library code and path (exit 2), writing nothing', async () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ ...spec, sizes: 3 }, 'INVALID_SPEC', ['sizes']],
      [{ label: 'x', size: { count: -1 } }, 'INVALID_SIZE', ['size', 'count']],
      [{ label: 'x', size: { ratio: 2 } }, 'INVALID_RATIO', ['size', 'ratio']],
      [{ label: '', size: { count: 1 } }, 'INVALID_LABEL', ['label']],
      [[1, 2], 'INVALID_SPEC', []],
    ];
    for (const [bad, code, path] of cases) {
      const file = write('bad-spec.json', JSON.stringify(bad));
      const r = await json(['draw', at('register.csv'), '--spec', file, '--dice', DICE, '--out', at('bad')]);
      expect(r.code, JSON.stringify(r.doc)).toBe(2);
      expect(r.doc['code']).toBe(code);
      expect(r.doc['path'] ?? []).toEqual(path);
      expect(String(r.doc['messageEn'])).toContain('bad-spec.json');
      const text = await run(['draw', at('register.csv'), '--spec', file, '--dice', DICE, '--out', at('bad'), '--lang', 'en']);
      expect(text.code).toBe(2);
      expect(text.err).toContain(`[${code}]`);
      if (path.length > 0) expect(text.err).toContain(`(at ${path.join('.')})`);
    }
    write('needs-history.json', JSON.stringify({ label: 'x', size: { count: 2 }, exclusion: { year: 2026 } }));
    const history = await json(['draw', at('register.csv'), '--spec', at('needs-history.json'), '--dice', DICE, '--out', at('bad')]);
    expect(history.doc['code']).toBe('HISTORY_REQUIRED');
    write('bad-history.json', JSON.stringify([{ entityId: register[0]!.id, date: '2026-02-30', department: 'x', item: 'y' }]));
    const badHistory = await json(['draw', at('register.csv'), '--spec', at('needs-history.json'), '--history', at('bad-history.json'), '--dice', DICE, '--out', at('bad')]);
    expect(badHistory.doc['code']).toBe('INVALID_HISTORY');
    expect(badHistory.doc['path']).toEqual([0, 'date']);
    const notJson = await json(['draw', at('register.csv'), '--spec', write('broken-spec.json', '{"label":'), '--dice', DICE, '--out', at('bad')]);
    expect(notJson.doc).toMatchObject({ code: 'INVALID_INPUT', problems: [{ code: 'JSON_SYNTAX' }] });
    expect(existsSync(at('bad'))).toBe(false);
  });

  it('reports register problems by line, as digest and verify do (exit 2), including a duplicate id', async () => {
    const rows = toEntityExportRows(register.slice(0, 6)) as Record<string, string>[];
    const lines = csv(rows).split('\r\n');
    write('broken.csv', [lines[0], lines[1], lines[2]!.replace(/[0-9A-Y]{18}/, '91350100M000100Y4A'), lines[3], ''].join('\r\n'));
    const broken = await run(['draw', at('broken.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('bad')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.csv 第 3 行: \[USCC_CHECK_CHARACTER\]/);
    // The same entity twice, in two parse batches of 5000 rows: the draw finds it, named by the later line.
    const large = generateEntityRegister(5005, { seed: 14 });
    const twice: Entity[] = [...large, large[2]!];
    write('twice.jsonl', twice.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const dup = await json(['draw', at('twice.jsonl'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('bad')]);
    expect(dup.code).toBe(2);
    expect(dup.doc).toMatchObject({ code: 'INVALID_INPUT', problems: [{ code: 'DUPLICATE_ID', line: twice.length, record: twice.length }] });
    expect(dup.doc['problemCount']).toBe(1);
    const missing = await json(['draw', at('nope.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('bad')]);
    expect(missing.doc).toMatchObject({ code: 'INVALID_INPUT', problems: [{ code: 'FILE_UNREADABLE' }] });
    expect(existsSync(at('bad'))).toBe(false);
  });

  it('reads the register exactly as digest does (same reading options, same refusals, same digest)', async () => {
    const rows = (toEntityExportRows(register) as Record<string, string>[]).map((r) => ({ ...r, 备注: '内部备注' }));
    write('extra-column.csv', csv(rows));
    const drawArgs = ['draw', at('extra-column.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('e')];
    const refusedDigest = await json(['digest', at('extra-column.csv')]);
    const refusedDraw = await json(drawArgs);
    expect(refusedDraw.code).toBe(refusedDigest.code);
    expect((refusedDraw.doc['problems'] as { code: string }[]).map((p) => p.code)).toEqual((refusedDigest.doc['problems'] as { code: string }[]).map((p) => p.code));
    expect(existsSync(at('e'))).toBe(false);
    const digest = await json(['digest', at('extra-column.csv'), '--ignore-columns', '备注']);
    const drawn = await json([...drawArgs, '--ignore-columns', '备注']);
    expect(drawn.code, JSON.stringify(drawn.doc)).toBe(digest.code);
    expect((drawn.doc['register'] as { digest: string }).digest).toBe(digest.doc['digest']);
  });

  it('never overwrites output files without --force', async () => {
    const args = ['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('o')];
    expect((await run(args)).code).toBe(0);
    writeFileSync(at('o', 'drawn.csv'), 'kept');
    const again = await run(args);
    expect(again.code).toBe(2);
    expect(again.err).toContain('OUTPUT_EXISTS');
    expect(readFileSync(at('o', 'drawn.csv'), 'utf8')).toBe('kept');
    const doc = await json(args);
    expect(doc).toMatchObject({ code: 2, doc: { code: 'OUTPUT_EXISTS' } });
    const forced = await run([...args, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(at('o', 'drawn.csv'), 'utf8').startsWith('\uFEFF序号')).toBe(true);
    // An --out that is a file is refused too.
    expect((await json(['draw', at('register.csv'), '--spec', at('spec.json'), '--dice', DICE, '--out', at('spec.json')])).doc['code']).toBe('OUTPUT_UNWRITABLE');
  });

  it('makes cells that a spreadsheet would run as formulas inert', async () => {
    const base = register.filter((e) => e.status === 'active').slice(0, 4);
    const names = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)'];
    const hostile = base.map((e, i) => ({ ...e, name: names[i]!, address: i === 0 ? '示例路1号,"二楼"' : e.address }));
    write('hostile.json', JSON.stringify(hostile));
    write('all.json', JSON.stringify({ label: '全部', size: { count: 4 } }));
    expect((await run(['draw', at('hostile.json'), '--spec', at('all.json'), '--dice', DICE, '--out', at('h')])).code).toBe(0);
    const text = readFileSync(at('h', 'drawn.csv'), 'utf8');
    const rows = readCsv(text).slice(1);
    expect(rows.map((r) => r[2]).sort()).toEqual(names.map((n) => `'${n}`).sort());
    expect(rows.map((r) => r[11])).toContain('示例路1号,"二楼"');
    for (const line of text.split('\r\n')) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });
});

describe('shuangsuiji match', () => {
  const drawArgs = ['draw', '', '--spec', '', '--dice', DICE, '--out', ''];
  let recordFile = '';
  beforeAll(async () => {
    drawArgs[1] = at('register.csv');
    drawArgs[3] = at('spec.json');
    drawArgs[7] = at('m-draw');
    expect((await run(drawArgs)).code).toBe(0);
    recordFile = at('m-draw', 'draw-record.json');
  });

  it('matches the drawn targets joined with the register; the record verifies (exit 0)', async () => {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as DrawRecord;
    const conflictTarget = record.selected[0]!.id;
    const facts = {
      conflicts: [
        { inspectorId: inspectors.find((i) => i.department === department)!.id, entityId: conflictTarget, ground: 'interest' },
        { inspectorId: 'NOBODY-1', entityId: conflictTarget, ground: 'other' },
      ],
    };
    write('facts.json', JSON.stringify(facts));
    write('cross-rules.json', JSON.stringify({ ...rules, crossUnit: true }));
    const r = await run(['match', recordFile, '--register', at('register.csv'), '--inspectors', at('inspectors.csv'), '--rules', at('cross-rules.json'), '--facts', at('facts.json'), '--dice', MATCH_DICE, '--out', at('m1')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('匹配完成：2026-命令行-匹配');
    expect(r.out).toContain(`检查对象：${record.selected.length} 个`);
    expect(r.out).toMatch(/未匹配检查对象或人员的回避信息: 1 \(conflicts 1\): conflicts\.1/);
    const targets = JSON.parse(readFileSync(at('m1', 'targets.json'), 'utf8')) as { id: string; supervisingUnit?: string }[];
    expect(targets.map((t) => t.id)).toEqual(record.selected.map((s) => s.id));
    expect(targets.every((t) => typeof t.supervisingUnit === 'string')).toBe(true);
    const matchRecord = JSON.parse(readFileSync(at('m1', 'match-record.json'), 'utf8')) as MatchRecord;
    expect(matchRecord.seed).toBe(seedFromDice(MATCH_DICE).seed);
    expect(matchRecord.rules.crossUnit).toBe(true);
    const teams = readCsv(readFileSync(at('m1', 'teams.csv'), 'utf8'));
    expect(teams[0]).toEqual(['序号', '检查对象', '检查对象名称', '执法检查人员', '执法检查人员编号', '所属部门', '专家', '专家编号', '相邻区域人员', '状态', '说明']);
    expect(teams.length - 1).toBe(record.selected.length);
    const names = new Map(inspectors.map((i) => [i.id, i.name]));
    for (const a of matchRecord.assignments) {
      const row = teams.find((t) => t[1] === a.targetId)!;
      expect(row[4]!.split('、').sort()).toEqual([...a.inspectorIds].sort());
      expect(row[3]!.split('、').sort()).toEqual(a.inspectorIds.map((id) => names.get(id)).sort());
    }

    const verified = await json(['verify', at('m1', 'match-record.json'), at('inspectors.csv'), at('facts.json'), '--targets', at('m1', 'targets.json')]);
    expect(verified.code, JSON.stringify(verified.doc)).toBe(0);
    // Without the facts the recusals differ: the record does not reproduce.
    expect((await run(['verify', at('m1', 'match-record.json'), at('inspectors.csv'), '--targets', at('m1', 'targets.json')])).code).toBe(1);
  });

  it('takes targets as a JSON array or a CSV table, and a raw --seed', async () => {
    const targets = register.filter((e) => e.status === 'active').slice(0, 6).map((e) => ({ id: e.id, supervisingUnit: e.supervisingUnit, name: e.name }));
    write('targets.json', JSON.stringify(targets));
    const seed = seedFromDice('31415926535897932384').seed;
    const a = await json(['match', at('targets.json'), '--inspectors', at('inspectors.csv'), '--rules', at('rules.json'), '--seed', seed, '--out', at('m2')]);
    expect(a.code, JSON.stringify(a.doc)).toBe(0);
    expect(a.doc).toMatchObject({ ok: true, seed, targets: 6 });
    expect((await run(['verify', at('m2', 'match-record.json'), at('inspectors.csv'), '--targets', at('m2', 'targets.json')])).code).toBe(0);
    // The same targets as a table with Chinese headers (and columns the matcher does not read): the same match.
    write('targets.csv', csv(targets.map((t, i) => ({ 序号: String(i + 1), 统一社会信用代码: t.id, 名称: t.name, 属地监管单位: t.supervisingUnit ?? '' }))));
    const b = await json(['match', at('targets.csv'), '--inspectors', at('inspectors.csv'), '--rules', at('rules.json'), '--seed', seed, '--out', at('m3')]);
    expect(b.code, JSON.stringify(b.doc)).toBe(0);
    const recordA = JSON.parse(readFileSync(at('m2', 'match-record.json'), 'utf8')) as MatchRecord;
    const recordB = JSON.parse(readFileSync(at('m3', 'match-record.json'), 'utf8')) as MatchRecord;
    expect(recordB).toEqual(recordA);
    expect((await run(['verify', at('m3', 'match-record.json'), at('inspectors.csv'), '--targets', at('m3', 'targets.json')])).code).toBe(0);
    const teams = readCsv(readFileSync(at('m3', 'teams.csv'), 'utf8'));
    expect(teams.slice(1).map((t) => t[2]).sort()).toEqual(targets.map((t) => t.name).sort());
  });

  it('takes drawn.csv itself as a targets table (the same match as the record with its register); refuses unknown columns', async () => {
    const seed = seedFromDice('31415926535897932384').seed;
    const common = ['--inspectors', at('inspectors.csv'), '--rules', at('rules.json'), '--seed', seed];
    expect((await run(['match', recordFile, '--register', at('register.csv'), ...common, '--out', at('m6')])).code).toBe(0);
    expect((await run(['match', at('m-draw', 'drawn.csv'), ...common, '--out', at('m7')])).code).toBe(0);
    expect(readFileSync(at('m7', 'match-record.json'), 'utf8')).toBe(readFileSync(at('m6', 'match-record.json'), 'utf8'));
    write('renamed.csv', csv([{ 编号: register[0]!.id, 监管单位名称: '示例所' }, { 编号: register[1]!.id, 监管单位名称: '示例所' }]));
    const renamed = await json(['match', at('renamed.csv'), ...common, '--out', at('x2')]);
    expect(renamed.code).toBe(2);
    expect(renamed.doc).toMatchObject({ code: 'INVALID_INPUT', problemCount: 1, problems: [{ code: 'UNKNOWN_COLUMN', line: 2 }] });
    // --register belongs to a draw record only.
    expect((await json(['match', at('targets.csv'), '--register', at('register.csv'), ...common, '--out', at('x2')])).doc).toMatchObject({ problems: [{ code: 'REGISTER_WITHOUT_RECORD' }] });
    expect(existsSync(at('x2'))).toBe(false);
  });

  it('prints the targets that cannot be staffed with their reasons (still exit 0)', async () => {
    write('hard-rules.json', JSON.stringify({ ...rules, requiredExpertise: ['不存在的专长'] }));
    const r = await run(['match', recordFile, '--inspectors', at('inspectors.csv'), '--rules', at('hard-rules.json'), '--dice', MATCH_DICE, '--out', at('m4')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('无法选派的检查对象及原因');
    expect(r.out).toContain('[EXPERTISE_UNAVAILABLE]');
    const { doc } = await json(['match', recordFile, '--inspectors', at('inspectors.csv'), '--rules', at('hard-rules.json'), '--dice', MATCH_DICE, '--out', at('m4'), '--force']);
    expect(doc['complete']).toBe(false);
    expect((doc['unstaffable'] as { code: string }[]).every((u) => u.code === 'EXPERTISE_UNAVAILABLE')).toBe(true);
    const teams = readCsv(readFileSync(at('m4', 'teams.csv'), 'utf8'));
    expect(teams.slice(1).every((t) => t[9] === '无法选派' && t[10]!.startsWith('[EXPERTISE_UNAVAILABLE]'))).toBe(true);
    expect((await run(['verify', at('m4', 'match-record.json'), at('inspectors.csv'), '--targets', at('m4', 'targets.json')])).code).toBe(0);
  });

  it('refuses bad input with a code (exit 2) and never overwrites without --force', async () => {
    const base = ['match', recordFile, '--inspectors', at('inspectors.csv'), '--dice', MATCH_DICE];
    // crossUnit needs the targets' supervising units: a draw record alone has only ids.
    write('cross-only.json', JSON.stringify({ ...rules, crossUnit: true }));
    expect((await json([...base, '--rules', at('cross-only.json'), '--out', at('x1')])).doc['code']).toBe('REGISTER_REQUIRED');
    // A register that is not the one drawn from.
    write('other-register.json', JSON.stringify(register.slice(1)));
    const other = await json([...base, '--rules', at('rules.json'), '--register', at('other-register.json'), '--out', at('x1')]);
    expect(other.doc).toMatchObject({ code: 'INVALID_INPUT', problems: [{ code: 'REGISTER_DIGEST_MISMATCH' }] });
    // Rules the matcher refuses, and keys that belong elsewhere.
    write('bad-rules.json', JSON.stringify({ ...rules, teamSize: 1 }));
    const refused = await json([...base, '--rules', at('bad-rules.json'), '--out', at('x1')]);
    expect(refused.doc).toMatchObject({ code: 'INVALID_MATCH_OPTIONS', path: ['teamSize'] });
    expect(String(refused.doc['messageZh'])).toContain('bad-rules.json');
    write('seeded-rules.json', JSON.stringify({ ...rules, seed: 'x', conflicts: [] }));
    const keys = await json([...base, '--rules', at('seeded-rules.json'), '--out', at('x1')]);
    expect(keys.doc).toMatchObject({ code: 'INVALID_INPUT' });
    expect((keys.doc['problems'] as { code: string; path: string[] }[]).map((p) => p.path)).toEqual([['seed'], ['conflicts']]);
    write('typo-facts.json', JSON.stringify({ conflict: [] }));
    expect((await json([...base, '--rules', at('rules.json'), '--facts', at('typo-facts.json'), '--out', at('x1')])).doc).toMatchObject({ code: 'INVALID_INPUT', problems: [{ code: 'UNKNOWN_FIELD', path: ['conflict'] }] });
    // A bad inspector register is listed by line.
    const inspectorRows = toInspectorExportRows(inspectors) as Record<string, string>[];
    write('bad-inspectors.csv', csv(inspectorRows.map((row, i) => (i === 0 ? { ...row, 有效期止: '2026-02-30' } : row))));
    const badInspectors = await run([...base, '--rules', at('rules.json'), '--out', at('x1')].map((a) => (a === at('inspectors.csv') ? at('bad-inspectors.csv') : a)));
    expect(badInspectors.code).toBe(2);
    expect(badInspectors.err).toMatch(/bad-inspectors\.csv 第 2 行/);
    expect(existsSync(at('x1'))).toBe(false);
    // No --out, no seed, two seeds: usage errors.
    expect((await run(['match', recordFile, '--inspectors', at('inspectors.csv'), '--rules', at('rules.json'), '--dice', MATCH_DICE])).code).toBe(2);
    expect((await run(['match', recordFile, '--inspectors', at('inspectors.csv'), '--rules', at('rules.json'), '--out', at('x1')])).code).toBe(2);
    expect((await json(['match', recordFile, '--inspectors', at('inspectors.csv'), '--rules', at('rules.json'), '--dice', MATCH_DICE, '--seed', 'ab', '--out', at('x1')])).doc['code']).toBe('USAGE_ERROR');

    const args = [...base, '--rules', at('rules.json'), '--out', at('m5')];
    expect((await run(args)).code).toBe(0);
    writeFileSync(at('m5', 'teams.csv'), 'kept');
    expect((await json(args)).doc['code']).toBe('OUTPUT_EXISTS');
    expect(readFileSync(at('m5', 'teams.csv'), 'utf8')).toBe('kept');
    expect((await run([...args, '--force'])).code).toBe(0);
    expect(readFileSync(at('m5', 'teams.csv'), 'utf8')).not.toBe('kept');
  });
});

describe('the documented procedure (docs/zh/departments.md, shown in the README) and --help', () => {
  const root = join(import.meta.dirname, '..', '..');

  /** The commands of the ```sh procedure block, continuation lines joined, with the exit code each states. */
  function procedure(): { words: string[]; expected: number; text: string }[] {
    const doc = readFileSync(join(root, 'docs', 'zh', 'departments.md'), 'utf8');
    const block = /^```sh procedure\n([\s\S]*?)^```/m.exec(doc);
    expect(block, 'a ```sh procedure block').not.toBeNull();
    const commands: { words: string[]; expected: number; text: string }[] = [];
    for (const text of block![1]!.replace(/\\\n\s*/g, ' ').split('\n')) {
      if (/^\s*(#|$)/.test(text)) continue;
      const expected = Number(/#.*退出码\s*(\d+)/.exec(text)?.[1] ?? 0);
      const words = [...text.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
      commands.push({ words, expected, text });
    }
    return commands;
  }

  it('runs every command of the documented block on examples/cli/ with the exit code it states', async () => {
    const commands = procedure();
    expect(commands.map((c) => c.words[2])).toEqual(expect.arrayContaining(['digest', 'seed', 'draw', 'match', 'verify']));
    const work = join(dir, 'procedure');
    cpSync(join(root, 'examples', 'cli'), work, { recursive: true });
    // Worker threads cannot change directory: file arguments are made absolute instead.
    const absolute = (word: string, previous: string | undefined): string =>
      previous === '--out' || /\.(csv|json)$/.test(word) ? join(work, word) : word;
    for (const { words, expected, text } of commands) {
      expect(words.slice(0, 2), text).toEqual(['npx', 'shuangsuiji']);
      const args = words.slice(2).map((w, i, all) => absolute(w, all[i - 1]));
      const r = await run(args);
      expect(r.code, `${text}\n${r.out}\n${r.err}`).toBe(expected);
    }
    expect(readFileSync(join(work, '抽取结果', 'drawn.csv'), 'utf8').startsWith('\uFEFF序号,统一社会信用代码/编号,名称,签号,分层,入样概率')).toBe(true);
    expect(readFileSync(join(work, '匹配结果', 'teams.csv'), 'utf8').startsWith('\uFEFF序号,检查对象,检查对象名称,执法检查人员')).toBe(true);
  });

  it('lists the whole procedure in --help, each step a command, in Chinese and English', async () => {
    for (const lang of ['zh', 'en']) {
      const help = await run(['--help', '--lang', lang]);
      expect(help.code).toBe(0);
      for (const command of ['digest', 'seed --dice', 'draw', 'match', 'verify', 'digest <']) expect(help.out).toContain(`shuangsuiji ${command}`);
      expect(help.out).not.toMatch(/drawTargets|程序库|the library/);
    }
    for (const command of ['draw', 'match']) {
      expect((await run([command, '--help'])).out).toMatch(new RegExp(`^用法：shuangsuiji ${command} `));
      expect((await run(['help', command, '--lang', 'en'])).out).toMatch(new RegExp(`^Usage: shuangsuiji ${command} `));
    }
  });
});
