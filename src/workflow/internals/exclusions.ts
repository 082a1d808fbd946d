/** 年度内不重复抽查 over checked tasks (the logic of `annualExclusions`, shared with `drawInputsForTask`). */
import type { Entity } from '../../models/entity.js';
import type { SpotCheckTask } from '../spot-check-task.js';
import { compareCodeUnits } from './exact.js';

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

/** `annualExclusions` of checked arguments. */
export function exclusionsOf(task: SpotCheckTask, tasks: readonly SpotCheckTask[], entities: readonly Pick<Entity, 'id' | 'riskClass'>[]): string[] {
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
