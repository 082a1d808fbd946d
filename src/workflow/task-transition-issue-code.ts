import type { InspectionResultIssueCode } from './inspection-result-issue-code.js';

/**
 * The codes of the issues {@link tryTransitionTask} returns (and {@link transitionTask} throws, the first one):
 * the transition's shape, a change of state the task's state does not allow, dates, the drawn targets, the
 * assignments, the results of a `recorded` transition ({@link InspectionResultIssueCode}) and a cancellation
 * without a reason.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask;
 * const next = tryTransitionTask(task, { to: 'published', date: '2025-03-25' });
 * const notAllowed: TaskTransitionIssueCode = 'TASK_TRANSITION_NOT_ALLOWED';
 * if (!next.success && next.issues[0]?.code === notAllowed) console.log('publish after recording the results');
 * ```
 */
export type TaskTransitionIssueCode =
  | InspectionResultIssueCode
  | 'UNKNOWN_FIELD'
  | 'MISSING_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_VALUE'
  | 'INVALID_DATE'
  | 'TASK_TRANSITION_INVALID'
  | 'TASK_TRANSITION_NOT_ALLOWED'
  | 'TASK_DATE_INVALID'
  | 'TASK_DATE_BEFORE_PREVIOUS'
  | 'TASK_TARGET_ID_EMPTY'
  | 'TASK_TARGET_DUPLICATE'
  | 'TASK_POPULATION_TOO_SMALL'
  | 'TASK_ASSIGNMENT_MISSING'
  | 'TASK_ASSIGNMENT_DUPLICATE'
  | 'TASK_ASSIGNMENT_UNKNOWN_TARGET'
  | 'TASK_ASSIGNMENT_TOO_FEW_INSPECTORS'
  | 'TASK_ASSIGNMENT_INSPECTOR_REPEATED'
  | 'TASK_ASSIGNMENT_EXPERT_AS_INSPECTOR'
  | 'TASK_RESULT_MISSING'
  | 'TASK_RESULT_OTHER_TASK'
  | 'TASK_RESULT_UNKNOWN_TARGET'
  | 'TASK_RESULT_UNKNOWN_ITEM'
  | 'TASK_RESULT_BEFORE_DRAW'
  | 'TASK_RESULT_AFTER_RECORDING'
  | 'TASK_CANCEL_REASON_MISSING';
