/**
 * Register digest (order-independent, bounded memory), row encoding, tickets and history digest.
 * Every byte is specified in docs/spec.md; change nothing here without changing the spec and the version.
 */
import { ShuangsuijiError } from '../../errors.js';
import { canonicalRow, type CanonicalRow } from '../../internals/canonical-row.js';
import {
  compressScheduledInto, compressWords, expandSchedule, finishInPlace, finishWords, loadWords, sha256, sha256Prefix, SHA256_IV,
  type Sha256Prefix,
} from '../../internals/sha256.js';
import { ByteWriter, compareBytes, wordsHex } from './bytes.js';
import { DuplicateGuard } from './duplicate-guard.js';

export const TICKET_TAG = 'shuangsuiji/ticket/v1';
export const ROW_TAG = 'shuangsuiji/row/v1';
export const LANE_TAG = 'shuangsuiji/lane/v1';
export const REGISTER_TAG = 'shuangsuiji/register/v1';
export const HISTORY_TAG = 'shuangsuiji/history/v1';
/** Number of 256-bit lanes in the register accumulator (2048 bits). */
export const LANES = 8;

/** A 64-byte block holding an ASCII tag, an optional byte, then zeros. */
function tagBlock(tag: string, extra?: number): Uint8Array {
  const w = new ByteWriter(64);
  w.ascii(tag);
  if (extra !== undefined) w.byte(extra);
  w.padTo64();
  return w.copy();
}

/** The midstate of the ticket prefix P = tag ‖ 0x00 ‖ seed(32) ‖ u32be(len label) ‖ label ‖ zero pad to 64. */
export function ticketPrefix(seed: Uint8Array, label: string): Sha256Prefix {
  const w = new ByteWriter(128);
  w.ascii(TICKET_TAG);
  w.byte(0);
  w.bytes(seed);
  w.lp(label);
  w.padTo64();
  return sha256Prefix(w.view());
}

/** Computes tickets for canonical ids without allocating per call (except the returned words when asked). */
export class TicketHasher {
  private readonly buf = new Uint8Array(8192);
  private readonly scratch = new Uint8Array(128);
  private readonly w = new Int32Array(16);
  readonly out = new Int32Array(8);
  idLength = 0;
  constructor(private readonly prefix: Sha256Prefix) {}
  /** Hashes `id` (canonical) into `out` (valid until the next call). */
  hash(id: string): Int32Array {
    const len = id.length;
    if (len < 56) {
      // Fast path for ASCII ids of one block: build the message words straight from the code units.
      const w = this.w;
      let k = 0, i = 0, ascii = true;
      for (; i + 3 < len; i += 4, k++) {
        const a = id.charCodeAt(i), b = id.charCodeAt(i + 1), c = id.charCodeAt(i + 2), d = id.charCodeAt(i + 3);
        if ((a | b | c | d) >= 0x80) { ascii = false; break; }
        w[k] = (a << 24) | (b << 16) | (c << 8) | d;
      }
      if (ascii) {
        let word = 0, shift = 24;
        for (; i < len; i++, shift -= 8) {
          const c = id.charCodeAt(i);
          if (c >= 0x80) { ascii = false; break; }
          word |= c << shift;
        }
        if (ascii) {
          w[k++] = word | (0x80 << shift);
          for (; k < 15; k++) w[k] = 0;
          w[15] = (this.prefix.length + len) * 8;
          const out = this.out;
          const p = this.prefix.state;
          out[0] = p[0]!; out[1] = p[1]!; out[2] = p[2]!; out[3] = p[3]!; out[4] = p[4]!; out[5] = p[5]!; out[6] = p[6]!; out[7] = p[7]!;
          compressWords(out, w);
          this.idLength = len;
          return out;
        }
      }
    }
    const buf = this.buf;
    let n = 0;
    let ascii = true;
    for (let i = 0; i < len; i++) {
      const c = id.charCodeAt(i);
      if (c >= 0x80) { ascii = false; break; }
      buf[i] = c;
    }
    if (ascii) n = len;
    else n = new ByteWriterLike(buf).write(id);
    this.idLength = n;
    if (n < 56) {
      // One block: id ‖ 0x80 ‖ zeros ‖ 64-bit bit length.
      const out = this.out;
      const p = this.prefix.state;
      out[0] = p[0]!; out[1] = p[1]!; out[2] = p[2]!; out[3] = p[3]!; out[4] = p[4]!; out[5] = p[5]!; out[6] = p[6]!; out[7] = p[7]!;
      const w = this.w;
      buf.fill(0, n, 64);
      buf[n] = 0x80;
      const bits = (this.prefix.length + n) * 8;
      buf[60] = bits >>> 24; buf[61] = (bits >>> 16) & 255; buf[62] = (bits >>> 8) & 255; buf[63] = bits & 255;
      loadWords(buf, 0, w);
      compressWords(out, w);
      return out;
    }
    finishWords(this.prefix, buf, n, this.out, this.scratch, this.w);
    return this.out;
  }
}

class ByteWriterLike {
  constructor(private readonly buf: Uint8Array) {}
  write(text: string): number {
    const w = new ByteWriter(text.length * 3 + 8);
    w.utf8(text);
    this.buf.set(w.view());
    return w.length;
  }
}

/** Ticket of one canonical id as 64 hex characters (slow path, for tests and verification). */
export function ticketHex(prefix: Sha256Prefix, id: string): string {
  return wordsHex(new TicketHasher(prefix).hash(id));
}

/**
 * Writes the canonical row encoding (after the row tag block) of a canonical row (src/internals/canonical-row.ts:
 * every string well-formed and at most 65534 UTF-8 bytes, sets already distinct and in code-point order, which
 * is UTF-8 byte order).
 */
export function encodeRow(w: ByteWriter, row: CanonicalRow): void {
  w.field(row.id);
  w.field(row.kind);
  w.field(row.status);
  w.field(row.riskClass);
  w.field(row.industry);
  w.field(row.scale);
  w.field(row.regionCode);
  w.field(row.registrationAuthority);
  w.field(row.supervisingUnit);
  writeSet(w, row.lists);
  writeSet(w, row.tags);
  w.u32(row.complaintCount);
}

function writeSet(w: ByteWriter, set: readonly string[]): void {
  w.u16(set.length);
  for (let i = 0; i < set.length; i++) w.field(set[i]!);
}

/** Row-tag and lane-tag midstates, computed on first use (never at import time) and shared (read-only). */
let prefixMemo: { row: Sha256Prefix; lanes: Int32Array[] } | undefined;
function digestPrefixes(): { row: Sha256Prefix; lanes: Int32Array[] } {
  if (prefixMemo === undefined) {
    const lanes: Int32Array[] = [];
    for (let j = 1; j < LANES; j++) lanes.push(sha256Prefix(tagBlock(LANE_TAG, j)).state);
    prefixMemo = { row: sha256Prefix(tagBlock(ROW_TAG)), lanes };
  }
  return prefixMemo;
}

/** Most distinct non-ASCII field values whose encodings a register accumulator remembers. */
export const FIELD_MEMO_LIMIT = 4096;

/**
 * Streaming, order-independent register digest: A = Σ e(row) mod 2^2048 where
 * e(row) = r ‖ SHA-256(L1 ‖ r) ‖ … ‖ SHA-256(L7 ‖ r), r = SHA-256(ROWBLOCK ‖ encodeRow(row)).
 * The 64 words of A are kept as exact integers in doubles (each sum < 2^52 between normalisations).
 */
export class RegisterAccumulator {
  private readonly rowPrefix: Sha256Prefix;
  private readonly lanePrefixes: Int32Array[];
  private readonly sums = new Float64Array(LANES * 8);
  private readonly writer = new ByteWriter(512);
  private readonly w = new Int32Array(16);
  private readonly sched = new Int32Array(64);
  private readonly state = new Int32Array(8);
  private readonly row = new Int32Array(8);
  private pending = 0;
  count = 0;
  constructor() {
    const p = digestPrefixes();
    this.rowPrefix = p.row;
    this.lanePrefixes = p.lanes;
    // Registers repeat a few distinct values (kind, status, authority, unit …): remember their UTF-8 (bounded).
    this.writer.fieldMemo = new Map();
    this.writer.fieldMemoLimit = FIELD_MEMO_LIMIT;
  }
  /** Adds one row; returns its row hash words (valid until the next call). */
  add(canonical: CanonicalRow): Int32Array {
    const wr = this.writer;
    wr.reset();
    encodeRow(wr, canonical);
    wr.ensure(72);
    finishInPlace(this.rowPrefix, wr.buffer, wr.length, this.row, this.w);
    const sums = this.sums, row = this.row;
    // Final block of SHA-256(Lj ‖ r): r ‖ 0x80 ‖ zeros ‖ bit length 768 — the same for every lane.
    const s = this.sched;
    let x: number;
    x = row[0]!; s[0] = x; sums[0] = sums[0]! + (x >>> 0);
    x = row[1]!; s[1] = x; sums[1] = sums[1]! + (x >>> 0);
    x = row[2]!; s[2] = x; sums[2] = sums[2]! + (x >>> 0);
    x = row[3]!; s[3] = x; sums[3] = sums[3]! + (x >>> 0);
    x = row[4]!; s[4] = x; sums[4] = sums[4]! + (x >>> 0);
    x = row[5]!; s[5] = x; sums[5] = sums[5]! + (x >>> 0);
    x = row[6]!; s[6] = x; sums[6] = sums[6]! + (x >>> 0);
    x = row[7]!; s[7] = x; sums[7] = sums[7]! + (x >>> 0);
    s[8] = 0x80000000 | 0;
    s[9] = 0; s[10] = 0; s[11] = 0; s[12] = 0; s[13] = 0; s[14] = 0;
    s[15] = 768;
    expandSchedule(s);
    const st = this.state, lanes = this.lanePrefixes;
    for (let j = 1, base = 8; j < LANES; j++, base += 8) {
      compressScheduledInto(lanes[j - 1]!, st, s);
      sums[base] = sums[base]! + (st[0]! >>> 0);
      sums[base + 1] = sums[base + 1]! + (st[1]! >>> 0);
      sums[base + 2] = sums[base + 2]! + (st[2]! >>> 0);
      sums[base + 3] = sums[base + 3]! + (st[3]! >>> 0);
      sums[base + 4] = sums[base + 4]! + (st[4]! >>> 0);
      sums[base + 5] = sums[base + 5]! + (st[5]! >>> 0);
      sums[base + 6] = sums[base + 6]! + (st[6]! >>> 0);
      sums[base + 7] = sums[base + 7]! + (st[7]! >>> 0);
    }
    this.count++;
    if (++this.pending >= 1 << 20) this.normalize();
    return row;
  }
  /** Row hash (hex) of one entity, with this accumulator's buffers (not during `add`). */
  rowHashHex(row: CanonicalRow): string {
    const wr = this.writer;
    wr.reset();
    encodeRow(wr, row);
    wr.ensure(72);
    const out = new Int32Array(8);
    finishInPlace(this.rowPrefix, wr.buffer, wr.length, out, this.w);
    return wordsHex(out);
  }
  private normalize(): void {
    const sums = this.sums;
    let carry = 0;
    for (let i = sums.length - 1; i >= 0; i--) {
      const v = sums[i]! + carry;
      const low = v % 4294967296;
      carry = (v - low) / 4294967296;
      sums[i] = low;
    }
    this.pending = 0;
  }
  /** The digest: SHA-256(tag ‖ 0x00 ‖ u64be(count) ‖ A as 256 bytes big-endian), hex. */
  digest(): string {
    this.normalize();
    return digestOfSum(this.sums, this.count);
  }
  /** The sum A as its 64 big-endian 32-bit words (shard summaries carry it, docs/spec.md §13). */
  sumWords(): number[] {
    this.normalize();
    return Array.from(this.sums);
  }
}

/** The register digest of a sum A (64 big-endian 32-bit words, each below 2^32) over `count` rows (§4.3). */
export function digestOfSum(words: ArrayLike<number>, count: number): string {
  const w = new ByteWriter(320);
  w.ascii(REGISTER_TAG);
  w.byte(0);
  w.u64(count);
  for (let i = 0; i < words.length; i++) w.u32(words[i]!);
  return hexOf(sha256(w.view()));
}

/**
 * The register digest as `registerDigest` and the CLI compute it: every row canonicalised (refused with its path
 * otherwise), added to the accumulator, and its id recorded by the duplicate guard. `close()` returns true when a
 * confirming pass is needed (`confirm` each row again, then `result`).
 */
export class RegisterDigester {
  private readonly acc = new RegisterAccumulator();
  private readonly guard = new DuplicateGuard();
  private closed = false;
  /** Adds row `index`; throws `INVALID_ID` / `INVALID_ENTITY` with its path. */
  add(raw: unknown, index: number): void {
    const row = canonicalRow(raw, index);
    this.acc.add(row);
    this.guard.add(row.id);
  }
  /** Rows added so far. */
  get size(): number { return this.acc.count; }
  /** Ends the first pass; true when the rows must be read again through `confirm`. */
  close(): boolean { this.closed = true; return this.guard.close(); }
  /** Confirming pass: row `index` again; throws `DUPLICATE_ID` naming both rows. */
  confirm(raw: unknown, index: number): void { this.guard.confirm(canonicalRow(raw, index).id, index); }
  /** The refusal when a confirmation is needed but the source cannot be read again. */
  unconfirmable(): ShuangsuijiError { return this.guard.unconfirmable(); }
  /** `{ digest, size }` (after `close` and, when it asked for one, the confirming pass). */
  result(): { readonly digest: string; readonly size: number } {
    if (!this.closed) throw new ShuangsuijiError('INTERNAL', '摘要未结束', 'the digest was not closed');
    this.guard.endConfirmation();
    return { digest: this.acc.digest(), size: this.acc.count };
  }
}

/** Lower-case hexadecimal of bytes (the shared implementation). */
import { toHex as hexOf } from '../../internals/sha256.js';
export { hexOf };

/** Row hash (hex) of one entity — used in records to name changed rows. */
export function rowHashHex(row: CanonicalRow): string {
  const wr = new ByteWriter(256);
  encodeRow(wr, row);
  wr.ensure(72);
  const out = new Int32Array(8);
  finishInPlace(digestPrefixes().row, wr.buffer, wr.length, out, new Int32Array(16));
  return wordsHex(out);
}

/** 检查记录 entry encoded for the history digest. */
export function historyDigest(entries: readonly { id: string; date: string; department: string; item: string }[]): string {
  const enc = entries.map((h) => { const w = new ByteWriter(64); w.field(h.id); w.field(h.date); w.field(h.department); w.field(h.item); return w.copy(); });
  enc.sort(compareBytes);
  const w = new ByteWriter(64 + enc.length * 64);
  w.ascii(HISTORY_TAG);
  w.byte(0);
  w.u32(enc.length);
  for (const b of enc) w.bytes(b);
  return hexOf(sha256(w.view()));
}

export { SHA256_IV };
