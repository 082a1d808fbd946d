// The same register as CSV (UTF-8) and as .xlsx (typed cells) gives the same register digest — through the
// parsers and through the `shuangsuiji digest` command, whose file-kind detection hands workbooks to the reader.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { registerDigest } from '../../src/draw/index.js';
import { parseEntityRegister } from '../../src/models/index.js';
import { readXlsxRows } from '../../src/readers/xlsx/index.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { STYLE, xlsx, type Cell } from './xlsx-fixture.js';

const entities = generateEntityRegister(400, { seed: 'xlsx-digest' });
const textRows = toEntityExportRows(entities);
const header = Object.keys(textRows[0]!);
/** Day serial of 2020-01-01 + i (a date column the register parser ignores, as `digest` does). */
const DATE_HEADER = '登记日期';

function csvOf(rows: readonly Record<string, string>[]): string {
  const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${[header.join(','), ...rows.map((r) => header.map((h) => quote(r[h]!)).join(','))].join('\r\n')}\r\n`;
}

/** Excel's serial of a date (1900 system, after 1900-03-01). */
function serialOf(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The rows as a spreadsheet holds them: counts and region codes as numbers, dates as date cells, empty cells absent. */
function typedRows(rows: readonly Record<string, string>[], withDates = true): Cell[][] {
  return rows.map((r, i) => [
    ...header.map((h): Cell => {
      const v = r[h]!;
      if (v === '') return undefined;
      if (h === '投诉举报数' || h === '行政区划代码') return Number(v);
      return v;
    }),
    ...(withDates ? [{ date: serialOf(2020, 1 + (i % 12), 1 + (i % 28)), style: i % 2 === 0 ? STYLE.date : STYLE.chineseDate }] : []),
  ]);
}

const workbook = (inlineStrings: boolean): Uint8Array =>
  xlsx({ inlineStrings, sheets: [{ name: '说明', rows: [['合成数据']] }, { name: '检查对象名录库', rows: [[...header, DATE_HEADER], ...typedRows(textRows)] }] });

describe('CSV and xlsx: one register, one digest', () => {
  const expected = registerDigest(entities);

  it('through parseEntityRegister and registerDigest', () => {
    const fromText = parseEntityRegister(textRows);
    expect(fromText.success).toBe(true);
    if (!fromText.success) return;
    expect(registerDigest(fromText.data)).toEqual(expected);
    for (const inline of [false, true]) {
      const read = readXlsxRows(workbook(inline), { sheet: '检查对象名录库' });
      expect(read.success).toBe(true);
      if (!read.success) return;
      expect(read.data.rows[0]![DATE_HEADER]).toBe('2020-01-01');
      expect(typeof read.data.rows[0]!['投诉举报数']).toBe('number');
      const parsed = parseEntityRegister(read.data.rows, { unknownFields: 'ignore' });
      expect(parsed.success).toBe(true);
      if (!parsed.success) return;
      expect(parsed.data).toEqual(fromText.data);
      expect(registerDigest(parsed.data)).toEqual(expected);
    }
  });

  describe('through `shuangsuiji digest` (file-kind detection in the CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-digest-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = async (args: string[]): Promise<{ code: number; out: Record<string, unknown> }> => {
      const lines: string[] = [];
      const code = await runCli([...args, '--json'], { stdout: (t) => lines.push(t), stderr: () => {} });
      return { code, out: JSON.parse(lines.join('\n')) as Record<string, unknown> };
    };

    it('gives the digest of the CSV for the workbook, by extension or by signature', async () => {
      // Only the register's own columns: the command refuses unknown columns unless told to ignore them.
      const csv = join(dir, '名录库.csv');
      writeFileSync(csv, csvOf(textRows));
      const typed = typedRows(textRows, false);
      const book = join(dir, '名录库.xlsx');
      writeFileSync(book, xlsx({ sheets: [{ name: '检查对象名录库', rows: [header, ...typed] }] }));
      const unnamed = join(dir, '名录库导出');
      writeFileSync(unnamed, xlsx({ inlineStrings: true, sheets: [{ name: '检查对象名录库', rows: [header, ...typed] }] }));
      const digestOf = async (file: string, ...more: string[]): Promise<unknown> => {
        const { code, out } = await run(['digest', file, ...more]);
        return { code, ok: out['ok'], digest: out['digest'], size: out['size'] };
      };
      const fromCsv = await digestOf(csv);
      expect(fromCsv).toEqual({ code: 0, ok: true, digest: expected.digest, size: 400 });
      expect(await digestOf(book)).toEqual(fromCsv);
      expect(await digestOf(unnamed)).toEqual(fromCsv);
      expect(await digestOf(book, '--expect', expected.digest)).toEqual(fromCsv);
    });

    it('--sheet picks the sheet by name or position; a missing sheet is an input problem', async () => {
      const book = join(dir, '两个工作表.xlsx');
      writeFileSync(book, xlsx({ sheets: [{ name: '说明', rows: [['合成数据']] }, { name: '检查对象名录库', rows: [header, ...typedRows(textRows, false)] }] }));
      for (const sheet of ['检查对象名录库', '2']) {
        const { code, out } = await run(['digest', book, '--sheet', sheet]);
        expect({ code, digest: out['digest'] }).toEqual({ code: 0, digest: expected.digest });
      }
      // Without --sheet the first sheet (说明: one header cell, no data) is read, and refused — never an empty register.
      const first = await run(['digest', book]);
      expect(first.code).toBe(2);
      expect(JSON.stringify(first.out)).toContain('XLSX_NO_DATA_ROWS');
      const missing = await run(['digest', book, '--sheet', '不存在']);
      expect(missing.code).toBe(2);
      expect(JSON.stringify(missing.out)).toContain('XLSX_SHEET_NOT_FOUND');
    });

    it('reports workbook problems as input problems (exit 2), never a crash', async () => {
      const encrypted = join(dir, '加密.xlsx');
      const ole = new Uint8Array(1024);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      writeFileSync(encrypted, ole);
      const notXlsx = join(dir, '其实是文本.xlsx');
      writeFileSync(notXlsx, '编号,名称\nA,x\n');
      const broken = join(dir, '有错误值.xlsx');
      writeFileSync(broken, xlsx({ sheets: [{ name: 'S', rows: [['编号', '企业名称'], ['E-1', { error: '#N/A' }]] }] }));
      const codes = async (file: string): Promise<unknown> => {
        const { code, out } = await run(['digest', file]);
        return [code, out['code'], (out['problems'] as { code: string; line: number }[]).map((p) => [p.code, p.line])];
      };
      expect(await codes(encrypted)).toEqual([2, 'INVALID_INPUT', [['XLSX_ENCRYPTED', 0]]]);
      expect(await codes(notXlsx)).toEqual([2, 'INVALID_INPUT', [['XLSX_INVALID', 0]]]);
      expect(await codes(broken)).toEqual([2, 'INVALID_INPUT', [['XLSX_CELL_ERROR', 2]]]);
    });
  });
});
