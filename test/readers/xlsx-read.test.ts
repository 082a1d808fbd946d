// Reading .xlsx workbooks: typed cells, dates in both date systems, shared/inline/rich strings, sheets, the
// header row, and the rows left out with a coded problem.
import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS, type XlsxLimits } from '../../src/readers/xlsx/internals/limits.js';
import { builtInKind, formatKind, NumberKind, serialText } from '../../src/readers/xlsx/internals/number-format.js';
import { readSheet } from '../../src/readers/xlsx/internals/read.js';
import { readXlsxRows, streamXlsxRows, type ReadXlsxOptions, type XlsxProblem } from '../../src/readers/xlsx/index.js';
import { parseEntityRegister } from '../../src/models/parse-entity-register.js';
import { rawWorkbook, STYLE, workbookParts, xlsx, zipParts, type WorkbookSpec } from './xlsx-fixture.js';

function read(bytes: Uint8Array, options?: ReadXlsxOptions, limits: XlsxLimits = XLSX_LIMITS) {
  const problems: XlsxProblem[] = [];
  const rows: { line: number; row: Readonly<Record<string, unknown>> }[] = [];
  const generator = readSheet(bytes, options?.sheet, limits, (p) => problems.push(p));
  let next = generator.next();
  for (; next.done !== true; next = generator.next()) rows.push({ line: next.value.line, row: next.value.row });
  return { sheet: next.value, rows, problems, codes: problems.map((p) => p.code) };
}

const HEADER = ['编号', '统一社会信用代码', '企业名称', '投诉举报数', '成立日期', '是否列入经营异常名录', '备注'];

const register: WorkbookSpec = {
  sheets: [
    {
      name: '检查对象名录库',
      rows: [
        HEADER,
        ['E-001', '91350100M000100Y43', '示例科技有限公司', 3, { date: 45000 }, true, '  有空格  '],
        ['E-002', undefined, { inline: '示例食品店' }, 0, { date: 36526, style: STYLE.chineseDate }, false, null],
        [],
        ['E-003', '', '示例“引号”&<尖括号>', 12.5, { date: 1, style: STYLE.builtInChineseDate }, '是', { str: '公式_x000D_文本' }],
      ],
    },
    { name: '说明', rows: [['说明'], ['本表为合成数据']] },
  ],
};

describe('readXlsxRows: a register sheet', () => {
  it('reads the first sheet, keyed by the header row, cells typed', () => {
    const result = readXlsxRows(xlsx(register));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.sheet).toBe('检查对象名录库');
    expect(result.data.lines).toEqual([2, 3, 5]);
    expect(result.data.rows).toEqual([
      { 编号: 'E-001', 统一社会信用代码: '91350100M000100Y43', 企业名称: '示例科技有限公司', 投诉举报数: 3, 成立日期: '2023-03-15', 是否列入经营异常名录: true, 备注: '  有空格  ' },
      { 编号: 'E-002', 统一社会信用代码: '', 企业名称: '示例食品店', 投诉举报数: 0, 成立日期: '2000-01-01', 是否列入经营异常名录: false, 备注: '' },
      { 编号: 'E-003', 统一社会信用代码: '', 企业名称: '示例“引号”&<尖括号>', 投诉举报数: 12.5, 成立日期: '1900-01-01', 是否列入经营异常名录: '是', 备注: '公式\r文本' },
    ]);
    // Keys in header order, every header present (empty cells are '', as in CSV).
    expect(Object.keys(result.data.rows[1]!)).toEqual(HEADER);
  });

  it('reads shared and inline strings alike, stored or deflated', () => {
    const a = readXlsxRows(xlsx(register));
    const b = readXlsxRows(xlsx({ ...register, inlineStrings: true }, 0));
    expect(b).toEqual(a);
  });

  it('reads rows and cells without r attributes (positions follow the order)', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', noRefs: true, rows: [['a', 'b'], ['1', '2'], ['3', '4']] }] };
    const { rows, problems } = read(xlsx(spec));
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, row: { a: '1', b: '2' } }, { line: 3, row: { a: '3', b: '4' } }]);
  });

  it('chooses a sheet by name, by number, or by a string of digits', () => {
    const bytes = xlsx(register);
    expect(read(bytes, { sheet: '说明' }).rows).toEqual([{ line: 2, row: { 说明: '本表为合成数据' } }]);
    expect(read(bytes, { sheet: 2 }).sheet).toBe('说明');
    expect(read(bytes, { sheet: '2' }).sheet).toBe('说明');
    expect(read(bytes, { sheet: 1 }).sheet).toBe('检查对象名录库');
    // A sheet named with digits is found by its name first.
    const named = xlsx({ sheets: [{ name: 'A', rows: [['x'], ['a']] }, { name: '1', rows: [['x'], ['one']] }] });
    expect(read(named, { sheet: '1' }).rows[0]?.row).toEqual({ x: 'one' });
  });

  it('refuses an unknown sheet, listing the sheets', () => {
    for (const sheet of ['无此表', 3, '9']) {
      const { problems, rows } = read(xlsx(register), { sheet });
      expect(rows).toEqual([]);
      expect(problems.map((p) => p.code)).toEqual(['XLSX_SHEET_NOT_FOUND']);
      expect(problems[0]!.messageZh).toContain('检查对象名录库');
      expect(problems[0]!.messageEn).toContain('"说明"');
    }
  });

  it('skips a hidden first sheet by default, but reads it when asked', () => {
    const bytes = xlsx({ sheets: [{ name: '隐藏', hidden: true, rows: [['h'], ['1']] }, { name: '可见', rows: [['v'], ['2']] }] });
    expect(read(bytes).sheet).toBe('可见');
    expect(read(bytes, { sheet: 1 }).sheet).toBe('隐藏');
  });

  it('takes the first non-empty row as the header, and reports the sheet row numbers', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', firstRow: 3, rows: [[null, '  '], [undefined, '编号', '名称'], [undefined, 'A', 'x']] }] };
    const { rows, problems } = read(xlsx(spec));
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 5, row: { 编号: 'A', 名称: 'x' } }]);
  });

  it('trims header texts and writes numeric, boolean and date headers as text', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', rows: [[' 编号 ', 2024, true, { date: 45000 }], ['A', 1, 2, 3]] }] };
    expect(read(xlsx(spec)).rows[0]!.row).toEqual({ 编号: 'A', 2024: 1, TRUE: 2, '2023-03-15': 3 });
  });

  it('keeps __proto__ and constructor headers and strings as plain data', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', rows: [['__proto__', 'constructor', 'toString'], ['__proto__', 'prototype', { inline: '__proto__' }]] }] };
    const { rows } = read(xlsx(spec));
    const row = rows[0]!.row;
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toBe('__proto__');
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['toString']).toBe(Object.prototype.toString);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'prototype')).toBe(false);
    // The parsers see them as unknown columns, not as anything else.
    const parsed = parseEntityRegister(rows.map((r) => r.row));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(new Set(parsed.issues.map((i) => i.code))).toEqual(new Set(['UNKNOWN_FIELD', 'MISSING_IDENTIFIER', 'MISSING_FIELD']));
  });

  it('reads rich-text strings without their phonetic runs, and decodes _xHHHH_ escapes', () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: [['名称', '备注'], ['占位', '占位2']] }] });
    parts['xl/sharedStrings.xml'] =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>名称</t></si><si><t>备注</t></si>' +
      '<si><r><rPr><b/></rPr><t>示例</t></r><r><t xml:space="preserve"> 公司</t></r><rPh sb="0" eb="2"><t>シレイ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>a_x005F_x0041_b_x000A_c</t></si><extLst><ext uri="x"/></extLst></sst>';
    expect(read(zipParts(parts)).rows[0]!.row).toEqual({ 名称: '示例 公司', 备注: 'a_x0041_b\nc' });
  });

  it('reads prefixed (x:) elements, the strict namespace, comments, CDATA and character references', () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows: [] }] });
    parts['xl/worksheets/sheet1.xml'] =
      '<?xml version="1.0" encoding="utf-8"?><!-- written by hand --><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&#x7F16;&#21495;</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[<名称>]]></x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>A&amp;B</x:t></x:is></x:c><x:c r="B2"><x:v>1e3</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const { rows, problems } = read(zipParts(parts));
    expect(problems).toEqual([]);
    expect(rows[0]!.row).toEqual({ 编号: 'A&B', '<名称>': 1000 });
  });

  it('reads a formula string, an ISO date cell and a number cell with a text format as they are', () => {
    const spec: WorkbookSpec = {
      sheets: [{ name: 'S', rows: [['a', 'b', 'c', 'd'], [{ str: '' }, { raw: '<c{ref} t="d"><v>2024-02-29T00:00:00Z</v></c>' }, { raw: '<c{ref} t="d"><v>2024-02-29T08:30:00</v></c>' }, { date: 5, style: STYLE.redNumber }]] }],
    };
    expect(read(xlsx(spec)).rows[0]!.row).toEqual({ a: '', b: '2024-02-29', c: '2024-02-29 08:30:00', d: 5 });
  });

  it('reads an inline string written in <v>, and an inline cell without text as empty (never the previous text)', () => {
    const spec: WorkbookSpec = {
      sheets: [{ name: 'S', rows: [['a', 'b', 'c'], [{ inline: '前一个' }, { raw: '<c{ref} t="inlineStr"/>' }, { raw: '<c{ref} t="inlineStr"><v>写在 v 中</v></c>' }]] }],
    };
    expect(read(xlsx(spec)).rows[0]!.row).toEqual({ a: '前一个', b: '', c: '写在 v 中' });
  });

  it('skips empty rows and styled empty cells, also beyond the header', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', rows: [['a'], [null, null, null], ['1', null, { raw: '<c r="XFD3" s="1"/>' }]] }] };
    const { rows, problems } = read(xlsx(spec));
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 3, row: { a: '1' } }]);
  });
});

describe('dates: only cells whose format is a date format', () => {
  const dateSheet = (date1904: boolean): WorkbookSpec => ({
    date1904,
    sheets: [
      {
        name: 'S',
        rows: [
          ['serial', 'date', 'chinese', 'datetime', 'time'],
          [45000, { date: 45000 }, { date: 45000, style: STYLE.chineseDate }, { date: 45000.75, style: STYLE.dateTime }, { date: 0.5, style: STYLE.time }],
          [59, { date: 59 }, { date: 60 }, { date: 61, style: STYLE.dateTime }, { date: 1.25, style: STYLE.time }],
          [0, { date: 0 }, { date: 2958465 }, { date: 45000.999999, style: STYLE.dateTime }, { date: 45000.4, style: STYLE.decimal }],
        ],
      },
    ],
  });

  it('converts serials of the 1900 date system, with the 1900-02-29 of Excel', () => {
    const { rows, problems } = read(xlsx(dateSheet(false)));
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([
      { serial: 45000, date: '2023-03-15', chinese: '2023-03-15', datetime: '2023-03-15 18:00:00', time: '12:00:00' },
      { serial: 59, date: '1900-02-28', chinese: '1900-02-29', datetime: '1900-03-01 00:00:00', time: '1900-01-01 06:00:00' },
      { serial: 0, date: '1900-01-00', chinese: '9999-12-31', datetime: '2023-03-16 00:00:00', time: 45000.4 },
    ]);
  });

  it('converts serials of the 1904 date system when the workbook says so', () => {
    const { rows, problems } = read(xlsx(dateSheet(true)));
    // 2958465 is 9999-12-31 in the 1900 system, after it in the 1904 system: that row is left out.
    expect(problems.map((p) => [p.line, p.code])).toEqual([[4, 'XLSX_DATE_OUT_OF_RANGE']]);
    expect(rows.map((r) => [r.row['date'], r.row['chinese'], r.row['datetime']])).toEqual([
      ['2027-03-16', '2027-03-16', '2027-03-16 18:00:00'],
      ['1904-02-29', '1904-03-01', '1904-03-02 00:00:00'],
    ]);
  });

  it('reads dates as written, with no time zone: no summer-time shift, ISO cell offsets dropped, not applied', () => {
    // 1988-07-01 fell in China's 1986–1991 summer time (UTC+9); a workbook's dates are wall-clock values, so
    // nothing shifts them (only plainDateInShanghai reads an instant). 1988-07-01 is day 6756 after
    // 1970-01-01, serial 25569 + 6756 in the 1900 system.
    const serial = 25569 + Date.UTC(1988, 6, 1) / 86_400_000;
    const spec: WorkbookSpec = {
      sheets: [{
        name: 'S',
        rows: [
          ['serial', 'evening', 'z', 'plus9'],
          [
            { date: serial }, { date: serial + 23.5 / 24, style: STYLE.dateTime },
            { raw: '<c{ref} t="d"><v>1988-07-01T15:30:00Z</v></c>' }, { raw: '<c{ref} t="d"><v>1988-07-01T23:30:00+09:00</v></c>' },
          ],
        ],
      }],
    };
    const { rows, problems } = read(xlsx(spec));
    expect(problems).toEqual([]);
    expect(rows[0]!.row).toEqual({ serial: '1988-07-01', evening: '1988-07-01 23:30:00', z: '1988-07-01 15:30:00', plus9: '1988-07-01 23:30:00' });
  });

  it('the parsers refuse what is no real date, and serials that Excel cannot show are reported', () => {
    const out = read(xlsx({ sheets: [{ name: 'S', rows: [['d'], [{ date: -1 }], [{ date: 2958466 }], [{ date: 45000 }]] }] }));
    expect(out.codes).toEqual(['XLSX_DATE_OUT_OF_RANGE', 'XLSX_DATE_OUT_OF_RANGE']);
    expect(out.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(out.rows).toEqual([{ line: 4, row: { d: '2023-03-15' } }]);
    const in1904 = read(xlsx({ date1904: true, sheets: [{ name: 'S', rows: [['d'], [{ date: 2957003 }], [{ date: 2957004 }]] }] }));
    expect(in1904.rows[0]!.row).toEqual({ d: '9999-12-31' });
    expect(in1904.codes).toEqual(['XLSX_DATE_OUT_OF_RANGE']);
  });

  it('classifies number formats', () => {
    const cases: [string, NumberKind][] = [
      ['General', NumberKind.Number], ['0.00', NumberKind.Number], ['#,##0.00_);[Red](#,##0.00)', NumberKind.Number], ['0.00E+00', NumberKind.Number],
      ['@', NumberKind.Number], ['0 "days"', NumberKind.Number], ['[Red]#,##0;"m"0', NumberKind.Number], ['[$¥-804]#,##0.00', NumberKind.Number],
      ['yyyy-mm-dd', NumberKind.Date], ['yyyy"年"m"月"d"日"', NumberKind.Date], ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', NumberKind.Date],
      ['[DBNum1][$-804]yyyy"年"m"月"d"日"', NumberKind.Date], ['mmm-yy', NumberKind.Date], ['m/d;@', NumberKind.Date],
      ['yyyy/m/d h:mm', NumberKind.DateTime], ['h:mm AM/PM', NumberKind.Time], ['mm:ss', NumberKind.Time], ['[h]:mm:ss', NumberKind.Time],
      ['上午/下午h"时"mm"分"', NumberKind.Time], ['[mm]', NumberKind.Time],
    ];
    for (const [code, kind] of cases) expect([code, formatKind(code)]).toEqual([code, kind]);
    expect([14, 22, 20, 31, 57, 0, 49, 165].map(builtInKind)).toEqual([NumberKind.Date, NumberKind.DateTime, NumberKind.Time, NumberKind.Date, NumberKind.Date, NumberKind.Number, NumberKind.Number, NumberKind.Number]);
  });

  it('writes serials exactly at the edges', () => {
    expect(serialText(1, NumberKind.Date, false)).toBe('1900-01-01');
    expect(serialText(61, NumberKind.Date, false)).toBe('1900-03-01');
    expect(serialText(25569, NumberKind.Date, false)).toBe('1970-01-01');
    expect(serialText(0, NumberKind.Date, true)).toBe('1904-01-01');
    expect(serialText(23993, NumberKind.Date, true)).toBe('1969-09-09');
    expect(serialText(24107, NumberKind.Date, true)).toBe('1970-01-01');
    expect(serialText(25569, NumberKind.Date, true)).toBe('1974-01-02'); // the two systems are 1462 days apart
    expect(serialText(Number.NaN, NumberKind.Date, false)).toBeUndefined();
    expect(serialText(0.99999999, NumberKind.Time, false)).toBe('1900-01-01 00:00:00');
  });
});

describe('rows left out with a coded problem, reading goes on', () => {
  it('error values, formulas without a value, cells without a header', () => {
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: 'S',
          rows: [
            ['编号', '', '名称'],
            ['A', undefined, { error: '#N/A' }],
            ['B', undefined, { formula: 'A1&"x"' }],
            ['C', '孤立值', 'x'],
            ['D', undefined, 'y', '第四列'],
            ['E', undefined, { formula: '1+1', value: 2 }],
          ],
        },
      ],
    };
    const { rows, problems } = read(xlsx(spec));
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'XLSX_CELL_ERROR'],
      [3, 'XLSX_FORMULA_NOT_CALCULATED'],
      [4, 'XLSX_CELL_WITHOUT_HEADER'],
      [5, 'XLSX_CELL_WITHOUT_HEADER'],
    ]);
    expect(problems[0]!.messageZh).toContain('C2');
    expect(problems[0]!.messageEn).toContain('#N/A');
    expect(problems[3]!.messageEn).toContain('D5');
    expect(rows).toEqual([{ line: 6, row: { 编号: 'E', 名称: 2 } }]);
  });

  it('merged cells over the data are reported (their hidden cells are empty in the file)', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', merges: ['B2:B4', 'D9', 'E1:F1'], rows: [['编号', '监管所'], ['A', '第一监管所'], ['B'], ['C']] }] };
    const { problems, rows } = read(xlsx(spec));
    expect(problems.map((p) => [p.line, p.code])).toEqual([[2, 'XLSX_MERGED_CELLS'], [1, 'XLSX_MERGED_CELLS']]);
    expect(problems[0]!.messageEn).toContain('B2:B4');
    expect(rows.map((r) => r.row['监管所'])).toEqual(['第一监管所', '', '']);
    // A title merged above a header is reported too: the title row is the header (nothing is guessed).
    const titled = read(xlsx({ sheets: [{ name: 'S', merges: ['A1:B1'], rows: [['合成名录'], ['编号', '名称'], ['A', 'x']] }] }));
    expect(titled.codes).toEqual(['XLSX_CELL_WITHOUT_HEADER', 'XLSX_CELL_WITHOUT_HEADER', 'XLSX_MERGED_CELLS']);
  });

  it('text over the cell limit, and rows over the row limit', () => {
    const long = '名'.repeat(21_845); // 65,535 UTF-8 bytes
    const spec: WorkbookSpec = { sheets: [{ name: 'S', rows: [['a', 'b'], [long, 'x'], [{ inline: long }, 'y'], [{ str: long }, 'z'], ['名'.repeat(21_844), 'ok']] }] };
    const { rows, problems } = read(xlsx(spec));
    expect(problems.map((p) => [p.line, p.code])).toEqual([[2, 'XLSX_CELL_TOO_LONG'], [3, 'XLSX_CELL_TOO_LONG'], [4, 'XLSX_CELL_TOO_LONG']]);
    expect(rows.map((r) => r.line)).toEqual([5]);
    const wide: WorkbookSpec = { sheets: [{ name: 'S', rows: [['a', 'b', 'c'], ['x'.repeat(30_000), 'y'.repeat(30_000), 'z'.repeat(30_000)]] }] };
    expect(read(xlsx(wide), undefined, { ...XLSX_LIMITS, rowBytes: 65_536 }).codes).toEqual(['ROW_TOO_LONG']);
  });

  it('a register read from xlsx meets the parsers: a credit code turned into a number loses its digits', () => {
    const spec: WorkbookSpec = { sheets: [{ name: 'S', rows: [['统一社会信用代码', '企业名称', '类型', '登记状态'], [9.13501e17, '示例公司', '企业', '存续']] }] };
    const result = readXlsxRows(xlsx(spec));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.rows[0]!['统一社会信用代码']).toBe(913501000000000000);
    const parsed = parseEntityRegister(result.data.rows);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues.map((i) => [i.code, i.path])).toEqual([['NUMBER_PRECISION_LOST', [0, 'creditCode']]]);
  });

  it('a problem row in the header refuses the sheet; so do repeated headers, and a sheet with no header', () => {
    expect(read(xlsx({ sheets: [{ name: 'S', rows: [['a', { error: '#REF!' }], ['1', '2']] }] })).codes).toEqual(['XLSX_CELL_ERROR']);
    const dup = read(xlsx({ sheets: [{ name: 'S', rows: [['编号', '名称', ' 编号'], ['1', '2', '3']] }] }));
    expect(dup.codes).toEqual(['XLSX_DUPLICATE_HEADER']);
    expect(dup.rows).toEqual([]);
    expect(read(xlsx({ sheets: [{ name: 'S', rows: [[], [null]] }] })).codes).toEqual(['XLSX_EMPTY']);
  });

  it('streamXlsxRows reports the same problems and returns the sheet name', () => {
    const problems: XlsxProblem[] = [];
    const generator = streamXlsxRows(xlsx(register), (p) => problems.push(p), { sheet: '说明' });
    const rows = [...generator];
    expect(rows).toEqual([{ line: 2, bytes: 21, fields: 1, row: { 说明: '本表为合成数据' } }]);
    expect(problems).toEqual([]);
  });

  it('refuses wrong arguments with a coded error', () => {
    expect(() => readXlsxRows('x' as unknown as Uint8Array)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => readXlsxRows(new Uint8Array(0), { sheet: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => readXlsxRows(new Uint8Array(0), { sheet: '' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => readXlsxRows(new Uint8Array(0), { sheets: 1 } as ReadXlsxOptions)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => streamXlsxRows(new Uint8Array(0), 1 as unknown as () => void)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('a whole-workbook problem makes readXlsxRows fail with a path-less issue', () => {
    const result = readXlsxRows(rawWorkbook(register, { 'xl/workbook.xml': null }));
    expect(result).toEqual({ success: false, issues: [expect.objectContaining({ code: 'XLSX_INVALID', path: [] })] });
  });
});
