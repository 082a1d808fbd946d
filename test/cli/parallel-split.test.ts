// Issue 16 §2: a register file is cut into byte ranges whose rows, each range read from its own start after the
// file's head, are exactly the rows of a whole-file reading — or some range reports a problem (and the command reads
// the file with one thread). Tested in-process (no threads): the byte claims the cuts rest on, the boundary finder,
// and the plan + range reading against the whole-file reader on generated and on random (malformed) files.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planByteRanges } from '../../src/cli/internals/parallel/byte-ranges.js';
import { CsvBoundaryFinder, lineBoundaries } from '../../src/cli/internals/parallel/record-boundaries.js';
import { RangeProblem, rangeEntities, rangeRows } from '../../src/cli/internals/parallel/range-rows.js';
import { locatedRows, ProblemList } from '../../src/cli/internals/problems.js';
import { RegisterReading, type ReadingChoices } from '../../src/cli/internals/register-reading.js';
import type { Entity } from '../../src/models/entity.js';
import { parseEntityRegister } from '../../src/models/parse-entity-register.js';
import { CsvReader } from '../../src/readers/internals/csv-reader.js';
import { RegisterRowReader, type ReadProblem, type RegisterRow } from '../../src/readers/register-row-reader.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { encodeGb18030 } from './gb18030.js';

const dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function write(bytes: Uint8Array | string, ext = 'csv'): string {
  const path = join(dir, `f${files++}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

const CHOICES: ReadingChoices = { encoding: undefined, headers: {}, ignore: [] };

function reading(file: string, choices: ReadingChoices = CHOICES): RegisterReading {
  const r = RegisterReading.create(file, 'entity', choices);
  if (!(r instanceof RegisterReading)) throw new Error(r.code);
  return r;
}

describe('the bytes a cut relies on', () => {
  const decode = (bytes: number[]): string => new TextDecoder('gb18030').decode(new Uint8Array(bytes));

  it('GB18030: LF, CR and the quote after the first, second or third byte of a sequence are never part of a character', () => {
    // The decoder gives the ASCII byte back as its own character (after U+FFFD for the cut sequence): a 0x0A in a
    // valid GB18030 file is always a line feed.
    let checked = 0;
    for (const x of [0x0a, 0x0d, 0x22]) {
      const ch = String.fromCharCode(x);
      for (let b1 = 0x81; b1 <= 0xfe; b1++) {
        expect(decode([b1, x]).endsWith(ch)).toBe(true);
        for (let b2 = 0x30; b2 <= 0x39; b2++) {
          expect(decode([b1, b2, x]).endsWith(ch)).toBe(true);
          for (let b3 = 0x81; b3 <= 0xfe; b3++) {
            const s = decode([b1, b2, b3, x]);
            if (!s.endsWith(ch)) throw new Error(`${[b1, b2, b3, x].map((b) => b.toString(16)).join(' ')} → ${JSON.stringify(s)}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(3 * 126 * 10 * 126);
  });

  it('GB18030: no valid two- or four-byte character contains 0x0A, 0x0D or 0x22', () => {
    const fatal = new TextDecoder('gb18030', { fatal: true });
    const valid = (bytes: number[]): boolean => {
      try {
        return [...fatal.decode(new Uint8Array(bytes))].length === 1;
      } catch {
        return false;
      }
    };
    let twoByte = 0;
    for (let b1 = 0x81; b1 <= 0xfe; b1++) {
      for (let b2 = 0; b2 <= 0xff; b2++) {
        if (!valid([b1, b2])) continue;
        twoByte++;
        expect([0x0a, 0x0d, 0x22]).not.toContain(b2);
      }
    }
    expect(twoByte).toBeGreaterThan(20_000);
    // Four-byte sequences: the second and fourth bytes are digits, the third 0x81–0xFE (sampled: every lead byte).
    for (let b1 = 0x81; b1 <= 0xfe; b1++) {
      expect(valid([b1, 0x30, 0x81, 0x30]) || b1 > 0x84).toBe(true);
      for (const x of [0x0a, 0x0d, 0x22]) {
        expect(valid([b1, x, 0x81, 0x30])).toBe(false);
        expect(valid([b1, 0x30, x, 0x30])).toBe(false);
        expect(valid([b1, 0x30, 0x81, x])).toBe(false);
      }
    }
  });

  it('UTF-8: every byte of a multi-byte character is 0x80 or above', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (text) => {
      for (const ch of text) {
        const bytes = new TextEncoder().encode(ch);
        if (bytes.length > 1) for (const b of bytes) expect(b).toBeGreaterThanOrEqual(0x80);
      }
    }));
  });
});

/** Records of `text` read whole, and read as two parts cut at `at` (each from a fresh reader). */
function records(text: string): string[][] {
  const reader = new CsvReader();
  return [...reader.push(text), ...reader.end()].map((r) => [...r.fields]);
}

/** Fields and quotes, line breaks (LF, CR, CRLF) inside and outside quotes, doubled quotes, non-ASCII text. */
const cell = fc.oneof(
  fc.constantFrom('', 'a', '名称', 'x y', '中"文'.replace('"', '')),
  fc.array(fc.constantFrom('a', ',', '\n', '\r\n', '""', '中', ' '), { maxLength: 6 }).map((parts) => `"${parts.join('')}"`),
);
const csvText = fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 12 })
  .map((rows) => rows.map(([cells, eol]) => cells.join(',') + eol).join(''));

describe('CsvBoundaryFinder', () => {
  it('finds the first record boundary at or after each target, whatever the chunks (quoted line breaks, CRLF, doubled quotes)', () => {
    fc.assert(fc.property(csvText, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (text, picks, sizes) => {
      const bytes = new TextEncoder().encode(text);
      const targets = picks.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
      const finder = new CsvBoundaryFinder(0x2c, targets);
      for (let at = 0, k = 0; at < bytes.length; k++) {
        const n = sizes[k % sizes.length]!;
        finder.push(bytes.subarray(at, at + n), at);
        at += n;
      }
      const whole = records(text);
      const decoder = new TextDecoder();
      // Every boundary is a cut where the two parts read as the whole.
      let previous = -1;
      for (const b of finder.boundaries) {
        expect(b).toBeGreaterThan(previous);
        previous = b;
        expect(bytes[b - 1]).toBe(0x0a);
        expect([...records(decoder.decode(bytes.subarray(0, b))), ...records(decoder.decode(bytes.subarray(b)))]).toEqual(whole);
      }
      // And it is the first one: no earlier LF at or after the target ends a record.
      for (let k = 0; k < finder.boundaries.length; k++) {
        const b = finder.boundaries[k]!;
        const from = Math.max(targets[k]!, k > 0 ? finder.boundaries[k - 1]! : 0);
        for (let p = from; p < b - 1; p++) {
          if (bytes[p] !== 0x0a) continue;
          const parts = [...records(decoder.decode(bytes.subarray(0, p + 1))), ...records(decoder.decode(bytes.subarray(p + 1)))];
          expect(parts).not.toEqual(whole);
        }
      }
    }), { numRuns: 300 });
  });

  it('JSON Lines: the first LF at or after each target', async () => {
    const bytes = new TextEncoder().encode('{"id":"A"}\n{"id":"B"}\r\n{"id":"C"}\n');
    const read = async (at: number, n: number): Promise<Uint8Array> => bytes.subarray(at, at + n);
    expect(await lineBoundaries(read, bytes.length, [0, 5, 11, 12, 30])).toEqual([11, 23]);
  });
});

/** The rows and problems of a whole-file reading (the reader the single-thread path uses, mapped by a reading). */
async function wholeRows(file: string, choices: ReadingChoices = CHOICES): Promise<{ rows: RegisterRow[]; problems: ReadProblem[] }> {
  const problems: ReadProblem[] = [];
  const r = reading(file, choices);
  const rows: RegisterRow[] = [];
  const { createReadStream } = await import('node:fs');
  const reader = new RegisterRowReader(createReadStream(file, { highWaterMark: 1 << 20 }), { format: file.endsWith('.jsonl') ? 'jsonl' : 'csv', ...(choices.encoding === undefined ? {} : { encoding: choices.encoding }), onProblem: (p) => problems.push(p) });
  r.attach(reader);
  for await (const row of reader) rows.push(r.mapRow(row, (p) => problems.push(p)));
  r.finish((p) => problems.push(p));
  return { rows, problems };
}

/** The rows of every range of a plan in `count` ranges, or the first problem, or why the file is not split. */
async function rangedRows(file: string, count: number, choices: ReadingChoices = CHOICES): Promise<{ rows: RegisterRow[] } | { problem: string } | { reason: string; }> {
  const planned = await planByteRanges(file, reading(file, choices), count, 0);
  if ('reason' in planned) return { reason: planned.reason };
  const rows: RegisterRow[] = [];
  try {
    for (let i = 0; i < planned.plan.ranges.length; i++) for await (const row of rangeRows(planned.plan, i, reading(file, choices), () => {})) rows.push(row);
  } catch (error) {
    if (error instanceof RangeProblem) return { problem: error.code };
    throw error;
  }
  return { rows };
}

const strip = (rows: readonly RegisterRow[]): unknown[] => rows.map((r) => [r.row, r.bytes, r.fields]);

describe('ranges read as the whole file', () => {
  const entities = generateEntityRegister(120, { seed: 'split' });
  const exported = toEntityExportRows(entities);
  const header = Object.keys(exported[0]!);
  const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

  /** A register as CSV text: addresses with line breaks and quotes, CRLF or LF, a BOM, a `sep=;` line, blank lines. */
  function registerText(options: { eol: string; bom: boolean; sep: string; sepLine: boolean; multiline: boolean; blank: boolean }): string {
    const lines = [header.map(quote).join(options.sep)];
    exported.forEach((row, i) => {
      const r = { ...row } as Record<string, string>;
      if (options.multiline && i % 3 === 0) r['住所'] = `${r['住所']}\n第${i}栋\r\n"东"门,${options.sep}`;
      lines.push(header.map((h) => quote(r[h] ?? '')).join(options.sep));
      if (options.blank && i % 17 === 0) lines.push('');
    });
    return `${options.bom ? '\uFEFF' : ''}${options.sepLine ? `sep=${options.sep}${options.eol}` : ''}${lines.join(options.eol)}${options.eol}`;
  }

  it('CSV in UTF-8 and GB18030, with quoted line breaks, CRLF, BOM, sep= lines and blank lines: the same rows, in 2 to 5 ranges', async () => {
    await fc.assert(fc.asyncProperty(
      fc.record({ eol: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), sep: fc.constantFrom(',', ';', '\t'), sepLine: fc.boolean(), multiline: fc.boolean(), blank: fc.boolean() }),
      fc.constantFrom('utf-8', 'gb18030'),
      fc.integer({ min: 2, max: 5 }),
      async (options, encoding, count) => {
        const o = { ...options, sepLine: options.sepLine || options.sep !== ',' };
        const text = registerText(o);
        const bytes = encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeGb18030(text.replace(/^\uFEFF/, ''));
        const file = write(encoding === 'gb18030' && o.bom ? new Uint8Array([0x84, 0x31, 0x95, 0x33, ...bytes]) : bytes);
        const whole = await wholeRows(file);
        expect(whole.problems).toEqual([]);
        expect(whole.rows.length).toBe(entities.length);
        const ranged = await rangedRows(file, count);
        expect(ranged).toEqual({ rows: expect.any(Array) });
        if ('rows' in ranged) expect(strip(ranged.rows)).toEqual(strip(whole.rows));
      },
    ), { numRuns: 40 });
  });

  it('JSON Lines (with a BOM, CRLF and blank lines): the same rows', async () => {
    const text = `\uFEFF${entities.map((e, i) => JSON.stringify(e) + (i % 5 === 0 ? '\r\n\n' : '\n')).join('')}`;
    const file = write(text, 'jsonl');
    const whole = await wholeRows(file);
    expect(whole.problems).toEqual([]);
    for (const count of [2, 3, 7]) {
      const ranged = await rangedRows(file, count);
      expect('rows' in ranged && strip(ranged.rows)).toEqual(strip(whole.rows));
    }
  });

  it('any CSV text, malformed quotes included: either the same rows without a problem, or a problem in some range', async () => {
    // Random text over the characters that decide records (quotes, separators, line breaks): a cut inside a quoted
    // field must never pass unnoticed.
    const noise = fc.array(fc.constantFrom('a', '中', ',', '"', '""', '\n', '\r\n', '\r', ' '), { minLength: 0, maxLength: 120 }).map((p) => p.join(''));
    await fc.assert(fc.asyncProperty(noise, fc.integer({ min: 2, max: 6 }), async (body, count) => {
      const file = write(`编号,企业名称,住所\n${body}`);
      const whole = await wholeRows(file);
      const ranged = await rangedRows(file, count);
      if ('reason' in ranged) return; // not split (fewer line breaks than ranges …): the single-thread path
      if (whole.problems.length > 0) expect(ranged).toEqual({ problem: expect.any(String) });
      else if ('rows' in ranged) expect(strip(ranged.rows)).toEqual(strip(whole.rows));
      else expect.fail(`a range reported ${ranged.problem} on a file read whole without a problem`);
    }), { numRuns: 400 });
  });

  it('a problem in the second range is reported by that range', async () => {
    const text = registerText({ eol: '\n', bom: false, sep: ',', sepLine: false, multiline: false, blank: false });
    const lines = text.split('\n');
    lines[100] = `${lines[100]},extra`; // one field too many, near the end
    const file = write(lines.join('\n'));
    const planned = await planByteRanges(file, reading(file), 2, 0);
    if ('reason' in planned) throw new Error(planned.reason);
    let first = 0;
    for await (const _ of rangeRows(planned.plan, 0, reading(file), () => {})) first++;
    await expect((async () => {
      for await (const _ of rangeRows(planned.plan, 1, reading(file), () => {})) { /* reads */ }
    })()).rejects.toEqual(new RangeProblem('CSV_FIELD_COUNT'));
    expect(first).toBeGreaterThan(0);
  });

  it('entities of the ranges: the rows the single-thread path parses, in file order', async () => {
    const text = registerText({ eol: '\r\n', bom: true, sep: ',', sepLine: false, multiline: true, blank: true });
    const file = write(encodeGb18030(text.replace(/^\uFEFF/, '')));
    const single: Entity[] = [];
    const problems = new ProblemList();
    const r = reading(file);
    for await (const row of locatedRows<Entity>(file, (rows) => parseEntityRegister(rows, r.parserOptions), problems, () => {}, r)) single.push(row.value);
    expect(problems.length).toBe(0);
    const planned = await planByteRanges(file, reading(file), 3, 0);
    if ('reason' in planned) throw new Error(planned.reason);
    expect(planned.plan.encoding).toBe('gb18030');
    expect(planned.plan.ranges.length).toBe(3);
    const ranged: Entity[] = [];
    for (let i = 0; i < 3; i++) for await (const e of rangeEntities(planned.plan, i, CHOICES, () => {}, () => {})) ranged.push(e);
    expect(ranged).toEqual(single);
  });

  it('not split: JSON arrays, workbooks by extension, files smaller than the minimum, files with fewer rows than ranges', async () => {
    const json = write(JSON.stringify(entities.slice(0, 3)), 'json');
    expect(await planByteRanges(json, reading(json), 2, 0)).toEqual({ reason: 'json-array' });
    const xlsx = write('PK', 'xlsx');
    expect(await planByteRanges(xlsx, reading(xlsx), 2, 0)).toEqual({ reason: 'workbook' });
    const small = write(registerText({ eol: '\n', bom: false, sep: ',', sepLine: false, multiline: false, blank: false }));
    expect(await planByteRanges(small, reading(small), 2, 1 << 30)).toEqual({ reason: 'small' });
    const one = write(`${header.join(',')}\n${header.map(() => 'x').join(',')}`);
    expect(await planByteRanges(one, reading(one), 2, 0)).toEqual({ reason: 'one-range' });
    const unknown = write(`${header.join(',')},备注\n`);
    expect(await planByteRanges(unknown, reading(unknown), 2, 0)).toEqual({ reason: 'head-problem' });
  });
});
