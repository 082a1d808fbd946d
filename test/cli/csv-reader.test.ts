import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRecord } from '../../src/cli/internals/csv-reader.js';

function readAll(text: string, chunk = 7): { records: CsvRecord[]; reader: CsvReader } {
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
      // bytes: the UTF-8 bytes of the cells plus one per separator (quotes are not counted).
      { line: 1, fields: ['名称', '统一社会信用代码'], bytes: 6 + 1 + 24 },
      { line: 2, fields: ['示例,公司', '91350100M000100Y43'], bytes: 13 + 1 + 18 },
      { line: 4, fields: ['多行\n名称', 'x'], bytes: 13 + 1 + 1 },
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

/** UTF-8 bytes of one UTF-16 code unit, as the limits count them: a surrogate 2, so a whole pair 4. */
function unitBytes(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
}

/**
 * What a reader with limits must do with one record: the first limit passed, scanning its cells code unit by code
 * unit (the cell limit is checked before the record limit on the same unit; each separator adds one byte).
 */
function expectedOutcome(fields: readonly string[], maxCell: number, maxRecord: number): 'ok' | 'CSV_CELL_TOO_LONG' | 'ROW_TOO_LONG' {
  let record = 0;
  for (let k = 0; k < fields.length; k++) {
    let cell = 0;
    for (let i = 0; i < fields[k]!.length; i++) {
      const n = unitBytes(fields[k]!.charCodeAt(i));
      cell += n;
      record += n;
      if (cell > maxCell) return 'CSV_CELL_TOO_LONG';
      if (record > maxRecord) return 'ROW_TOO_LONG';
    }
    if (k < fields.length - 1 && ++record > maxRecord) return 'ROW_TOO_LONG';
  }
  return 'ok';
}

describe('CsvReader limits', () => {
  it('counts UTF-8 bytes as TextEncoder does (ASCII 1, 中 3, a surrogate pair 4)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '中', '😀', ' ') }), (cell) => {
        const { records } = readAll(`h\n${encodeField(cell)}\n`);
        expect(records[1]?.bytes).toBe(new TextEncoder().encode(cell).length);
      }),
    );
  });

  it('accepts a cell of exactly the limit and refuses one byte more, naming the line of the record', () => {
    const reader = new CsvReader({ cellBytes: 6 });
    const records = [...reader.push('a,b\n中文,x\n"中文1",y\n'), ...reader.push('ok,z\n'), ...reader.end()];
    expect(records.map((r) => r.fields)).toEqual([['a', 'b'], ['中文', 'x'], ['ok', 'z']]);
    expect(reader.problems).toEqual([
      expect.objectContaining({ code: 'CSV_CELL_TOO_LONG', line: 3, messageEn: 'the record starting on line 3: cell 1 is longer than 6 bytes (UTF-8)' }),
    ]);
  });

  it('refuses a record longer than the record limit, keeps counting lines inside it and reads on', () => {
    const reader = new CsvReader({ cellBytes: 100, recordBytes: 10 });
    const records = [...reader.push('a,b\n12345,"67\n89",0\nx,y\n'), ...reader.end()];
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'], bytes: 3 }, { line: 4, fields: ['x', 'y'], bytes: 3 }]);
    expect(reader.problems.map((p) => [p.code, p.line])).toEqual([['ROW_TOO_LONG', 2]]);
  });

  it('reports each limit once per record, however far past it the record goes', () => {
    const reader = new CsvReader({ cellBytes: 4 });
    // One quoted cell of 1000 × 20 x (the "" between the pieces are escaped quotes), then a short record.
    for (let i = 0; i < 1000; i++) expect(reader.push('"xxxxxxxxxxxxxxxxxxxx"')).toEqual([]);
    expect(reader.push('\nok\n')).toEqual([{ line: 2, fields: ['ok'], bytes: 2 }]);
    expect(reader.end()).toEqual([]);
    expect(reader.problems).toHaveLength(1);
    expect(reader.problemCount).toBe(1);
  });

  it('keeps at most 1000 problems but counts them all', () => {
    const reader = new CsvReader();
    reader.push('a"\n'.repeat(1500));
    reader.end();
    expect(reader.problems).toHaveLength(1000);
    expect(reader.problemCount).toBe(1500);
  });

  it('returns exactly the records within the limits, for any table, limits and chunking', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', '😀', ',', '"', '\n', '\r', ' '), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, maxCell, maxRecord, chunk) => {
          const text = rows.map((r) => r.map(encodeField).join(',')).join('\r\n') + '\r\n';
          const reader = new CsvReader({ cellBytes: maxCell, recordBytes: maxRecord });
          const records: { fields: readonly string[] }[] = [];
          for (let i = 0; i < text.length; i += chunk) records.push(...reader.push(text.slice(i, i + chunk)));
          records.push(...reader.end());
          const outcomes = rows.map((r) => expectedOutcome(r, maxCell, maxRecord));
          expect(records.map((r) => r.fields)).toEqual(rows.filter((_, i) => outcomes[i] === 'ok'));
          expect(reader.problems.map((p) => p.code)).toEqual(outcomes.filter((o) => o !== 'ok'));
        },
      ),
    );
  });
});
