import type { ExpertShortfall } from './expert-shortfall.js';
import type { MatchRecord } from './match-record.js';
import type { UnmatchedFacts } from './unmatched-facts.js';
import type { UnstaffableReason } from './unstaffable-reason.js';

/**
 * 检查组成员 — one inspector of a team (or one 专家 assisting it), with the rank at which the target's random
 * order (the candidate order, or for an expert the expert order) reached them.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const m: AssignedInspector = { inspectorId: 'I-03', department: '市场监管局', rank: 0, neighbour: false };
 * ```
 */
export interface AssignedInspector {
  /** The inspector's id. */
  readonly inspectorId: string;
  /** The inspector's department. */
  readonly department: string;
  /** Position in the target's candidate order, or for an expert in its expert order (0 = first). */
  readonly rank: number;
  /** True when the inspector comes from the neighbouring pool. */
  readonly neighbour: boolean;
}

/**
 * 检查组 — the team assigned to one target.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const ids = (a: TeamAssignment) => a.members.map((m) => m.inspectorId);
 * // The workflow's TaskAssignment carries experts apart from the enforcement inspectors:
 * const toTask = (a: TeamAssignment) => ({
 *   targetId: a.targetId,
 *   inspectorIds: ids(a),
 *   ...(a.experts === undefined ? {} : { expertIds: a.experts.map((m) => m.inspectorId) }),
 * });
 * ```
 */
export interface TeamAssignment {
  /** The target's id. */
  readonly targetId: string;
  /** The target's ticket (64 hex digits); targets are processed in ascending ticket order. */
  readonly targetTicket: string;
  /** True when the target may draw on the neighbouring pool (run 2 found it needs to, docs/spec.md §M6 step 3). */
  readonly usedNeighbourPool: boolean;
  /** Members in ascending rank: the enforcement inspectors (执法人员) only. */
  readonly members: readonly AssignedInspector[];
  /**
   * 专家 drawn to assist, in ascending expert rank; present only when `expertsPerTarget` ≥ 1 (possibly empty).
   * They are never among `members` and never count toward the team size.
   */
  readonly experts?: readonly AssignedInspector[];
  /** Present only when fewer experts than `expertsPerTarget` could be drawn: why, in Chinese and English. */
  readonly expertShortfall?: ExpertShortfall;
}

/**
 * 无法选派的检查对象 — a target that cannot be staffed, with the reason.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const say = (u: UnstaffableTarget) => `${u.targetId}: ${u.reason.messageZh}`;
 * ```
 */
export interface UnstaffableTarget {
  /** The target's id. */
  readonly targetId: string;
  /** The target's ticket. */
  readonly targetTicket: string;
  /** Why. */
  readonly reason: UnstaffableReason;
}

/**
 * 匹配结果 — the outcome of {@link matchInspectors} (or of a re-draw): the teams, the targets that
 * cannot be staffed and the verifiable record. JSON-serialisable.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const summary = (r: MatchResult) => `${r.assignments.length} staffed, ${r.unstaffable.length} not, ${r.unmatchedFacts.total} fact(s) naming nobody here`;
 * const expertGaps = (r: MatchResult) => r.assignments.filter((a) => a.expertShortfall !== undefined).map((a) => a.targetId);
 * ```
 */
export interface MatchResult {
  /** True when every target is staffed (with enforcement inspectors; experts do not enter into it). */
  readonly complete: boolean;
  /** Teams, in ascending target ticket. */
  readonly assignments: readonly TeamAssignment[];
  /** Targets that cannot be staffed, in ascending target ticket. */
  readonly unstaffable: readonly UnstaffableTarget[];
  /**
   * Fact rows (conflicts, relatives, recusal requests, history) naming no target or no inspector of this match:
   * counts and paths. Not part of the record (the facts are covered by the recusals digest). The only part of a
   * result that refers to positions in the input lists, so the only part a reordering of them changes.
   */
  readonly unmatchedFacts: UnmatchedFacts;
  /** The record to publish and verify. */
  readonly record: MatchRecord;
  /**
   * True when every staffed target has `expertsPerTarget` experts; present only when `expertsPerTarget` ≥ 1.
   * When false, the assignments short of experts carry an `expertShortfall`.
   */
  readonly expertsComplete?: boolean;
}
