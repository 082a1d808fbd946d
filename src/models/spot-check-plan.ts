import * as z from 'zod';
import { frozenArray } from './internals/frozen-array.js';
import { TargetFilterSchema } from './target-filter.js';
import { InspectionMethodSchema, PlainDateStringSchema, RatioByRiskClassSchema, RatioSchema } from './vocabulary.js';

/**
 * 批次 — one time batch of a plan (seed 000 五(三): a large set may be drawn in several batches).
 *
 * @group Models
 *
 * @example
 * ```ts
 * PlanBatchSchema.parse({ label: '第一批', start: '2025-03-01', end: '2025-06-30' });
 * ```
 */
export const PlanBatchSchema = /* @__PURE__ */ z
  .object({
    /** Batch label, unique in the plan (hashed into the draw label). */
    label: z.string().min(1),
    /** First day of the batch (inclusive). */
    start: PlainDateStringSchema,
    /** Last day of the batch (inclusive). */
    end: PlainDateStringSchema,
  })
  .strict()
  .readonly();
/**
 * 批次 — a time batch.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const batch: PlanBatch = { label: '下半年', start: '2025-07-01', end: '2025-11-30' };
 * ```
 */
export type PlanBatch = z.infer<typeof PlanBatchSchema>;

/**
 * 年度抽查计划 / 跨部门联合抽查计划 — an annual plan, joint when it names cooperating departments.
 * The size is a `ratio`, `ratioByRiskClass` or a `count` (exactly one).
 *
 * @group Models
 *
 * @example
 * ```ts
 * SpotCheckPlanSchema.parse({
 *   id: 'P-2025', name: '示例市2025年度抽查计划', year: 2025, initiatingDepartment: '市场监管局',
 *   cooperatingDepartments: [], itemIds: ['1'], targetScope: [], ratio: 0.05,
 *   period: { start: '2025-03-01', end: '2025-11-30' }, methods: ['on-site'],
 *   batches: [{ label: '全年', start: '2025-03-01', end: '2025-11-30' }],
 * });
 * ```
 */
export const SpotCheckPlanSchema = /* @__PURE__ */ z
  .object({
    /** Stable id of the plan. */
    id: z.string().min(1),
    /** 计划名称. */
    name: z.string().min(1),
    /** 年度. */
    year: z.number().int().min(1).max(9999),
    /** 发起部门 (the department for a single-department plan). */
    initiatingDepartment: z.string().min(1),
    /** 配合部门 — empty for a single-department plan. */
    cooperatingDepartments: frozenArray(z.string().min(1)),
    /** 抽查事项 ids from the item list. */
    itemIds: frozenArray(z.string().min(1), { min: 1 }),
    /** 检查对象范围 — directed conditions; empty means 不定向. */
    targetScope: TargetFilterSchema,
    /** 抽查比例. */
    ratio: RatioSchema.optional(),
    /** 抽查比例 per 信用风险分类. */
    ratioByRiskClass: RatioByRiskClassSchema.optional(),
    /** 抽查数量 — a fixed count instead of a ratio. */
    count: z.number().int().nonnegative().optional(),
    /** 实施期间. */
    period: z.object({ start: PlainDateStringSchema, end: PlainDateStringSchema }).strict().readonly(),
    /** 检查方式. */
    methods: frozenArray(InspectionMethodSchema),
    /** 批次; at least one. */
    batches: frozenArray(PlanBatchSchema, { min: 1 }),
  })
  .strict()
  .readonly();

/**
 * 年度抽查计划 — an annual (or joint) plan, validated and readonly.
 *
 * @group Models
 *
 * @example
 * ```ts
 * function isJoint(plan: SpotCheckPlan): boolean {
 *   return plan.cooperatingDepartments.length > 0;
 * }
 * ```
 */
export type SpotCheckPlan = z.infer<typeof SpotCheckPlanSchema>;
