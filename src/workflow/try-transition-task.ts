import { ShuangsuijiError, type DataIssue, type ParseResult } from '../errors.js';
import { tryDayNumber } from '../internals/plain-date.js';
import { compareCodeUnits } from './internals/exact.js';
import type { ResultCategoryNode } from './result-category-tree.js';
import type { SpotCheckTask, TaskTransitionRecord } from './spot-check-task.js';
import { ALLOWED_TASK_TRANSITIONS } from './task-transitions.js';
import type { TaskTransition } from './task-transition.js';
import { TASK_STATE_LABELS } from './task-state.js';
import { validateInspectionResults } from './validate-inspection-results.js';

/**
 * Options of {@link tryTransitionTask} and `transitionTask`.
 *
 * @example
 * ```ts
 * const options: TransitionTaskOptions = { minInspectorsPerTarget: 2 };
 * ```
 */
export interface TransitionTaskOptions {
  /**
   * Minimum number of enforcement inspectors (执法检查人员) per target at 已匹配 (seed 002 (七): 不得少于两人);
   * an integer ≥ 2 (a department may require more, never fewer). Experts (`expertIds`) never count.
   * @defaultValue `2`
   */
  readonly minInspectorsPerTarget?: number;
  /**
   * The 检查结果分类 tree results are validated against at 已录入.
   * @defaultValue `DEFAULT_RESULT_CATEGORY_TREE`
   */
  readonly categoryTree?: readonly ResultCategoryNode[];
}

function issue(code: string, path: (string | number)[], messageZh: string, messageEn: string, received?: unknown): DataIssue {
  return received === undefined ? { code, path, messageZh, messageEn } : { code, path, messageZh, messageEn, received };
}

/**
 * Applies a transition to a task and returns the new task, or every reason it is refused. Pure: the input
 * task is never changed. The transition must be allowed ({@link ALLOWED_TASK_TRANSITIONS}), dated on or after
 * the previous transition, and carry consistent facts: distinct target ids (已抽取); exactly one team of at
 * least `minInspectorsPerTarget` distinct inspectors per target (已匹配); exactly one valid result for every
 * target × item, dated between the draw and the recording (已录入 — a target without a record is not done);
 * a reason (已取消).
 *
 * Codes: `TASK_TRANSITION_NOT_ALLOWED`, `TASK_DATE_INVALID`, `TASK_DATE_BEFORE_PREVIOUS`,
 * `TASK_TARGET_DUPLICATE`, `TASK_TARGET_ID_EMPTY`, `TASK_POPULATION_TOO_SMALL`, `TASK_ASSIGNMENT_UNKNOWN_TARGET`,
 * `TASK_ASSIGNMENT_DUPLICATE`, `TASK_ASSIGNMENT_MISSING`, `TASK_ASSIGNMENT_TOO_FEW_INSPECTORS`,
 * `TASK_ASSIGNMENT_INSPECTOR_REPEATED`, `TASK_ASSIGNMENT_EXPERT_AS_INSPECTOR` (专家 never count toward the minimum),
 * `TASK_RESULT_OTHER_TASK`, `TASK_RESULT_UNKNOWN_TARGET`,
 * `TASK_RESULT_UNKNOWN_ITEM`, `TASK_RESULT_MISSING`, `TASK_RESULT_BEFORE_DRAW`, `TASK_RESULT_AFTER_RECORDING`,
 * `TASK_CANCEL_REASON_MISSING`, and the `RESULT_*` codes of `validateInspectionResults` (under `results`).
 * Throws `INVALID_OPTION` when `minInspectorsPerTarget` is not an integer ≥ 2 (the rules' floor of two).
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask; // 待抽取
 * const attempt = tryTransitionTask(task, { to: 'published', date: '2025-03-01' });
 * if (!attempt.success) console.log(attempt.issues[0]?.code); // TASK_TRANSITION_NOT_ALLOWED (task is 待抽取)
 * ```
 */
export function tryTransitionTask(
  task: SpotCheckTask,
  transition: TaskTransition,
  options: TransitionTaskOptions = {},
): ParseResult<SpotCheckTask> {
  const issues: DataIssue[] = [];
  const from = task.state;
  const to = transition.to;
  if (!(ALLOWED_TASK_TRANSITIONS[from] ?? []).includes(to)) {
    const fromZh = TASK_STATE_LABELS[from]?.zh ?? String(from);
    const toZh = TASK_STATE_LABELS[to]?.zh ?? String(to);
    issues.push(issue('TASK_TRANSITION_NOT_ALLOWED', ['to'], `任务 ${task.id} 不能从“${fromZh}”变为“${toZh}”`, `task ${task.id} cannot go from ${from} to ${String(to)}`, { from, to }));
    return { success: false, issues };
  }
  const day = tryDayNumber(transition.date);
  if (day === undefined) {
    issues.push(issue('TASK_DATE_INVALID', ['date'], `状态变更日期无效：${String(transition.date)}`, `invalid transition date: ${String(transition.date)}`, transition.date));
    return { success: false, issues };
  }
  const last = task.history[task.history.length - 1];
  if (last !== undefined && day < (tryDayNumber(last.date) ?? day)) {
    issues.push(issue('TASK_DATE_BEFORE_PREVIOUS', ['date'], `状态变更日期 ${transition.date} 早于上一次变更 ${last.date}`, `transition date ${transition.date} is before the previous transition ${last.date}`, transition.date));
  }

  let next: SpotCheckTask = task;
  switch (transition.to) {
    case 'drawn': {
      const seen = new Set<string>();
      transition.targetIds.forEach((id, i) => {
        if (typeof id !== 'string' || id.length === 0) issues.push(issue('TASK_TARGET_ID_EMPTY', ['targetIds', i], '检查对象 id 为空', 'empty target id'));
        else if (seen.has(id)) issues.push(issue('TASK_TARGET_DUPLICATE', ['targetIds', i], `检查对象重复抽取：${id}`, `target drawn twice: ${id}`, id));
        seen.add(id);
      });
      if (transition.population !== undefined && transition.population.total < seen.size) {
        issues.push(issue('TASK_POPULATION_TOO_SMALL', ['population', 'total'], '抽取总体小于抽中数量', 'the population is smaller than the number drawn', transition.population.total));
      }
      next = {
        ...task,
        targetIds: [...seen].sort(compareCodeUnits),
        ...(transition.population !== undefined ? { population: transition.population } : {}),
        ...(transition.drawRecordDigest !== undefined ? { drawRecordDigest: transition.drawRecordDigest } : {}),
      };
      break;
    }
    case 'matched': {
      const min = options.minInspectorsPerTarget ?? 2;
      // 不得少于两人 is a floor set by the rules: a lower (or non-integer) minimum is refused, not applied.
      if (!Number.isSafeInteger(min) || min < 2) {
        throw new ShuangsuijiError('INVALID_OPTION', `每个检查对象的执法检查人员最少人数须为不小于 2 的整数：${String(min)}`, `minInspectorsPerTarget must be an integer of at least 2: ${String(min)}`, { path: ['minInspectorsPerTarget'] });
      }
      const targets = new Set(task.targetIds);
      const covered = new Set<string>();
      transition.assignments.forEach((a, i) => {
        if (!targets.has(a.targetId)) issues.push(issue('TASK_ASSIGNMENT_UNKNOWN_TARGET', ['assignments', i, 'targetId'], `分派的检查对象不在本任务抽中名单内：${a.targetId}`, `assigned target not drawn by this task: ${a.targetId}`, a.targetId));
        else if (covered.has(a.targetId)) issues.push(issue('TASK_ASSIGNMENT_DUPLICATE', ['assignments', i, 'targetId'], `检查对象被分派两次：${a.targetId}`, `target assigned twice: ${a.targetId}`, a.targetId));
        covered.add(a.targetId);
        const team = new Set(a.inspectorIds);
        if (team.size !== a.inspectorIds.length) issues.push(issue('TASK_ASSIGNMENT_INSPECTOR_REPEATED', ['assignments', i, 'inspectorIds'], '同一检查组中执法人员重复', 'an inspector appears twice in one team'));
        // Experts assist but never count toward the minimum: an id listed as both is reported and not counted.
        (a.expertIds ?? []).forEach((expert, j) => {
          if (!team.has(expert)) return;
          team.delete(expert);
          issues.push(issue('TASK_ASSIGNMENT_EXPERT_AS_INSPECTOR', ['assignments', i, 'expertIds', j], `专家不能同时列为执法检查人员：${expert}`, `an expert cannot also be listed as an enforcement inspector: ${expert}`, expert));
        });
        if (team.size < min) issues.push(issue('TASK_ASSIGNMENT_TOO_FEW_INSPECTORS', ['assignments', i, 'inspectorIds'], `执法检查人员不得少于 ${min} 人（检查对象 ${a.targetId}）`, `at least ${min} enforcement inspectors are required (target ${a.targetId})`, team.size));
      });
      for (const id of task.targetIds) {
        if (!covered.has(id)) issues.push(issue('TASK_ASSIGNMENT_MISSING', ['assignments'], `检查对象未分派执法人员：${id}`, `no inspectors assigned to target ${id}`, id));
      }
      const assignments = [...transition.assignments]
        .map((a) => ({ ...a, inspectorIds: [...a.inspectorIds].sort(compareCodeUnits) }))
        .sort((x, y) => compareCodeUnits(x.targetId, y.targetId));
      next = { ...task, assignments };
      break;
    }
    case 'recorded': {
      const valid = validateInspectionResults(
        transition.results,
        options.categoryTree === undefined ? {} : { categoryTree: options.categoryTree },
      );
      if (!valid.success) for (const i of valid.issues) issues.push({ ...i, path: ['results', ...i.path] });
      const targets = new Set(task.targetIds);
      const items = new Set(task.itemIds);
      const drawnEntry = task.history.find((h) => h.to === 'drawn');
      const drawnDay = drawnEntry === undefined ? undefined : tryDayNumber(drawnEntry.date);
      const have = new Set<string>();
      transition.results.forEach((r, i) => {
        if (r.taskId !== task.id) issues.push(issue('TASK_RESULT_OTHER_TASK', ['results', i, 'taskId'], `检查结果属于其他任务：${r.taskId}`, `the result belongs to another task: ${r.taskId}`, r.taskId));
        if (!targets.has(r.targetId)) issues.push(issue('TASK_RESULT_UNKNOWN_TARGET', ['results', i, 'targetId'], `检查对象不在本任务抽中名单内：${r.targetId}`, `target not drawn by this task: ${r.targetId}`, r.targetId));
        if (!items.has(r.itemId)) issues.push(issue('TASK_RESULT_UNKNOWN_ITEM', ['results', i, 'itemId'], `抽查事项不属于本任务：${r.itemId}`, `item not part of this task: ${r.itemId}`, r.itemId));
        have.add(`${r.targetId}\u0000${r.itemId}`);
        for (const field of ['inspectionDate', 'resultDate'] as const) {
          const d = tryDayNumber(r[field]);
          if (d === undefined) continue;
          if (drawnDay !== undefined && d < drawnDay) issues.push(issue('TASK_RESULT_BEFORE_DRAW', ['results', i, field], `检查日期 ${r[field] ?? ''} 早于抽取日期 ${drawnEntry?.date ?? ''}`, `date ${r[field] ?? ''} is before the draw on ${drawnEntry?.date ?? ''}`, r[field]));
          if (d > day) issues.push(issue('TASK_RESULT_AFTER_RECORDING', ['results', i, field], `检查日期 ${r[field] ?? ''} 晚于录入日期 ${transition.date}`, `date ${r[field] ?? ''} is after the recording date ${transition.date}`, r[field]));
        }
      });
      for (const targetId of task.targetIds) {
        for (const itemId of task.itemIds) {
          if (!have.has(`${targetId}\u0000${itemId}`)) {
            issues.push(issue('TASK_RESULT_MISSING', ['results'], `检查对象 ${targetId} 的事项 ${itemId} 没有检查记录，视为未完成`, `no record for target ${targetId}, item ${itemId}: not done`, { targetId, itemId }));
          }
        }
      }
      break;
    }
    case 'cancelled': {
      if (typeof transition.reason !== 'string' || transition.reason.trim().length === 0) {
        issues.push(issue('TASK_CANCEL_REASON_MISSING', ['reason'], '取消任务须说明原因', 'cancelling a task needs a reason'));
      }
      next = { ...task, cancellationReason: transition.reason };
      break;
    }
    default:
      break;
  }
  if (issues.length > 0) return { success: false, issues };
  const record: TaskTransitionRecord =
    transition.note === undefined ? { from, to, date: transition.date } : { from, to, date: transition.date, note: transition.note };
  return { success: true, data: { ...next, state: to, history: [...task.history, record] } };
}
