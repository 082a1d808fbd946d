// Issue 13 item 3: columns. Unknown columns are an error of the command (a renamed column must not make an honest
// register look tampered with), mapped with --headers / --headers-file or dropped with --ignore-columns; every run
// states which column fed which field; repeated headers, Excel's sep= line, unnamed columns, identifiers in
// scientific notation and files that are not CSV/JSON at all are each named with a code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { registerDigest } from '../../src/draw/register-digest.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Row = Record<string, string>;
function csv(rows: readonly Row[], sep = ','): string {
  const header = Object.keys(rows[0]!);
  const cell = (v: string): string => (v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.map(cell).join(sep), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(sep))].join('\r\n') + '\r\n';
}
function rename(rows: readonly Row[], from: string, to: string): Row[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k === from ? to : k, v])));
}

let dir = '';
const at = (name: string): string => join(dir, name);
const register = generateEntityRegister(60, { seed: 31 });
const rows = toEntityExportRows(register);
const expected = registerDigest(register);
const { record } = drawTargets(register, { label: '列名测试', size: { count: 5 } }, { seed: seedFromDice('31415926535897932384') });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-cols-'));
  writeFileSync(at('record.json'), JSON.stringify(record));
  // A department's export names the risk class 信用风险类别, not one of the default headers.
  writeFileSync(at('renamed.csv'), csv(rename(rows, '信用风险分类', '信用风险类别')));
  // …and adds a remarks column.
  writeFileSync(at('remarks.csv'), csv(rows.map((r) => ({ ...r, 备注: '无' }))));
  writeFileSync(at('mapping.json'), JSON.stringify({ 信用风险类别: 'riskClass' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('unknown columns', () => {
  it('are an error naming each column and how to map or ignore it (digest and verify)', async () => {
    const zh = await run(['digest', at('renamed.csv')]);
    expect(zh.code).toBe(2);
    expect(zh.out).toBe('');
    expect(zh.err).toContain('[UNKNOWN_COLUMN] 未知列 "信用风险类别"');
    expect(zh.err).toContain('--headers 信用风险类别=字段');
    expect(zh.err).toContain('--ignore-columns 信用风险类别');
    expect(zh.err).toContain('renamed.csv 第 1 行');
    const json = await run(['digest', at('renamed.csv'), '--json']);
    const doc = JSON.parse(json.out) as { problems: { code: string; line: number; messageEn: string }[]; problemCount: number; columns: unknown[] };
    // Reported once for the column, not once per row.
    expect(doc.problems.filter((p) => p.code === 'UNKNOWN_COLUMN')).toEqual([expect.objectContaining({ line: 1, messageEn: expect.stringContaining('add --headers 信用风险类别=<field>') })]);
    expect(doc.columns).toContainEqual({ column: '信用风险类别', field: null, unknown: true });
    // verify refuses it too, instead of reporting a tampered register (what ignoring the column did).
    const verify = await run(['verify', at('record.json'), at('renamed.csv'), '--json']);
    expect(verify.code).toBe(2);
    expect(JSON.parse(verify.out)).toMatchObject({ code: 'INVALID_INPUT', problems: [{ code: 'UNKNOWN_COLUMN' }] });
  });

  it('--headers and --headers-file map them: the digest of the original register, and verify passes', async () => {
    for (const option of [['--headers', '信用风险类别=riskClass'], ['--headers-file', at('mapping.json')], ['--headers', ' 信用风险类别 = riskClass ,其他=name']]) {
      const r = await run(['digest', at('renamed.csv'), ...option, '--json']);
      expect(r.code, r.out).toBe(0);
      const doc = JSON.parse(r.out) as { digest: string; columns: unknown[] };
      expect(doc.digest).toBe(expected.digest);
      expect(doc.columns).toContainEqual({ column: '信用风险类别', field: 'riskClass' });
    }
    const verify = await run(['verify', at('record.json'), at('renamed.csv'), '--headers', '信用风险类别=riskClass']);
    expect(verify.code, verify.out + verify.err).toBe(0);
    expect(verify.out).toContain('信用风险类别 → riskClass');
  });

  it('--ignore-columns drops them, and the run says so', async () => {
    const r = await run(['digest', at('remarks.csv'), '--ignore-columns', '备注']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`名录库摘要（register.digest）：${expected.digest}`);
    expect(r.out).toContain('备注 → （忽略：--ignore-columns）');
    const json = await run(['digest', at('remarks.csv'), '--ignore-columns=备注,其他', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ digest: expected.digest, columns: expect.arrayContaining([{ column: '备注', field: null, ignored: true }]) });
  });

  it('states which column fed which field on every run (text table, --json columns)', async () => {
    writeFileSync(at('plain.csv'), csv(rows));
    const text = await run(['digest', at('plain.csv'), '--lang', 'en']);
    expect(text.out).toContain('Read ');
    expect(text.out).toContain('column → field:');
    expect(text.out).toContain('    统一社会信用代码 → creditCode');
    const json = await run(['digest', at('plain.csv'), '--json']);
    const doc = JSON.parse(json.out) as { columns: { column: string; field: string }[]; format: string; separator: string };
    expect(doc.format).toBe('csv');
    expect(doc.separator).toBe(',');
    expect(doc.columns.map((c) => c.column)).toEqual(Object.keys(rows[0]!));
  });

  it('bad mappings are coded errors, before the register is read', async () => {
    const cases: [string[], string][] = [
      [['--headers', '信用风险类别=risk'], 'INVALID_HEADERS'],
      [['--headers', '信用风险类别'], 'INVALID_HEADERS'],
      [['--headers', 'a=name', '--headers', 'a=address'], 'INVALID_HEADERS'],
      [['--headers', '备注=address', '--ignore-columns', '备注'], 'INVALID_HEADERS'],
      [['--headers-file', at('nope.json')], 'FILE_UNREADABLE'],
      [['--headers-file', at('record.json')], 'INVALID_HEADERS_FILE'],
    ];
    writeFileSync(at('array.json'), '[]');
    cases.push([['--headers-file', at('array.json')], 'INVALID_HEADERS_FILE']);
    for (const [options, code] of cases) {
      const r = await run(['digest', at('renamed.csv'), ...options, '--json']);
      expect(r.code, options.join(' ')).toBe(2);
      expect(JSON.parse(r.out), options.join(' ')).toMatchObject({ ok: false, code });
    }
    // record.json is an object, but of records, not of column names: its values are not field names.
    const fields = await run(['digest', at('renamed.csv'), '--headers', '信用风险类别=risk', '--lang', 'en']);
    expect(fields.err).toContain('fields: id, creditCode');
  });
});

describe('JSON registers', () => {
  it('an unknown key is reported once, on the first row that has it; --headers maps keys as it maps columns', async () => {
    const lines = register.map((e, i) => JSON.stringify(i >= 2 ? { ...e, 备注: '无' } : e));
    writeFileSync(at('extra.jsonl'), lines.join('\n'));
    const r = await run(['digest', at('extra.jsonl'), '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { problems: { code: string; line: number }[]; problemCount: number };
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_COLUMN', line: 3 })]);
    expect(doc.problemCount).toBe(1);
    expect(JSON.parse((await run(['digest', at('extra.jsonl'), '--ignore-columns', '备注', '--json'])).out)).toMatchObject({ ok: true, digest: expected.digest });
    const renamed = register.map(({ name, ...rest }) => JSON.stringify({ ...rest, 备案名称: name }));
    writeFileSync(at('renamed.jsonl'), renamed.join('\n'));
    const mapped = await run(['digest', at('renamed.jsonl'), '--headers', '备案名称=name', '--json']);
    expect(JSON.parse(mapped.out)).toMatchObject({ ok: true, digest: expected.digest, columns: expect.arrayContaining([{ column: '备案名称', field: 'name' }]) });
  });
});

describe('CSV headers and separators', () => {
  it('a repeated header is an error naming both columns, never the last kept silently', async () => {
    const header = Object.keys(rows[0]!);
    const lines = csv(rows).split('\r\n');
    lines[0] = [...header, '企业名称'].join(',');
    for (let i = 1; i < lines.length - 1; i++) lines[i] = `${lines[i]},另一个名称`;
    writeFileSync(at('twice.csv'), lines.join('\r\n'));
    const r = await run(['digest', at('twice.csv'), '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { problems: { code: string; line: number; messageZh: string }[] };
    const position = header.indexOf('企业名称') + 1;
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'CSV_DUPLICATE_COLUMN', line: 1, messageZh: expect.stringContaining(`第 ${position} 列和第 ${header.length + 1} 列的列名都是 "企业名称"`) })]);
  });

  it("Excel's sep= first line sets the separator and is skipped (lines still counted from the file's first)", async () => {
    for (const [sep, line] of [[';', 'sep=;'], ['\t', 'sep=\t'], ['\t', 'sep=\\t'], [',', 'sep=,']] as const) {
      writeFileSync(at('sep.csv'), `${line}\r\n${csv(rows, sep)}`);
      const r = await run(['digest', at('sep.csv'), '--json']);
      expect(r.code, `${JSON.stringify(line)}: ${r.out}`).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ digest: expected.digest, separator: sep });
    }
    // With a BOM before it, and a broken row: its line counts the sep= line.
    writeFileSync(at('sep-bad.csv'), `\uFEFFsep=;\r\n${csv(rows.slice(0, 3), ';')}x;y\r\n`);
    const bad = await run(['digest', at('sep-bad.csv'), '--json']);
    expect(JSON.parse(bad.out)).toMatchObject({ problems: [{ code: 'CSV_FIELD_COUNT', line: 6 }] });
  });

  it('unnamed columns (as Excel leaves after the last) are skipped when empty, an error when not', async () => {
    const lines = csv(rows).split('\r\n').map((l, i, all) => (i < all.length - 1 ? `${l},,` : l));
    writeFileSync(at('trailing.csv'), lines.join('\r\n'));
    const ok = await run(['digest', at('trailing.csv'), '--json']);
    expect(ok.code, ok.out).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ digest: expected.digest });
    lines[3] = `${lines[3]!}意外内容`;
    writeFileSync(at('trailing-value.csv'), lines.join('\r\n'));
    const bad = await run(['digest', at('trailing-value.csv'), '--json']);
    expect(JSON.parse(bad.out)).toMatchObject({ problems: [{ code: 'CSV_UNNAMED_COLUMN', line: 4 }] });
  });
});

describe('identifiers in scientific notation', () => {
  it('a credit code shown as 9.13501E+17 carries the hint to format the column as text', async () => {
    const broken = rows.map((r, i) => (i === 2 ? { ...r, 统一社会信用代码: '9.13501E+17' } : r));
    writeFileSync(at('sci-code.csv'), csv(broken));
    const r = await run(['digest', at('sci-code.csv'), '--json']);
    expect(r.code).toBe(2);
    const problems = (JSON.parse(r.out) as { problems: { code: string; line: number; messageZh: string; messageEn: string }[] }).problems;
    const own = problems.filter((p) => p.line === 4);
    expect(own.length).toBeGreaterThan(0);
    for (const p of own) {
      expect(p.messageZh).toContain('将该列设为文本格式后重新导出');
      expect(p.messageEn).toContain('format the column as text and export again');
    }
  });

  it('an id (or other identifier) in scientific notation is NUMBER_SCIENTIFIC_NOTATION, though it would parse', async () => {
    const broken = rows.map((r, i) => (i === 4 ? { ...r, 编号: '1.23457E+15' } : r));
    writeFileSync(at('sci-id.csv'), csv(broken));
    const r = await run(['digest', at('sci-id.csv'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({
      problems: [{ code: 'NUMBER_SCIENTIFIC_NOTATION', line: 6, messageZh: expect.stringContaining('将该列设为文本格式后重新导出') }],
    });
    // Text that only looks alike is an id like any other.
    const fine = rows.map((r, i) => (i === 4 ? { ...r, 编号: 'E-1.5E3' } : r));
    writeFileSync(at('not-sci.csv'), csv(fine));
    expect((await run(['digest', at('not-sci.csv')])).code).toBe(0);
  });
});

describe('files that are not CSV, JSON or JSON Lines', () => {
  it('are named with a code, never read as an empty register', async () => {
    const files: [string, Uint8Array][] = [
      ['binary-no-newline.csv', new Uint8Array([0x8e, 0x12, 0xa7, 0x33, 0xfe, 0x05, 0x9c, 0x41])],
      ['image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
      ['utf16.csv', new Uint8Array([0xff, 0xfe, 0x0d, 0x54, 0xf0, 0x79, 0x0a, 0x00])],
      ['workbook.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00])],
      ['workbook.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(at(name), bytes);
      const r = await run(['digest', at(name), '--json']);
      expect(r.code, name).toBe(2);
      const doc = JSON.parse(r.out) as { code: string; problems: { code: string }[] };
      expect(doc.code, name).toBe('INVALID_INPUT');
      expect(doc.problems.map((p) => p.code).join(), name).toMatch(/FILE_BINARY|FILE_ENCODING_UNSUPPORTED|FILE_SPREADSHEET|XLSX_|FILE_NOT/);
    }
  });
});
