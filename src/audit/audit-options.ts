import type { AuditField } from './audit-field.js';
import type { MonteCarloOptions } from './monte-carlo-options.js';

/**
 * 审计设置 — options of {@link auditDrawHistory}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditOptions } from 'shuangsuiji';
 * const options: AuditOptions = {
 *   alpha: 0.01,
 *   fields: ['regionCode', 'supervisingUnit'],
 *   focusGroups: [{ label: '投诉举报多的企业', ids: ['E12', 'E907'] }],
 * };
 * ```
 */
export interface AuditOptions {
  /**
   * Significance level α of the whole report (after correction).
   * @defaultValue `0.05`
   */
  readonly alpha?: number;
  /**
   * Multiple-comparison correction. `holm` bounds the chance of any false finding in a fair history by α
   * under any dependence between the tests; `benjamini-hochberg` bounds the expected share of false findings.
   * @defaultValue `'holm'`
   */
  readonly correction?: 'holm' | 'benjamini-hochberg';
  /**
   * Fields tested for over- or under-representation (a field that stratifies every draw is skipped).
   * @defaultValue `['regionCode', 'supervisingUnit', 'industry']`
   */
  readonly fields?: readonly AuditField[];
  /**
   * 重点名单 — named sets of entity ids the auditor suspects (e.g. favoured firms); each is tested for being
   * drawn less or more than its inclusion probabilities say.
   * @defaultValue `[]`
   */
  readonly focusGroups?: readonly { readonly label: string; readonly ids: readonly string[] }[];
  /**
   * Chi-square cells with a smaller expected count are pooled (the usual rule of 5).
   * @defaultValue `5`
   */
  readonly minExpectedCount?: number;
  /**
   * Monte-Carlo settings for weighted designs.
   * @defaultValue `{ replications: 1000, seed: 'shuangsuiji-audit' }`
   */
  readonly monteCarlo?: MonteCarloOptions;
}
