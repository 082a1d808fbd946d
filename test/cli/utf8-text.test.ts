import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Checker, utf8Chunks, type Utf8Problem } from '../../src/cli/internals/utf8-text.js';

function check(bytes: Uint8Array, cuts: readonly number[]): Utf8Problem | undefined {
  const checker = new Utf8Checker();
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b).filter((c) => c <= bytes.length)) {
    const problem = checker.check(bytes.subarray(at, cut));
    if (problem !== undefined) return problem;
    at = cut;
  }
  return checker.check(bytes.subarray(at)) ?? checker.end();
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

async function* from(...chunks: number[][]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield new Uint8Array(chunk);
}

describe('Utf8Checker', () => {
  it('accepts exactly what a fatal UTF-8 decoder accepts, minus NUL, however the bytes are cut', () => {
    // Bytes biased towards the edges of UTF-8: lead bytes, continuation bytes, overlong and surrogate starts.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x00, 0x0a, 0x0d, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
    );
    const valid = fc.string({ unit: 'binary' }).map((s) => [...new TextEncoder().encode(s)]);
    fc.assert(
      fc.property(fc.array(fc.oneof(valid, fc.array(byte, { maxLength: 4 })), { maxLength: 6 }), fc.array(fc.nat(40), { maxLength: 4 }), (pieces, cuts) => {
        const bytes = new Uint8Array(pieces.flat());
        expect(check(bytes, cuts) === undefined).toBe(isUtf8Text(bytes));
      }),
    );
  });

  it('names the line of the first bad byte (CR, LF and CRLF one line each)', () => {
    const bytes = new TextEncoder().encode('名称\r\nA\rB\nC中');
    const text = [...bytes, 0xff];
    expect(check(new Uint8Array(text), [3, 7])).toMatchObject({ code: 'FILE_NOT_UTF8', line: 4 });
    expect(check(new Uint8Array([0x61, 0x0a, 0x00]), [])).toMatchObject({ code: 'FILE_BINARY', line: 2 });
    expect(check(new Uint8Array([0x61, 0xe4, 0xb8]), [])).toMatchObject({ code: 'FILE_NOT_UTF8', line: 1, messageEn: expect.stringContaining('ends inside a multi-byte character') });
    // GBK bytes of 名称: not UTF-8.
    expect(check(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6]), [])).toMatchObject({ code: 'FILE_NOT_UTF8', messageEn: expect.stringContaining('0xFB') });
  });
});

describe('utf8Chunks', () => {
  it('decodes characters split across chunks and drops a leading BOM', async () => {
    const [a, b, c] = [[0xef, 0xbb, 0xbf, 0xe4], [0xb8], [0xad, 0x41]];
    const out: string[] = [];
    for await (const text of utf8Chunks(from(a!, b!, c!), () => { throw new Error('no problem expected'); })) out.push(text);
    expect(out.join('')).toBe('中A');
  });

  it('stops at the first problem and reports it once', async () => {
    const problems: Utf8Problem[] = [];
    const out: string[] = [];
    for await (const text of utf8Chunks(from([0x41, 0x0a], [0x42, 0xff], [0x43]), (p) => problems.push(p))) out.push(text);
    expect(out.join('')).toBe('A\n');
    expect(problems).toEqual([expect.objectContaining({ code: 'FILE_NOT_UTF8', line: 2 })]);
  });
});
