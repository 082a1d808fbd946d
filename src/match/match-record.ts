import type { ExpertShortfall } from './expert-shortfall.js';
import type { DayOfRecusal } from './redraw-for-recusal.js';

/**
 * 匹配记录 — the plain-JSON record of a match: enough, with the inputs, to recompute and check it
 * ({@link verifyMatch}). Byte-level definitions in docs/spec.md (Part II).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const header = (r: MatchRecord) => `${r.algorithm} v${r.version} seed=${r.seed} label=${r.label}`;
 * ```
 */
export interface MatchRecord {
  /** Algorithm id: `shuangsuiji-match` (like the draw's `shuangsuiji-draw`). */
  readonly algorithm: 'shuangsuiji-match';
  /** Algorithm version: 1. */
  readonly version: 1;
  /** 随机种子. */
  readonly seed: string;
  /** 抽取标签. */
  readonly label: string;
  /** The normalised rules. */
  readonly rules: NormalisedMatchRules;
  /** Order-independent digests of the inputs (64 hex digits each). */
  readonly digests: {
    readonly targets: string;
    readonly inspectors: string;
    readonly neighbourInspectors: string;
    readonly recusals: string;
  };
  /** Teams as first matched, ascending target ticket. */
  readonly assignments: readonly RecordedAssignment[];
  /** Targets that could not be staffed by the first match, ascending target ticket, with the code. */
  readonly unstaffable: readonly { readonly targetId: string; readonly targetTicket: string; readonly code: string }[];
  /** Re-draws after recusal, in the order they happened. */
  readonly redraws: readonly RecordedRedraw[];
}

/**
 * Normalised rules as recorded (sorted lists, explicit defaults).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const joint = (r: NormalisedMatchRules) => r.cooperatingDepartments.length > 0;
 * const expertsAsked = (r: NormalisedMatchRules) => r.expertsPerTarget ?? 0;
 * ```
 */
export interface NormalisedMatchRules {
  readonly date: string;
  readonly department: string;
  readonly cooperatingDepartments: readonly string[];
  /** `[department, minimum]` pairs, sorted by department, minimums ≥ 1 only. */
  readonly departmentMinimums: readonly (readonly [string, number])[];
  readonly teamSize: number;
  readonly requiredExpertise: readonly string[];
  readonly maxTargetsPerInspector: number | null;
  readonly crossUnit: boolean;
  readonly rotationYears: number;
  /** 专家 per target; present only when ≥ 1 (a record without experts has no such key). */
  readonly expertsPerTarget?: number;
  /** Specialties every drawn expert holds (sorted, unique); present only when non-empty. */
  readonly requiredExpertExpertise?: readonly string[];
}

/**
 * One recorded team.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const first = (a: RecordedAssignment) => a.inspectorIds[0];
 * const experts = (a: RecordedAssignment) => a.expertIds ?? [];
 * ```
 */
export interface RecordedAssignment {
  readonly targetId: string;
  readonly targetTicket: string;
  /** The run whose candidate order the ranks refer to: 1 = local pool, 2 = local and neighbouring pool. */
  readonly stage: 1 | 2;
  /** True when neighbouring inspectors were allowed for this target (run 2 found it needs them, docs/spec.md §M6 step 3). */
  readonly neighbourAllowed: boolean;
  /** Member ids in ascending rank. */
  readonly inspectorIds: readonly string[];
  /** Their ranks in the target's candidate order. */
  readonly ranks: readonly number[];
  /** 专家 ids in ascending expert rank; present only when `rules.expertsPerTarget` ≥ 1 (possibly empty). */
  readonly expertIds?: readonly string[];
  /** Their ranks in the target's expert order (docs/spec.md §M11); present with `expertIds`. */
  readonly expertRanks?: readonly number[];
  /** Present only when fewer experts than `expertsPerTarget` were drawn: `TOO_FEW_EXPERTS` or `EXPERT_WORKLOAD_EXHAUSTED`. */
  readonly expertShortfall?: ExpertShortfall['code'];
}

/**
 * One recorded re-draw after a recusal on the day.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const replaced = (r: RecordedRedraw) => `${r.inspectorId} → ${r.inspectorIds.join(',')} + ${(r.expertIds ?? []).join(',')}`;
 * ```
 */
export interface RecordedRedraw {
  readonly targetId: string;
  /** The inspector who recused. */
  readonly inspectorId: string;
  /** 回避事由 from the day-of vocabulary (docs/spec.md §M9). */
  readonly ground: DayOfRecusal['ground'];
  /** The free-text note given with the recusal; present only when one was given. */
  readonly note?: string;
  /** The team after the re-draw (ascending rank), empty when no team could be formed. */
  readonly inspectorIds: readonly string[];
  readonly ranks: readonly number[];
  /** The target's 专家 after the re-draw (ascending expert rank); present only when `rules.expertsPerTarget` ≥ 1. */
  readonly expertIds?: readonly string[];
  /** Their ranks in the target's expert order; present with `expertIds`. */
  readonly expertRanks?: readonly number[];
}
