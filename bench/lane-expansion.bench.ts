/**
 * Issue 16 §4: would a cheaper lane expansion make the draw ≥ 1.5× faster? (run: node --import tsx
 * bench/lane-expansion.bench.ts). Measures, in one run and interleaved, (a) a whole undirected draw per row,
 * (b) the seven lane compressions of docs/spec.md §4.2 per row (one shared message schedule, as the accumulator
 * does), and (c) four ChaCha20 blocks keyed by the row hash (the alternative: 224 of their 256 bytes would
 * be the seven lanes). The projected draw speed-up of the swap is a / (a − b + c); the bound for a free expansion
 * is a / (a − b). The ChaCha20 block here is written from RFC 8439 §2.3 for this measurement only.
 */
import { drawTargets, seedFromDice } from '../src/draw/index.js';
import { LANE_TAG } from '../src/draw/internals/digest.js';
import { compressScheduledInto, expandSchedule, sha256Prefix } from '../src/internals/sha256.js';
import { generateEntityRegister } from '../src/testing/index.js';

const N = Number(process.env['BENCH_N'] ?? 300_000);
const ROUNDS = 5;
const now = (): number => Number(process.hrtime.bigint()) / 1e9;

function laneStates(): Int32Array[] {
  const states: Int32Array[] = [];
  for (let j = 1; j < 8; j++) {
    const block = new Uint8Array(64);
    for (let i = 0; i < LANE_TAG.length; i++) block[i] = LANE_TAG.charCodeAt(i);
    block[LANE_TAG.length] = j;
    states.push(sha256Prefix(block).state);
  }
  return states;
}

/** (b) The seven lane compressions for `rows` pseudo-random row hashes. */
function lanes(rows: number): number {
  const prefixes = laneStates();
  const s = new Int32Array(64), st = new Int32Array(8);
  let sink = 0;
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < 8; i++) s[i] = Math.imul(r + 1, 0x9e3779b1 + i);
    s[8] = 0x80000000 | 0; s[9] = 0; s[10] = 0; s[11] = 0; s[12] = 0; s[13] = 0; s[14] = 0; s[15] = 768;
    expandSchedule(s);
    for (let j = 0; j < 7; j++) { compressScheduledInto(prefixes[j]!, st, s); sink = (sink + st[0]!) | 0; }
  }
  return sink;
}

/** One ChaCha20 block (RFC 8439 §2.3: 20 rounds, feed-forward) for a 256-bit key, nonce 0, into `out[at…at+15]`. */
function chachaBlock(key: Int32Array, counter: number, out: Int32Array, at: number): void {
  let x0 = 0x61707865, x1 = 0x3320646e, x2 = 0x79622d32, x3 = 0x6b206574;
  let x4 = key[0]!, x5 = key[1]!, x6 = key[2]!, x7 = key[3]!, x8 = key[4]!, x9 = key[5]!, x10 = key[6]!, x11 = key[7]!;
  let x12 = counter, x13 = 0, x14 = 0, x15 = 0;
  const j4 = x4, j5 = x5, j6 = x6, j7 = x7, j8 = x8, j9 = x9, j10 = x10, j11 = x11, j12 = x12;
  for (let i = 0; i < 10; i++) {
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 16) | (x12 >>> 16);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 8) | (x12 >>> 24);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 7) | (x4 >>> 25);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 16) | (x13 >>> 16);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 8) | (x13 >>> 24);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 7) | (x5 >>> 25);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 16) | (x14 >>> 16);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 8) | (x14 >>> 24);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 7) | (x6 >>> 25);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 16) | (x15 >>> 16);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 8) | (x15 >>> 24);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 7) | (x7 >>> 25);
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 16) | (x15 >>> 16);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 8) | (x15 >>> 24);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 7) | (x5 >>> 25);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 16) | (x12 >>> 16);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 8) | (x12 >>> 24);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 7) | (x6 >>> 25);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 16) | (x13 >>> 16);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 8) | (x13 >>> 24);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 7) | (x7 >>> 25);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 16) | (x14 >>> 16);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 8) | (x14 >>> 24);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 7) | (x4 >>> 25);
  }
  out[at] = (x0 + 0x61707865) | 0; out[at + 1] = (x1 + 0x3320646e) | 0; out[at + 2] = (x2 + 0x79622d32) | 0; out[at + 3] = (x3 + 0x6b206574) | 0;
  out[at + 4] = (x4 + j4) | 0; out[at + 5] = (x5 + j5) | 0; out[at + 6] = (x6 + j6) | 0; out[at + 7] = (x7 + j7) | 0;
  out[at + 8] = (x8 + j8) | 0; out[at + 9] = (x9 + j9) | 0; out[at + 10] = (x10 + j10) | 0; out[at + 11] = (x11 + j11) | 0;
  out[at + 12] = (x12 + j12) | 0; out[at + 13] = x13; out[at + 14] = x14; out[at + 15] = x15;
}

/** (c) Four ChaCha20 blocks per row hash. */
function chacha(rows: number): number {
  const key = new Int32Array(8), out = new Int32Array(64);
  let sink = 0;
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < 8; i++) key[i] = Math.imul(r + 1, 0x9e3779b1 + i);
    for (let b = 0; b < 4; b++) chachaBlock(key, b, out, b * 16);
    sink = (sink + out[0]! + out[63]!) | 0;
  }
  return sink;
}

const register = generateEntityRegister(N, { seed: 16 });
const seed = seedFromDice('27182818284590452353');
const draw = (): number => drawTargets(register, { label: 'lane-expansion', size: { count: 30_000 } }, { seed }).record.selected.length;
const best = { draw: Infinity, lanes: Infinity, chacha: Infinity };
for (let round = 0; round < ROUNDS; round++) {
  let t = now(); draw(); best.draw = Math.min(best.draw, now() - t);
  t = now(); lanes(N); best.lanes = Math.min(best.lanes, now() - t);
  t = now(); chacha(N); best.chacha = Math.min(best.chacha, now() - t);
}
const us = (s: number): number => (s / N) * 1e6;
const swap = best.draw / (best.draw - best.lanes + best.chacha);
const free = best.draw / (best.draw - best.lanes);
console.log(JSON.stringify({ bench: 'lane-expansion', rows: N, drawMicrosPerRow: us(best.draw), lanesMicrosPerRow: us(best.lanes), chachaMicrosPerRow: us(best.chacha), projectedSpeedupChaCha: swap, boundFreeExpansion: free }));
console.log(`  lane-expansion: draw ${us(best.draw).toFixed(2)} µs/row, of which 7 lane compressions ${us(best.lanes).toFixed(2)} µs; 4 ChaCha20 blocks ${us(best.chacha).toFixed(2)} µs → projected ${swap.toFixed(2)}× (a free expansion: ${free.toFixed(2)}×; the issue asks ≥ 1.5×)`);
