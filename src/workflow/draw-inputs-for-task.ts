import type { DrawSpec, PastInspection, SizeRule } from '../draw/index.js';
import { countPopulation, sampleSize } from '../draw/index.js';
import { ShuangsuijiError } from '../errors.js';
import { firstDayOfYear, lastDayOfYear, plainDateOf, tryDayNumber } from '../internals/plain-date.js';
import type { Entity } from '../models/entity.js';
import type { TargetFilter } from '../models/target-filter.js';
import { batchSampleSize } from './batch-sample-size.js';
import { exclusionsOf } from './internals/exclusions.js';
import { requireEntityRisks, requireTask, requireTasks } from './internals/tasks.js';
import type { SpotCheckTask, TaskPopulation } from './spot-check-task.js';

/**
 * What `drawTargets` needs for a task: the draw spec and the inspection history behind its exclusions, and the
 * round's population as counted from the register.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask;
 * declare const tasks: readonly SpotCheckTask[];
 * declare const register: readonly Entity[];
 * const { spec, history, population }: DrawInputs = drawInputsForTask(task, tasks, register);
 * ```
 */
export interface DrawInputs {
  /** The `DrawSpec` for `drawTargets(register, spec, { seed, history })`. */
  readonly spec: DrawSpec;
  /**
   * 往期检查记录 — one entry per excluded entity and earlier task: its department, item and date (the draw date,
   * moved into the task's plan year when the draw fell outside it; see {@link drawInputsForTask}).
   */
  readonly history: readonly PastInspection[];
  /**
   * 抽取总体 — the entities of the register in the draw's population (存续 and meeting the task's conditions,
   * counted by `countPopulation` before any exclusion), in total and per 信用风险分类; `total` equals the
   * draw's `record.register.eligible`. Record it on the task at 已抽取 (`transitionTask(…, { population })`).
   */
  readonly population: TaskPopulation;
}

const CLASSES = ['A', 'B', 'C', 'D'] as const;

/**
 * The date a task of plan year `year` drawn on `drawnOn` counts as inspected: the draw date when it lies in `year`,
 * otherwise the nearest day of `year` (1 January for a draw held ahead of the year, 31 December for a late one).
 * An invalid date is returned as is (the draw then reports it as `INVALID_HISTORY`).
 */
function dateInPlanYear(drawnOn: string, year: number): string {
  const day = tryDayNumber(drawnOn);
  if (day === undefined) return drawnOn;
  return plainDateOf(Math.min(Math.max(day, firstDayOfYear(year)), lastDayOfYear(year)));
}

/**
 * 任务 → 抽取规则 — turns a task into the inputs of `drawTargets`: label, directed conditions (only 存续
 * entities), size (ratio rounded up, ⌈N × p⌉ with N the round's population before exclusions, passed as an
 * explicit `count`; per-class ratios as a `per-stratum` stratification on `riskClass` with one `count` per
 * class, ⌈N_class × p_class⌉, other classes size 0; a batch's share when the round is split) and the annual
 * de-duplication as an inspection history built from the other tasks already drawn ({@link annualExclusions}),
 * with an exclusion policy for the task's year. Everything the draw used is then in its record.
 *
 * Each history entry names the earlier task's 发起部门 (`department`), its items joined by `+` (`item`) and a date
 * in that task's plan year: its draw date, or, when the task was drawn outside its plan year, the nearest day of
 * that year (1 January when drawn ahead of the year, e.g. in late December for next year's plan; 31 December when
 * drawn after it). The draw counts past inspections by calendar year and a task's inspections belong to its plan
 * year, whenever its draw was held: dated by the draw alone, a plan-year-Y task drawn in December of Y − 1 would
 * fall outside the exclusion year Y and its targets could be drawn again within Y.
 *
 * The round's population N (per risk class for per-class ratios) is counted from `entities` with the draw's own
 * population test (`countPopulation`, before any exclusion) and returned. The ratio applies to N, not to
 * the entities left after the annual exclusions, so a split and an unsplit round size alike; when the round is
 * split into batches, each batch draws its share (`batchSampleSize`) of the round's total ⌈N × ratio⌉. When
 * exclusions leave fewer entities than the size, the draw takes all that remain (`shortfall: 'take-all'`).
 * Pass the register the draw will use.
 *
 * Throws `TASK_NOT_DRAWABLE` unless the task is 待抽取, and the draw's errors for invalid task conditions
 * (`INVALID_FILTER`, `UNKNOWN_FILTER_FIELD`). The arguments are checked first, with coded errors and paths: the task
 * shape (unknown keys, wrong types, unknown vocabulary), task ids unique (`TASK_ID_DUPLICATE`), register rows
 * with only entity fields, ids unique (`ENTITY_ID_DUPLICATE`) and risk classes A–D, then every row as the draw
 * reads it (the draw's `INVALID_ENTITY`).
 *
 * @param taskArgument - 抽查任务: the task to draw, in state 待抽取
 * @param tasksArgument - the year's other tasks, read for 年度内不重复抽查 (the task itself may be among them)
 * @param entitiesArgument - 检查对象名录库: the entity register the draw will use (for the population counts)
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask; // 待抽取
 * declare const allTasks: readonly SpotCheckTask[]; // every task of the year
 * declare const register: readonly Entity[];
 * const { spec, history, population } = drawInputsForTask(task, allTasks, register);
 * const { selected, record } = drawTargets(register, spec, { seed: seedFromDice('31415926535897932384'), history });
 * const drawn = transitionTask(task, { to: 'drawn', date: '2025-03-03', targetIds: selected.map((s) => s.id), population, drawRecordDigest: '…' });
 * ```
 */
export function drawInputsForTask(taskArgument: SpotCheckTask, tasksArgument: readonly SpotCheckTask[], entitiesArgument: readonly Entity[]): DrawInputs {
  const task = requireTask(taskArgument, ['task']);
  const tasks = requireTasks(tasksArgument, ['tasks']);
  // Ids and risk classes are read here; the draw's own population count then reads every row as the draw will.
  const entities = requireEntityRisks(entitiesArgument, ['entities']) as readonly Entity[];
  if (task.state !== 'to-draw') {
    throw new ShuangsuijiError('TASK_NOT_DRAWABLE', `任务 ${task.id} 不是待抽取状态`, `task ${task.id} is not waiting to be drawn`, { path: ['task', 'state'] });
  }
  const split = task.spec.batch.count > 1;
  const filter = task.spec.targetScope;
  const count = (extra: TargetFilter): number => countPopulation(entities, { filter: [...filter, ...extra] });
  const population: TaskPopulation = {
    total: count([]),
    byRiskClass: {
      A: count([{ field: 'riskClass', op: 'in', values: ['A'] }]),
      B: count([{ field: 'riskClass', op: 'in', values: ['B'] }]),
      C: count([{ field: 'riskClass', op: 'in', values: ['C'] }]),
      D: count([{ field: 'riskClass', op: 'in', values: ['D'] }]),
      unclassified: count([{ field: 'riskClass', op: 'notIn', values: [...CLASSES] }]),
    },
  };
  const size = task.spec.size;
  const base = { label: task.spec.label, population: { filter } };
  let spec: DrawSpec;
  if (size.kind === 'count') {
    spec = { ...base, size: { count: split ? batchSampleSize(size.count, task.spec.batch) : size.count } };
  } else if (size.kind === 'ratio') {
    // ⌈N × p⌉ of the round's population before exclusions, split or not (the draw would apply a ratio to
    // the population left after exclusions).
    const roundTotal = sampleSize(population.total, { ratio: size.ratio, rounding: 'up' });
    spec = { ...base, size: { count: split ? batchSampleSize(roundTotal, task.spec.batch) : roundTotal } };
  } else {
    const sizes: Record<string, SizeRule> = {};
    for (const c of CLASSES) {
      const ratio = size.ratios[c];
      if (ratio === undefined) continue;
      const roundTotal = sampleSize(population.byRiskClass?.[c] ?? 0, { ratio, rounding: 'up' });
      sizes[c] = { count: split ? batchSampleSize(roundTotal, task.spec.batch) : roundTotal };
    }
    spec = { ...base, stratification: { field: 'riskClass', allocation: 'per-stratum', sizes } };
  }
  const excluded = new Set(exclusionsOf(task, tasks, entities));
  const history: PastInspection[] = [];
  if (excluded.size > 0) {
    for (const other of tasks) {
      const drawnOn = other.history.find((h) => h.to === 'drawn')?.date;
      if (other.id === task.id || drawnOn === undefined) continue;
      for (const entityId of other.targetIds) {
        if (!excluded.has(entityId)) continue;
        history.push({ entityId, date: dateInPlanYear(drawnOn, other.year), department: other.initiatingDepartment, item: other.itemIds.join('+') });
      }
    }
    // The draw counts past inspections of the task's year; every excluded entity has an entry of a task of that
    // year (same round or same year, see annualExclusions), dated inside it by dateInPlanYear.
    spec = { ...spec, exclusion: { year: task.year } };
  }
  return { spec, history, population };
}
