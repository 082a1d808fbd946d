/**
 * 候选顺序 — the random order in which one target considers the inspectors of a pool: a lazy
 * Fisher–Yates shuffle of the pool (sorted by id) driven by a SHA-256 counter-mode stream keyed by
 * (seed, label, target id). Only as many positions are produced as are read (docs/spec-match.md §4).
 */
import { sha256 } from '../../internals/sha256.js';
import { ByteWriter } from './encoding.js';

export const ORDER_TAG = 'shuangsuiji/match/v1/order';

/** A lazily extended random permutation of `0 … size-1`. */
export class CandidateOrder {
  private readonly prefix: Uint8Array;
  private block = 0;
  private words: number[] = [];
  private wordIndex = 8;
  private readonly swaps = new Map<number, number>();
  /** The permutation produced so far: `produced[rank]` is a pool index. */
  readonly produced: number[] = [];

  constructor(seed: string, label: string, targetId: string, readonly size: number) {
    this.prefix = new ByteWriter().str(ORDER_TAG).str(seed).str(label).str(targetId).bytes().slice();
  }

  private nextWord(): number {
    if (this.wordIndex === 8) {
      const message = new Uint8Array(this.prefix.length + 4);
      message.set(this.prefix);
      const b = this.block++;
      const o = this.prefix.length;
      message[o] = (b >>> 24) & 0xff;
      message[o + 1] = (b >>> 16) & 0xff;
      message[o + 2] = (b >>> 8) & 0xff;
      message[o + 3] = b & 0xff;
      const digest = sha256(message);
      this.words = [];
      for (let w = 0; w < 8; w++) {
        this.words.push(((digest[w * 4]! << 24) | (digest[w * 4 + 1]! << 16) | (digest[w * 4 + 2]! << 8) | digest[w * 4 + 3]!) >>> 0);
      }
      this.wordIndex = 0;
    }
    return this.words[this.wordIndex++]!;
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
    while (this.produced.length <= rank) {
      const j = this.produced.length;
      if (j >= this.size) return -1;
      const r = j + this.uniform(this.size - j);
      const atR = this.swaps.get(r) ?? r;
      const atJ = this.swaps.get(j) ?? j;
      this.swaps.set(r, atJ);
      this.swaps.delete(j);
      this.produced.push(atR);
    }
    return this.produced[rank]!;
  }
}
