import type { Entity } from '../models/entity.js';
import type { NormalizedDrawSpec } from './draw-spec.js';

/**
 * 种子来源 — how a seed was made, so that anyone can recompute it: 20+ decimal dice digits, several parties'
 * contributions in a stated order, or a public beacon value.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const origin: SeedOrigin = { method: 'dice', digits: '31415926535897932384' };
 * ```
 */
export type SeedOrigin =
  | { readonly method: 'dice'; readonly digits: string }
  | { readonly method: 'contributions'; readonly contributions: readonly SeedContribution[] }
  | { readonly method: 'beacon'; readonly source: string; readonly round: string; readonly value: string };

/**
 * One party's contribution to a combined seed (e.g. 纪检 observer, 公证员, the department).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const c: SeedContribution = { party: '公证处', value: '8f1c2a77e4d0b95a' };
 * ```
 */
export interface SeedContribution {
  /** Who contributed (unique within the list). */
  readonly party: string;
  /** The contributed value (any text; ideally published as a commitment first). */
  readonly value: string;
}

/**
 * 随机种子 — a 256-bit seed (64 lower-case hex characters) and how it was made.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * import { seedFromDice, type DrawSeed } from 'shuangsuiji';
 * const s: DrawSeed = seedFromDice('31415926535897932384');
 * console.log(s.seed.length); // 64
 * ```
 */
export interface DrawSeed {
  readonly seed: string;
  readonly origin: SeedOrigin;
}

/**
 * 往期检查记录 — one past inspection, for annual de-duplication (年度去重).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const h: PastInspection = { entityId: '91350100M000100Y43', date: '2025-03-02', department: '市场监管局', item: 'FOOD-01' };
 * ```
 */
export interface PastInspection {
  readonly entityId: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** 检查部门 — the department that inspected. */
  readonly department: string;
  /** 抽查事项 id. */
  readonly item: string;
}

/**
 * One drawn target: the entity, its ticket, stratum and design inclusion probability (exact "num/den" plus a
 * float for display only).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function line(t: SelectedTarget): string { return `${t.id} ${t.ticket.slice(0, 8)} p=${t.inclusionProbability}`; }
 * ```
 */
export interface SelectedTarget {
  readonly entity: Entity;
  /** Canonical (NFC) id. */
  readonly id: string;
  /** 256-bit ticket, 64 lower-case hex characters. */
  readonly ticket: string;
  /** Stratum value (`""` = field missing), or null when not stratified. */
  readonly stratum: string | null;
  /** Design inclusion probability, exact, `"num/den"`. */
  readonly inclusionProbability: string;
  /** The same as a float — for display, never for decisions. */
  readonly inclusionProbabilityApprox: number;
}

/**
 * Per-stratum facts of a draw (one entry with `stratum: null` when not stratified).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const s: StratumSummary = { stratum: 'D', population: 40, requested: 12, size: 12, certain: 0, selected: 12, weightScale: null };
 * ```
 */
export interface StratumSummary {
  readonly stratum: string | null;
  /** Entities of the stratum in the population (after filter and exclusions). */
  readonly population: number;
  /** Size the rule asked for. */
  readonly requested: number;
  /** Size drawn (requested, or the population under `take-all`). */
  readonly size: number;
  /** Units taken with certainty (risk-weighted draws). */
  readonly certain: number;
  readonly selected: number;
  /**
   * Risk-weighted draws only (else `null`): the scale `m/W` as a reduced fraction `"num/den"` — the size left
   * after the certainty units over their total weight (docs/spec.md §7.4). A unit of weight `w` has inclusion
   * probability `min(1, w·m/W)`, so any entity can work out its own from the record alone (`checkEntityOutcome`).
   */
  readonly weightScale: string | null;
}

/**
 * 抽取记录 — the plain-JSON record of a draw; `verifyDraw` recomputes all of it. See docs/spec.md "Record".
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function publish(record: DrawRecord): string { return JSON.stringify(record, null, 2); }
 * ```
 */
export interface DrawRecord {
  readonly format: 'shuangsuiji-draw-record';
  readonly algorithm: 'shuangsuiji-draw';
  readonly version: 1;
  readonly label: string;
  readonly seed: string;
  readonly seedOrigin: SeedOrigin | null;
  readonly seedCommitment: { readonly hash: string; readonly salt: string } | null;
  /** Digest and row count of the whole register; `eligible` = rows passing status and filter. */
  readonly register: { readonly digest: string; readonly size: number; readonly eligible: number };
  /** Digest of the inspection history given; `excluded` = eligible rows removed by the exclusion policy. */
  readonly exclusion: { readonly digest: string; readonly historySize: number; readonly excluded: number };
  readonly spec: NormalizedDrawSpec;
  readonly strata: readonly StratumSummary[];
  readonly selected: readonly {
    readonly id: string;
    readonly ticket: string;
    readonly stratum: string | null;
    readonly inclusionProbability: string;
    /** SHA-256 row hash, so verification can say which selected row changed. */
    readonly rowHash: string;
  }[];
}

/**
 * Result of {@link drawTargets}.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function ids(r: DrawResult): string[] { return r.selected.map((t) => t.id); }
 * ```
 */
export interface DrawResult {
  readonly selected: readonly SelectedTarget[];
  readonly record: DrawRecord;
}
