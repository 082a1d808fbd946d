/**
 * The shapes of the workflow's inputs, as strict schemas: unknown keys, wrong types and unknown vocabulary are
 * refused. Read through `parseArgument` (a detached copy; coded errors with paths). Literal schemas only: nothing
 * is computed at import time beyond building them.
 *
 * @module
 */
import * as z from 'zod';
import { PlanBatchSchema } from '../../models/spot-check-plan.js';
import { TargetFilterSchema } from '../../models/target-filter.js';
import { InspectionMethodSchema, PlainDateStringSchema, RatioByRiskClassSchema, RatioSchema, RiskClassSchema } from '../../models/vocabulary.js';

const text = /* @__PURE__ */ z.string().min(1);
const nonNegativeInt = /* @__PURE__ */ z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveInt = /* @__PURE__ */ z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** True when `name` starts or ends with white space (including full-width spaces and line breaks). */
export function isPadded(name: string): boolean {
  return /^\s|\s$/u.test(name);
}

/**
 * 部门名称 — non-empty, without white space at either end: department rules and policies are looked up by the
 * exact name, so `'市场监管局 '` would silently match nothing (and fall back to the defaults) if it were accepted.
 */
export const DepartmentSchema = /* @__PURE__ */ text.refine((name) => !isPadded(name), {
  message: 'a department name must not start or end with white space (names are matched exactly)',
  params: { code: 'DEPARTMENT_NAME_WHITESPACE', zh: '部门名称首尾不得有空白字符（部门名称按原样精确匹配）' },
});

export const TASK_STATES = ['to-draw', 'drawn', 'matched', 'inspecting', 'recorded', 'published', 'cancelled'] as const;
export const TaskStateSchema = /* @__PURE__ */ z.enum(TASK_STATES);

const TaskSampleSizeSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ratio'), ratio: RatioSchema }).strict(),
  z.object({ kind: z.literal('ratio-by-risk-class'), ratios: RatioByRiskClassSchema }).strict(),
  z.object({ kind: z.literal('count'), count: nonNegativeInt }).strict(),
]);

export const AnnualDedupPolicySchema = /* @__PURE__ */ z
  .object({ scope: z.enum(['none', 'same-department', 'any-department']), riskClasses: z.array(RiskClassSchema).optional() })
  .strict();

export const BatchPositionSchema = /* @__PURE__ */ z
  .object({ index: nonNegativeInt, count: positiveInt })
  .strict()
  .refine((b) => b.index < b.count, {
    message: 'the batch index must be below the batch count',
    path: ['index'],
    params: { code: 'BATCH_INDEX_INVALID', zh: '批次序号应小于批次数' },
  });

export const TaskAssignmentSchema = /* @__PURE__ */ z
  .object({ targetId: text, inspectorIds: z.array(text), expertIds: z.array(text).optional() })
  .strict();

export const TaskPopulationSchema = /* @__PURE__ */ z
  .object({
    total: nonNegativeInt,
    byRiskClass: z
      .object({ A: nonNegativeInt.optional(), B: nonNegativeInt.optional(), C: nonNegativeInt.optional(), D: nonNegativeInt.optional(), unclassified: nonNegativeInt.optional() })
      .strict()
      .optional(),
  })
  .strict();

const TaskTransitionRecordSchema = /* @__PURE__ */ z.object({ from: TaskStateSchema, to: TaskStateSchema, date: PlainDateStringSchema, note: z.string().optional() }).strict();

/** 抽查任务 — as `deriveTasks` and `transitionTask` make it. */
export const SpotCheckTaskSchema = /* @__PURE__ */ z
  .object({
    id: text,
    planId: text,
    planName: text,
    year: z.number().int().min(1).max(9999),
    kind: z.enum(['single-department', 'joint']),
    itemIds: z.array(text),
    initiatingDepartment: DepartmentSchema,
    cooperatingDepartments: z.array(DepartmentSchema),
    round: z
      .object({ index: positiveInt, count: positiveInt })
      .strict()
      .refine((r) => r.index <= r.count, { message: 'the round index must not exceed the round count', path: ['index'], params: { code: 'INVALID_VALUE', zh: '轮次不得大于轮次数' } }),
    batch: PlanBatchSchema,
    methods: z.array(InspectionMethodSchema),
    spec: z
      .object({ label: text, targetScope: TargetFilterSchema, size: TaskSampleSizeSchema, batch: BatchPositionSchema, annualDedup: AnnualDedupPolicySchema })
      .strict(),
    state: TaskStateSchema,
    targetIds: z.array(text),
    population: TaskPopulationSchema.optional(),
    drawRecordDigest: z.string().optional(),
    assignments: z.array(TaskAssignmentSchema),
    history: z.array(TaskTransitionRecordSchema),
    cancellationReason: z.string().optional(),
  })
  .strict();

const DEADLINE_UNITS: readonly unknown[] = ['working-days', 'calendar-days'];

/** 时限规则 — with the codes `computeDeadline` has always used for its amount and unit. */
export const DeadlineRuleSchema = /* @__PURE__ */ z
  .object({
    id: text,
    labelZh: text,
    labelEn: text,
    start: text,
    stop: text,
    amount: z.unknown().refine((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1, {
      message: 'the number of days of a deadline rule must be a positive integer',
      params: { code: 'DEADLINE_AMOUNT_INVALID', zh: '时限规则的天数应为正整数' },
    }),
    unit: z.unknown().refine((v) => DEADLINE_UNITS.includes(v), {
      message: "the unit of a deadline rule must be 'working-days' or 'calendar-days'",
      params: { code: 'DEADLINE_UNIT_INVALID', zh: "时限规则的单位应为 'working-days'（工作日）或 'calendar-days'（日）" },
    }),
    per: z.enum(['task', 'target']),
    basis: z.string().optional(),
  })
  .strict();

/** Reports the second and later occurrences of a key in `values`. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}

const RuleListSchema = /* @__PURE__ */ z.array(DeadlineRuleSchema).superRefine((rules, ctx) => {
  for (const i of duplicates(rules.map((r) => r.id))) {
    ctx.addIssue({
      code: 'custom',
      path: [i, 'id'],
      message: `rule id ${rules[i]!.id} appears twice (a department's rule replaces the default of the same id)`,
      params: { code: 'DEADLINE_RULE_ID_DUPLICATE', zh: `时限规则 id 重复：${rules[i]!.id}（部门规则按 id 替换默认规则）` },
    });
  }
});

/** 时限政策. */
export const DeadlinePolicySchema = /* @__PURE__ */ z
  .object({
    rules: RuleListSchema,
    byDepartment: z.array(z.object({ department: DepartmentSchema, rules: RuleListSchema, replace: z.boolean().optional() }).strict()).optional(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const list = policy.byDepartment ?? [];
    for (const i of duplicates(list.map((d) => d.department))) {
      ctx.addIssue({
        code: 'custom',
        path: ['byDepartment', i, 'department'],
        message: `department ${list[i]!.department} has two entries`,
        params: { code: 'DEADLINE_DEPARTMENT_DUPLICATE', zh: `部门 ${list[i]!.department} 有两条时限设置` },
      });
    }
  });

/** 时限对象. */
export const DeadlineSubjectSchema = /* @__PURE__ */ z
  .object({
    taskId: text,
    targetId: text.optional(),
    department: DepartmentSchema,
    milestones: z.array(z.object({ event: text, date: PlainDateStringSchema }).strict()),
  })
  .strict()
  .superRefine((subject, ctx) => {
    for (const i of duplicates(subject.milestones.map((m) => m.event))) {
      ctx.addIssue({
        code: 'custom',
        path: ['milestones', i, 'event'],
        message: `event ${subject.milestones[i]!.event} appears twice`,
        params: { code: 'MILESTONE_DUPLICATE', zh: `时限节点 ${subject.milestones[i]!.event} 出现两次` },
      });
    }
  });

/** 时限状态 — as `evaluateDeadlines` returns it. */
export const DeadlineStatusSchema = /* @__PURE__ */ z
  .object({
    taskId: text,
    targetId: text.optional(),
    department: DepartmentSchema,
    ruleId: text,
    state: z.enum(['not-started', 'open', 'due-soon', 'overdue', 'on-time', 'late']),
    start: PlainDateStringSchema.optional(),
    due: PlainDateStringSchema.optional(),
    stop: PlainDateStringSchema.optional(),
    daysLate: nonNegativeInt.optional(),
    workdaysLate: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/** 公示信息. */
export const PublicNoticeSchema = /* @__PURE__ */ z
  .object({
    kind: z.enum(['plan', 'draw', 'results']),
    titleZh: z.string(),
    titleEn: z.string(),
    meta: z.array(z.object({ key: text, labelZh: text, labelEn: text, value: z.string() }).strict()),
    columns: z.array(z.object({ key: text, headerZh: text, headerEn: text }).strict()),
    rows: z.array(z.array(z.string())),
    withheld: nonNegativeInt,
  })
  .strict()
  .superRefine((notice, ctx) => {
    const duplicate = (path: (string | number)[], what: string, whatZh: string): void => {
      ctx.addIssue({ code: 'custom', path, message: `${what} appears twice (one would overwrite the other in JSON)`, params: { code: 'NOTICE_DUPLICATE_KEY', zh: `${whatZh}重复（导出 JSON 时会相互覆盖）` } });
    };
    for (const field of ['key', 'headerZh'] as const) {
      for (const i of duplicates(notice.columns.map((c) => c[field]))) duplicate(['columns', i, field], `column ${field} ${notice.columns[i]![field]}`, `列 ${field} ${notice.columns[i]![field]} `);
    }
    for (const field of ['key', 'labelZh'] as const) {
      for (const i of duplicates(notice.meta.map((m) => m[field]))) duplicate(['meta', i, field], `heading ${field} ${notice.meta[i]![field]}`, `公示信息 ${field} ${notice.meta[i]![field]} `);
    }
    notice.rows.forEach((row, i) => {
      if (row.length !== notice.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `the row has ${row.length} cells for ${notice.columns.length} columns`,
          params: { code: 'NOTICE_ROW_LENGTH', zh: `该行有 ${row.length} 个单元格，但有 ${notice.columns.length} 列` },
        });
      }
    });
  });
