/**
 * Draw benchmarks (run: node --expose-gc --import tsx bench/draw.bench.ts). Prints one JSON object per line
 * plus a readable line. Targets (issue 4): undirected 30,000 of 1,000,000 ≥ 1,000,000 entities/s and ≥ 70 % of
 * the rate at which the same SHA-256 code hashes the same per-entity messages alone; 10,000,000 streamed
 * entities with peak RSS ≤ 400 MB including the duplicate guard (issue 11). Set BENCH_STREAM=0 to skip the 10 M run.
 */
import { createHash } from 'node:crypto';
import { drawTargets, registerDigest, seedFromDice, type DrawSpec } from '../src/draw/index.js';
import { ByteWriter, wordsHex } from '../src/draw/internals/bytes.js';
import { encodeRow, LANE_TAG, ROW_TAG, rowHashHex, TicketHasher, ticketPrefix } from '../src/draw/internals/digest.js';
import { compressScheduledInto, compressWords, expandSchedule, finishInPlace, finishWords, loadWords, sha256Prefix } from '../src/internals/sha256.js';
import type { Entity } from '../src/models/entity.js';
import { canonicalRow } from '../src/internals/canonical-row.js';

const N = Number(process.env['BENCH_N'] ?? 1_000_000);
const K = 30_000;
const RISK = ['A', 'B', 'C', 'D'] as const;
const REGIONS = ['410102', '410103', '410105', '410202', '350100', '350102'];

function makeEntity(i: number): Entity {
  const e: Record<string, unknown> = {
    id: `9141${String(i).padStart(14, '0')}`,
    name: `测试企业${i}`,
    kind: i % 5 === 0 ? 'individual-business' : 'enterprise',
    status: i % 23 === 0 ? 'deregistered' : 'active',
    riskClass: RISK[i % 4],
    industry: i % 3 === 0 ? 'F5211' : 'H6210',
    scale: '小型',
    regionCode: REGIONS[i % 6],
    lists: i % 37 === 0 ? ['abnormal-operations'] : [],
    tags: [],
    complaintCount: i % 11 === 0 ? 2 : 0,
  };
  return e as unknown as Entity;
}

function emit(bench: string, metrics: Record<string, number | string>, readable: string): void {
  console.log(JSON.stringify({ bench, ...metrics }));
  console.log(`  ${bench}: ${readable}`);
}
const now = (): number => Number(process.hrtime.bigint()) / 1e9;
const gc = (globalThis as { gc?: () => void }).gc;
const seed = seedFromDice('31415926535897932384');
const label = '2025 双随机 第一批';

// 0. 10 M entities streamed from a generator: peak RSS. Runs first, in a fresh heap (RSS rarely shrinks after
// the 1 M-entity array below has been allocated, so measuring later would report that array, not the draw).
if (process.env['BENCH_STREAM'] !== '0') {
  const STREAM = Number(process.env['BENCH_STREAM_N'] ?? 10_000_000);
  gc?.();
  let peak = process.memoryUsage().rss;
  function* stream(): Generator<Entity> {
    for (let i = 0; i < STREAM; i++) {
      if ((i & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
      yield makeEntity(i);
    }
  }
  const t = now();
  const r = drawTargets(stream(), { label, size: { count: K } }, { seed });
  const seconds = now() - t;
  // The process's own high-water mark (ru_maxrss, in KiB) also covers the fingerprint sort after the last row.
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  emit('draw.stream10M', { entities: STREAM, k: K, seconds: +seconds.toFixed(1), entitiesPerSecond: Math.round(STREAM / seconds), peakRssMB: Math.round(peak / 2 ** 20), selected: r.selected.length },
    `${STREAM.toLocaleString('en-US')} streamed from a generator in ${seconds.toFixed(1)} s, peak RSS ${Math.round(peak / 2 ** 20)} MB (target ≤ 400 MB with the duplicate guard)`);
}

const register: Entity[] = Array.from({ length: N }, (_, i) => makeEntity(i));

function best<T>(runs: number, f: () => T): { seconds: number; value: T } {
  let seconds = Infinity;
  let value!: T;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const t = now();
    value = f();
    seconds = Math.min(seconds, now() - t);
  }
  return { seconds, value };
}

// 1–2. Undirected draw, and the same per-entity messages hashed alone (pre-encoded; same SHA-256 code, same
// midstates, same shared lane schedule). Measured alternately, 3 rounds, best of each, so both see the same load.
const undirected: DrawSpec = { label, size: { count: K } };
const tPrefix = ticketPrefix(new Uint8Array(Buffer.from(seed.seed, 'hex')), label);
const rowBlock = new ByteWriter(64); rowBlock.ascii(ROW_TAG); rowBlock.padTo64();
const rowPrefix = sha256Prefix(rowBlock.copy());
const lanePrefixes = Array.from({ length: 7 }, (_, j) => { const w = new ByteWriter(64); w.ascii(LANE_TAG); w.byte(j + 1); w.padTo64(); return sha256Prefix(w.copy()).state; });
// Pre-encoded messages, packed contiguously (no per-row typed array to chase): each row encoding copied to a
// reused buffer and finished in place (finishInPlace, as the accumulator does); each ticket as its one padded final
// block (loadWords + compressWords from the midstate, as TicketHasher does); population flags precomputed, so the
// baseline reads neither entities nor strings.
const ids: Uint8Array[] = [];
const rows: Uint8Array[] = [];
const ROOM = 512;
let rowBytes = 0;
for (const e of register) {
  ids.push(new Uint8Array(Buffer.from(e.id, 'utf8')));
  const w = new ByteWriter(256); encodeRow(w, canonicalRow(e, 0)); rows.push(w.copy()); rowBytes += w.length;
  if (w.length > ROOM - 72) throw new Error('bench rows must fit the reused buffer');
}
const packedRows = new Uint8Array(ROOM + rowBytes), rowEnd = new Int32Array(N);
for (let i = 0, o = ROOM; i < N; i++) { packedRows.set(rows[i]!, o); o += rows[i]!.length; rowEnd[i] = o; }
const ticketBlocks = new Uint8Array(64 * N), inPopulation = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  const id = ids[i]!;
  if (id.length > 55) throw new Error('bench ids must fit one block');
  ticketBlocks.set(id, 64 * i); ticketBlocks[64 * i + id.length] = 0x80;
  const bits = (tPrefix.length + id.length) * 8;
  ticketBlocks[64 * i + 62] = bits >>> 8; ticketBlocks[64 * i + 63] = bits & 255;
  inPopulation[i] = register[i]!.status === 'active' ? 1 : 0;
}
rows.length = 0;
const scratch = new Uint8Array(256), words = new Int32Array(16), out = new Int32Array(8), sched = new Int32Array(64), st = new Int32Array(8);
const hashAlone = (): number => {
  let x = 0;
  for (let i = 0, start = ROOM; i < N; i++) {
    const end = rowEnd[i]!;
    packedRows.copyWithin(0, start, end);
    finishInPlace(rowPrefix, packedRows, end - start, out, words);
    start = end;
    for (let j = 0; j < 8; j++) sched[j] = out[j]!;
    sched[8] = 0x80000000 | 0; for (let j = 9; j < 15; j++) sched[j] = 0; sched[15] = 768;
    expandSchedule(sched);
    for (let j = 0; j < 7; j++) { compressScheduledInto(lanePrefixes[j]!, st, sched); x ^= st[0]!; }
    if (inPopulation[i] === 1) {
      const p = tPrefix.state;
      out[0] = p[0]!; out[1] = p[1]!; out[2] = p[2]!; out[3] = p[3]!; out[4] = p[4]!; out[5] = p[5]!; out[6] = p[6]!; out[7] = p[7]!;
      loadWords(ticketBlocks, 64 * i, words);
      compressWords(out, words);
      x ^= out[0]!;
    }
  }
  return x;
};
{ // The baseline hashes exactly the draw's messages: check row 0's row hash and ticket against the library.
  packedRows.copyWithin(0, ROOM, rowEnd[0]!);
  finishInPlace(rowPrefix, packedRows, rowEnd[0]! - ROOM, out, words);
  const p = tPrefix.state, t = new Int32Array(8);
  for (let j = 0; j < 8; j++) t[j] = p[j]!;
  loadWords(ticketBlocks, 0, words); compressWords(t, words);
  if (wordsHex(out) !== rowHashHex(canonicalRow(register[0]!, 0)) || wordsHex(t) !== wordsHex(new TicketHasher(tPrefix).hash(register[0]!.id))) throw new Error('baseline messages differ from the draw');
}
// This machine's speed drifts by ±15 % between runs (shared VM), so the share of the hash rate is measured in
// pairs: each round times the draw and the hash-only loop back to back, and the median of the per-round ratios is
// reported with its range. Absolute rates are the best of the rounds.
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
let drawSeconds = Infinity, hashSeconds = Infinity, digestSeconds = Infinity;
const pairedShares: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const d = best(1, () => drawTargets(register, undirected, { seed })).seconds;
  const h = best(1, hashAlone).seconds;
  pairedShares.push(h / d);
  drawSeconds = Math.min(drawSeconds, d);
  hashSeconds = Math.min(hashSeconds, h);
  digestSeconds = Math.min(digestSeconds, best(1, () => registerDigest(register)).seconds);
}
pairedShares.sort((a, b) => a - b);
const medianShare = pairedShares[Math.floor(pairedShares.length / 2)]!;
const drawRate = N / drawSeconds, hashRate = N / hashSeconds;
emit('draw.undirected', { entities: N, k: K, seconds: +drawSeconds.toFixed(3), entitiesPerSecond: Math.round(drawRate) }, `${Math.round(drawRate).toLocaleString('en-US')} entities/s (k=${K}, N=${N}, best of ${ROUNDS}; every row canonicalised, every id checked for duplicates)`);
emit('hash.sameMessages.ours', { entities: N, seconds: +hashSeconds.toFixed(3), entitiesPerSecond: Math.round(hashRate), drawShareOfHashRate: +medianShare.toFixed(3), drawShareMin: +pairedShares[0]!.toFixed(3), drawShareMax: +pairedShares[pairedShares.length - 1]!.toFixed(3), rounds: ROUNDS },
  `${Math.round(hashRate).toLocaleString('en-US')} entities/s hashing only (row + 7 lanes + ticket, pre-encoded); the draw runs at ${(100 * medianShare).toFixed(1)} % of that (median of ${ROUNDS} paired rounds, range ${(100 * pairedShares[0]!).toFixed(1)}–${(100 * pairedShares[pairedShares.length - 1]!).toFixed(1)} %; target ≥ 70 %)`);
// Where the draw's time goes: the register digest alone (public registerDigest: encode each row, 9 compressions,
// the 2048-bit sum) and what the draw adds on top of it (canonical id, filter, ticket, heap).
const beyondDigest = drawSeconds - digestSeconds;
emit('draw.undirected.breakdown', { entities: N, digestEntitiesPerSecond: Math.round(N / digestSeconds), digestShareOfDraw: +(digestSeconds / drawSeconds).toFixed(3), restEntitiesPerSecond: Math.round(N / beyondDigest) },
  `registerDigest alone ${Math.round(N / digestSeconds).toLocaleString('en-US')} entities/s = ${(100 * digestSeconds / drawSeconds).toFixed(0)} % of the draw's time; the rest (id, filter, ticket, selection) alone would run at ${Math.round(N / beyondDigest).toLocaleString('en-US')} entities/s`);
const ticketOnly = best(3, () => { let x = 0; for (let i = 0; i < N; i++) { const id = ids[i]!; finishWords(tPrefix, id, id.length, out, scratch, words); x ^= out[0]!; } return x; });
emit('hash.ticketsOnly.ours', { entities: N, entitiesPerSecond: Math.round(N / ticketOnly.seconds) }, `${Math.round(N / ticketOnly.seconds).toLocaleString('en-US')} tickets/s (one compression each, from the midstate)`);

// 3. node:crypto on the same messages (bench only; the core stays browser-safe).
const M = Math.min(N, 200_000);
const prefixBytes = (() => { const w = new ByteWriter(128); w.ascii('shuangsuiji/ticket/v1'); w.byte(0); w.bytes(new Uint8Array(Buffer.from(seed.seed, 'hex'))); w.lp(label); w.padTo64(); return w.copy(); })();
const laneBlocks = Array.from({ length: 7 }, (_, j) => { const w = new ByteWriter(64); w.ascii(LANE_TAG); w.byte(j + 1); w.padTo64(); return w.copy(); });
const nodeHash = best(2, () => {
  let x = 0;
  for (let i = 0; i < M; i++) {
    const r = createHash('sha256').update(rowBlock.view()).update(packedRows.subarray(i === 0 ? ROOM : rowEnd[i - 1]!, rowEnd[i]!)).digest();
    for (let j = 1; j < 8; j++) x ^= createHash('sha256').update(laneBlocks[j - 1]!).update(r).digest()[0]!;
    x ^= createHash('sha256').update(prefixBytes).update(ids[i]!).digest()[0]!;
  }
  return x;
});
emit('hash.sameMessages.nodeCrypto', { entities: M, entitiesPerSecond: Math.round(M / nodeHash.seconds), oursOverNode: +((hashRate) / (M / nodeHash.seconds)).toFixed(2) },
  `${Math.round(M / nodeHash.seconds).toLocaleString('en-US')} entities/s with node:crypto createHash (9 hashes per entity, no midstates); ours is ${(hashRate / (M / nodeHash.seconds)).toFixed(2)}×`);
const nodeTicket = best(2, () => { let x = 0; for (let i = 0; i < M; i++) x ^= createHash('sha256').update(prefixBytes).update(ids[i]!).digest()[0]!; return x; });
emit('hash.ticketsOnly.nodeCrypto', { entities: M, entitiesPerSecond: Math.round(M / nodeTicket.seconds) }, `${Math.round(M / nodeTicket.seconds).toLocaleString('en-US')} tickets/s with node:crypto`);
ids.length = 0;

// 4. Stratified and risk-weighted draws (two passes each).
const stratified: DrawSpec = { label, stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.01 }, B: { ratio: 0.02 }, C: { ratio: 0.1 }, D: { ratio: 0.3 } } } };
const s = best(2, () => drawTargets(register, stratified, { seed }));
emit('draw.stratified', { entities: N, selected: s.value.selected.length, seconds: +s.seconds.toFixed(3), entitiesPerSecond: Math.round(N / s.seconds) }, `${Math.round(N / s.seconds).toLocaleString('en-US')} entities/s (A 1 %, B 2 %, C 10 %, D 30 %; ${s.value.selected.length} drawn)`);
const weighted: DrawSpec = { label, size: { count: K }, weights: { byRiskClass: { A: 1, B: 2, C: 5, D: 10 }, byList: { 'abnormal-operations': 2 }, complaints: { perComplaint: 0.5 } } };
const w = best(2, () => drawTargets(register, weighted, { seed }));
emit('draw.weighted', { entities: N, selected: w.value.selected.length, seconds: +w.seconds.toFixed(3), entitiesPerSecond: Math.round(N / w.seconds) }, `${Math.round(N / w.seconds).toLocaleString('en-US')} entities/s (Pareto πps, k=${K})`);
register.length = 0;

