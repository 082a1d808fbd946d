import type { AuditField } from './audit-field.js';

/**
 * 检验类别 — the kinds of test in an audit report:
 * - `stratum-rate`: 各层抽取比例 — one draw's selection rate in one stratum against the stated ratio (exact binomial);
 * - `representation`: 分布检验 — are a field's categories (regions, units, industries) drawn in proportion to
 *   their population shares within the strata? (Pearson chi-square over all draws);
 * - `category-rate`: one category of such a field, over all draws (exact binomial);
 * - `focus-group`: a named set of entities supplied by the auditor (exact binomial);
 * - `repeat-distribution`: how many entities were drawn 0, 1, 2, … times over the history, against their
 *   inclusion probabilities (Pearson chi-square);
 * - `entity-repeat`: the most-repeated entity, against its own inclusion probabilities (Poisson-binomial tail,
 *   Bonferroni over all entities).
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditTestKind } from 'shuangsuiji';
 * const kind: AuditTestKind = 'representation';
 * ```
 */
export type AuditTestKind =
  | 'stratum-rate'
  | 'representation'
  | 'category-rate'
  | 'focus-group'
  | 'repeat-distribution'
  | 'entity-repeat';

/**
 * 检验范围 — what a test is about. Only the keys that apply are present.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditScope } from 'shuangsuiji';
 * const scope: AuditScope = { field: 'regionCode', category: '410402' };
 * ```
 */
export interface AuditScope {
  /** The draw label (`stratum-rate`). */
  readonly draw?: string;
  /** The stratum value (`stratum-rate`); `all` for an unstratified design. */
  readonly stratum?: string;
  /** The field tested (`representation`, `category-rate`). */
  readonly field?: AuditField;
  /** The category value (`category-rate`); `(missing)` for entities without the field. */
  readonly category?: string;
  /** The focus group label (`focus-group`). */
  readonly group?: string;
  /** The entity id (`entity-repeat`). */
  readonly entityId?: string;
}

/**
 * One row of a breakdown: a category (or a repeat count class) with its observed and expected counts.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { CategoryCount } from 'shuangsuiji';
 * const row: CategoryCount = { category: '410402', observed: 60, expected: 30, rateRatio: 2 };
 * ```
 */
export interface CategoryCount {
  /** Category value, or the count class (`0`, `1`, `2+` …) for `repeat-distribution`. */
  readonly category: string;
  /** Observed selections (entities, for `repeat-distribution`). */
  readonly observed: number;
  /** Expected under the stated design. */
  readonly expected: number;
  /** observed / expected; `null` when nothing was expected. */
  readonly rateRatio: number | null;
}

/**
 * 效应量 — how strong a finding is, beside how sure.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditEffect } from 'shuangsuiji';
 * const effect: AuditEffect = { rateRatio: 0.5, difference: -45 };
 * ```
 */
export interface AuditEffect {
  /** observed / expected (the rate ratio); `null` for chi-square tests and when nothing was expected. */
  readonly rateRatio: number | null;
  /** observed − expected (counts); for chi-square tests, the largest category difference. */
  readonly difference: number;
  /** Cohen's w = √(χ² / n) for chi-square tests (0.1 small, 0.3 medium, 0.5 large). */
  readonly cohensW?: number;
  /** The per-category (or per-count-class) breakdown of a chi-square test, most deviating first. */
  readonly categories?: readonly CategoryCount[];
  /** Monte-Carlo standard error of `expected`, when the inclusion probabilities were estimated. */
  readonly expectedStandardError?: number;
}

/**
 * 检验结果 — one test of an audit: what was tested, observed against expected, the raw and the adjusted
 * p-value, whether it is significant at the report's α after the multiple-comparison correction, the effect
 * size, and a sentence in Chinese and in English.
 *
 * For binomial tests `observed`/`expected` are counts of selections. For chi-square tests `observed` is the
 * statistic χ² and `expected` its mean under the stated design (the degrees of freedom); the counts are in
 * `effect.categories`.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditFinding } from 'shuangsuiji';
 * const flagged = (tests: readonly AuditFinding[]) => tests.filter((t) => t.significant).map((t) => t.messageEn);
 * ```
 */
export interface AuditFinding {
  /** A stable id, e.g. `category-rate:regionCode:410402`. */
  readonly id: string;
  /** The kind of test. */
  readonly kind: AuditTestKind;
  /** What the test is about. */
  readonly scope: AuditScope;
  /** The method: `exact-binomial`, `pearson-chi-square` or `poisson-binomial-bonferroni`. */
  readonly method: 'exact-binomial' | 'pearson-chi-square' | 'poisson-binomial-bonferroni';
  /** Observed count, or χ² (see above). */
  readonly observed: number;
  /** Expected count, or the degrees of freedom (see above). */
  readonly expected: number;
  /** Trials of a binomial test (entity-draws); degrees of freedom of a chi-square test. */
  readonly trials: number;
  /** Unadjusted p-value. */
  readonly pValue: number;
  /** p-value after the report's multiple-comparison correction. */
  readonly adjustedPValue: number;
  /** adjustedPValue ≤ α. */
  readonly significant: boolean;
  /** Effect sizes. */
  readonly effect: AuditEffect;
  /** 中文说明. */
  readonly messageZh: string;
  /** English message. */
  readonly messageEn: string;
}
