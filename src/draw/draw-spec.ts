import type { ScalarFilterField, TargetFilter } from '../models/target-filter.js';
import type { EntityStatus, ListMembership, RiskClass } from '../models/vocabulary.js';

/**
 * A decimal read exactly: a JS number (by its shortest round-trip string) or a string `"0.07"`, `"7%"`, `"7/100"`.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const same: ExactDecimal[] = [0.07, '0.07', '7%', '7/100']; // all 7/100
 * ```
 */
export type ExactDecimal = number | string;

/**
 * 抽查数量规则 — a sample size: a fixed `count`, or a `ratio` of the population turned into a count by a stated
 * rounding rule (`up`: ⌈N·p⌉, so the drawn share is never below the ratio; `down`: ⌊N·p⌋; `half-up`: nearest,
 * halves up) and then raised to `minimum`.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const fivePercent: SizeRule = { ratio: 0.05, rounding: 'up', minimum: 1 };
 * const thirty: SizeRule = { count: 30 };
 * ```
 */
export type SizeRule =
  | { readonly count: number }
  | { readonly ratio: ExactDecimal; readonly rounding?: 'up' | 'down' | 'half-up'; readonly minimum?: number };

/**
 * 分层抽取 — stratification by a categorical field. `largest-remainder` splits the spec's total `size` across
 * strata in proportion to their populations (Hamilton's method; ties: larger stratum first, then stratum name in
 * code-point order). `per-stratum` gives each stratum its own rule (e.g. A 1 %, B 3 %, C 10 %, D 30 %);
 * strata without a rule use `otherStrata`, or size 0 — every stratum's size is written in the record.
 * Entities lacking the field form the stratum named `""` (empty string).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const henan: Stratification = {
 *   field: 'riskClass', allocation: 'per-stratum',
 *   sizes: { A: { ratio: 0.01 }, B: { ratio: 0.03 }, C: { ratio: 0.1 }, D: { ratio: 0.3 } },
 * };
 * ```
 */
export type Stratification =
  | { readonly field: ScalarFilterField; readonly allocation: 'largest-remainder' }
  | {
      readonly field: ScalarFilterField;
      readonly allocation: 'per-stratum';
      /**
       * Size per stratum value (`''` = entities lacking the field). For `riskClass`, `status` and `kind` a key
       * outside the vocabulary is refused (`INVALID_SPEC`) rather than silently drawing nothing; free-text fields
       * (`regionCode`, `industry` …) cannot be checked.
       */
      readonly sizes: Readonly<Record<string, SizeRule>> | readonly StratumSize[];
      /** Size for every stratum not named in `sizes`. @defaultValue none — such strata draw nothing */
      readonly otherStrata?: SizeRule;
    };

/**
 * One stratum's size rule, as a normalised spec lists per-stratum sizes: in code-point order of `stratum`
 * (a JSON object cannot keep integer-like keys such as region codes `'9'`, `'10'` in that order).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const d: StratumSize = { stratum: 'D', size: { ratio: '30%' } };
 * ```
 */
export interface StratumSize {
  readonly stratum: string;
  readonly size: SizeRule;
}

/**
 * {@link Stratification} as a normalised spec holds it: per-stratum sizes as a list in code-point order.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const s: NormalizedStratification = { field: 'riskClass', allocation: 'per-stratum', sizes: [{ stratum: 'A', size: { count: 1 } }] };
 * ```
 */
export type NormalizedStratification =
  | { readonly field: ScalarFilterField; readonly allocation: 'largest-remainder' }
  | { readonly field: ScalarFilterField; readonly allocation: 'per-stratum'; readonly sizes: readonly StratumSize[]; readonly otherStrata?: SizeRule };

/**
 * 风险加权 — declared weights; a weight means a target inclusion probability proportional to it (πps),
 * realised by Pareto order sampling. weight = base × Π(list factors of the entity's lists) × (1 + perComplaint ×
 * min(complaintCount, cap)), where base = `byRiskClass[riskClass ?? 'unclassified'] ?? default`.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const weights: WeightRule = { byRiskClass: { A: 1, B: 2, C: 5, D: 10 }, byList: { 'serious-violations': 2 } };
 * ```
 */
export interface WeightRule {
  /** Base weight per 信用风险分类; `unclassified` for entities without a class. */
  readonly byRiskClass?: Readonly<Partial<Record<RiskClass | 'unclassified', ExactDecimal>>>;
  /** Base weight when `byRiskClass` has no entry. @defaultValue 1 */
  readonly default?: ExactDecimal;
  /** Factor per 名单 membership (multiplied). */
  readonly byList?: Readonly<Partial<Record<ListMembership, ExactDecimal>>>;
  /** 投诉举报 rule: factor (1 + perComplaint × min(count, cap)). */
  readonly complaints?: { readonly perComplaint: ExactDecimal; readonly cap?: number };
}

/**
 * 年度去重 — which past inspections exclude an entity: one in calendar `year`, by one of `departments`
 * (`'any'` = any department; `[own]` = Liaoning's one-department-once rule), for one of `items` (`'any'`),
 * applied only to entities whose current risk class is in `riskClasses` (`'all'`, or e.g. `['A']` for
 * Guangdong's low-risk-only rule).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const policy: ExclusionPolicy = { year: 2025, departments: ['市场监管局'], items: 'any', riskClasses: 'all' };
 * ```
 */
export interface ExclusionPolicy {
  /** 年度 — the calendar year whose inspections count. */
  readonly year: number;
  /** 检查部门 — departments whose inspections count. @defaultValue 'any' */
  readonly departments?: 'any' | readonly string[];
  /** Items whose inspections count. @defaultValue 'any' */
  readonly items?: 'any' | readonly string[];
  /** Risk classes the rule applies to. @defaultValue 'all' */
  readonly riskClasses?: 'all' | readonly RiskClass[];
}

/**
 * 抽取规则 — the full, serialisable description of a draw. Written into the record as given after defaults
 * are filled in (see {@link NormalizedDrawSpec}).
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const spec: DrawSpec = {
 *   label: '2025 食品经营 第一批',
 *   population: { filter: [{ field: 'regionCode', op: 'startsWith', value: '4101' }] },
 *   size: { ratio: 0.05 },
 * };
 * ```
 */
export interface DrawSpec {
  /** 抽取标识 — the draw label hashed into every ticket (use a new label for every batch). */
  readonly label: string;
  /** 抽取范围 — statuses (default only 存续 `active`) and directed conditions (empty = 不定向). */
  readonly population?: { readonly statuses?: readonly EntityStatus[]; readonly filter?: TargetFilter };
  /** Total size; required unless stratified `per-stratum`. */
  readonly size?: SizeRule;
  /** When a (stratum) population is smaller than its size: take everyone, or fail. @defaultValue 'take-all' */
  readonly shortfall?: 'take-all' | 'error';
  /** 分层. */
  readonly stratification?: Stratification;
  /** 风险加权 (Pareto πps sampling within each stratum). */
  readonly weights?: WeightRule;
  /** 年度去重 — requires the inspection history in the options. */
  readonly exclusion?: ExclusionPolicy;
}

/**
 * A {@link DrawSpec} with every default filled in, as stored in the record.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const n: NormalizedDrawSpec = { label: 'x', population: { statuses: ['active'], filter: [] }, size: { count: 3 }, shortfall: 'take-all' };
 * ```
 */
export interface NormalizedDrawSpec {
  readonly label: string;
  readonly population: { readonly statuses: readonly EntityStatus[]; readonly filter: TargetFilter };
  readonly size?: SizeRule;
  readonly shortfall: 'take-all' | 'error';
  readonly stratification?: NormalizedStratification;
  readonly weights?: WeightRule;
  readonly exclusion?: ExclusionPolicy;
}
