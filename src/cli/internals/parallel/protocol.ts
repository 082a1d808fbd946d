/**
 * The messages between the main thread and the worker threads of a parallel reading: one job per range, one
 * answer per job (progress messages before it). Everything is structured-cloned; fingerprint arrays are
 * transferred, not copied.
 */
import type { DrawSpec } from '../../../draw/draw-spec.js';
import type { ColumnUse, ReadingChoices } from '../register-reading.js';
import type { ByteRangePlan } from './byte-ranges.js';

/**
 * What a worker computes over its range: the register digest's part (`digest`), or a shard summary of a draw
 * (`shard`, issue 16 §1; `options` are the shard options of that round).
 *
 * @example
 * ```ts
 * const task: RangeTask = { kind: 'digest' };
 * ```
 */
export type RangeTask =
  | { readonly kind: 'digest' }
  | {
      readonly kind: 'shard';
      readonly spec: DrawSpec;
      readonly options: Readonly<Record<string, unknown>>;
      /** Record the id and credit-code fingerprints (the first read of the range). */
      readonly guard: boolean;
      /** Ids whose row hashes to report (verification: the ids the record selected), or null. */
      readonly watch: readonly string[] | null;
    };

/**
 * One job: read range `index` of `plan` with the command's reading options, and compute `task`.
 *
 * @example
 * ```ts
 * const job: RangeJob = { plan, index: 0, choices: { encoding: undefined, headers: {}, ignore: [] }, task: { kind: 'digest' } };
 * ```
 */
export interface RangeJob {
  readonly plan: ByteRangePlan;
  readonly index: number;
  readonly choices: ReadingChoices;
  readonly task: RangeTask;
}

/**
 * A worker's answer for one range.
 *
 * @example
 * ```ts
 * const done: RangeResult = { rows: 3, columns: [], ids: null, sum: null, summary: null, found: [] };
 * ```
 */
export interface RangeResult {
  readonly rows: number;
  /** The columns its rows used, in the order first seen. */
  readonly columns: readonly ColumnUse[];
  /**
   * Fingerprints of the canonical ids and of the credit codes that differ from their row's id, sorted (see
   * `DuplicateGuard.takeSorted`).
   */
  readonly ids: Uint32Array | null;
  /** `digest`: the sum A of the range's rows, 64 words. */
  readonly sum: readonly number[] | null;
  /** `shard`: the range's shard summary. */
  readonly summary: unknown;
  /** `shard` with `watch`: [id, row hash] of the watched ids found in the range. */
  readonly found: readonly (readonly [string, string])[];
}

/**
 * A message from a worker.
 *
 * @example
 * ```ts
 * const m: WorkerMessage = { type: 'progress', rows: 16384, bytes: 4_000_000 };
 * ```
 */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly rows: number; readonly bytes: number }
  | { readonly type: 'done'; readonly result: RangeResult }
  /** A problem of the input (or a refusal of the library): the single-thread reading reports it. */
  | { readonly type: 'problem'; readonly code: string }
  /** Anything else (a bug, the file gone): the single-thread reading is used too. */
  | { readonly type: 'failed'; readonly name: string; readonly message: string };
