import { ShuangsuijiError } from '../errors.js';
import type { SpotCheckTask } from './spot-check-task.js';
import type { TaskTransition } from './task-transition.js';
import { tryTransitionTask, type TransitionTaskOptions } from './try-transition-task.js';

/**
 * Applies a transition and returns the new task; throws a `ShuangsuijiError` whose `code` is the first
 * problem's code (all problems in `details.issues`) when the transition is refused. See
 * {@link tryTransitionTask} for the rules and codes. Pure: the input task is unchanged.
 *
 * @param task - 抽查任务: the task to move on (never changed)
 * @param transition - 状态变更: the target state, its date and the facts it needs ({@link TaskTransition})
 * @param options - the minimum team size and the 检查结果分类 tree ({@link TransitionTaskOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[]; // from deriveTasks
 * let task = tasks[0]!;                                    // 待抽取
 * task = transitionTask(task, { to: 'drawn', date: '2025-03-03', targetIds: ['E1'] });
 * task = transitionTask(task, { to: 'matched', date: '2025-03-04', assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'X2'] }] });
 * console.log(task.state, task.history.length); // matched 2
 * transitionTask(task, { to: 'published', date: '2025-03-05' }); // throws TASK_TRANSITION_NOT_ALLOWED
 * ```
 */
export function transitionTask(
  task: SpotCheckTask,
  transition: TaskTransition,
  options: TransitionTaskOptions = {},
): SpotCheckTask {
  const result = tryTransitionTask(task, transition, options);
  if (result.success) return result.data;
  const first = result.issues[0];
  const more = result.issues.length > 1 ? `（共 ${result.issues.length} 个问题）` : '';
  const moreEn = result.issues.length > 1 ? ` (${result.issues.length} problems)` : '';
  throw new ShuangsuijiError(
    first?.code ?? 'TASK_TRANSITION_INVALID',
    `${first?.messageZh ?? '状态变更无效'}${more}`,
    `${first?.messageEn ?? 'invalid transition'}${moreEn}`,
    { path: first?.path ?? [], details: { taskId: task.id, issues: result.issues } },
  );
}
