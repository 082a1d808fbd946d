import type { AuditFinding } from './audit-finding.js';

/**
 * 审计报告 — the result of {@link auditDrawHistory}: plain JSON. Render it with {@link formatAuditReport}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditReport } from 'shuangsuiji';
 * const verdict = (report: AuditReport) => (report.significantCount === 0 ? 'consistent' : 'inconsistent');
 * ```
 */
export interface AuditReport {
  /** Significance level α. */
  readonly alpha: number;
  /** The multiple-comparison correction used over all tests of the report. */
  readonly correction: 'holm' | 'benjamini-hochberg';
  /** Number of draws audited. */
  readonly drawCount: number;
  /** Labels of the draws, in the order the report uses (by year, then label). */
  readonly drawLabels: readonly string[];
  /** Distinct entities over all snapshots used. */
  readonly entityCount: number;
  /** Selections over all draws. */
  readonly selectionCount: number;
  /** How the design inclusion probabilities were obtained. */
  readonly inclusionProbabilities: {
    /** `exact` (n_h/N_h, simple designs), `monte-carlo` (weighted designs), or `mixed`. */
    readonly method: 'exact' | 'monte-carlo' | 'mixed';
    /** Monte-Carlo replications per weighted draw; `null` when all were exact. */
    readonly replications: number | null;
    /** Largest standard error of an estimated inclusion probability (0 when exact). */
    readonly maxStandardError: number;
  };
  /** Every test, in a fixed order (by kind, then id). */
  readonly tests: readonly AuditFinding[];
  /** How many tests are significant after correction. */
  readonly significantCount: number;
  /** 中文摘要. */
  readonly summaryZh: string;
  /** English summary. */
  readonly summaryEn: string;
}
