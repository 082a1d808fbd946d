/**
 * Reading one register file with several worker threads (issue 16 §2): the plan (`byte-ranges.ts`), the pool
 * (`pool.ts`), and what the main thread merges — never rows, only each range's row count, digest sum or shard
 * summary, and its id fingerprints (transferred as `ArrayBuffer`s).
 *
 * The result is the single-thread result or nothing: a file that is not split, a problem in any range (a
 * malformed row, an unknown column …), a duplicate id or credit code anywhere (or a fingerprint collision, about
 * 2^-64 per pair), a refusal of the library or a failed thread each give `{ ok: false }`, and the command then
 * reads the file with one thread, exactly as without workers — so problems are reported with the same lines,
 * records and codes, and a refused draw with the same message. Credit codes are fingerprinted with the ids (once
 * when equal to the row's id) because the single-thread parser compares them within its batches of rows, which a
 * range does not reproduce: a credit code found twice, or equal to another row's id, is left to one thread.
 */
import type { RegisterRowReader } from '../../../readers/register-row-reader.js';
import type { ProgressCallback } from '../problems.js';
import type { RegisterReading } from '../register-reading.js';
import { planByteRanges, type ByteRangePlan, type SingleThreadReason } from './byte-ranges.js';
import { RangePool, type RoundOutcome } from './pool.js';
import type { RangeResult, RangeTask } from './protocol.js';

/**
 * How many threads read a file and from what size it is split.
 *
 * @example
 * ```ts
 * const choice: ParallelChoice = { workers: 2, minBytes: 0 };
 * ```
 */
export interface ParallelChoice {
  /** Threads (and ranges); 1: the single-thread path. */
  readonly workers: number;
  /** Files smaller than this are read by one thread (starting threads costs more than they save). */
  readonly minBytes: number;
}

/**
 * A parallel result, or why the file must be read by one thread.
 *
 * @example
 * ```ts
 * const r: Parallel<number> = { ok: false, reason: 'small' };
 * ```
 */
export type Parallel<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: SingleThreadReason; readonly detail?: string };

/**
 * A planned file with its running pool: `round` runs one task over every range.
 *
 * @example
 * ```ts
 * const outcome = await session.round({ kind: 'digest' });
 * ```
 */
export interface RangeSession {
  readonly plan: ByteRangePlan;
  round(task: RangeTask): Promise<RoundOutcome>;
}

/**
 * Plans `file` in ranges, starts the threads and runs `body`; the threads end whatever happens. On success the
 * command's `reading` is given the head's reader and the columns the ranges used (for its statement of what was
 * read) — only then, so that a single-thread reading after `{ ok: false }` starts from a fresh reading.
 *
 * @example
 * ```ts
 * const r = await withRanges('r.csv', reading, { workers: 2, minBytes: 0 }, () => {}, async (s) => ({ ok: true, value: s.plan.ranges.length }));
 * ```
 */
export async function withRanges<T>(
  file: string,
  reading: RegisterReading,
  choice: ParallelChoice,
  onProgress: ProgressCallback,
  body: (session: RangeSession) => Promise<{ readonly value: T; readonly results: readonly RangeResult[] } | { readonly reason: SingleThreadReason; readonly detail?: string }>,
): Promise<Parallel<T>> {
  if (choice.workers < 2) return { ok: false, reason: 'small' };
  const planned = await planByteRanges(file, reading, choice.workers, choice.minBytes);
  if ('reason' in planned) return { ok: false, reason: planned.reason };
  const { plan, reader } = planned;
  const pool = new RangePool(plan.ranges.length);
  try {
    const session: RangeSession = {
      plan,
      round: (task) => pool.round(plan.ranges.map((_, index) => ({ plan, index, choices: reading.choices, task })), onProgress, plan.size),
    };
    const outcome = await body(session);
    if ('reason' in outcome) return { ok: false, reason: outcome.reason, ...(outcome.detail === undefined ? {} : { detail: outcome.detail }) };
    commitReading(reading, reader, plan, outcome.results);
    return { ok: true, value: outcome.value };
  } finally {
    await pool.close();
  }
}

/** The command's reading states what the ranges read: the head's reader (encoding, BOM, separator, header) and the columns. */
function commitReading(reading: RegisterReading, reader: RegisterRowReader, plan: ByteRangePlan, results: readonly RangeResult[]): void {
  reading.attach(reader);
  const none = (): void => {};
  if (plan.format === 'csv') {
    reading.finish(none);
    return;
  }
  // JSON Lines: each column resolved in the order the whole file first shows it (ranges in file order).
  const seen = new Set<string>();
  for (const result of results) {
    for (const use of result.columns) {
      if (seen.has(use.column)) continue;
      seen.add(use.column);
      reading.mapRow({ line: 0, bytes: 0, fields: 1, row: { [use.column]: '' } }, none);
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Offsets of the high and low 32-bit words in a fingerprint pair, as `DuplicateGuard.takeSorted` sorts them. */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/** Merges two sorted fingerprint arrays; `undefined` when a fingerprint occurs twice. */
function mergeSorted(a: Uint32Array, b: Uint32Array): Uint32Array | undefined {
  const out = new Uint32Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  let ph = -1, pl = -1;
  while (i < a.length || j < b.length) {
    let h: number, l: number;
    if (j >= b.length || (i < a.length && (a[i + HI]! < b[j + HI]! || (a[i + HI] === b[j + HI] && a[i + LO]! <= b[j + LO]!)))) {
      h = a[i + HI]!; l = a[i + LO]!; i += 2;
    } else {
      h = b[j + HI]!; l = b[j + LO]!; j += 2;
    }
    if (h === ph && l === pl) return undefined;
    out[k + HI] = h; out[k + LO] = l; k += 2;
    ph = h; pl = l;
  }
  return out;
}

/**
 * Whether a fingerprint occurs twice among the ranges' sorted fingerprint arrays (a duplicate id or credit code, or
 * a collision: the single-thread reading then confirms or refuses it, naming the rows). Merged pairwise in tight
 * loops: the main thread's share of the work stays small.
 */
export function anyDuplicate(parts: readonly (Uint32Array | null)[]): boolean {
  let level = parts.filter((p): p is Uint32Array => p !== null && p.length > 0);
  // Each part alone: equal neighbours.
  for (const part of level) {
    for (let k = 2; k < part.length; k += 2) if (part[k] === part[k - 2] && part[k + 1] === part[k - 1]) return true;
  }
  while (level.length > 1) {
    const next: Uint32Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      if (i + 1 === level.length) {
        next.push(level[i]!);
        continue;
      }
      const merged = mergeSorted(level[i]!, level[i + 1]!);
      if (merged === undefined) return true;
      next.push(merged);
    }
    level = next;
  }
  return false;
}

/** The sum mod 2^2048 of the ranges' sums A (64 words of 32 bits each, most significant first). */
export function addSums(parts: readonly (readonly number[])[]): number[] {
  const sums = new Array<number>(64).fill(0);
  for (const part of parts) for (let i = 0; i < 64; i++) sums[i] = sums[i]! + part[i]!;
  let carry = 0;
  for (let i = 63; i >= 0; i--) {
    const v = sums[i]! + carry;
    const low = v % 4294967296;
    carry = (v - low) / 4294967296;
    sums[i] = low;
  }
  return sums;
}

/** Fails a round's outcome into the reason the single-thread reading is used. */
export function roundFailed(outcome: RoundOutcome & { ok: false }): { readonly reason: SingleThreadReason; readonly detail: string } {
  return { reason: outcome.reason, detail: outcome.detail };
}
