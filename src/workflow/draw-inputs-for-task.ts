import type { DrawSpec, PastInspection, SizeRule } from '../draw/index.js';
import { sampleSize } from '../draw/index.js';
import { ShuangsuijiError } from '../errors.js';
import type { Entity } from '../models/entity.js';
import { annualExclusions } from './annual-exclusions.js';
import { batchSampleSize } from './batch-sample-size.js';
import type { SpotCheckTask, TaskPopulation } from './spot-check-task.js';

/**
 * Options of {@link drawInputsForTask}.
 *
 * @example
 * ```ts
 * const options: DrawInputsOptions = { roundPopulation: { total: 1149 } };
 * ```
 */
export interface DrawInputsOptions {
  /**
   * The population of the task's round before any exclusion (entities meeting its conditions), needed when
   * the round is split into several batches: each batch then draws its share (`batchSampleSize`) of the
   * round's total ⌈N × ratio⌉ (per risk class for per-class ratios). Not needed with one batch.
   * @defaultValue `undefined`
   */
  readonly roundPopulation?: TaskPopulation;
}

/**
 * What `drawTargets` needs for a task: the draw spec and the inspection history behind its exclusions.
 *
 * @example
 * ```ts
 * const { spec, history }: DrawInputs = drawInputsForTask(task, tasks, register);
 * ```
 */
export interface DrawInputs {
  /** The `DrawSpec` for `drawTargets(register, spec, { seed, history })`. */
  readonly spec: DrawSpec;
  /** 往期检查记录 — one entry per excluded entity and earlier task (its draw date, department and item). */
  readonly history: readonly PastInspection[];
}

const CLASSES = ['A', 'B', 'C', 'D'] as const;

/**
 * 任务 → 抽取规则 — turns a task into the inputs of `drawTargets`: label, directed conditions (only 存续
 * entities), size (ratio rounded up, ⌈N × p⌉; per-class ratios as a `per-stratum` stratification on
 * `riskClass`, other classes size 0; a batch's share when the round is split) and the annual
 * de-duplication as an inspection history built from the other tasks already drawn ({@link annualExclusions}),
 * with an exclusion policy for the task's year. Everything the draw used is then in its record.
 *
 * Throws `TASK_NOT_DRAWABLE` unless the task is 待抽取, and `ROUND_POPULATION_REQUIRED` for a split round
 * without `roundPopulation`.
 *
 * @example
 * ```ts
 * const { spec, history } = drawInputsForTask(task, allTasks, register);
 * const { selected, record } = drawTargets(register, spec, { seed: seedFromDice('31415926535897932384'), history });
 * const drawn = transitionTask(task, { to: 'drawn', date: '2025-03-03', targetIds: selected.map((s) => s.id), drawRecordDigest: '…' });
 * ```
 */
export function drawInputsForTask(
  task: SpotCheckTask,
  tasks: readonly SpotCheckTask[],
  entities: readonly Pick<Entity, 'id' | 'riskClass'>[],
  options: DrawInputsOptions = {},
): DrawInputs {
  if (task.state !== 'to-draw') {
    throw new ShuangsuijiError('TASK_NOT_DRAWABLE', `任务 ${task.id} 不是待抽取状态`, `task ${task.id} is not waiting to be drawn`, { path: ['task', 'state'] });
  }
  const split = task.spec.batch.count > 1;
  const needPopulation = (): TaskPopulation => {
    if (options.roundPopulation === undefined) {
      throw new ShuangsuijiError(
        'ROUND_POPULATION_REQUIRED',
        `任务 ${task.id} 是分批抽取，需提供本轮抽取总体数量`,
        `task ${task.id} is one batch of a split round: give roundPopulation`,
        { path: ['roundPopulation'] },
      );
    }
    return options.roundPopulation;
  };
  const size = task.spec.size;
  const base = { label: task.spec.label, population: { filter: task.spec.targetScope } };
  let spec: DrawSpec;
  if (size.kind === 'count') {
    spec = { ...base, size: { count: split ? batchSampleSize(size.count, task.spec.batch) : size.count } };
  } else if (size.kind === 'ratio') {
    const rule: SizeRule = { ratio: size.ratio, rounding: 'up' };
    spec = { ...base, size: split ? { count: batchSampleSize(sampleSize(needPopulation().total, rule), task.spec.batch) } : rule };
  } else {
    const sizes: Record<string, SizeRule> = {};
    for (const c of CLASSES) {
      const ratio = size.ratios[c];
      if (ratio === undefined) continue;
      const rule: SizeRule = { ratio, rounding: 'up' };
      sizes[c] = split ? { count: batchSampleSize(sampleSize(needPopulation().byRiskClass?.[c] ?? 0, rule), task.spec.batch) } : rule;
    }
    spec = { ...base, stratification: { field: 'riskClass', allocation: 'per-stratum', sizes } };
  }
  const excluded = new Set(annualExclusions(task, tasks, entities));
  const history: PastInspection[] = [];
  if (excluded.size > 0) {
    for (const other of tasks) {
      const drawnOn = other.history.find((h) => h.to === 'drawn')?.date;
      if (other.id === task.id || drawnOn === undefined) continue;
      for (const entityId of other.targetIds) {
        if (!excluded.has(entityId)) continue;
        history.push({ entityId, date: drawnOn, agency: other.initiatingDepartment, item: other.itemIds.join('+') });
      }
    }
    // The draw counts past inspections of the task's year (draws of a plan are dated within its year).
    spec = { ...spec, exclusion: { year: task.year } };
  }
  return { spec, history };
}
