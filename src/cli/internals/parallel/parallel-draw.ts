/**
 * A draw, or its verification, over a file read by several threads, through the shard protocol (issue 16 §1):
 * each range is a part, summarised where it is read; the summaries merge into the record of one pass over the
 * file (`finishShardedDraw` over merged summaries is byte-identical to `drawTargets` over the union). Draws whose
 * sizes need counts (ratios, strata, weights) take two rounds: counts, then candidates with the merged plan.
 * Any refusal of the library sends the command back to one thread, which reports it exactly as without workers.
 */
import type { DrawRecord, DrawResult, DrawSeed, PastInspection } from '../../../draw/draw-record.js';
import type { DrawSpec } from '../../../draw/draw-spec.js';
import { finishShardedDraw, mergeShardSummaries, planShardedDraw, shardRounds, type ShardCandidatesSummary, type ShardCountsSummary, type ShardPlan, type ShardSummary } from '../../../draw/index.js';
import { compare, isObject, prepareVerification, RowWatcher } from '../../../draw/internals/verify.js';
import type { VerifyResult } from '../../../draw/verify-result.js';
import type { ProgressCallback } from '../problems.js';
import type { RegisterReading } from '../register-reading.js';
import type { RangeResult } from './protocol.js';
import { anyDuplicate, roundFailed, withRanges, type Parallel, type ParallelChoice } from './parallel-reading.js';

/**
 * The draw's seed, commitment and history, as `drawTargets` takes them.
 *
 * @example
 * ```ts
 * const options: ParallelDrawOptions = { seed: seedFromDice('31415926535897932384') };
 * ```
 */
export interface ParallelDrawOptions {
  readonly seed: DrawSeed | string;
  readonly commitment?: { readonly hash: string; readonly salt?: string };
  readonly history?: readonly PastInspection[];
}

/** The result of the rounds: the draw, the rows read, the watched rows' hashes (in file order). */
interface Rounds {
  readonly result: DrawResult;
  readonly rows: number;
  readonly found: readonly (readonly [string, string])[];
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** Runs the rounds of the draw `spec` over the ranges of `file`. */
async function rounds(file: string, reading: RegisterReading, choice: ParallelChoice, onProgress: ProgressCallback, spec: DrawSpec, options: ParallelDrawOptions, watch: readonly string[] | null): Promise<Parallel<Rounds>> {
  // A spec the library refuses is refused by one thread, before any is started.
  const count = attempt(() => shardRounds(spec));
  if (count === undefined) return { ok: false, reason: 'refused' };
  return withRanges<Rounds>(file, reading, choice, onProgress, async (session) => {
    const base = {
      seed: options.seed,
      ...(options.commitment === undefined ? {} : { commitment: options.commitment }),
      ...(options.history === undefined ? {} : { history: options.history }),
    };
    const summaries = (results: readonly RangeResult[]): ShardSummary[] => results.map((r) => r.summary as ShardSummary);
    let first: readonly RangeResult[] | undefined;
    let plan: ShardPlan | undefined;
    if (count === 2) {
      const counts = await session.round({ kind: 'shard', spec, options: { ...base, round: 'counts' }, guard: true, watch });
      if (!counts.ok) return roundFailed(counts);
      first = counts.results;
      if (anyDuplicate(first.map((r) => r.ids))) return { reason: 'duplicate' };
      const parts = summaries(first);
      plan = attempt(() => planShardedDraw(mergeShardSummaries(parts) as ShardCountsSummary));
      if (plan === undefined) return { reason: 'refused' };
    }
    const candidates = await session.round({
      kind: 'shard', spec, options: { ...base, round: 'candidates', ...(plan === undefined ? {} : { plan }) }, guard: first === undefined, watch: first === undefined ? watch : null,
    });
    if (!candidates.ok) return roundFailed(candidates);
    if (first === undefined) {
      first = candidates.results;
      if (anyDuplicate(first.map((r) => r.ids))) return { reason: 'duplicate' };
    }
    const parts = summaries(candidates.results);
    const result = attempt(() => finishShardedDraw(mergeShardSummaries(parts) as ShardCandidatesSummary));
    if (result === undefined) return { reason: 'refused' };
    const rows = first.reduce((n, r) => n + r.rows, 0);
    return { value: { result, rows, found: first.flatMap((r) => r.found) }, results: first };
  });
}

/**
 * `drawTargetsAsync` over the rows of `file` as the `draw` command reads them, or why one thread must read it.
 *
 * @example
 * ```ts
 * const r = await parallelDraw('register.csv', reading, { workers: 2, minBytes: 0 }, () => {}, spec, { seed });
 * if (r.ok) console.log(r.value.record.register.digest);
 * ```
 */
export async function parallelDraw(file: string, reading: RegisterReading, choice: ParallelChoice, onProgress: ProgressCallback, spec: DrawSpec, options: ParallelDrawOptions): Promise<Parallel<DrawResult>> {
  const r = await rounds(file, reading, choice, onProgress, spec, options, null);
  return r.ok ? { ok: true, value: r.value.result } : r;
}

/**
 * `verifyDrawAsync(record, rows, { history })` over the rows of `file` as the `verify` command reads them, with
 * the number of rows, or why one thread must read it (also for a record that fails before the register is read:
 * one thread reports it as always).
 *
 * @example
 * ```ts
 * const r = await parallelVerifyDraw('register.csv', reading, { workers: 2, minBytes: 0 }, () => {}, record, []);
 * if (r.ok) console.log(r.value.verdict.ok, r.value.rows);
 * ```
 */
export async function parallelVerifyDraw(
  file: string,
  reading: RegisterReading,
  choice: ParallelChoice,
  onProgress: ProgressCallback,
  record: DrawRecord,
  history: readonly PastInspection[],
): Promise<Parallel<{ readonly verdict: VerifyResult; readonly rows: number }>> {
  // As verifyDrawAsync: the record's own fields first; a record that fails there is left to one thread.
  const watcher = isObject(record) && Array.isArray((record as { selected?: unknown }).selected) ? new RowWatcher(record) : undefined;
  const engine = attempt(() => prepareVerification(record, history, watcher));
  if (engine === undefined || watcher === undefined || !('row' in engine)) return { ok: false, reason: 'verify-record' };
  const seed: DrawSeed | string = record.seedOrigin === null ? record.seed : { seed: record.seed, origin: record.seedOrigin };
  const commitment = record.seedCommitment === null ? undefined : { hash: record.seedCommitment.hash.toLowerCase(), salt: record.seedCommitment.salt };
  const r = await rounds(file, reading, choice, onProgress, record.spec, { seed, ...(commitment === undefined ? {} : { commitment }), history }, [...watcher.wanted.keys()]);
  if (!r.ok) return r;
  for (const [id, hash] of r.value.found) watcher.found.set(id, hash);
  return { ok: true, value: { verdict: compare(record, r.value.result, watcher), rows: r.value.rows } };
}
