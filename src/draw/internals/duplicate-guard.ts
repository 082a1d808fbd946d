/**
 * No duplicate id, ever (docs/spec.md §4.5), for arrays and streams of any size, with memory of 8 bytes a row
 * instead of the ids themselves.
 *
 * Pass 1 records a 64-bit fingerprint of every canonical id. At the end of the pass the fingerprints are sorted
 * (chunk by chunk, natively, as unsigned 64-bit integers) and merged; equal neighbours are *suspects*. Equal
 * canonical ids always have equal fingerprints, so no duplicate can pass: the fingerprint only decides which rows
 * must be looked at again. A confirming pass (the second pass of a two-pass draw, or an extra read of a
 * re-readable source) compares the suspects' ids exactly and reports a real duplicate with both rows; suspects
 * whose ids differ were a fingerprint collision and are accepted. A one-shot source cannot be read again: a
 * collision there is refused as `ID_FINGERPRINT_COLLISION` (for n rows of random ids this happens with
 * probability below n²/2^65, about 3 × 10^-6 for ten million rows).
 */
import { ShuangsuijiError } from '../../errors.js';

const CHUNK = 1 << 20;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** The two 32-bit halves of the fingerprint of a canonical id (two independent multiplicative hashes). */
let fpHi = 0;
let fpLo = 0;
function fingerprint(id: string): void {
  let a = 0x9e3779b9 ^ id.length, b = 0x85ebca6b ^ Math.imul(id.length, 0x27d4eb2f);
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    a ^= a >>> 15;
    b = Math.imul(b + c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  // murmur3's finaliser on each half
  a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
  b ^= b >>> 16; b = Math.imul(b, 0x7feb352d); b ^= b >>> 15; b = Math.imul(b, 0x846ca68b); b ^= b >>> 16;
  fpHi = a >>> 0;
  fpLo = b >>> 0;
}
function key(hi: number, lo: number): string {
  return `${hi}:${lo}`;
}

/** Records the fingerprints of pass 1 and finds the duplicates. */
export class DuplicateGuard {
  /**
   * @param mask - keeps only these bits of each fingerprint half (tests use a few bits to force collisions)
   * @param chunk - fingerprints per sorted chunk (tests use small chunks to exercise the merge)
   */
  constructor(private readonly mask = 0xffffffff, private readonly chunk = CHUNK) {}
  private readonly chunks: Uint32Array[] = [];
  private current = new Uint32Array(2 * 16);
  private used = 0;
  private count = 0;
  private suspects: Map<string, { readonly ids: Map<string, number>; count: number }> | undefined;

  /** Pass 1: records the canonical id of row `row`. */
  add(id: string): void {
    if (this.used * 2 === this.current.length) {
      if (this.current.length < 2 * this.chunk) {
        const next = new Uint32Array(this.current.length * 2);
        next.set(this.current);
        this.current = next;
      } else {
        this.chunks.push(this.current);
        this.current = new Uint32Array(2 * this.chunk);
        this.used = 0;
      }
    }
    fingerprint(id);
    const k = this.used * 2;
    this.current[k + HI] = fpHi & this.mask;
    this.current[k + LO] = fpLo & this.mask;
    this.used++;
    this.count++;
  }

  /**
   * Pass 1 of one part of a register read elsewhere (a worker thread's byte range of a file): the fingerprints
   * recorded so far as (hi, lo) pairs of 32-bit words, sorted as unsigned 64-bit integers, in a buffer of their own
   * (to transfer); the guard is left empty. The main thread merges the ranges' arrays to find duplicates.
   */
  takeSorted(): Uint32Array {
    const all = new Uint32Array(this.count * 2);
    let at = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    all.set(this.current.subarray(0, this.used * 2), at);
    new BigUint64Array(all.buffer, 0, this.count).sort();
    this.chunks.length = 0;
    this.current = new Uint32Array(2 * 16);
    this.used = 0;
    this.count = 0;
    return all;
  }

  /**
   * Ends pass 1: sorts and merges the fingerprints; returns true when some must be confirmed (then feed the
   * rows again to `confirm` and call `finish`). Frees the fingerprints.
   */
  close(): boolean {
    const parts: Uint32Array[] = [...this.chunks, this.current.subarray(0, this.used * 2)];
    this.chunks.length = 0;
    this.current = new Uint32Array(0);
    const sorted = parts.map((p) => {
      new BigUint64Array(p.buffer, p.byteOffset, p.length / 2).sort();
      return p;
    });
    const suspects = new Map<string, { readonly ids: Map<string, number>; count: number }>();
    // k-way merge: only neighbours in the merged order can be equal.
    const pos = sorted.map(() => 0);
    let prevHi = -1, prevLo = -1;
    for (;;) {
      let best = -1, bh = 0, bl = 0;
      for (let j = 0; j < sorted.length; j++) {
        const p = sorted[j]!, i = pos[j]!;
        if (i * 2 >= p.length) continue;
        const h = p[i * 2 + HI]!, l = p[i * 2 + LO]!;
        if (best < 0 || h < bh || (h === bh && l < bl)) { best = j; bh = h; bl = l; }
      }
      if (best < 0) break;
      pos[best]!++;
      if (bh === prevHi && bl === prevLo) {
        // How often the fingerprint occurred: the confirming read must see it as often (same rows again).
        const k = key(bh, bl);
        const known = suspects.get(k);
        if (known === undefined) suspects.set(k, { ids: new Map(), count: 2 });
        else known.count++;
      }
      prevHi = bh; prevLo = bl;
    }
    this.suspects = suspects.size > 0 ? suspects : undefined;
    return this.suspects !== undefined;
  }

  /** Whether a confirming pass is needed (after `close`). */
  get needsConfirmation(): boolean {
    return this.suspects !== undefined;
  }

  /** Confirming pass: looks at row `row` (canonical id `id`); throws `DUPLICATE_ID` on a real duplicate. */
  confirm(id: string, row: number): void {
    const suspects = this.suspects;
    if (suspects === undefined) return;
    fingerprint(id);
    const seen = suspects.get(key((fpHi & this.mask) >>> 0, (fpLo & this.mask) >>> 0));
    if (seen === undefined) return;
    const first = seen.ids.get(id);
    if (first !== undefined) throw duplicateId(id, first, row);
    // Different ids with one fingerprint are a collision, not a duplicate: remember each (a handful at most).
    seen.ids.set(id, row);
    seen.count--;
  }

  /**
   * Ends the confirming read: every suspected fingerprint must have come back as often as in the first read,
   * else the source changed between the reads (a duplicate could otherwise dodge confirmation) —
   * `REGISTER_CHANGED_DURING_DRAW`.
   */
  endConfirmation(): void {
    const suspects = this.suspects;
    if (suspects === undefined) return;
    for (const s of suspects.values()) {
      if (s.count !== 0) {
        throw new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '再次读取名录库时内容与第一次不同', 'the register read differently the second time', {});
      }
    }
  }

  /** Refusal when suspects remain and the source cannot be read again. */
  unconfirmable(): ShuangsuijiError {
    return new ShuangsuijiError(
      'ID_FINGERPRINT_COLLISION',
      '名录库中有两行的标识指纹相同（很可能是重复标识）；此数据源只能读取一遍，无法确认：请传入数组或返回新迭代器的函数以找出重复行',
      'two rows of the register have the same id fingerprint (most likely a duplicate id); this source can be read only once, so it cannot be confirmed: pass an array or a function returning a fresh iterable to name the rows',
      { details: { rows: this.count } },
    );
  }
}

/** The refusal of a duplicate canonical id, naming both rows. */
export function duplicateId(id: string, first: number, second: number): ShuangsuijiError {
  return new ShuangsuijiError(
    'DUPLICATE_ID',
    `名录库第 ${first} 行与第 ${second} 行的标识相同（按 NFC 规范化后）：${JSON.stringify(id)}`,
    `rows ${first} and ${second} of the register have the same id (after NFC normalisation): ${JSON.stringify(id)}`,
    { path: [second, 'id'], details: { id, rows: [first, second] } },
  );
}
