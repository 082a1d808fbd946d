import type { DeadlineSubject } from './collect-milestones.js';
import { evaluateDeadlines, type DeadlineStatus, type EvaluateDeadlinesOptions } from './evaluate-deadlines.js';

/**
 * 逾期查询 — the deadlines overdue as of `options.asOf` (clock started, due date passed, no stop event yet),
 * most overdue first within the order of {@link evaluateDeadlines}.
 *
 * @param subjects - 时限对象: tasks and targets with their dated events, as {@link collectMilestones} returns them
 * @param options - as for {@link evaluateDeadlines}: `asOf`, the calendar and the policy
 * ({@link EvaluateDeadlinesOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * const calendar = createWorkCalendar();
 * for (const s of listOverdue(collectMilestones(tasks, results), { asOf: '2025-04-01', calendar })) {
 *   console.log(`${s.taskId} ${s.targetId ?? ''} due ${s.due} — ${s.daysLate} days late`);
 * }
 * ```
 */
export function listOverdue(subjects: readonly DeadlineSubject[], options: EvaluateDeadlinesOptions): DeadlineStatus[] {
  return evaluateDeadlines(subjects, options).filter((s) => s.state === 'overdue');
}
