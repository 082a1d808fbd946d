/** Byte-level helpers of the draw: canonical ids, length-prefixed fields, exact decimals. */
import { ShuangsuijiError } from '../../errors.js';

/** The one id rule lives in src/internals/canonical-row.ts (shared by the parsers, the draw, the matcher, the CLI). */
export { MAX_ID_BYTES, canonicalIdOrThrow, idProblem, utf8Length } from '../../internals/canonical-row.js';

/**
 * Writes the UTF-8 bytes of `text` into `buffer` at `offset` (no allocation); returns the new offset.
 * Lone surrogates are written as U+FFFD (callers validate first). `buffer` must be large enough.
 */
export function writeUtf8(text: string, buffer: Uint8Array, offset: number): number {
  let o = offset;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) { buffer[o++] = c; continue; }
    if (c < 0x800) { buffer[o++] = 0xc0 | (c >> 6); buffer[o++] = 0x80 | (c & 63); continue; }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        buffer[o++] = 0xf0 | (c >> 18); buffer[o++] = 0x80 | ((c >> 12) & 63); buffer[o++] = 0x80 | ((c >> 6) & 63); buffer[o++] = 0x80 | (c & 63);
        continue;
      }
      c = 0xfffd;
    } else if (c >= 0xdc00 && c <= 0xdfff) c = 0xfffd;
    buffer[o++] = 0xe0 | (c >> 12); buffer[o++] = 0x80 | ((c >> 6) & 63); buffer[o++] = 0x80 | (c & 63);
  }
  return o;
}

/** A growable byte writer for canonical encodings. */
export class ByteWriter {
  buffer: Uint8Array;
  length = 0;
  /** Optional memo of `field` encodings (u16 length ‖ UTF-8) of non-ASCII strings, at most `fieldMemoLimit` entries. */
  fieldMemo: Map<string, Uint8Array> | undefined = undefined;
  fieldMemoLimit = 0;
  constructor(capacity = 256) { this.buffer = new Uint8Array(capacity); }
  reset(): void { this.length = 0; }
  /** Makes room for `extra` more bytes. */
  ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
  byte(b: number): void { this.ensure(1); this.buffer[this.length++] = b; }
  u16(v: number): void { this.ensure(2); this.buffer[this.length++] = v >>> 8; this.buffer[this.length++] = v & 255; }
  u32(v: number): void { this.ensure(4); const b = this.buffer; b[this.length++] = v >>> 24; b[this.length++] = (v >>> 16) & 255; b[this.length++] = (v >>> 8) & 255; b[this.length++] = v & 255; }
  u64(v: number): void { this.u32(Math.floor(v / 0x100000000)); this.u32(v >>> 0); }
  ascii(text: string): void { this.ensure(text.length); for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i); }
  bytes(data: Uint8Array): void { this.ensure(data.length); this.buffer.set(data, this.length); this.length += data.length; }
  /** Raw UTF-8 (no length). */
  utf8(text: string): void { this.ensure(text.length * 3); this.length = writeUtf8(text, this.buffer, this.length); }
  /** u32be(byte length) ‖ UTF-8. */
  lp(text: string): void { const start = this.length; this.u32(0); this.utf8(text); const n = this.length - start - 4; const b = this.buffer; b[start] = n >>> 24; b[start + 1] = (n >>> 16) & 255; b[start + 2] = (n >>> 8) & 255; b[start + 3] = n & 255; }
  /** Optional string field: 0x0000 when absent, else u16be(byte length + 1) ‖ UTF-8. Throws on > 65534 bytes. */
  field(text: string | undefined): void {
    if (text === undefined) { this.u16(0); return; }
    const n0 = text.length;
    if (n0 < 65534) {
      this.ensure(n0 * 3 + 2);
      const b = this.buffer;
      let o = this.length + 2;
      let i = 0;
      for (; i < n0; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) break;
        b[o++] = c;
      }
      if (i === n0) {
        b[this.length] = (n0 + 1) >>> 8;
        b[this.length + 1] = (n0 + 1) & 255;
        this.length = o;
        return;
      }
    }
    const memo = this.fieldMemo;
    if (memo !== undefined) {
      const known = memo.get(text);
      if (known !== undefined) {
        this.ensure(known.length);
        const b = this.buffer;
        let o = this.length;
        for (let i = 0; i < known.length; i++) b[o++] = known[i]!;
        this.length = o;
        return;
      }
    }
    const start = this.length;
    this.u16(0);
    this.utf8(text);
    const n = this.length - start - 2;
    if (n > 65534) throw new ShuangsuijiError('FIELD_TOO_LONG', '字段超过 65534 字节', 'a field is longer than 65534 bytes');
    this.buffer[start] = (n + 1) >>> 8;
    this.buffer[start + 1] = (n + 1) & 255;
    // Remember short non-ASCII values (bounded: once full, new values are simply encoded each time).
    if (memo !== undefined && n <= 256 && memo.size < this.fieldMemoLimit) memo.set(text, this.buffer.slice(start, this.length));
  }
  /** Zero bytes up to the next multiple of 64. */
  padTo64(): void { const n = (64 - (this.length % 64)) % 64; this.ensure(n); this.buffer.fill(0, this.length, this.length + n); this.length += n; }
  view(): Uint8Array { return this.buffer.subarray(0, this.length); }
  copy(): Uint8Array { return this.buffer.slice(0, this.length); }
}

/** Compares two byte arrays lexicographically (unsigned). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Compares strings by Unicode code points (= UTF-8 byte order), never by locale (the shared implementation). */
export { compareCodePoints } from '../../internals/compare.js';

/** Hex of 32-bit signed words, big-endian (the shared implementation). */
export { wordsToHex as wordsHex } from '../../internals/sha256.js';

/** Parses 64 lower-case hex characters into 32 bytes, or undefined. */
export function hex32(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string' || !/^[0-9a-f]{64}$/.test(text)) return undefined;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}
