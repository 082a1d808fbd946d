import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader } from '../../src/cli/internals/csv-reader.js';

function readAll(text: string, chunk = 7): { records: { line: number; fields: readonly string[] }[]; reader: CsvReader } {
  const reader = new CsvReader();
  const records = [];
  for (let i = 0; i < text.length; i += chunk) records.push(...reader.push(text.slice(i, i + chunk)));
  records.push(...reader.end());
  return { records, reader };
}

function encodeField(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('CsvReader', () => {
  it('reads BOM, quotes, embedded line breaks, CRLF and blank lines with start lines', () => {
    const text = '\uFEFF名称,统一社会信用代码\r\n"示例,公司","91350100M000100Y43"\r\n\r\n"多行\n名称",x\n';
    const { records, reader } = readAll(text, 3);
    expect(records).toEqual([
      { line: 1, fields: ['名称', '统一社会信用代码'] },
      { line: 2, fields: ['示例,公司', '91350100M000100Y43'] },
      { line: 4, fields: ['多行\n名称', 'x'] },
    ]);
    expect(reader.problems).toEqual([]);
  });

  it('reports an unterminated quote with its line instead of crashing', () => {
    const { reader } = readAll('a,b\n1,"oops\n2,3\n');
    expect(reader.problems.map((p) => [p.code, p.line])).toEqual([['CSV_UNTERMINATED_QUOTE', 2]]);
  });

  it('reports stray quotes by line', () => {
    const { reader } = readAll('a,b\n1,x"y\n"q"z,2\n');
    expect(reader.problems.map((p) => [p.code, p.line])).toEqual([
      ['CSV_QUOTE_IN_UNQUOTED_FIELD', 2],
      ['CSV_TEXT_AFTER_QUOTE', 3],
    ]);
  });

  it('round-trips any table written with RFC 4180 quoting, for any chunking', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', 'x') , maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (rows, chunk, crlf) => {
          const eol = crlf ? '\r\n' : '\n';
          const text = rows.map((r) => r.map(encodeField).join(',')).join(eol) + eol;
          const { records, reader } = readAll(text, chunk);
          expect(reader.problems).toEqual([]);
          expect(records.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});
