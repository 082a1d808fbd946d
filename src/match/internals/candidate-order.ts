/**
 * 候选顺序 — the random order in which one target considers the inspectors of a pool: a lazy
 * Fisher–Yates shuffle of the pool (sorted by id) driven by a SHA-256 counter-mode stream keyed by
 * (seed, label, target id). Only as many positions are produced as are read (docs/spec.md §M4).
 */
import { ByteWriter, hashScratch, sha256Into, utf8, type HashScratch } from './encoding.js';

export const ORDER_TAG = 'shuangsuiji/match/v1/order';

/**
 * What every candidate order of one match shares: str(tag) ‖ str(seed) ‖ str(label), and hash scratch. The tag is
 * {@link ORDER_TAG} for enforcement inspectors; the expert order (§M11) uses its own tag.
 */
export class OrderSource {
  readonly base: Uint8Array;
  readonly scratch: HashScratch = hashScratch();

  constructor(seed: string, label: string, tag: string = ORDER_TAG) {
    this.base = new ByteWriter().str(tag).str(seed).str(label).bytes().slice();
  }

  /** The candidate order of the target whose id has UTF-8 bytes `id`, over a pool of `size`. */
  order(id: Uint8Array, size: number): CandidateOrder {
    return new CandidateOrder(this, id, size);
  }
}

/** A lazily extended random permutation of `0 … size-1`. */
export class CandidateOrder {
  /** str(tag) ‖ str(seed) ‖ str(label) ‖ str(target id) ‖ u32be(block). */
  private readonly message: Uint8Array;
  private readonly scratch: HashScratch;
  private block = 0;
  private readonly words = new Int32Array(8);
  private wordIndex = 8;
  private swaps: Map<number, number> | undefined;
  /** The permutation produced so far: `produced[rank]` is a pool index. */
  readonly produced: number[] = [];

  /** The order of the target whose id has UTF-8 bytes `id`, over a pool of `size` (see {@link OrderSource}). */
  constructor(source: OrderSource, id: Uint8Array, readonly size: number) {
    const base = source.base;
    const message = (this.message = new Uint8Array(base.length + 4 + id.length + 4));
    message.set(base);
    let o = base.length;
    const n = id.length;
    message[o++] = n >>> 24; message[o++] = (n >>> 16) & 0xff; message[o++] = (n >>> 8) & 0xff; message[o++] = n & 0xff;
    message.set(id, o);
    this.scratch = source.scratch;
  }

  /** The order of `targetId` for a seed and label (one-off; a match shares one {@link OrderSource}). */
  static of(seed: string, label: string, targetId: string, size: number): CandidateOrder {
    return new CandidateOrder(new OrderSource(seed, label), utf8(targetId), size);
  }

  private nextWord(): number {
    if (this.wordIndex === 8) {
      const message = this.message;
      const o = message.length - 4;
      const b = this.block++;
      message[o] = (b >>> 24) & 0xff;
      message[o + 1] = (b >>> 16) & 0xff;
      message[o + 2] = (b >>> 8) & 0xff;
      message[o + 3] = b & 0xff;
      this.words.set(sha256Into(message, message.length, this.scratch));
      this.wordIndex = 0;
    }
    return this.words[this.wordIndex++]! >>> 0;
  }

  /** A uniform integer in [0, bound), by rejection sampling on 32-bit words (exact, no floating point). */
  private uniform(bound: number): number {
    const limit = 0x100000000 - (0x100000000 % bound);
    for (;;) {
      const v = this.nextWord();
      if (v < limit) return v % bound;
    }
  }

  /** The pool index at `rank`, or -1 past the end. */
  at(rank: number): number {
    const produced = this.produced;
    while (produced.length <= rank) {
      const j = produced.length;
      if (j >= this.size) return -1;
      const r = j + this.uniform(this.size - j);
      const swaps = (this.swaps ??= new Map<number, number>());
      const atR = swaps.get(r) ?? r;
      const atJ = swaps.get(j) ?? j;
      swaps.set(r, atJ);
      swaps.delete(j);
      produced.push(atR);
    }
    return produced[rank]!;
  }
}
