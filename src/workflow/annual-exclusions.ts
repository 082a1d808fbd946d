import type { Entity } from '../models/entity.js';
import { compareCodeUnits } from './internals/exact.js';
import type { SpotCheckTask } from './spot-check-task.js';

function sameRound(a: SpotCheckTask, b: SpotCheckTask): boolean {
  return (
    a.planId === b.planId &&
    a.round.index === b.round.index &&
    a.itemIds.length === b.itemIds.length &&
    a.itemIds.every((id, i) => id === b.itemIds[i])
  );
}

function departments(task: SpotCheckTask): string[] {
  return [task.initiatingDepartment, ...task.cooperatingDepartments];
}

/**
 * 年度内不重复抽查 — the entity ids a task must exclude before drawing, from the targets of the other tasks
 * already drawn (state 已抽取 or later, not 已取消):
 * - targets of the earlier batches of the same round are always excluded (batches never repeat a target);
 * - otherwise, per the task's `spec.annualDedup`: targets of tasks of the same year, by any department
 *   (`any-department`) or by a task sharing a department (`same-department`), restricted to entities of
 *   `riskClasses` when given (an entity not in `entities` then has no known class and is not excluded).
 *
 * Returns sorted, distinct ids — pass them to the draw as its exclusions.
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
  const policy = task.spec.annualDedup;
  const riskOf = new Map<string, string | undefined>();
  for (const e of entities) riskOf.set(e.id, e.riskClass);
  const mine = new Set(departments(task));
  const out = new Set<string>();
  for (const other of tasks) {
    if (other.id === task.id || other.state === 'to-draw' || other.state === 'cancelled') continue;
    if (sameRound(task, other)) {
      for (const id of other.targetIds) out.add(id);
      continue;
    }
    if (policy.scope === 'none' || other.year !== task.year) continue;
    if (policy.scope === 'same-department' && !departments(other).some((d) => mine.has(d))) continue;
    for (const id of other.targetIds) {
      if (policy.riskClasses !== undefined) {
        const risk = riskOf.get(id);
        if (risk === undefined || !(policy.riskClasses as readonly string[]).includes(risk)) continue;
      }
      out.add(id);
    }
  }
  return [...out].sort(compareCodeUnits);
}
