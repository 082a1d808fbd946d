import * as z from 'zod';
import type { Entity } from '../models/entity.js';
import type { InspectionItem } from '../models/inspection-item.js';
import type { Inspector } from '../models/inspector.js';
import type { DeadlineState, DeadlineStatus } from './evaluate-deadlines.js';
import type { InspectionResult } from './inspection-result.js';
import { inputObject, parseArgument, parseOptions } from './internals/arguments.js';
import { indexCategories } from './internals/category-index.js';
import { requireCategoryTree } from './internals/category-tree.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { requireResults } from './internals/results.js';
import { DeadlineStatusSchema } from './internals/shapes.js';
import { InspectorListSchema, ItemListSchema, requireEntityRisks, requireTasks } from './internals/tasks.js';
import { describeSizeZh } from './internals/describe-size.js';
import { atLeast, compareCodeUnits, decimalOf, exactFraction, percentOf } from './internals/exact.js';
import type { ResultCategoryNode } from './result-category-tree.js';
import type { SpotCheckTask } from './spot-check-task.js';

/**
 * Input of {@link computeStatistics}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const items: readonly InspectionItem[];
 * declare const register: readonly Entity[];
 * declare const results: readonly InspectionResult[];
 * declare const inspectors: readonly Inspector[];
 * declare const deadlines: readonly DeadlineStatus[]; // from evaluateDeadlines
 * const input: StatisticsInput = { tasks, items, entities: register, results, inspectors, deadlines };
 * ```
 */
export interface StatisticsInput {
  /** All tasks of the period (cancelled ones are left out of every figure). */
  readonly tasks: readonly SpotCheckTask[];
  /** The item list (names). */
  readonly items: readonly InspectionItem[];
  /** The register (risk classes of drawn targets). */
  readonly entities: readonly Pick<Entity, 'id' | 'riskClass'>[];
  /** 检查结果. */
  readonly results: readonly InspectionResult[];
  /** 执法检查人员名录库. */
  readonly inspectors: readonly Inspector[];
  /** Deadline states (from `evaluateDeadlines`), for timeliness. */
  readonly deadlines?: readonly DeadlineStatus[];
}

/**
 * Options of {@link computeStatistics}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: StatisticsOptions = { enforcementStaffTotal: 40 };
 * ```
 */
export interface StatisticsOptions {
  /**
   * Total enforcement staff of the departments, for 入库率 (registered ÷ total); omitted means unknown.
   * @defaultValue `undefined`
   */
  readonly enforcementStaffTotal?: number;
  /**
   * The 检查结果分类 tree (labels and order of `resultsByCategory`).
   * @defaultValue {@link DEFAULT_RESULT_CATEGORY_TREE}
   */
  readonly categoryTree?: readonly ResultCategoryNode[];
}

/**
 * 覆盖率 — one row of coverage: an item (and round), all targets or one risk class.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const input: StatisticsInput;
 * const row: CoverageRow = computeStatistics(input).coverage[0]!; console.log(row.itemName, row.share, row.meetsPlan);
 * ```
 */
export interface CoverageRow {
  /** 抽查事项 id and name. */
  readonly itemId: string;
  readonly itemName: string;
  /** Round of the item's frequency (1-based). */
  readonly round: number;
  /** `all`, a 信用风险分类, or `unclassified`. */
  readonly riskClass: 'all' | 'A' | 'B' | 'C' | 'D' | 'unclassified';
  /** Population drawn from (absent when the tasks did not record it). */
  readonly population?: number;
  /** Distinct targets drawn. */
  readonly drawn: number;
  /** drawn ÷ population as a percentage ("—" when unknown). */
  readonly share: string;
  /** The planned ratio or count as text (absent when the plan sets none for this row, e.g. a risk-class row of a task without per-class ratios). */
  readonly planned?: string;
  /**
   * Whether drawn ÷ population reaches the planned ratio (exactly), or drawn reaches the count; `null` when not
   * comparable — always for a risk-class row unless the task's size is per risk class (`ratio-by-risk-class`):
   * an overall ratio or count was never drawn class by class.
   */
  readonly meetsPlan: boolean | null;
}

/**
 * 统计 — the year's figures.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const input: StatisticsInput;
 * const stats: WorkflowStatistics = computeStatistics(input); console.log(stats.timeliness.onTimeRate);
 * ```
 */
export interface WorkflowStatistics {
  /** Coverage per item (and round), overall and per risk class. */
  readonly coverage: readonly CoverageRow[];
  /** 联合抽查占比 — joint tasks and the target visits they made, of all (non-cancelled, drawn) tasks. */
  readonly joint: {
    readonly tasks: number;
    readonly jointTasks: number;
    readonly taskShare: string;
    readonly targetVisits: number;
    readonly jointTargetVisits: number;
    readonly visitShare: string;
  };
  /** 执法人员参与 — 入库率, participation and workload spread (assignments per enforcement inspector). */
  readonly inspectors: {
    readonly registered: number;
    readonly enforcementStaffTotal?: number;
    readonly registrationRate?: string;
    readonly participating: number;
    readonly participationRate: string;
    readonly workload: {
      readonly min: number;
      readonly max: number;
      readonly mean: string;
      readonly median: string;
      readonly distribution: readonly { readonly assignments: number; readonly inspectors: number }[];
    };
  };
  /** 公示及时性 — deadline states counted, and on-time ÷ (on-time + late + overdue). */
  readonly timeliness: Readonly<Record<DeadlineState, number>> & { readonly onTimeRate: string };
  /** 检查结果分类统计 — results per selectable category, in tree order (a result may count in several). */
  readonly resultsByCategory: readonly { readonly code: string; readonly labelZh: string; readonly count: number }[];
  /** Results by conduct, follow-up and signature. */
  readonly results: {
    readonly total: number;
    readonly refusedInspection: number;
    readonly concealedOrFalsified: number;
    readonly refusedToSign: number;
    readonly followUpOpen: number;
    readonly referrals: number;
  };
}

const DRAWN_STATES: readonly string[] = ['drawn', 'matched', 'inspecting', 'recorded', 'published'];
const MATCHED_STATES: readonly string[] = ['matched', 'inspecting', 'recorded', 'published'];
const CLASSES = ['A', 'B', 'C', 'D', 'unclassified'] as const;

/**
 * 统计 — coverage per item and per risk class (drawn ÷ population, compared exactly with the plan's ratio),
 * the share of joint inspections, inspector participation (入库率, workload spread), publication timeliness
 * (on time / late / overdue) and results by category. Pure and order-independent; percentages are computed
 * with integers and rounded half up to two decimals. The input is read strictly first, with coded errors and paths:
 * tasks, items and inspectors by their shapes, register rows for their ids and risk classes (only entity fields; ids
 * unique in every list), results as `validateInspectionResults`
 * checks them against `categoryTree`, deadline states as `evaluateDeadlines` returns them; unknown option keys and
 * an `enforcementStaffTotal` that is not a whole number ≥ 0 are refused.
 *
 * @param inputArgument - the year's 抽查任务, 抽查事项, 检查对象名录库 rows, 检查结果, 执法检查人员 and, optionally, deadline states
 * ({@link StatisticsInput})
 * @param options - the total enforcement staff (for 入库率) and the 检查结果分类 tree ({@link StatisticsOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const items: readonly InspectionItem[];
 * declare const register: readonly Entity[];
 * declare const results: readonly InspectionResult[];
 * declare const inspectors: readonly Inspector[];
 * declare const deadlines: readonly DeadlineStatus[]; // from evaluateDeadlines
 * const stats = computeStatistics({ tasks, items, entities: register, results, inspectors, deadlines }, { enforcementStaffTotal: 40 });
 * for (const row of stats.coverage) console.log(row.itemName, row.riskClass, `${row.drawn}/${row.population}`, row.share, row.meetsPlan);
 * console.log(stats.joint.taskShare, stats.inspectors.registrationRate, stats.timeliness.onTimeRate);
 * ```
 */
export function computeStatistics(inputArgument: StatisticsInput, options: StatisticsOptions = {}): WorkflowStatistics {
  const checkedOptions = parseOptions<StatisticsOptions>(OptionsSchemas.statistics, options, { zh: '统计选项', en: 'statistics options' });
  const categoryTree = requireCategoryTree(checkedOptions.categoryTree, ['categoryTree']);
  const raw = inputObject(inputArgument, ['tasks', 'items', 'entities', 'results', 'inspectors', 'deadlines'], ['tasks', 'items', 'entities', 'results', 'inspectors'], { zh: '统计输入', en: 'statistics input' });
  const input = {
    tasks: requireTasks(raw['tasks'], ['tasks']),
    items: parseArgument<readonly InspectionItem[]>(ItemListSchema, raw['items'], ['items'], { zh: '抽查事项清单', en: 'item list' }),
    entities: requireEntityRisks(raw['entities'], ['entities']),
    inspectors: parseArgument<readonly Inspector[]>(InspectorListSchema, raw['inspectors'], ['inspectors'], { zh: '执法检查人员名录', en: 'inspector register' }),
    deadlines: parseArgument<readonly DeadlineStatus[]>(z.array(DeadlineStatusSchema).optional(), raw['deadlines'], ['deadlines'], { zh: '时限状态', en: 'deadline states' }),
  };
  const allResults = requireResults(raw['results'], categoryTree, ['results']);
  const live = [...input.tasks].filter((t) => t.state !== 'cancelled').sort((a, b) => compareCodeUnits(a.id, b.id));
  const drawnTasks = live.filter((t) => DRAWN_STATES.includes(t.state));
  const risk = new Map<string, string>();
  for (const e of input.entities) risk.set(e.id, e.riskClass ?? 'unclassified');
  const itemNames = new Map<string, string>();
  for (const it of input.items) itemNames.set(it.id, it.name);

  // Coverage: group drawn tasks by (item, round).
  const groups = new Map<string, { itemId: string; round: number; tasks: SpotCheckTask[] }>();
  for (const t of drawnTasks) {
    for (const itemId of t.itemIds) {
      const key = `${itemId}\u0000${t.round.index}`;
      const g = groups.get(key);
      if (g) g.tasks.push(t);
      else groups.set(key, { itemId, round: t.round.index, tasks: [t] });
    }
  }
  const coverage: CoverageRow[] = [];
  const sortedGroups = [...groups.values()].sort((a, b) => compareCodeUnits(a.itemId, b.itemId) || a.round - b.round);
  for (const g of sortedGroups) {
    const drawnIds = new Set(g.tasks.flatMap((t) => t.targetIds));
    const size = g.tasks[0]?.spec.size;
    const maxOf = (pick: (t: SpotCheckTask) => number | undefined): number | undefined => {
      let best: number | undefined;
      for (const t of g.tasks) {
        const v = pick(t);
        if (v !== undefined && (best === undefined || v > best)) best = v;
      }
      return best;
    };
    const row = (riskClass: CoverageRow['riskClass'], population: number | undefined, drawn: number, ratio: number | undefined, count: number | undefined): CoverageRow => {
      let meetsPlan: boolean | null = null;
      let planned: string | undefined;
      if (ratio !== undefined) {
        planned = describeSizeZh({ kind: 'ratio', ratio });
        if (population !== undefined && population > 0) meetsPlan = atLeast(drawn, population, exactFraction(ratio));
      } else if (count !== undefined) {
        planned = describeSizeZh({ kind: 'count', count });
        meetsPlan = drawn >= Math.min(count, population ?? count);
      }
      return {
        itemId: g.itemId,
        itemName: itemNames.get(g.itemId) ?? g.itemId,
        round: g.round,
        riskClass,
        ...(population !== undefined ? { population } : {}),
        drawn,
        share: population === undefined ? '—' : percentOf(BigInt(drawn), BigInt(population)),
        ...(planned !== undefined ? { planned } : {}),
        meetsPlan,
      };
    };
    coverage.push(
      row(
        'all',
        maxOf((t) => t.population?.total),
        drawnIds.size,
        size?.kind === 'ratio' ? size.ratio : undefined,
        size?.kind === 'count' ? size.count : undefined,
      ),
    );
    for (const c of CLASSES) {
      const population = maxOf((t) => t.population?.byRiskClass?.[c]);
      const drawn = [...drawnIds].filter((id) => (risk.get(id) ?? 'unclassified') === c).length;
      if (population === undefined && drawn === 0) continue;
      // Only a per-class ratio was drawn per class; an overall ratio or count says nothing about one class's share.
      const ratio = size?.kind === 'ratio-by-risk-class' && c !== 'unclassified' ? size.ratios[c] : undefined;
      coverage.push(row(c, population, drawn, ratio, undefined));
    }
  }

  // Joint share.
  const jointTasks = drawnTasks.filter((t) => t.kind === 'joint');
  const visits = drawnTasks.reduce((n, t) => n + t.targetIds.length, 0);
  const jointVisits = jointTasks.reduce((n, t) => n + t.targetIds.length, 0);

  // Inspectors.
  const enforcement = input.inspectors.filter((x) => !x.isExpert);
  const load = new Map<string, number>();
  for (const x of enforcement) load.set(x.id, 0);
  for (const t of live) {
    if (!MATCHED_STATES.includes(t.state)) continue;
    for (const a of t.assignments) for (const id of a.inspectorIds) if (load.has(id)) load.set(id, (load.get(id) ?? 0) + 1);
  }
  const loads = [...load.values()].sort((a, b) => a - b);
  const total = loads.reduce((n, v) => n + v, 0);
  const participating = loads.filter((v) => v > 0).length;
  const mid = loads.length >> 1;
  const median =
    loads.length === 0 ? '—' : loads.length % 2 === 1 ? String(loads[mid]) : decimalOf(BigInt((loads[mid - 1] ?? 0) + (loads[mid] ?? 0)), 2n);
  const distribution: { assignments: number; inspectors: number }[] = [];
  for (const v of loads) {
    const last = distribution[distribution.length - 1];
    if (last !== undefined && last.assignments === v) last.inspectors += 1;
    else distribution.push({ assignments: v, inspectors: 1 });
  }
  const staff = checkedOptions.enforcementStaffTotal;

  // Timeliness.
  const counts: Record<DeadlineState, number> = { 'not-started': 0, open: 0, 'due-soon': 0, overdue: 0, 'on-time': 0, late: 0 };
  for (const d of input.deadlines ?? []) counts[d.state] += 1;
  const judged = counts['on-time'] + counts.late + counts.overdue;

  // Results.
  const liveIds = new Set(live.map((t) => t.id));
  const results = allResults.filter((r) => liveIds.has(r.taskId));
  const index = indexCategories(categoryTree);
  const resultsByCategory = [...index.entries()]
    .filter(([, entry]) => entry.selectable)
    .sort(([, a], [, b]) => {
      const n = Math.min(a.treePath.length, b.treePath.length);
      for (let k = 0; k < n; k += 1) {
        const x = a.treePath[k];
        const y = b.treePath[k];
        if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : compareCodeUnits(String(x), String(y));
      }
      return a.treePath.length - b.treePath.length;
    })
    .map(([code, entry]) => ({ code, labelZh: entry.pathZh.join('：'), count: results.filter((r) => r.categoryCodes.includes(code)).length }));

  return {
    coverage,
    joint: {
      tasks: drawnTasks.length,
      jointTasks: jointTasks.length,
      taskShare: percentOf(BigInt(jointTasks.length), BigInt(drawnTasks.length)),
      targetVisits: visits,
      jointTargetVisits: jointVisits,
      visitShare: percentOf(BigInt(jointVisits), BigInt(visits)),
    },
    inspectors: {
      registered: enforcement.length,
      ...(staff !== undefined ? { enforcementStaffTotal: staff, registrationRate: percentOf(BigInt(enforcement.length), BigInt(staff)) } : {}),
      participating,
      participationRate: percentOf(BigInt(participating), BigInt(enforcement.length)),
      workload: {
        min: loads[0] ?? 0,
        max: loads[loads.length - 1] ?? 0,
        mean: decimalOf(BigInt(total), BigInt(loads.length)),
        median,
        distribution,
      },
    },
    timeliness: { ...counts, onTimeRate: percentOf(BigInt(counts['on-time']), BigInt(judged)) },
    resultsByCategory,
    results: {
      total: results.length,
      refusedInspection: results.filter((r) => r.conduct === 'refused-inspection').length,
      concealedOrFalsified: results.filter((r) => r.conduct === 'concealed-or-falsified').length,
      refusedToSign: results.filter((r) => r.recordSignature === 'refused-to-sign').length,
      followUpOpen: results.filter((r) => r.followUp === 'open').length,
      referrals: results.reduce((n, r) => n + r.referrals.length, 0),
    },
  };
}
