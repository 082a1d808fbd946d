import type { DeadlineSubject } from './collect-milestones.js';
import { evaluateDeadlines, type DeadlineStatus, type EvaluateDeadlinesOptions } from './evaluate-deadlines.js';

/**
 * 逾期查询 — the deadlines overdue as of `options.asOf` (clock started, due date passed, no stop event yet),
 * most overdue first within the order of {@link evaluateDeadlines}.
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
