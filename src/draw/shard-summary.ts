import type { Entity } from '../models/entity.js';
import type { DrawOptions } from './draw-options.js';
import type { PastInspection, SeedOrigin } from './draw-record.js';
import type { NormalizedDrawSpec } from './draw-spec.js';

/**
 * What binds a shard summary to one draw (docs/spec.md §13.2): the seed and how it was made, the normalised
 * spec (its `label` is the draw label) and the digest and size of the inspection history every part applied.
 * Summaries merge only when their bindings are identical (`SHARD_MISMATCH` otherwise).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function sameDraw(a: ShardDrawBinding, b: ShardDrawBinding): boolean { return JSON.stringify(a) === JSON.stringify(b); }
 * ```
 */
export interface ShardDrawBinding {
  /** 随机种子, 64 lower-case hex characters. */
  readonly seed: string;
  readonly seedOrigin: SeedOrigin | null;
  readonly seedCommitment: { readonly hash: string; readonly salt: string } | null;
  readonly spec: NormalizedDrawSpec;
  /** The exclusion (history) digest (§5) and the number of history entries. */
  readonly history: { readonly digest: string; readonly size: number };
}

/**
 * 分片计数摘要 — round 1 of a two-round sharded draw (docs/spec.md §13.3): the part's register sum and counts,
 * its population per stratum and, for weighted draws, how many units carry each weight.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function rows(s: ShardCountsSummary): number { return s.register.size; }
 * ```
 */
export interface ShardCountsSummary {
  readonly format: 'shuangsuiji-shard-summary';
  readonly version: 1;
  readonly round: 'counts';
  readonly draw: ShardDrawBinding;
  /** `accumulator`: the register sum A of §4.3 as 512 lower-case hex characters; `size` rows, `eligible` rows. */
  readonly register: { readonly accumulator: string; readonly size: number; readonly eligible: number };
  /** Eligible rows excluded by the history (§7.5). */
  readonly excluded: number;
  /** Strata with at least one unit, in code-point order (`stratum: null` when the draw is not stratified). */
  readonly strata: readonly {
    readonly stratum: string | null;
    readonly population: number;
    /** Weighted draws: each weight `"num/den"` (reduced, code-point order) with its number of units; else null. */
    readonly weights: readonly { readonly weight: string; readonly count: number }[] | null;
  }[];
}

/**
 * 分片计划 — what every part needs for round 2 of a two-round sharded draw: the merged counts and, per stratum,
 * the sizes, certainty units, weight scale and λ of every weight (docs/spec.md §13.4). Made by
 * {@link planShardedDraw}; every field is recomputed from `counts` wherever a plan is read.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function sizes(plan: ShardPlan): number[] { return plan.strata.map((s) => s.size); }
 * ```
 */
export interface ShardPlan {
  readonly format: 'shuangsuiji-shard-plan';
  readonly version: 1;
  /** The merged counts summary of every part. */
  readonly counts: ShardCountsSummary;
  /** Every stratum of the draw, in code-point order, with the fields of the record's strata (§8) and the λ. */
  readonly strata: readonly {
    readonly stratum: string | null;
    readonly population: number;
    readonly requested: number;
    readonly size: number;
    readonly certain: number;
    readonly weightScale: string | null;
    /** Weighted draws: λ `"num/den"` of each weight of the counts (1 = certain, 0 = never); else null. */
    readonly lambdas: readonly { readonly weight: string; readonly lambda: string }[] | null;
  }[];
}

/**
 * One kept candidate of a shard summary: canonical id, ticket, row hash and the row itself (plain JSON), so the
 * merging party can recompute the ticket, the row hash, the population test, the stratum and the weight.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function short(c: ShardCandidate): string { return `${c.id} ${c.ticket.slice(0, 8)}`; }
 * ```
 */
export interface ShardCandidate {
  readonly id: string;
  /** 64 lower-case hex characters (§3). */
  readonly ticket: string;
  /** 64 lower-case hex characters (§4.2). */
  readonly rowHash: string;
  /** The register row as plain JSON (fields the draw does not read may be left out before summarising). */
  readonly entity: Entity;
}

/**
 * 分片候选摘要 — the candidates round (docs/spec.md §13.5): the part's counts and, per stratum, its certainty
 * units and its best candidates (at most as many as the stratum can select).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function kept(s: ShardCandidatesSummary): number { return s.strata.reduce((n, st) => n + st.candidates.length, 0); }
 * ```
 */
export interface ShardCandidatesSummary {
  readonly format: 'shuangsuiji-shard-summary';
  readonly version: 1;
  readonly round: 'candidates';
  readonly draw: ShardDrawBinding;
  /** The plan of a two-round draw; null for a one-round draw. */
  readonly plan: ShardPlan | null;
  /** `accumulator` as in the counts round for a one-round draw; null in a two-round draw (the plan holds it). */
  readonly register: { readonly accumulator: string | null; readonly size: number; readonly eligible: number };
  readonly excluded: number;
  /** One-round draw: the one stratum (null); two-round draw: every stratum of the plan, in its order. */
  readonly strata: readonly {
    readonly stratum: string | null;
    readonly population: number;
    /** Certainty units (weighted draws), in ticket order. */
    readonly certain: readonly ShardCandidate[];
    /** The best candidates, in selection order. */
    readonly candidates: readonly ShardCandidate[];
  }[];
}

/**
 * 分片摘要 — a plain-JSON summary of one part of a register (or of several merged), docs/spec.md §13.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function isCounts(s: ShardSummary): s is ShardCountsSummary { return s.round === 'counts'; }
 * ```
 */
export type ShardSummary = ShardCountsSummary | ShardCandidatesSummary;

/**
 * Options of {@link summarizeShard}: the draw's options (the same on every part) and the round. Any other key is
 * refused (`INVALID_OPTION`).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const options: ShardOptions = { seed: seedFromDice('31415926535897932384'), round: 'candidates' };
 * ```
 */
export interface ShardOptions extends DrawOptions {
  /**
   * `counts` (round 1 of a two-round draw, see {@link shardRounds}) or `candidates`.
   * @defaultValue none — required
   */
  readonly round: 'counts' | 'candidates';
  /**
   * The plan from {@link planShardedDraw}: required for the candidates round of a two-round draw, refused otherwise.
   * @defaultValue undefined
   */
  readonly plan?: ShardPlan;
  /** 往期检查记录 — the same on every part. @defaultValue [] */
  readonly history?: readonly PastInspection[];
}
