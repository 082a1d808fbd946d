import type { Entity } from '../models/entity.js';
import { exclusionsOf } from './internals/exclusions.js';
import { requireEntityRisks, requireTask, requireTasks } from './internals/tasks.js';
import type { SpotCheckTask } from './spot-check-task.js';

/**
 * 年度内不重复抽查 — the entity ids a task must exclude before drawing, from the targets of the other tasks
 * already drawn (state 已抽取 or later, not 已取消):
 * - targets of the earlier batches of the same round are always excluded (batches never repeat a target);
 * - otherwise, per the task's `spec.annualDedup`: targets of tasks of the same year, by any department
 *   (`any-department`) or by a task sharing a department (`same-department`), restricted to entities of
 *   `riskClasses` when given (an entity not in `entities` then has no known class and is not excluded).
 *
 * Returns sorted, distinct ids — pass them to the draw as its exclusions. The arguments are checked first (the task
 * shape, task ids `TASK_ID_DUPLICATE` and entity ids `ENTITY_ID_DUPLICATE` unique, no unknown keys).
 *
 * @param task - 抽查任务: the task about to be drawn ({@link SpotCheckTask})
 * @param tasks - the year's other tasks (those already drawn are read; the task itself may be among them)
 * @param entities - 检查对象名录库 rows with their `id` and `riskClass`, needed only when the de-duplication is restricted to
 * some risk classes
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const batch2Task: SpotCheckTask; // 第二批, still 待抽取
 * declare const allTasks: readonly SpotCheckTask[];
 * declare const register: readonly Entity[];
 * const exclude = annualExclusions(batch2Task, allTasks, register);
 * // e.g. ['91…', …] — the entities drawn by batch 1 and by other departments this year
 * ```
 */
export function annualExclusions(
  task: SpotCheckTask,
  tasks: readonly SpotCheckTask[],
  entities: readonly Pick<Entity, 'id' | 'riskClass'>[] = [],
): string[] {
  return exclusionsOf(requireTask(task, ['task']), requireTasks(tasks, ['tasks']), requireEntityRisks(entities, ['entities']));
}
