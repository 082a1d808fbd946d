import * as z from 'zod';
import { ShuangsuijiError, type DataIssue, type ParseResult } from '../errors.js';
import type { TaskTransitionIssueCode } from './task-transition-issue-code.js';
import type { ZodShapeIssueCode } from '../internals/zod-issues.js';
import { tryDayNumber } from '../internals/plain-date.js';
import { parseOptions, safeParseArgument, shown } from './internals/arguments.js';
import { requireCategoryTree } from './internals/category-tree.js';
import { detach } from './internals/detach.js';
import { compareCodeUnits } from './internals/exact.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { inspectResults } from './internals/results.js';
import { TaskAssignmentSchema, TaskPopulationSchema } from './internals/shapes.js';
import { requireTask } from './internals/tasks.js';
import type { ResultCategoryNode } from './result-category-tree.js';
import type { SpotCheckTask, TaskAssignment, TaskPopulation, TaskTransitionRecord } from './spot-check-task.js';
import { ALLOWED_TASK_TRANSITIONS } from './task-transitions.js';
import type { TaskTransition } from './task-transition.js';
import { TASK_STATE_LABELS, type TaskState } from './task-state.js';

/**
 * Options of {@link tryTransitionTask} and `transitionTask`.
 *
 * @group Workflow
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

/** The keys a transition to each state may have. */
const TRANSITION_KEYS: Readonly<Record<TaskState, readonly string[]>> = {
  'to-draw': ['to', 'date', 'note'],
  drawn: ['to', 'date', 'targetIds', 'population', 'drawRecordDigest', 'note'],
  matched: ['to', 'date', 'assignments', 'note'],
  inspecting: ['to', 'date', 'note'],
  recorded: ['to', 'date', 'results', 'note'],
  published: ['to', 'date', 'note'],
  cancelled: ['to', 'date', 'reason', 'note'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(code: TaskTransitionIssueCode, path: (string | number)[], messageZh: string, messageEn: string, received?: unknown): DataIssue<TaskTransitionIssueCode> {
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
 * The transition itself is read strictly: not an object `TASK_TRANSITION_INVALID`, a key the target state does not
 * take `UNKNOWN_FIELD`, a mistyped `note`, `targetIds` or `drawRecordDigest` `INVALID_TYPE`, and the shape codes of
 * `population` and `assignments` (`MISSING_FIELD`, `INVALID_TYPE`, `UNKNOWN_FIELD` …).
 * Throws `INVALID_OPTION` when `minInspectorsPerTarget` is not an integer ≥ 2 (the rules' floor of two), and a coded
 * error for a task that is not a task (the shape `deriveTasks` makes), an unknown option or a category tree that
 * fails `validateResultCategoryTree`.
 *
 * @param task - 抽查任务: the task to move on (never changed)
 * @param transition - 状态变更: the target state, its date and the facts it needs ({@link TaskTransition})
 * @param options - the minimum team size and the 检查结果分类 tree ({@link TransitionTaskOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
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
): ParseResult<SpotCheckTask, TaskTransitionIssueCode> {
  const current = requireTask(task, ['task']);
  const checkedOptions = parseOptions<{ minInspectorsPerTarget?: unknown; categoryTree?: unknown }>(OptionsSchemas.transition, options, { zh: '状态变更选项', en: 'transition options' });
  const min = checkedOptions.minInspectorsPerTarget ?? 2;
  // 不得少于两人 is a floor set by the rules: a lower (or non-integer) minimum is refused, not applied.
  if (typeof min !== 'number' || !Number.isSafeInteger(min) || min < 2) {
    throw new ShuangsuijiError('INVALID_OPTION', `每个检查对象的执法检查人员最少人数须为不小于 2 的整数：${shown(min)}`, `minInspectorsPerTarget must be an integer of at least 2: ${shown(min)}`, { path: ['minInspectorsPerTarget'] });
  }
  const tree = requireCategoryTree(checkedOptions.categoryTree, ['categoryTree']);
  const issues: DataIssue<TaskTransitionIssueCode>[] = [];
  const detached = detach(transition);
  if (!detached.ok) return { success: false, issues: [detached.issue] };
  const step = detached.value;
  if (!isRecord(step)) {
    issues.push(issue('TASK_TRANSITION_INVALID', [], `状态变更应为 { to, date, … } 对象，收到 ${shown(step)}`, `a transition must be an object { to, date, … }, got ${shown(step)}`));
    return { success: false, issues };
  }
  const from = current.state;
  const to = step['to'];
  if (typeof to !== 'string' || !(ALLOWED_TASK_TRANSITIONS[from] ?? []).includes(to as TaskState)) {
    const fromZh = TASK_STATE_LABELS[from].zh;
    const known = typeof to === 'string' && Object.hasOwn(TASK_STATE_LABELS, to);
    const toZh = known ? TASK_STATE_LABELS[to as TaskState].zh : shown(to);
    issues.push(issue('TASK_TRANSITION_NOT_ALLOWED', ['to'], `任务 ${current.id} 不能从“${fromZh}”变为“${toZh}”`, `task ${current.id} cannot go from ${from} to ${known ? (to as string) : shown(to)}`, { from, to: known ? (to as string) : shown(to) }));
    return { success: false, issues };
  }
  const target = to as TaskState;
  for (const key of Object.keys(step).sort()) {
    if (!TRANSITION_KEYS[target].includes(key)) {
      issues.push(issue('UNKNOWN_FIELD', [key], `“${TASK_STATE_LABELS[target].zh}”状态变更中有未知字段 ${shown(key)}（可用：${TRANSITION_KEYS[target].join('、')}）`, `unknown field ${shown(key)} in a transition to ${target} (known: ${TRANSITION_KEYS[target].join(', ')})`));
    }
  }
  const date = step['date'];
  const day = tryDayNumber(date);
  if (day === undefined) {
    issues.push(issue('TASK_DATE_INVALID', ['date'], `状态变更日期无效：${shown(date)}`, `invalid transition date: ${shown(date)}`, shown(date)));
    return { success: false, issues };
  }
  const dateText = date as string;
  const note = step['note'];
  if (note !== undefined && typeof note !== 'string') issues.push(issue('INVALID_TYPE', ['note'], '备注应为文字', 'the note must be text', shown(note)));
  const last = current.history[current.history.length - 1];
  if (last !== undefined && day < (tryDayNumber(last.date) ?? day)) {
    issues.push(issue('TASK_DATE_BEFORE_PREVIOUS', ['date'], `状态变更日期 ${dateText} 早于上一次变更 ${last.date}`, `transition date ${dateText} is before the previous transition ${last.date}`, dateText));
  }

  let next: SpotCheckTask = current;
  switch (target) {
    case 'drawn': {
      const ids = step['targetIds'];
      const seen = new Set<string>();
      if (!Array.isArray(ids)) {
        issues.push(issue('INVALID_TYPE', ['targetIds'], `targetIds 应为检查对象 id 数组，收到 ${shown(ids)}`, `targetIds must be an array of target ids, got ${shown(ids)}`));
      } else {
        ids.forEach((id: unknown, i: number) => {
          if (typeof id !== 'string' || id.length === 0) issues.push(issue('TASK_TARGET_ID_EMPTY', ['targetIds', i], '检查对象 id 为空', 'empty target id'));
          else if (seen.has(id)) issues.push(issue('TASK_TARGET_DUPLICATE', ['targetIds', i], `检查对象重复抽取：${id}`, `target drawn twice: ${id}`, id));
          else seen.add(id);
        });
      }
      let population: TaskPopulation | undefined;
      if (step['population'] !== undefined) {
        const parsed = safeParseArgument<TaskPopulation, ZodShapeIssueCode>(TaskPopulationSchema, step['population'], ['population']);
        if (!parsed.success) issues.push(...parsed.issues);
        else {
          population = parsed.data;
          if (population.total < seen.size) {
            issues.push(issue('TASK_POPULATION_TOO_SMALL', ['population', 'total'], '抽取总体小于抽中数量', 'the population is smaller than the number drawn', population.total));
          }
        }
      }
      const digest = step['drawRecordDigest'];
      if (digest !== undefined && typeof digest !== 'string') issues.push(issue('INVALID_TYPE', ['drawRecordDigest'], '抽取记录摘要应为文字', 'drawRecordDigest must be text', shown(digest)));
      next = {
        ...current,
        targetIds: [...seen].sort(compareCodeUnits),
        ...(population !== undefined ? { population } : {}),
        ...(typeof digest === 'string' ? { drawRecordDigest: digest } : {}),
      };
      break;
    }
    case 'matched': {
      const parsed = safeParseArgument<readonly TaskAssignment[], ZodShapeIssueCode>(z.array(TaskAssignmentSchema), step['assignments'], ['assignments']);
      if (!parsed.success) {
        issues.push(...parsed.issues);
        break;
      }
      const targets = new Set(current.targetIds);
      const covered = new Set<string>();
      parsed.data.forEach((a, i) => {
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
      for (const id of current.targetIds) {
        if (!covered.has(id)) issues.push(issue('TASK_ASSIGNMENT_MISSING', ['assignments'], `检查对象未分派执法人员：${id}`, `no inspectors assigned to target ${id}`, id));
      }
      const assignments = [...parsed.data]
        .map((a) => ({ ...a, inspectorIds: [...a.inspectorIds].sort(compareCodeUnits) }))
        .sort((x, y) => compareCodeUnits(x.targetId, y.targetId));
      next = { ...current, assignments };
      break;
    }
    case 'recorded': {
      const results = step['results'];
      for (const i of inspectResults(results, tree)) issues.push({ ...i, path: ['results', ...i.path] });
      const list: unknown[] = Array.isArray(results) ? results : [];
      const targets = new Set(current.targetIds);
      const items = new Set(current.itemIds);
      const drawnEntry = current.history.find((h) => h.to === 'drawn');
      const drawnDay = drawnEntry === undefined ? undefined : tryDayNumber(drawnEntry.date);
      const have = new Set<string>();
      list.forEach((r, i) => {
        if (!isRecord(r)) return;
        const taskId = r['taskId'];
        const targetId = r['targetId'];
        const itemId = r['itemId'];
        if (typeof taskId === 'string' && taskId !== current.id) issues.push(issue('TASK_RESULT_OTHER_TASK', ['results', i, 'taskId'], `检查结果属于其他任务：${taskId}`, `the result belongs to another task: ${taskId}`, taskId));
        if (typeof targetId === 'string' && !targets.has(targetId)) issues.push(issue('TASK_RESULT_UNKNOWN_TARGET', ['results', i, 'targetId'], `检查对象不在本任务抽中名单内：${targetId}`, `target not drawn by this task: ${targetId}`, targetId));
        if (typeof itemId === 'string' && !items.has(itemId)) issues.push(issue('TASK_RESULT_UNKNOWN_ITEM', ['results', i, 'itemId'], `抽查事项不属于本任务：${itemId}`, `item not part of this task: ${itemId}`, itemId));
        if (typeof targetId === 'string' && typeof itemId === 'string') have.add(`${targetId}\u0000${itemId}`);
        for (const field of ['inspectionDate', 'resultDate'] as const) {
          const d = tryDayNumber(r[field]);
          if (d === undefined) continue;
          const shownDate = r[field] as string;
          if (drawnDay !== undefined && d < drawnDay) issues.push(issue('TASK_RESULT_BEFORE_DRAW', ['results', i, field], `检查日期 ${shownDate} 早于抽取日期 ${drawnEntry?.date ?? ''}`, `date ${shownDate} is before the draw on ${drawnEntry?.date ?? ''}`, shownDate));
          if (d > day) issues.push(issue('TASK_RESULT_AFTER_RECORDING', ['results', i, field], `检查日期 ${shownDate} 晚于录入日期 ${dateText}`, `date ${shownDate} is after the recording date ${dateText}`, shownDate));
        }
      });
      for (const targetId of current.targetIds) {
        for (const itemId of current.itemIds) {
          if (!have.has(`${targetId}\u0000${itemId}`)) {
            issues.push(issue('TASK_RESULT_MISSING', ['results'], `检查对象 ${targetId} 的事项 ${itemId} 没有检查记录，视为未完成`, `no record for target ${targetId}, item ${itemId}: not done`, { targetId, itemId }));
          }
        }
      }
      break;
    }
    case 'cancelled': {
      const reason = step['reason'];
      if (typeof reason !== 'string' || reason.trim().length === 0) {
        issues.push(issue('TASK_CANCEL_REASON_MISSING', ['reason'], '取消任务须说明原因', 'cancelling a task needs a reason'));
        break;
      }
      next = { ...current, cancellationReason: reason };
      break;
    }
    default:
      break;
  }
  if (issues.length > 0) return { success: false, issues };
  const record: TaskTransitionRecord =
    typeof note === 'string' ? { from, to: target, date: dateText, note } : { from, to: target, date: dateText };
  return { success: true, data: { ...next, state: target, history: [...current.history, record] } };
}
