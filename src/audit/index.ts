/**
 * 抽取历史审计 — fairness tests over draw histories, design inclusion probabilities, Monte-Carlo checks.
 *
 * @module
 */
export { AuditEntitySchema } from './audit-entity.js';
export type { AuditEntity } from './audit-entity.js';
export { AuditFieldSchema } from './audit-field.js';
export type { AuditField } from './audit-field.js';
export type { AuditDrawFunction } from './audit-draw-function.js';
export type { AuditEffect, AuditFinding, AuditScope, AuditTestKind, CategoryCount } from './audit-finding.js';
export type { AuditOptions } from './audit-options.js';
export type { AuditReport } from './audit-report.js';
export { auditDrawHistory } from './audit-draw-history.js';
export { computeInclusionProbabilities } from './compute-inclusion-probabilities.js';
export { formatAuditReport } from './format-audit-report.js';
export type { FormatAuditReportOptions } from './format-audit-report.js';
export { HistoryDrawSchema } from './history-draw.js';
export type { HistoryDraw } from './history-draw.js';
export type { InclusionProbabilities } from './inclusion-probabilities.js';
export type { MonteCarloOptions } from './monte-carlo-options.js';
export { RegisterSnapshotSchema } from './register-snapshot.js';
export type { RegisterSnapshot } from './register-snapshot.js';
export { StatedDesignSchema } from './stated-design.js';
export type { StatedDesign } from './stated-design.js';
export { statedDesignFromDrawSpec } from './stated-design-from-draw-spec.js';
export type { AuditErrorCode } from './audit-error-code.js';
export type { AuditIssueCode } from './audit-issue-code.js';
