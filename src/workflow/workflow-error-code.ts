import type { DeriveTasksIssueCode } from './derive-tasks-issue-code.js';
import type { InspectionResultIssueCode } from './inspection-result-issue-code.js';
import type { ResultCategoryTreeIssueCode } from './result-category-tree-issue-code.js';
import type { TaskTransitionIssueCode } from './task-transition-issue-code.js';

/**
 * The codes of the {@link ShuangsuijiError}s the workflow functions throw. An argument read through its schema
 * throws its first problem's code (a shape code such as `UNKNOWN_FIELD` or `INVALID_TYPE`, input that is not plain
 * data, a category tree's or a transition's issue code); the rest name the refusal (`TASK_NOT_DRAWABLE`,
 * `BATCH_COUNT_INVALID`, `INVALID_CALENDAR` …), and a calendar's own refusals (`INVALID_DATE`,
 * `CALENDAR_OUT_OF_RANGE`) pass through, as do the draw's refusals of a register row or a population filter
 * ({@link drawInputsForTask} counts the population with {@link countPopulation}).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * try {
 *   splitPeriodIntoBatches({ start: '2025-01-01', end: '2025-01-02' }, 3);
 * } catch (error) {
 *   const codes: readonly WorkflowErrorCode[] = ['BATCH_COUNT_INVALID', 'PERIOD_INVALID'];
 *   if (isShuangsuijiError(error, codes)) console.log(error.code); // BATCH_COUNT_INVALID
 * }
 * ```
 */
export type WorkflowErrorCode =
  | DeriveTasksIssueCode
  | InspectionResultIssueCode
  | ResultCategoryTreeIssueCode
  | TaskTransitionIssueCode
  | 'INVALID_ARGUMENT'
  | 'INVALID_OPTION'
  | 'INVALID_CALENDAR'
  | 'INVALID_DATE'
  | 'CALENDAR_OUT_OF_RANGE'
  | 'INVALID_RATIO'
  | 'INVALID_SIZE'
  | 'PERIOD_INVALID'
  | 'BATCH_COUNT_INVALID'
  | 'BATCH_INDEX_INVALID'
  | 'DEDUP_DEPARTMENT_DUPLICATE'
  | 'DEADLINE_AMOUNT_INVALID'
  | 'DEADLINE_DEPARTMENT_DUPLICATE'
  | 'DEADLINE_RULE_ID_DUPLICATE'
  | 'DEADLINE_UNIT_INVALID'
  | 'DUE_SOON_WINDOW_INVALID'
  | 'TASK_ID_DUPLICATE'
  | 'TASK_NOT_DRAWABLE'
  | 'TASK_NOT_DRAWN'
  | 'ENTITY_ID_DUPLICATE'
  | 'INSPECTOR_ID_DUPLICATE'
  | 'DRAW_TARGET_UNKNOWN'
  | 'MILESTONE_DUPLICATE'
  | 'MILESTONE_TASK_UNKNOWN'
  | 'MILESTONE_TARGET_UNKNOWN'
  | 'NOTICE_DUPLICATE_KEY'
  | 'NOTICE_ROW_LENGTH'
  | 'RESULT_TASK_UNKNOWN'
  | 'RESULT_TASK_CANCELLED'
  | 'RESULT_TARGET_UNKNOWN'
  | 'CATEGORY_TREE_INVALID'
  | 'INVALID_ID'
  | 'INVALID_ENTITY'
  | 'DUPLICATE_ID'
  | 'INVALID_FILTER'
  | 'UNKNOWN_FILTER_FIELD';
