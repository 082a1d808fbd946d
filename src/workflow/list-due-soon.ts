import type { DeadlineSubject } from './collect-milestones.js';
import { evaluateDeadlines, type DeadlineStatus, type EvaluateDeadlinesOptions } from './evaluate-deadlines.js';

/**
 * 即将到期查询 — open deadlines due on or before the `dueSoonWorkdays`-th working day after `options.asOf`
 * (default 3), earliest first.
 *
 * @param subjects - 时限对象: tasks and targets with their dated events, as {@link collectMilestones} returns them
 * @param options - as for {@link evaluateDeadlines}: `asOf`, the calendar, the policy and `dueSoonWorkdays`
 * ({@link EvaluateDeadlinesOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * const calendar = createWorkCalendar();
 * for (const s of listDueSoon(collectMilestones(tasks, results), { asOf: '2025-02-18', calendar })) {
 *   console.log(`${s.taskId} ${s.targetId ?? ''} due ${s.due}`);
 * }
 * ```
 */
export function listDueSoon(subjects: readonly DeadlineSubject[], options: EvaluateDeadlinesOptions): DeadlineStatus[] {
  return evaluateDeadlines(subjects, options).filter((s) => s.state === 'due-soon');
}
