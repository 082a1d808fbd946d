import { ShuangsuijiError, type DataIssue, type ParseResult } from '../errors.js';
import type { DeriveTasksIssueCode } from './derive-tasks-issue-code.js';
import type { ZodShapeIssueCode } from '../internals/zod-issues.js';
import { tryDayNumber } from '../internals/plain-date.js';
import { InspectionItemSchema, type InspectionItem } from '../models/inspection-item.js';
import { SpotCheckPlanSchema, type PlanBatch, type SpotCheckPlan } from '../models/spot-check-plan.js';
import type { InspectionMethod } from '../models/vocabulary.js';
import { cmp } from '../internals/rational.js';
import { parseOptions, safeParseArgument, shown } from './internals/arguments.js';
import { compareCodeUnits, exactFraction } from './internals/exact.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { isPadded } from './internals/shapes.js';
import type { AnnualDedupPolicy, SpotCheckTask, TaskSampleSize } from './spot-check-task.js';
import { splitPeriodIntoBatches } from './split-period-into-batches.js';

/**
 * Options of {@link deriveTasks}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: DeriveTasksOptions = { annualDedup: { scope: 'same-department' }, jointItemsInSinglePlans: 'error' };
 * ```
 */
export interface DeriveTasksOptions {
  /**
   * 年度内不重复抽查 policy for every task (seed 002 (六): 年度内被抽查过的对象，原则上不再抽查).
   * @defaultValue `{ scope: 'any-department' }`
   */
  readonly annualDedup?: AnnualDedupPolicy;
  /**
   * Per-department policies, overriding `annualDedup` for tasks initiated by that department.
   * @defaultValue `[]`
   */
  readonly annualDedupByDepartment?: readonly { readonly department: string; readonly policy: AnnualDedupPolicy }[];
  /**
   * What to do with an item that a joint plan of the same year covers but a single-department plan also
   * lists ("跨部门开展，本单位不再单独开展"): `skip` it (listed in `skipped`) or report `JOINT_ITEM_DRAWN_SEPARATELY`.
   * @defaultValue `'skip'`
   */
  readonly jointItemsInSinglePlans?: 'skip' | 'error';
}

/**
 * An item of a single-department plan that yields no task, and why.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const s: SkippedPlanItem = { planId: 'P', itemId: 'I1', reason: 'JOINT_ITEM_COVERED', jointPlanId: 'J' };
 * ```
 */
export interface SkippedPlanItem {
  /** The plan listing the item. */
  readonly planId: string;
  /** The item. */
  readonly itemId: string;
  /** `JOINT_ITEM_COVERED`: a joint plan of the same year draws it. */
  readonly reason: 'JOINT_ITEM_COVERED';
  /** The joint plan that covers the item. */
  readonly jointPlanId: string;
}

/**
 * The tasks of a set of plans, and the plan items deliberately not turned into tasks.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const plans: readonly SpotCheckPlan[];
 * declare const items: readonly InspectionItem[];
 * const derived = deriveTasks(plans, items); if (derived.success) console.log(derived.data.tasks.length, derived.data.skipped.length);
 * ```
 */
export interface DerivedTasks {
  /** 抽查任务, sorted by id, all 待抽取. */
  readonly tasks: readonly SpotCheckTask[];
  /** Items skipped because a joint plan covers them. */
  readonly skipped: readonly SkippedPlanItem[];
}

const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
/** At most once a day: a higher 抽查频次 cannot be scheduled (and would make one task per round). */
const MAX_FREQUENCY_PER_YEAR = 366;
const METHOD_ORDER: readonly InspectionMethod[] = ['on-site', 'document', 'online', 'sampling', 'third-party', 'other-department-findings'];

function sizeOf(source: { ratio?: number | undefined; ratioByRiskClass?: InspectionItem['ratioByRiskClass'] | undefined; count?: number | undefined }): TaskSampleSize | 'none' | 'ambiguous' {
  const given = [source.ratio !== undefined, source.ratioByRiskClass !== undefined, source.count !== undefined].filter(Boolean).length;
  if (given > 1) return 'ambiguous';
  if (source.count !== undefined) return { kind: 'count', count: source.count };
  if (source.ratioByRiskClass !== undefined) return { kind: 'ratio-by-risk-class', ratios: source.ratioByRiskClass };
  if (source.ratio !== undefined) return { kind: 'ratio', ratio: source.ratio };
  return 'none';
}

/** Two ratios (or both absent) are the same exact decimal: 0.1 and 0.10 agree, key order never matters. */
function sameRatio(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return cmp(exactFraction(a), exactFraction(b)) === 0;
}

/** Field-by-field comparison of two sizes (kind, then count / ratio / each of A–D), ratios read exactly. */
function sameSize(a: TaskSampleSize, b: TaskSampleSize): boolean {
  if (a.kind === 'count') return b.kind === 'count' && a.count === b.count;
  if (a.kind === 'ratio') return b.kind === 'ratio' && sameRatio(a.ratio, b.ratio);
  if (b.kind !== 'ratio-by-risk-class') return false;
  return RISK_CLASSES.every((c) => sameRatio(a.ratios[c], b.ratios[c]));
}

/**
 * 计划 → 任务 — derives the draw tasks of a year from annual plans (年度抽查计划) and joint plans
 * (跨部门联合抽查计划, a plan naming 配合部门) with the item list (随机抽查事项清单):
 *
 * - a single-department plan gives one task per item, per round and per batch; an item's 抽查频次 of n > 1
 *   gives n rounds, each drawing the full ratio: a plan with one batch has it split into n sub-periods
 *   ({@link splitPeriodIntoBatches}), a plan with n batches uses one per round;
 * - with one round, the plan's batches split that round's total (batch `index` of `count`);
 * - a joint plan gives one task per batch covering all its items: one target draw, one dispatch, one
 *   publication; its items are not drawn again by the participating departments' own plans (skipped and
 *   listed, or an error, per `jointItemsInSinglePlans`);
 * - the size is the plan's ratio, per-risk-class ratios or count, else the item's (a joint plan without its
 *   own size needs all items to agree: same kind and, field by field, the same count or exactly equal ratios).
 *
 * Returns every problem: `ITEM_ID_DUPLICATE` (path `['items', index, 'id']`, one per repeated row of `items`),
 * `PLAN_ID_DUPLICATE`, `PLAN_ITEM_UNKNOWN`, `PLAN_ITEM_OTHER_DEPARTMENT`,
 * `JOINT_ITEM_DEPARTMENT_NOT_PARTICIPATING`, `JOINT_ITEM_DRAWN_SEPARATELY`, `JOINT_ITEM_WITHOUT_JOINT_PLAN`,
 * `PLAN_SIZE_MISSING`, `PLAN_SIZE_AMBIGUOUS`, `PLAN_PERIOD_INVALID`, `PLAN_BATCH_LABEL_DUPLICATE`,
 * `PLAN_BATCH_DATES_INVALID`, `PLAN_BATCH_OUTSIDE_PERIOD`, `PLAN_BATCHES_OVERLAP`, `FREQUENCY_BATCH_MISMATCH`.
 * Plans and items are read as `SpotCheckPlanSchema` and `InspectionItemSchema` read them (each shape problem an
 * issue: `UNKNOWN_FIELD`, `MISSING_FIELD`, `INVALID_TYPE`, `INVALID_VALUE`, `INVALID_DATE`, `NOT_PLAIN_DATA` …, paths
 * `[planIndex, …]` and `['items', index, …]`); department names with white space at either end are
 * `DEPARTMENT_NAME_WHITESPACE` and a 抽查频次 above 366 a year `FREQUENCY_TOO_HIGH`. `plans` or `items` that are not
 * arrays, and invalid options (unknown keys, a department twice in `annualDedupByDepartment`
 * `DEDUP_DEPARTMENT_DUPLICATE`), throw.
 * The result does not depend on the order of `plans`, `items` or batches.
 *
 * @param plans - 年度抽查计划 and 跨部门联合抽查计划: the year's plans ({@link SpotCheckPlan}), e.g. from {@link parseSpotCheckPlans}
 * @param items - 随机抽查事项清单: the item list the plans name, e.g. from {@link parseItemList}
 * @param options - 年度去重 policies and what to do with joint items in single-department plans
 * ({@link DeriveTasksOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const annualPlan: SpotCheckPlan; // the department's own annual plan
 * declare const jointPlan: SpotCheckPlan; // a 部门联合 plan covering some of the same items
 * declare const items: readonly InspectionItem[];
 * const derived = deriveTasks([annualPlan, jointPlan], items);
 * if (derived.success) {
 *   for (const task of derived.data.tasks) console.log(task.id, task.kind, task.spec.size);
 *   for (const s of derived.data.skipped) console.log('skipped', s.itemId, 'covered by', s.jointPlanId);
 * } else {
 *   for (const problem of derived.issues) console.log(problem.code, problem.path.join('.'), problem.messageZh);
 * }
 * ```
 */
export function deriveTasks(
  plans: readonly SpotCheckPlan[],
  items: readonly InspectionItem[],
  options: DeriveTasksOptions = {},
): ParseResult<DerivedTasks, DeriveTasksIssueCode> {
  const checkedOptions = parseOptions<DeriveTasksOptions>(OptionsSchemas.deriveTasks, options, { zh: '任务生成选项', en: 'task options' });
  const shape = readPlansAndItems(plans, items);
  if (!shape.success) return shape;
  return derive(shape.data.plans, shape.data.items, checkedOptions);
}

/** Plans and items read one by one (every shape problem reported), with the department and frequency checks. */
function readPlansAndItems(plans: unknown, items: unknown): ParseResult<{ plans: SpotCheckPlan[]; items: InspectionItem[] }, DeriveTasksIssueCode> {
  if (!Array.isArray(plans)) throw new ShuangsuijiError('INVALID_TYPE', `plans 应为数组，收到 ${shown(plans)}`, `plans must be an array, got ${shown(plans)}`, { path: ['plans'] });
  if (!Array.isArray(items)) throw new ShuangsuijiError('INVALID_TYPE', `items 应为数组，收到 ${shown(items)}`, `items must be an array, got ${shown(items)}`, { path: ['items'] });
  const issues: DataIssue<DeriveTasksIssueCode>[] = [];
  const padded = (name: string, path: (string | number)[]): void => {
    if (isPadded(name)) {
      issues.push({ code: 'DEPARTMENT_NAME_WHITESPACE', path, messageZh: `部门名称首尾不得有空白字符：${shown(name)}`, messageEn: `the department name ${shown(name)} starts or ends with white space`, received: name });
    }
  };
  const readPlans: SpotCheckPlan[] = [];
  for (let i = 0; i < plans.length; i++) {
    const parsed = safeParseArgument<SpotCheckPlan, ZodShapeIssueCode | 'INVALID_DATE'>(SpotCheckPlanSchema, plans[i], [i]);
    if (!parsed.success) {
      issues.push(...parsed.issues);
      continue;
    }
    padded(parsed.data.initiatingDepartment, [i, 'initiatingDepartment']);
    parsed.data.cooperatingDepartments.forEach((d, k) => padded(d, [i, 'cooperatingDepartments', k]));
    readPlans.push(parsed.data);
  }
  const readItems: InspectionItem[] = [];
  for (let i = 0; i < items.length; i++) {
    const parsed = safeParseArgument<InspectionItem, ZodShapeIssueCode | 'INVALID_DATE'>(InspectionItemSchema, items[i], ['items', i]);
    if (!parsed.success) {
      issues.push(...parsed.issues);
      continue;
    }
    const item = parsed.data;
    padded(item.department, ['items', i, 'department']);
    if (item.joint !== undefined) {
      padded(item.joint.initiatingDepartment, ['items', i, 'joint', 'initiatingDepartment']);
      item.joint.cooperatingDepartments.forEach((d, k) => padded(d, ['items', i, 'joint', 'cooperatingDepartments', k]));
    }
    if (item.frequencyPerYear !== undefined && item.frequencyPerYear > MAX_FREQUENCY_PER_YEAR) {
      issues.push({
        code: 'FREQUENCY_TOO_HIGH',
        path: ['items', i, 'frequencyPerYear'],
        messageZh: `抽查频次 ${item.frequencyPerYear} 次/年超过每日一次（至多 ${MAX_FREQUENCY_PER_YEAR} 次/年）`,
        messageEn: `a frequency of ${item.frequencyPerYear} per year is more than once a day (at most ${MAX_FREQUENCY_PER_YEAR})`,
        received: item.frequencyPerYear,
      });
    }
    readItems.push(item);
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: { plans: readPlans, items: readItems } };
}

/** {@link deriveTasks} of checked plans, items and options. */
function derive(plans: readonly SpotCheckPlan[], items: readonly InspectionItem[], options: DeriveTasksOptions): ParseResult<DerivedTasks, DeriveTasksIssueCode> {
  const issues: DataIssue<DeriveTasksIssueCode>[] = [];
  const push = (code: DeriveTasksIssueCode, path: (string | number)[], zh: string, en: string, received?: unknown): void => {
    issues.push(received === undefined ? { code, path, messageZh: zh, messageEn: en } : { code, path, messageZh: zh, messageEn: en, received });
  };
  const itemById = new Map<string, InspectionItem>();
  items.forEach((item, i) => {
    if (itemById.has(item.id)) {
      push('ITEM_ID_DUPLICATE', ['items', i, 'id'], `事项清单中事项 id 重复：${item.id}`, `duplicate item id in the item list: ${item.id}`, item.id);
      return;
    }
    itemById.set(item.id, item);
  });
  const planIndex = new Map<SpotCheckPlan, number>();
  plans.forEach((p, i) => planIndex.set(p, i));
  const sortedPlans = [...plans].sort((a, b) => compareCodeUnits(a.id, b.id));

  const seenPlanIds = new Set<string>();
  for (const plan of sortedPlans) {
    if (seenPlanIds.has(plan.id)) push('PLAN_ID_DUPLICATE', [planIndex.get(plan) ?? 0, 'id'], `计划 id 重复：${plan.id}`, `duplicate plan id: ${plan.id}`, plan.id);
    seenPlanIds.add(plan.id);
  }

  // Items covered by joint plans, per year: item id → joint plan id (smallest id when several).
  const jointCover = new Map<string, string>();
  for (const plan of sortedPlans) {
    if (plan.cooperatingDepartments.length === 0) continue;
    for (const itemId of plan.itemIds) {
      const key = `${plan.year}\u0000${itemId}`;
      if (!jointCover.has(key)) jointCover.set(key, plan.id);
    }
  }

  const dedupFor = (department: string): AnnualDedupPolicy =>
    options.annualDedupByDepartment?.find((d) => d.department === department)?.policy ?? options.annualDedup ?? { scope: 'any-department' };

  const tasks: SpotCheckTask[] = [];
  const skipped: SkippedPlanItem[] = [];

  for (const plan of sortedPlans) {
    const p = planIndex.get(plan) ?? 0;
    const joint = plan.cooperatingDepartments.length > 0;
    const participants = new Set([plan.initiatingDepartment, ...plan.cooperatingDepartments]);
    const periodStart = tryDayNumber(plan.period.start);
    const periodEnd = tryDayNumber(plan.period.end);
    if (periodStart === undefined || periodEnd === undefined || periodStart > periodEnd) {
      push('PLAN_PERIOD_INVALID', [p, 'period'], '实施期间无效（起始日期晚于结束日期或日期无效）', 'invalid period (start after end, or an invalid date)', plan.period);
    }
    // Batches: sorted by start then label, so input order never matters.
    const batches = [...plan.batches].sort((a, b) => compareCodeUnits(a.start, b.start) || compareCodeUnits(a.label, b.label));
    const labels = new Set<string>();
    let batchesOk = true;
    let previousEnd: number | undefined;
    for (const batch of batches) {
      const bi = plan.batches.indexOf(batch);
      if (labels.has(batch.label)) push('PLAN_BATCH_LABEL_DUPLICATE', [p, 'batches', bi, 'label'], `批次名称重复：${batch.label}`, `duplicate batch label: ${batch.label}`, batch.label);
      labels.add(batch.label);
      const s = tryDayNumber(batch.start);
      const e = tryDayNumber(batch.end);
      if (s === undefined || e === undefined || s > e) {
        push('PLAN_BATCH_DATES_INVALID', [p, 'batches', bi], `批次 ${batch.label} 的日期无效`, `batch ${batch.label} has invalid dates`, batch);
        batchesOk = false;
        continue;
      }
      if (periodStart !== undefined && periodEnd !== undefined && (s < periodStart || e > periodEnd)) {
        push('PLAN_BATCH_OUTSIDE_PERIOD', [p, 'batches', bi], `批次 ${batch.label} 超出实施期间`, `batch ${batch.label} lies outside the plan period`, batch);
      }
      if (previousEnd !== undefined && s <= previousEnd) {
        push('PLAN_BATCHES_OVERLAP', [p, 'batches', bi], `批次 ${batch.label} 与前一批次时间重叠`, `batch ${batch.label} overlaps the previous batch`, batch);
      }
      previousEnd = e;
    }

    const planSize = sizeOf(plan);
    if (planSize === 'ambiguous') push('PLAN_SIZE_AMBIGUOUS', [p], '计划同时给出了多种抽查比例或数量', 'the plan gives more than one of ratio, ratioByRiskClass and count');

    const planItems: InspectionItem[] = [];
    plan.itemIds.forEach((itemId, k) => {
      const item = itemById.get(itemId);
      if (item === undefined) {
        push('PLAN_ITEM_UNKNOWN', [p, 'itemIds', k], `抽查事项不在事项清单中：${itemId}`, `item not in the item list: ${itemId}`, itemId);
        return;
      }
      if (joint) {
        if (!participants.has(item.department)) {
          push('JOINT_ITEM_DEPARTMENT_NOT_PARTICIPATING', [p, 'itemIds', k], `事项 ${itemId} 的部门“${item.department}”不是本联合计划的发起或配合部门`, `item ${itemId} belongs to ${item.department}, which does not take part in the joint plan`, item.department);
        }
        planItems.push(item);
        return;
      }
      if (item.department !== plan.initiatingDepartment) {
        push('PLAN_ITEM_OTHER_DEPARTMENT', [p, 'itemIds', k], `事项 ${itemId} 属于“${item.department}”，不属于本计划部门`, `item ${itemId} belongs to ${item.department}, not to the plan's department`, item.department);
      }
      const cover = jointCover.get(`${plan.year}\u0000${itemId}`);
      if (cover !== undefined) {
        if ((options.jointItemsInSinglePlans ?? 'skip') === 'error') {
          push('JOINT_ITEM_DRAWN_SEPARATELY', [p, 'itemIds', k], `事项 ${itemId} 已由联合抽查计划 ${cover} 抽查，本部门不再单独开展`, `item ${itemId} is drawn by joint plan ${cover}; the department must not draw it again`, itemId);
        } else {
          skipped.push({ planId: plan.id, itemId, reason: 'JOINT_ITEM_COVERED', jointPlanId: cover });
        }
        return;
      }
      if (item.joint !== undefined) {
        push('JOINT_ITEM_WITHOUT_JOINT_PLAN', [p, 'itemIds', k], `事项 ${itemId} 须跨部门联合开展，但没有覆盖它的联合抽查计划`, `item ${itemId} is to be done jointly but no joint plan of ${plan.year} covers it`, itemId);
        return;
      }
      planItems.push(item);
    });
    if (!batchesOk || planSize === 'ambiguous') continue;

    const methodsOf = (list: readonly InspectionItem[]): InspectionMethod[] => {
      if (plan.methods.length > 0) return METHOD_ORDER.filter((m) => plan.methods.includes(m));
      return METHOD_ORDER.filter((m) => list.some((it) => it.methods.includes(m)));
    };

    const makeTasks = (taskItems: readonly InspectionItem[], size: TaskSampleSize, rounds: number, key: string, path: (string | number)[]): void => {
      let schedule: { round: number; batch: PlanBatch; index: number; count: number }[];
      if (rounds === 1) {
        schedule = batches.map((batch, index) => ({ round: 1, batch, index, count: batches.length }));
      } else if (batches.length === 1 && batches[0] !== undefined) {
        const only = batches[0];
        const start = tryDayNumber(only.start) ?? 0;
        const end = tryDayNumber(only.end) ?? 0;
        if (end - start + 1 < rounds) {
          push('FREQUENCY_BATCH_MISMATCH', path, `批次 ${only.label} 的天数少于抽查频次 ${rounds}`, `batch ${only.label} has fewer days than the frequency ${rounds}`, rounds);
          return;
        }
        schedule = splitPeriodIntoBatches({ start: only.start, end: only.end }, rounds, { labelPrefix: `${only.label}-R` }).map((batch, r) => ({ round: r + 1, batch, index: 0, count: 1 }));
      } else if (batches.length === rounds) {
        schedule = batches.map((batch, r) => ({ round: r + 1, batch, index: 0, count: 1 }));
      } else {
        push('FREQUENCY_BATCH_MISMATCH', path, `抽查频次 ${rounds} 次/年与批次数 ${batches.length} 不符（应为 1 个批次或 ${rounds} 个批次）`, `frequency ${rounds}/year does not fit ${batches.length} batches (expected 1 or ${rounds})`, rounds);
        return;
      }
      for (const s of schedule) {
        const id = `${plan.id}/${key}/R${s.round}/${s.batch.label}`;
        tasks.push({
          id,
          planId: plan.id,
          planName: plan.name,
          year: plan.year,
          kind: joint ? 'joint' : 'single-department',
          itemIds: taskItems.map((it) => it.id).sort(compareCodeUnits),
          initiatingDepartment: plan.initiatingDepartment,
          cooperatingDepartments: [...plan.cooperatingDepartments].sort(compareCodeUnits),
          round: { index: s.round, count: rounds },
          batch: s.batch,
          methods: methodsOf(taskItems),
          spec: {
            label: id,
            targetScope: plan.targetScope,
            size,
            batch: { index: s.index, count: s.count },
            annualDedup: dedupFor(plan.initiatingDepartment),
          },
          state: 'to-draw',
          targetIds: [],
          assignments: [],
          history: [],
        });
      }
    };

    if (joint) {
      if (planItems.length === 0) continue;
      let size: TaskSampleSize | undefined = planSize === 'none' ? undefined : planSize;
      if (size === undefined) {
        const sizes = planItems.map((it) => sizeOf(it));
        const first = sizes[0];
        if (first !== undefined && typeof first === 'object' && sizes.every((s) => typeof s === 'object' && sameSize(s, first))) size = first;
      }
      if (size === undefined) {
        push('PLAN_SIZE_MISSING', [p], '联合抽查计划未给出抽查比例或数量，且各事项的比例不一致', 'the joint plan gives no ratio or count and its items disagree');
        continue;
      }
      makeTasks(planItems, size, 1, 'joint', [p]);
    } else {
      for (const item of [...planItems].sort((a, b) => compareCodeUnits(a.id, b.id))) {
        const itemSize = planSize === 'none' ? sizeOf(item) : planSize;
        if (itemSize === 'none' || itemSize === 'ambiguous') {
          push(itemSize === 'none' ? 'PLAN_SIZE_MISSING' : 'PLAN_SIZE_AMBIGUOUS', [p, 'itemIds', plan.itemIds.indexOf(item.id)], `事项 ${item.id} 没有唯一的抽查比例或数量`, `item ${item.id} has no single ratio or count`, item.id);
          continue;
        }
        makeTasks([item], itemSize, item.frequencyPerYear ?? 1, item.id, [p, 'itemIds', plan.itemIds.indexOf(item.id)]);
      }
    }
  }
  if (issues.length > 0) return { success: false, issues };
  tasks.sort((a, b) => compareCodeUnits(a.id, b.id));
  skipped.sort((a, b) => compareCodeUnits(a.planId, b.planId) || compareCodeUnits(a.itemId, b.itemId));
  return { success: true, data: { tasks, skipped } };
}
