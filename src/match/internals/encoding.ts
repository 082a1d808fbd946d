/**
 * Canonical byte encodings hashed by the matcher (see docs/spec-match.md §2). Every string is written as
 * a 4-byte big-endian length of its UTF-8 bytes followed by those bytes; an absent value is the length
 * 0xFFFFFFFF with no bytes; a list is a 4-byte count followed by its items.
 */
import { sha256, toHex, utf8 } from '../../internals/sha256.js';

/** A growable byte buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  u8(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value & 0xff;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    const b = this.buffer;
    let o = this.length;
    b[o++] = (value >>> 24) & 0xff;
    b[o++] = (value >>> 16) & 0xff;
    b[o++] = (value >>> 8) & 0xff;
    b[o++] = value & 0xff;
    this.length = o;
    return this;
  }

  str(value: string | undefined): this {
    if (value === undefined) return this.u32(0xffffffff);
    const bytes = utf8(value);
    this.u32(bytes.length);
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  list(values: readonly string[]): this {
    this.u32(values.length);
    for (const v of values) this.str(v);
    return this;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  digestHex(): string {
    return toHex(sha256(this.bytes()));
  }
}

/** Code-unit comparison (`<` on JS strings), the one order used for ids and labels. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted copy with duplicates removed. */
export function sortedUnique(values: readonly string[]): string[] {
  const out = [...values].sort(compareCodeUnits);
  return out.filter((v, i) => i === 0 || out[i - 1] !== v);
}
