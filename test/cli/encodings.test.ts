// Issue 13 item 1: registers in UTF-8 (with or without BOM) and GB18030/GBK are read alike — detected from the
// bytes, or forced with --encoding — in a stream that never needs the whole file; bytes that are not the encoding
// are refused naming their line, never decoded to U+FFFD; every run states the encoding it used; the readers are
// exported for Node streams and browser Blobs.
import fc from 'fast-check';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { registerDigest } from '../../src/draw/register-digest.js';
import { parseEntityRegister } from '../../src/models/parse-entity-register.js';
import { readRegisterBlob, readRegisterRows, RegisterRowReader, type ReadProblem } from '../../src/readers/index.js';
import { SNIFF_BYTES, TextChunkDecoder, type DecodeProblem } from '../../src/readers/internals/text-decoding.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';
import { toEntityExportRows } from '../../src/testing/to-entity-export-rows.js';
import { encodeGb18030, KNOWN } from './gb18030.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, '9.9.9');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function csv(rows: readonly Record<string, string>[], eol = '\r\n'): string {
  const header = Object.keys(rows[0]!);
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.map(cell).join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join(eol) + eol;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

let dir = '';
const at = (name: string): string => join(dir, name);
const register = generateEntityRegister(400, { seed: 21 });
const expected = registerDigest(register);
const text = csv(toEntityExportRows(register));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuangsuiji-enc-'));
  writeFileSync(at('utf8.csv'), utf8(text));
  writeFileSync(at('utf8-bom.csv'), concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text)));
  writeFileSync(at('gb18030.csv'), encodeGb18030(text));
  writeFileSync(at('gb18030-lf.csv'), encodeGb18030(text.replace(/\r\n/g, '\n')));
  writeFileSync(at('gb18030-bom.csv'), concat(new Uint8Array([0x84, 0x31, 0x95, 0x33]), encodeGb18030(text)));
  writeFileSync(at('gb18030.jsonl'), encodeGb18030(register.map((e) => JSON.stringify(e)).join('\n')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the GB18030 encoder of the tests', () => {
  it('gives the bytes the standard lists, and the decoder reads back every text', () => {
    for (const [ch, bytes] of KNOWN) expect([...encodeGb18030(ch)], ch).toEqual(bytes);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(new TextDecoder('gb18030', { fatal: true }).decode(encodeGb18030(s))).toBe(s);
    }), { numRuns: 200 });
  });
});

describe('shuangsuiji digest: UTF-8, UTF-8 with BOM and GB18030 give the same digest', () => {
  it('detects the encoding and states it (text and --json)', async () => {
    const cases: [string, string, boolean][] = [
      ['utf8.csv', 'utf-8', false], ['utf8-bom.csv', 'utf-8', true], ['gb18030.csv', 'gb18030', false],
      ['gb18030-lf.csv', 'gb18030', false], ['gb18030-bom.csv', 'gb18030', true], ['gb18030.jsonl', 'gb18030', false],
    ];
    for (const [file, encoding, bom] of cases) {
      const json = await run(['digest', at(file), '--json']);
      expect(json.code, `${file}: ${json.out}`).toBe(0);
      expect(JSON.parse(json.out), file).toMatchObject({ ok: true, digest: expected.digest, size: 400, encoding, bom });
      const zh = await run(['digest', at(file)]);
      expect(zh.out).toContain(`名录库摘要（register.digest）：${expected.digest}`);
      expect(zh.out).toContain(`编码 ${encoding === 'utf-8' ? 'UTF-8' : 'GB18030'}${bom ? '（带 BOM）' : ''}`);
      const en = await run(['digest', at(file), '--lang', 'en']);
      expect(en.out).toContain(`encoding ${encoding === 'utf-8' ? 'UTF-8' : 'GB18030'}${bom ? ' (with BOM)' : ''}`);
    }
  });

  it('--encoding forces one: right, the same digest; wrong, a coded error naming the line', async () => {
    const forced = await run(['digest', at('gb18030.csv'), '--encoding', 'gb18030', '--json']);
    expect(JSON.parse(forced.out)).toMatchObject({ ok: true, digest: expected.digest, encoding: 'gb18030' });
    expect((await run(['digest', at('gb18030.csv'), '--encoding=GBK'])).out).toContain('（--encoding 指定）');
    const wrong = await run(['digest', at('gb18030.csv'), '--encoding', 'utf-8', '--json']);
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.out)).toMatchObject({ code: 'INVALID_INPUT', encoding: 'utf-8', problems: [{ code: 'FILE_NOT_UTF8', line: 1 }] });
    const wrongGb = await run(['digest', at('utf8.csv'), '--encoding', 'gb18030', '--json']);
    // UTF-8 Chinese is mostly valid GB18030 (mojibake): the header is then unreadable, never a silent register.
    expect(wrongGb.code).toBe(2);
    const bomConflict = await run(['digest', at('utf8-bom.csv'), '--encoding', 'gb18030', '--json']);
    expect(JSON.parse(bomConflict.out)).toMatchObject({ problems: [{ code: 'FILE_ENCODING_CONFLICT', line: 1 }] });
    const bad = await run(['digest', at('utf8.csv'), '--encoding', 'latin1', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, code: 'INVALID_ENCODING' });
  });

  it('a file that is UTF-8 in its first 64 KiB but GB18030 later is refused on the line where it changes', async () => {
    const head = text; // about 150 KB of UTF-8
    const lines = head.split('\r\n').length - 1;
    const tail = encodeGb18030(csv(toEntityExportRows(generateEntityRegister(3, { seed: 22 }))).split('\r\n').slice(1).join('\r\n'));
    writeFileSync(at('mixed.csv'), concat(utf8(head), tail));
    expect(utf8(head).length).toBeGreaterThan(SNIFF_BYTES);
    const r = await run(['digest', at('mixed.csv'), '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out) as { encoding: string; problems: { code: string; line: number; messageEn: string }[] };
    expect(doc.encoding).toBe('utf-8');
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'FILE_NOT_UTF8', line: lines + 1 })]);
    expect(doc.problems[0]!.messageEn).toContain('may mix encodings');
    // And the other way round: GB18030 first, then UTF-8 that is not GB18030 (中 is three bytes in UTF-8, so the
    // third pairs with the comma, which no GB18030 character has as its second byte). UTF-8 text of an even number of
    // bytes before each ASCII character would be valid GB18030: bytes alone cannot tell it apart (see docs/en/departments.md).
    writeFileSync(at('mixed-gb.csv'), concat(encodeGb18030(head), utf8('91350100M000100Y43,中,企业\r\n')));
    const gb = await run(['digest', at('mixed-gb.csv'), '--json']);
    expect(JSON.parse(gb.out)).toMatchObject({ encoding: 'gb18030', problems: [{ code: 'FILE_NOT_GB18030', line: lines + 1 }] });
  });

  it('an ASCII start decides nothing: the encoding is taken at the first byte above 0x7F', async () => {
    // Rows sorted so that the first 100 KB are ASCII only (ids and codes), names last.
    const rows = toEntityExportRows(register.filter((e) => e.creditCode !== undefined)).map((r) => ({ 统一社会信用代码: r['统一社会信用代码'], 类型: 'enterprise', 企业名称: r['企业名称'] }));
    const ascii = `creditCode,kind,name\r\n${'\r\n'.repeat(120_000)}`;
    const body = rows.map((r) => `${r.统一社会信用代码},${r.类型},${r.企业名称}`).join('\r\n');
    writeFileSync(at('late.csv'), concat(utf8(ascii), encodeGb18030(body)));
    const r = await run(['digest', at('late.csv'), '--json']);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ encoding: 'gb18030' });
  });
});

describe('TextChunkDecoder', () => {
  const piece = fc.oneof(
    fc.constantFrom('名称', '统一社会信用代码', '企业', 'A', ',', '"', '\r\n', '\n', '\r', ' ', '中文，逗号、顿号', '𠀀', 'é', '€'),
    fc.string({ unit: 'grapheme', maxLength: 5 }).filter((s) => !/[\u0000-\u0008\u000e-\u001f]/.test(s)),
  );

  function decode(bytes: Uint8Array, cuts: readonly number[], forced?: 'utf-8' | 'gb18030'): { text: string; problems: DecodeProblem[]; encoding: string | undefined } {
    const problems: DecodeProblem[] = [];
    const decoder = new TextChunkDecoder(forced, (p) => problems.push(p));
    let text = '';
    let from = 0;
    for (const cut of [...new Set(cuts)].sort((a, b) => a - b).filter((c) => c <= bytes.length)) {
      text += decoder.push(bytes.subarray(from, cut));
      from = cut;
    }
    text += decoder.push(bytes.subarray(from));
    text += decoder.end();
    return { text, problems, encoding: decoder.encoding };
  }

  it('decodes any text, in either encoding and however the bytes are cut, to the same text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(400), { maxLength: 6 }), fc.boolean(), (pieces, cuts, gb) => {
        const source = pieces.join('');
        const bytes = gb ? encodeGb18030(source) : utf8(source);
        const r = decode(bytes, cuts);
        expect(r.problems).toEqual([]);
        expect(r.text).toBe(source);
        // Only ASCII: either encoding reads it; else the detected one is the one written (UTF-8 preferred when
        // the bytes are valid in both, which a short GB18030 text can be).
        if (!/[^\x00-\x7f]/.test(source)) expect(r.encoding).toBe('utf-8');
        else if (!gb) expect(r.encoding).toBe('utf-8');
        expect(decode(bytes, cuts, gb ? 'gb18030' : 'utf-8').text).toBe(source);
      }),
      { numRuns: 300 },
    );
  });

  it('names the line of the first bytes that are not the encoding (CR, LF and CRLF one line each)', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(300), { maxLength: 5 }), fc.boolean(), (pieces, cuts, gb) => {
        // A first line with Chinese decides the encoding; then the text, then a byte neither encoding has.
        const source = `名称\n${pieces.join('')}`;
        const bytes = concat(gb ? encodeGb18030(source) : utf8(source), new Uint8Array([0xff, 0x41, 0x0a]));
        const line = source.split(/\r\n|\r|\n/).length;
        const r = decode(bytes, cuts);
        expect(r.problems).toHaveLength(1);
        expect(r.problems[0]).toMatchObject({ code: gb ? 'FILE_NOT_GB18030' : 'FILE_NOT_UTF8', line });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses files that are not text: spreadsheets, UTF-16, binary signatures, NUL and control bytes', () => {
    expect(decode(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), []).problems).toMatchObject([{ code: 'FILE_SPREADSHEET' }]);
    expect(decode(new Uint8Array([0xff, 0xfe, 0x0d, 0x54]), []).problems).toMatchObject([{ code: 'FILE_ENCODING_UNSUPPORTED' }]);
    expect(decode(utf8('%PDF-1.7\n%âãÏÓ\n'), []).problems).toMatchObject([{ code: 'FILE_BINARY', messageEn: expect.stringContaining('PDF') }]);
    expect(decode(utf8('a,b\n1,2\n\u0007'), []).problems).toMatchObject([{ code: 'FILE_BINARY', line: 3 }]);
    // A NUL byte after the first 64 KiB still names its line.
    const big = utf8('名称\n' + 'A\n'.repeat(50_000));
    expect(decode(concat(big, new Uint8Array([0x41, 0x00])), [1000, 70_000]).problems).toMatchObject([{ code: 'FILE_BINARY', line: 50_002 }]);
    // Tabs, vertical tabs and form feeds are text; a DOS end-of-file mark is not.
    expect(decode(utf8('a\tb\f\n1\t2\v\n'), []).problems).toEqual([]);
    expect(decode(utf8('a,b\n1,2\n\u001a'), []).problems).toMatchObject([{ code: 'FILE_BINARY', line: 3 }]);
  });
});

describe('shuangsuiji/readers', () => {
  async function collect(reader: RegisterRowReader): Promise<unknown[]> {
    const rows: unknown[] = [];
    for await (const { row } of reader) rows.push(row);
    return rows;
  }

  it('reads a Node stream, a web ReadableStream and a File to the same rows, reporting the encoding', async () => {
    const gb = encodeGb18030(text);
    const fromNode = readRegisterRows(createReadStream(at('gb18030.csv')), { name: 'gb18030.csv' });
    const nodeRows = await collect(fromNode);
    expect(fromNode.encoding).toBe('gb18030');
    expect(fromNode.format).toBe('csv');
    expect(fromNode.problems).toEqual([]);
    const parsed = parseEntityRegister(nodeRows);
    expect(parsed.success && registerDigest(parsed.data).digest).toBe(expected.digest);

    const web = readRegisterRows(new Blob([gb]).stream());
    expect(await collect(web)).toEqual(nodeRows);
    expect(web.encoding).toBe('gb18030');
    expect(web.format).toBe('csv'); // from the first character: neither [ nor {

    const file = new File([utf8(text)], '名录库.csv');
    const fromFile = readRegisterBlob(file);
    expect(fromFile.totalBytes).toBe(file.size);
    expect(await collect(fromFile)).toEqual(nodeRows);
    expect(fromFile.encoding).toBe('utf-8');
    expect(fromFile.bytesRead).toBe(file.size);
    expect(fromFile.header).toEqual(Object.keys(toEntityExportRows(register)[0]!));

    const jsonl = readRegisterBlob(new Blob([encodeGb18030(register.map((e) => JSON.stringify(e)).join('\n'))]));
    const jsonRows = await collect(jsonl);
    expect(jsonl.format).toBe('jsonl');
    expect(jsonl.encoding).toBe('gb18030');
    expect(jsonRows).toHaveLength(400);
  });

  it('keeps problems (or hands them to onProblem), and refuses bad options and sources with codes', async () => {
    const reader = readRegisterBlob(new Blob([new Uint8Array([0x41, 0x0a, 0x42, 0x00])]), { name: 'x.csv' });
    expect(await collect(reader)).toEqual([]);
    expect(reader.problems).toMatchObject([{ code: 'FILE_BINARY', line: 2 }]);
    const seen: ReadProblem[] = [];
    await collect(readRegisterBlob(new Blob(['[1,']), { onProblem: (p) => seen.push(p) }));
    expect(seen).toMatchObject([{ code: 'JSON_SYNTAX' }]);
    expect(() => readRegisterRows(new Blob(['a']).stream(), { encoding: 'latin1' as 'utf-8' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => readRegisterRows(new Blob(['a']).stream(), { nmae: 'x.csv' } as object)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => readRegisterRows('register.csv' as unknown as ReadableStream<Uint8Array>)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const once = readRegisterBlob(new Blob(['a\n1\n']));
    await collect(once);
    expect(() => once[Symbol.asyncIterator]()).toThrow(expect.objectContaining({ code: 'READER_USED' }));
    async function* strings(): AsyncGenerator<Uint8Array> {
      yield 'text' as unknown as Uint8Array;
    }
    await expect(collect(readRegisterRows(strings()))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
