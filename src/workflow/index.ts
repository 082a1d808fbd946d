/**
 * 全流程与一公开 — the annual cycle: plans → draw tasks → state transitions → inspection results →
 * publication deadlines → public notices (CSV/JSON) → statistics.
 *
 * @module
 */
export { ALLOWED_TASK_TRANSITIONS } from './task-transitions.js';
export { TASK_STATE_LABELS } from './task-state.js';
export type { TaskState } from './task-state.js';
export type {
  AnnualDedupPolicy,
  SpotCheckTask,
  TaskAssignment,
  TaskDrawSpec,
  TaskPopulation,
  TaskSampleSize,
  TaskTransitionRecord,
} from './spot-check-task.js';
export type { TaskTransition } from './task-transition.js';
export { deriveTasks } from './derive-tasks.js';
export type { DeriveTasksOptions, DerivedTasks, SkippedPlanItem } from './derive-tasks.js';
export { splitPeriodIntoBatches } from './split-period-into-batches.js';
export type { SplitPeriodOptions } from './split-period-into-batches.js';
export { batchSampleSize } from './batch-sample-size.js';
export { annualExclusions } from './annual-exclusions.js';
export { tryTransitionTask } from './try-transition-task.js';
export type { TransitionTaskOptions } from './try-transition-task.js';
export { transitionTask } from './transition-task.js';
export { DEFAULT_RESULT_CATEGORY_TREE } from './result-category-tree.js';
export type { ResultCategoryNode } from './result-category-tree.js';
export { validateResultCategoryTree } from './validate-result-category-tree.js';
export type { EntityConduct, InspectionResult, Referral, SensitivityMark, SensitivityReason } from './inspection-result.js';
export { validateInspectionResults } from './validate-inspection-results.js';
export type { ValidateInspectionResultsOptions } from './validate-inspection-results.js';
export type { WorkCalendarLike } from './work-calendar-like.js';
export type { DeadlineEvent, DeadlineRule } from './deadline-rule.js';
export { DEFAULT_DEADLINE_RULES } from './default-deadline-rules.js';
export { DEADLINE_RULE_PRESETS } from './deadline-rule-presets.js';
export type { DeadlinePolicy } from './deadline-policy.js';
export { resolveDeadlineRules } from './resolve-deadline-rules.js';
export { computeDeadline } from './compute-deadline.js';
export { collectMilestones } from './collect-milestones.js';
export type { CollectMilestonesOptions, DeadlineSubject, Milestone } from './collect-milestones.js';
export { evaluateDeadlines } from './evaluate-deadlines.js';
export type { DeadlineState, DeadlineStatus, EvaluateDeadlinesOptions } from './evaluate-deadlines.js';
export { listOverdue } from './list-overdue.js';
export { listDueSoon } from './list-due-soon.js';
export type { NoticeColumn, NoticeMetaEntry, PublicNotice } from './public-notice.js';
export { buildPlanNotice } from './build-plan-notice.js';
export { buildDrawNotice } from './build-draw-notice.js';
export type { DrawNoticeFacts, DrawNoticeInput } from './build-draw-notice.js';
export { buildResultNotice } from './build-result-notice.js';
export type { ResultNoticeInput, ResultNoticeOptions } from './build-result-notice.js';
export { noticeToCsv } from './notice-to-csv.js';
export type { NoticeToCsvOptions } from './notice-to-csv.js';
export { noticeToJson } from './notice-to-json.js';
export type { NoticeToJsonOptions } from './notice-to-json.js';
export { computeStatistics } from './compute-statistics.js';
export type { CoverageRow, StatisticsInput, StatisticsOptions, WorkflowStatistics } from './compute-statistics.js';
export { drawInputsForTask } from './draw-inputs-for-task.js';
export type { DrawInputs } from './draw-inputs-for-task.js';
export type { WorkflowErrorCode } from './workflow-error-code.js';
export type { DeriveTasksIssueCode } from './derive-tasks-issue-code.js';
export type { InspectionResultIssueCode } from './inspection-result-issue-code.js';
export type { ResultCategoryTreeIssueCode } from './result-category-tree-issue-code.js';
export type { TaskTransitionIssueCode } from './task-transition-issue-code.js';
