// The register reader (src/readers, shuangsuiji/readers) as a whole: whatever the rows, separator, encoding, line
// ends and chunking, CSV written from rows reads back to the same rows, with the lines they start on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegisterRowReader, type RegisterRow } from '../../src/readers/index.js';
import { encodeGb18030 } from './gb18030.js';

async function read(bytes: Uint8Array, cuts: readonly number[], name = 'r.csv'): Promise<{ rows: RegisterRow[]; reader: RegisterRowReader }> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let from = 0;
    for (const cut of [...new Set(cuts)].sort((a, b) => a - b).filter((c) => c < bytes.length)) {
      yield bytes.subarray(from, cut);
      from = cut;
    }
    yield bytes.subarray(from);
  }
  const reader = new RegisterRowReader(chunks(), { name });
  const rows: RegisterRow[] = [];
  for await (const row of reader) rows.push(row);
  return { rows, reader };
}

describe('RegisterRowReader', () => {
  it('reads CSV back to its rows whatever the separator (sep= line), encoding, line ends and chunks', async () => {
    const cell = fc.oneof(fc.constantFrom('', '名称', '示例商贸有限公司', 'A,B', 'say "hi"', '多行\n文本', ' 空格 ', ';', '\t'), fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => !/[\u0000-\u0008\u000b-\u001f\r]/.test(s)));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.array(fc.nat(600), { maxLength: 5 }),
        async (width, table, sep, eol, gb, cuts) => {
          const header = ['统一社会信用代码', '企业名称', '类型', '备注'].slice(0, width);
          const body = table.map((r) => r.slice(0, width));
          // A row whose cells are all empty is a blank line (skipped), as in any CSV reader.
          const kept = body.filter((r) => r.some((c) => c !== '') || width > 1);
          const quote = (v: string): string => (v.includes(sep) || /["\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
          const lines = [header.join(sep), ...kept.map((r) => r.map(quote).join(sep))];
          const text = `${sep === ',' ? '' : `sep=${sep === '\t' ? '\\t' : sep}${eol}`}${lines.join(eol)}${eol}`;
          const bytes = gb ? encodeGb18030(text) : new TextEncoder().encode(text);
          const { rows, reader } = await read(bytes, cuts);
          expect(reader.problems).toEqual([]);
          expect(reader.separator).toBe(sep);
          expect(reader.header).toEqual(header);
          expect(rows.map((r) => r.row)).toEqual(kept.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))));
          // Each row starts on its line: after the sep= line and the header, plus the line breaks inside earlier cells.
          let line = sep === ',' ? 2 : 3;
          kept.forEach((r, i) => {
            expect(rows[i]!.line).toBe(line);
            line += 1 + r.join('').split('\n').length - 1;
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('chooses the format from the name, else from the first character', async () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const json = await read(enc(' \n[{"id":"A"},\n{"id":"B"}]'), [3], 'register');
    expect(json.reader.format).toBe('json');
    expect(json.rows.map((r) => [r.line, r.row])).toEqual([[2, { id: 'A' }], [3, { id: 'B' }]]);
    const lines = await read(enc('{"id":"A"}\n{"id":"B"}\n'), [], 'x.NDJSON');
    expect(lines.reader.format).toBe('jsonl');
    expect(lines.rows).toHaveLength(2);
    const csv = await read(enc('id\nA\n'), [], 'noext');
    expect(csv.reader.format).toBe('csv');
  });
});
