import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayReader, JsonLinesReader, type JsonRow, type JsonRowLimits, type JsonRowProblem } from '../../src/cli/internals/json-rows.js';

type Reader = { push(text: string): JsonRow[]; end(): JsonRow[] };

function readAll(make: (report: (p: JsonRowProblem) => void) => Reader, text: string, chunk = 5): { rows: JsonRow[]; problems: JsonRowProblem[] } {
  const problems: JsonRowProblem[] = [];
  const reader = make((p) => problems.push(p));
  const rows: JsonRow[] = [];
  for (let i = 0; i < text.length; i += chunk) rows.push(...reader.push(text.slice(i, i + chunk)));
  rows.push(...reader.end());
  return { rows, problems };
}

const array = (limits: JsonRowLimits = {}) => (report: (p: JsonRowProblem) => void) => new JsonArrayReader(report, limits);
const lines = (limits: JsonRowLimits = {}) => (report: (p: JsonRowProblem) => void) => new JsonLinesReader(report, limits);

/** Nesting depth as the limit counts it: each array or object one level. */
function depth(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depth));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depth));
  return 0;
}

const utf8 = (text: string): number => new TextEncoder().encode(text).length;

describe('JsonArrayReader', () => {
  it('yields each element with the line it starts on, whatever the chunking', () => {
    const text = '\n[\n  {"id": "A", "note": "[{,\\"]"},\n  "x", 12.5e1 ,\n\n  [1, [2]], null, true\n]\n';
    for (const chunk of [1, 2, 3, 7, 1000]) {
      const { rows, problems } = readAll(array(), text, chunk);
      expect(problems).toEqual([]);
      expect(rows.map((r) => [r.line, r.row])).toEqual([[3, { id: 'A', note: '[{,"]' }], [4, 'x'], [4, 125], [6, [1, [2]]], [6, null], [6, true]]);
    }
    expect(readAll(array(), '[]').rows).toEqual([]);
  });

  it('names the line of structural errors and stops there', () => {
    const cases: [string, JsonRowProblem['code'], number][] = [
      ['', 'JSON_NOT_ARRAY', 1],
      ['{"id": "A"}', 'JSON_NOT_ARRAY', 1],
      ['\n\nnull', 'JSON_NOT_ARRAY', 3],
      ['[1,\n2,\n]', 'JSON_SYNTAX', 3],
      ['[1\n2]', 'JSON_SYNTAX', 2],
      ['[,1]', 'JSON_SYNTAX', 1],
      ['[1]\n[2]', 'JSON_SYNTAX', 2],
      ['[1,\n{"a":', 'JSON_SYNTAX', 2],
      ['[1, {"a" 1}]', 'JSON_SYNTAX', 1],
      ['[1, }]', 'JSON_SYNTAX', 1],
    ];
    for (const [text, code, line] of cases) {
      const { problems } = readAll(array(), text);
      expect(problems[0], text).toMatchObject({ code, line });
    }
  });

  it('refuses an element nested deeper than the limit or longer than the row limit, and reads on', () => {
    const deep = `[${'['.repeat(65)}${']'.repeat(65)}, {"id":"B"}]`;
    const tooDeep = readAll(array(), deep, 4);
    expect(tooDeep.problems).toEqual([expect.objectContaining({ code: 'JSON_TOO_DEEP', line: 1 })]);
    expect(tooDeep.rows.map((r) => r.row)).toEqual([{ id: 'B' }]);
    expect(readAll(array(), `[${'['.repeat(64)}${']'.repeat(64)}]`).problems).toEqual([]);
    const long = readAll(array({ rowBytes: 10 }), '[\n"中中中",\n"中中中中",\n{"a":"]"}]');
    // "中中中" is 11 bytes, "中中中中" 14: both over 10; {"a":"]"} is 9.
    expect(long.rows.map((r) => [r.line, r.row, r.bytes])).toEqual([[4, { a: ']' }, 9]]);
    expect(long.problems).toEqual([
      expect.objectContaining({ code: 'ROW_TOO_LONG', line: 2 }),
      expect.objectContaining({ code: 'ROW_TOO_LONG', line: 3 }),
    ]);
  });

  it('parses any array of JSON values written with any white space, chunking and limits', () => {
    const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '\n\n ');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.jsonValue({ maxDepth: 4 }), space, fc.integer({ min: 0, max: 2 })), { maxLength: 6 }),
        space,
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 8, max: 200 }),
        (elements, tail, chunk, maxDepth, maxBytes) => {
          let text = '[';
          const expected: { line: number; value: unknown; code?: string }[] = [];
          for (const [k, [value, before, indent]] of elements.entries()) {
            text += before;
            const body = JSON.stringify(value, null, indent);
            const line = text.split(/\r\n|\r|\n/).length;
            const over = utf8(body) > maxBytes;
            const deep = depth(value) > maxDepth;
            expected.push({ line, value: JSON.parse(body), ...(over || deep ? { code: over && deep ? 'either' : over ? 'ROW_TOO_LONG' : 'JSON_TOO_DEEP' } : {}) });
            text += body + (k < elements.length - 1 ? ',' : '');
          }
          text += `${tail}]${tail}`;
          const { rows, problems } = readAll(array({ depth: maxDepth, rowBytes: maxBytes }), text, chunk);
          expect(rows.map((r) => [r.line, r.row])).toEqual(expected.filter((e) => e.code === undefined).map((e) => [e.line, e.value]));
          const bad = expected.filter((e) => e.code !== undefined);
          expect(problems.map((p) => p.line)).toEqual(bad.map((e) => e.line));
          problems.forEach((p, i) => {
            const code = bad[i]!.code!;
            if (code === 'either') expect(['ROW_TOO_LONG', 'JSON_TOO_DEEP']).toContain(p.code);
            else expect(p.code).toBe(code);
          });
        },
      ),
    );
  });
});

describe('JsonLinesReader', () => {
  it('yields one row per non-blank line, with its line, across chunks and CRLF', () => {
    const { rows, problems } = readAll(lines(), '{"id":"A"}\r\n\n  \n{"id":"中"}\n"x"', 3);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.row])).toEqual([[1, { id: 'A' }], [4, { id: '中' }], [5, 'x']]);
  });

  it('refuses a bad, too deep or too long line by its number and reads on', () => {
    const text = ['{"id":', '['.repeat(65) + ']'.repeat(65), '"中中中中"', '{"id":"B"}'].join('\n');
    const { rows, problems } = readAll(lines({ rowBytes: 140 }), text, 4);
    expect(rows.map((r) => [r.line, r.row])).toEqual([[3, '中中中中'], [4, { id: 'B' }]]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['JSON_SYNTAX', 1], ['JSON_TOO_DEEP', 2]]);
    const long = readAll(lines({ rowBytes: 13 }), text, 4);
    expect(long.problems.map((p) => [p.code, p.line])).toEqual([['JSON_SYNTAX', 1], ['ROW_TOO_LONG', 2], ['ROW_TOO_LONG', 3]]);
    expect(long.rows.map((r) => r.line)).toEqual([4]);
  });
});
