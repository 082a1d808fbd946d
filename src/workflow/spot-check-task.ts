import type { PlanBatch } from '../models/spot-check-plan.js';
import type { TargetFilter } from '../models/target-filter.js';
import type { InspectionMethod, RatioByRiskClass, RiskClass } from '../models/vocabulary.js';
import type { TaskState } from './task-state.js';

/**
 * 抽查数量 — how many targets a task draws: a ratio (抽查比例), a ratio per 信用风险分类, or a fixed count.
 * With several batches (批次) in one round, batch `index` of `count` draws its share of the round's total
 * (see `batchSampleSize`).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const size: TaskSampleSize = { kind: 'ratio-by-risk-class', ratios: { A: 0.01, B: 0.03, C: 0.1, D: 0.3 } };
 * ```
 */
export type TaskSampleSize =
  | { readonly kind: 'ratio'; readonly ratio: number }
  | { readonly kind: 'ratio-by-risk-class'; readonly ratios: RatioByRiskClass }
  | { readonly kind: 'count'; readonly count: number };

/**
 * 年度内不重复抽查 — annual de-duplication: an entity drawn earlier in the same year is not drawn again.
 * `same-department`: only by a task sharing a department (Liaoning: one department, one firm, once a year);
 * `any-department`: by any task of the year (seed 002 (六)); `none`: no annual exclusion (batches of the
 * same round still never repeat a target). `riskClasses` limits the rule to entities of those classes
 * (Guangdong 2025: low-risk only).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const guangdong: AnnualDedupPolicy = { scope: 'any-department', riskClasses: ['A'] };
 * ```
 */
export interface AnnualDedupPolicy {
  /** Which earlier draws exclude an entity. */
  readonly scope: 'none' | 'same-department' | 'any-department';
  /** Only entities of these 信用风险分类 are excluded; absent means all entities. */
  readonly riskClasses?: readonly RiskClass[];
}

/**
 * 抽取规格 — what a task draws: a stable label, the directed conditions, the size and de-duplication.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask;
 * const spec: TaskDrawSpec = task.spec; console.log(spec.label, spec.size, spec.batch);
 * ```
 */
export interface TaskDrawSpec {
  /** Draw label, unique per task (hashed into tickets by the draw). */
  readonly label: string;
  /** 定向抽查条件 — empty for 不定向. */
  readonly targetScope: TargetFilter;
  /** 抽查数量. */
  readonly size: TaskSampleSize;
  /** This batch's position in its round: batch `index` (0-based) of `count`. */
  readonly batch: { readonly index: number; readonly count: number };
  /** 年度内不重复抽查 policy. */
  readonly annualDedup: AnnualDedupPolicy;
}

/**
 * 人员分派 — the inspectors matched to one target (ids only; names are personal data).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const team: TaskAssignment = { targetId: 'E1', inspectorIds: ['X1', 'X2'] };
 * ```
 */
export interface TaskAssignment {
  /** 检查对象 id. */
  readonly targetId: string;
  /** 执法检查人员 ids (enforcement inspectors, at least two). */
  readonly inspectorIds: readonly string[];
  /** 专家 ids (assist; never count toward the minimum). */
  readonly expertIds?: readonly string[];
}

/**
 * 抽取总体 — the size of the population drawn from (before annual exclusions), in total and per risk class.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const population: TaskPopulation = { total: 1149, byRiskClass: { A: 558, B: 287, C: 81, D: 17, unclassified: 206 } };
 * ```
 */
export interface TaskPopulation {
  /** Number of entities meeting the task's conditions. */
  readonly total: number;
  /** Per 信用风险分类 (`unclassified` for entities without a class). */
  readonly byRiskClass?: { readonly A?: number; readonly B?: number; readonly C?: number; readonly D?: number; readonly unclassified?: number };
}

/**
 * 状态变更记录 — one recorded transition.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const step: TaskTransitionRecord = { from: 'to-draw', to: 'drawn', date: '2025-01-06' };
 * ```
 */
export interface TaskTransitionRecord {
  /** State before. */
  readonly from: TaskState;
  /** State after. */
  readonly to: TaskState;
  /** Date of the transition (`YYYY-MM-DD`). */
  readonly date: string;
  /** 备注. */
  readonly note?: string;
}

/**
 * 抽查任务 — one draw task: per item (or per joint plan), per round and batch. A joint task
 * (跨部门联合抽查) covers all items of its joint plan: one target draw, one dispatch, one publication.
 * Tasks are immutable: `transitionTask` returns a new task.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const plan: SpotCheckPlan;
 * declare const items: readonly InspectionItem[];
 * const result = deriveTasks([plan], items);
 * if (result.success) for (const task of result.data.tasks) console.log(task.id, task.state); // … to-draw
 * ```
 */
export interface SpotCheckTask {
  /** Stable id: `planId/itemId/R<round>/<batch label>` (joint: `planId/joint/R1/<batch label>`). */
  readonly id: string;
  /** The plan the task comes from. */
  readonly planId: string;
  /** 计划名称. */
  readonly planName: string;
  /** 年度. */
  readonly year: number;
  /** 单部门 `single-department` or 跨部门联合 `joint`. */
  readonly kind: 'single-department' | 'joint';
  /** 抽查事项 ids covered by the task (one for a single-department task). */
  readonly itemIds: readonly string[];
  /** 发起部门 (the department for a single-department task). */
  readonly initiatingDepartment: string;
  /** 配合部门 (empty for a single-department task). */
  readonly cooperatingDepartments: readonly string[];
  /** Round (1-based) of the item's 抽查频次, and the number of rounds in the year. */
  readonly round: { readonly index: number; readonly count: number };
  /** 批次 — label and dates of this batch. */
  readonly batch: PlanBatch;
  /** 检查方式. */
  readonly methods: readonly InspectionMethod[];
  /** 抽取规格. */
  readonly spec: TaskDrawSpec;
  /** 任务状态. */
  readonly state: TaskState;
  /** 抽中的检查对象 ids (sorted; empty before 已抽取). */
  readonly targetIds: readonly string[];
  /** The population drawn from, when recorded at 已抽取. */
  readonly population?: TaskPopulation;
  /** Digest of the draw record, when recorded at 已抽取. */
  readonly drawRecordDigest?: string;
  /** 人员分派 (empty before 已匹配). */
  readonly assignments: readonly TaskAssignment[];
  /** 状态变更记录, oldest first. */
  readonly history: readonly TaskTransitionRecord[];
  /** 取消原因, when cancelled. */
  readonly cancellationReason?: string;
}
