import { ShuangsuijiError } from '../errors.js';
import { dayNumberOf, plainDateOf } from '../internals/plain-date.js';
import type { InspectionResult } from './inspection-result.js';
import { parseOptions } from './internals/arguments.js';
import { compareCodeUnits } from './internals/exact.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { requireResults } from './internals/results.js';
import { requireTasks } from './internals/tasks.js';
import type { SpotCheckTask } from './spot-check-task.js';

/**
 * 时限节点 — one dated event of a task or of one target of a task.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const m: Milestone = { event: 'published', date: '2025-02-20' };
 * ```
 */
export interface Milestone {
  /** Event name (see `DeadlineEvent`). */
  readonly event: string;
  /** Date of the event. */
  readonly date: string;
}

/**
 * 时限对象 — what deadlines are evaluated on: a task (`targetId` absent) or one target of a task, with its
 * department (whose rules apply) and dated events.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const subject: DeadlineSubject = { taskId: 'P/I1/R1/B1', targetId: 'E1', department: '示例局', milestones: [{ event: 'result-formed', date: '2025-01-20' }] };
 * ```
 */
export interface DeadlineSubject {
  /** The task. */
  readonly taskId: string;
  /** The target, for target-level subjects. */
  readonly targetId?: string;
  /** The department whose deadline rules apply (the 发起部门: 谁检查、谁录入、谁公示). */
  readonly department: string;
  /** Events, sorted by event name. */
  readonly milestones: readonly Milestone[];
}

/**
 * Options of {@link collectMilestones}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: CollectMilestonesOptions = { extra: [{ taskId: 'P/I1/R1/B1', targetId: 'E1', event: 'report-submitted', date: '2025-01-24' }] };
 * ```
 */
export interface CollectMilestonesOptions {
  /**
   * Extra dated events (e.g. `report-submitted`), for a task or for one target of it.
   * @defaultValue `[]`
   */
  readonly extra?: readonly { readonly taskId: string; readonly targetId?: string; readonly event: string; readonly date: string }[];
}

const TASK_EVENTS: Readonly<Record<string, string>> = {
  drawn: 'drawn',
  matched: 'matched',
  inspecting: 'inspection-started',
  recorded: 'result-recorded',
  published: 'published',
};

function maxDate(dates: readonly string[]): string | undefined {
  let best: number | undefined;
  for (const d of dates) {
    const n = dayNumberOf(d);
    if (best === undefined || n > best) best = n;
  }
  return best === undefined ? undefined : plainDateOf(best);
}

/**
 * Gathers the dated events of tasks and of each of their targets, ready for `evaluateDeadlines`. Cancelled
 * tasks (已取消) have no deadlines and give no subjects. Task events come from the task's history; a target
 * is `inspected` (and its result `result-formed`) once it has a result for every item of the task — on the
 * latest date over those items; the task's `inspection-finished` is the latest over all targets, once every
 * target has all its results. A joint task is published once, for all items.
 *
 * Throws `MILESTONE_TASK_UNKNOWN` for an extra event of an unknown task and `MILESTONE_TARGET_UNKNOWN` for one of a
 * target the task did not draw; tasks, results and options are checked first (unknown keys, wrong types, a task
 * id twice `TASK_ID_DUPLICATE`, the `RESULT_*` codes of `validateInspectionResults` except the category tree's).
 *
 * @param tasks - 抽查任务: the tasks whose deadlines are tracked, with their transition history
 * @param results - 检查结果: the inspection results entered so far
 * @param options - extra dated events (e.g. `report-submitted`) for a task or one of its targets
 * ({@link CollectMilestonesOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * const subjects = collectMilestones(tasks, results, { extra: [{ taskId: tasks[0]!.id, event: 'summary-submitted', date: '2025-06-30' }] });
 * console.log(subjects[0]?.milestones); // [{ event: 'drawn', date: '…' }, …]
 * ```
 */
export function collectMilestones(
  tasks: readonly SpotCheckTask[],
  results: readonly InspectionResult[],
  options: CollectMilestonesOptions = {},
): DeadlineSubject[] {
  const taskList = requireTasks(tasks, ['tasks']);
  const resultList = requireResults(results, undefined, ['results']);
  const { extra = [] } = parseOptions<CollectMilestonesOptions>(OptionsSchemas.collectMilestones, options, { zh: '时限节点选项', en: 'milestone options' });
  const byTask = new Map<string, InspectionResult[]>();
  for (const r of resultList) {
    const list = byTask.get(r.taskId);
    if (list) list.push(r);
    else byTask.set(r.taskId, [r]);
  }
  const known = new Map(taskList.map((t) => [t.id, t]));
  for (const [i, e] of extra.entries()) {
    const task = known.get(e.taskId);
    if (task === undefined) {
      throw new ShuangsuijiError('MILESTONE_TASK_UNKNOWN', `时限节点所属任务不存在：${e.taskId}`, `milestone for an unknown task: ${e.taskId}`, { path: ['extra', i, 'taskId'] });
    }
    if (e.targetId !== undefined && !task.targetIds.includes(e.targetId)) {
      throw new ShuangsuijiError('MILESTONE_TARGET_UNKNOWN', `时限节点的检查对象不在任务 ${e.taskId} 的抽中名单内：${e.targetId}`, `milestone for a target task ${e.taskId} did not draw: ${e.targetId}`, { path: ['extra', i, 'targetId'] });
    }
  }
  const subjects: DeadlineSubject[] = [];
  for (const task of [...taskList].sort((a, b) => compareCodeUnits(a.id, b.id))) {
    if (task.state === 'cancelled') continue;
    const taskEvents = new Map<string, string>();
    for (const h of task.history) {
      const event = TASK_EVENTS[h.to];
      if (event !== undefined) taskEvents.set(event, h.date);
    }
    const taskResults = byTask.get(task.id) ?? [];
    const perTarget = new Map<string, { inspected: string; formed: string }>();
    let allTargetsDone = task.targetIds.length > 0;
    for (const targetId of task.targetIds) {
      const mine = taskResults.filter((r) => r.targetId === targetId);
      const complete = task.itemIds.every((itemId) => mine.some((r) => r.itemId === itemId));
      if (!complete) {
        allTargetsDone = false;
        continue;
      }
      const inspected = maxDate(mine.map((r) => r.inspectionDate));
      const formed = maxDate(mine.map((r) => r.resultDate ?? r.inspectionDate));
      if (inspected !== undefined && formed !== undefined) perTarget.set(targetId, { inspected, formed });
    }
    if (allTargetsDone) {
      const finished = maxDate([...perTarget.values()].map((v) => v.inspected));
      if (finished !== undefined) taskEvents.set('inspection-finished', finished);
    }
    const extras = extra.filter((e) => e.taskId === task.id);
    for (const e of extras) if (e.targetId === undefined) taskEvents.set(e.event, e.date);
    const toList = (events: Map<string, string>): Milestone[] =>
      [...events.entries()].map(([event, date]) => ({ event, date })).sort((a, b) => compareCodeUnits(a.event, b.event));
    subjects.push({ taskId: task.id, department: task.initiatingDepartment, milestones: toList(taskEvents) });
    for (const targetId of task.targetIds) {
      const events = new Map(taskEvents);
      const own = perTarget.get(targetId);
      if (own !== undefined) {
        events.set('inspected', own.inspected);
        events.set('result-formed', own.formed);
      }
      for (const e of extras) if (e.targetId === targetId) events.set(e.event, e.date);
      subjects.push({ taskId: task.id, targetId, department: task.initiatingDepartment, milestones: toList(events) });
    }
  }
  return subjects;
}
