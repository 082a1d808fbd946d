/**
 * Canonical byte encodings hashed by the matcher (see docs/spec.md §M2). Every string is written as
 * a 4-byte big-endian length of its UTF-8 bytes followed by those bytes; an absent value is the length
 * 0xFFFFFFFF with no bytes; a list is a 4-byte count followed by its items.
 */
import { compressWords, finishWords, loadWords, SHA256_IV, toHex as hex, utf8, wordsToBytes } from '../../internals/sha256.js';
import { compareCodePoints } from '../../draw/internals/bytes.js';

// Hex and UTF-8 are the shared implementations; re-exported for the matcher's modules.
export { hex, utf8 };

/** Reusable scratch for {@link sha256Into}. */
export interface HashScratch {
  readonly out: Int32Array;
  readonly block: Uint8Array;
  readonly w: Int32Array;
  readonly iv: { readonly state: Int32Array; readonly length: 0 };
}

export function hashScratch(): HashScratch {
  return { out: new Int32Array(8), block: new Uint8Array(128), w: new Int32Array(16), iv: { state: Int32Array.from(SHA256_IV), length: 0 } };
}

/** SHA-256 of `message[0 … length)` into `scratch.out` (8 signed big-endian words); no allocation. */
export function sha256Into(message: Uint8Array, length: number, scratch: HashScratch): Int32Array {
  finishWords(scratch.iv, message, length, scratch.out, scratch.block, scratch.w);
  return scratch.out;
}

/** SHA-256 of `message[0 … length)` as 64 lower-case hex digits. */
export function sha256HexOf(message: Uint8Array, length: number, scratch: HashScratch): string {
  return hex(wordsToBytes(sha256Into(message, length, scratch)));
}

/** The encodings of §M2 over a byte buffer; subclasses say how room is made (grow, or hash and reuse). */
abstract class EncodingWriter {
  protected buffer: Uint8Array;
  protected length = 0;
  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }

  /** Makes at least `n` bytes free (n ≤ 4, or any n for growing writers). */
  protected abstract room(n: number): void;

  u8(value: number): this {
    this.room(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  u32(value: number): this {
    this.room(4);
    const b = this.buffer;
    let o = this.length;
    b[o++] = (value >>> 24) & 0xff;
    b[o++] = (value >>> 16) & 0xff;
    b[o++] = (value >>> 8) & 0xff;
    b[o++] = value & 0xff;
    this.length = o;
    return this;
  }

  /** Raw bytes (in chunks, so a hashing writer never needs a buffer of their size). */
  raw(bytes: Uint8Array): this {
    let from = 0;
    while (from < bytes.length) {
      this.room(Math.min(bytes.length - from, 4));
      const n = Math.min(bytes.length - from, this.buffer.length - this.length);
      this.buffer.set(bytes.subarray(from, from + n), this.length);
      this.length += n;
      from += n;
    }
    return this;
  }

  /** `str` of a string already encoded as UTF-8. */
  strBytes(bytes: Uint8Array): this {
    return this.u32(bytes.length).raw(bytes);
  }

  str(value: string | undefined): this {
    return value === undefined ? this.u32(0xffffffff) : this.strBytes(utf8(value));
  }

  list(values: readonly string[]): this {
    this.u32(values.length);
    for (const v of values) this.str(v);
    return this;
  }
}

/** A growable byte buffer. */
export class ByteWriter extends EncodingWriter {
  constructor() {
    super(256);
  }

  protected room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * The same encodings as {@link ByteWriter}, hashed as they are written (SHA-256 over 64 KiB chunks), so a
 * digest of millions of rows needs no buffer of their size.
 */
export class HashWriter extends EncodingWriter {
  private readonly state = Int32Array.from(SHA256_IV);
  private hashed = 0;
  private readonly w = new Int32Array(16);
  constructor() {
    super(65536);
  }

  protected room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const full = this.length - (this.length % 64);
    for (let o = 0; o < full; o += 64) {
      loadWords(this.buffer, o, this.w);
      compressWords(this.state, this.w);
    }
    this.buffer.copyWithin(0, full, this.length);
    this.length -= full;
    this.hashed += full;
  }

  digestHex(): string {
    const out = new Int32Array(8);
    finishWords({ state: this.state, length: this.hashed }, this.buffer, this.length, out, new Uint8Array(128), this.w);
    return hex(wordsToBytes(out));
  }
}

/** Sorted copy (code-point order, docs/spec.md §M1) with duplicates removed. */
export function sortedUnique(values: readonly string[]): string[] {
  const out = [...values].sort(compareCodePoints);
  return out.filter((v, i) => i === 0 || out[i - 1] !== v);
}

// The one string order of both parts of the spec (Unicode code points = UTF-8 bytes), re-exported for this module's files.
export { compareCodePoints };
