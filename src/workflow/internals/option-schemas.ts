/**
 * The options objects of the workflow's public functions, as strict schemas (an unknown key is refused, so a
 * misspelt option is never silently ignored). Trees are checked by `requireCategoryTree`, calendars by
 * `requireCalendar`; both are left as `unknown` here.
 *
 * @module
 */
import * as z from 'zod';
import { PlainDateStringSchema } from '../../models/vocabulary.js';
import { AnnualDedupPolicySchema, DeadlinePolicySchema, DepartmentSchema } from './shapes.js';
import { InspectorListSchema } from './tasks.js';

const text = /* @__PURE__ */ z.string().min(1);
const headers = /* @__PURE__ */ z.enum(['zh', 'en']);

export const OptionsSchemas = {
  categoryTreeOnly: z.object({ categoryTree: z.unknown().optional() }).strict(),
  deriveTasks: z
    .object({
      annualDedup: AnnualDedupPolicySchema.optional(),
      annualDedupByDepartment: z.array(z.object({ department: DepartmentSchema, policy: AnnualDedupPolicySchema }).strict()).optional(),
      jointItemsInSinglePlans: z.enum(['skip', 'error']).optional(),
    })
    .strict()
    .superRefine((options, ctx) => {
      const seen = new Set<string>();
      (options.annualDedupByDepartment ?? []).forEach((entry, i) => {
        if (seen.has(entry.department)) {
          ctx.addIssue({
            code: 'custom',
            path: ['annualDedupByDepartment', i, 'department'],
            message: `department ${entry.department} has two policies`,
            params: { code: 'DEDUP_DEPARTMENT_DUPLICATE', zh: `部门 ${entry.department} 有两条年度不重复抽查规则` },
          });
        }
        seen.add(entry.department);
      });
    }),
  splitPeriod: z.object({ labelPrefix: z.string().optional() }).strict(),
  transition: z.object({ minInspectorsPerTarget: z.unknown().optional(), categoryTree: z.unknown().optional() }).strict(),
  collectMilestones: z
    .object({ extra: z.array(z.object({ taskId: text, targetId: text.optional(), event: text, date: PlainDateStringSchema }).strict()).optional() })
    .strict(),
  /** `evaluateDeadlines` without its `calendar` (checked on its own: an object with methods, not data). */
  evaluateDeadlines: z
    .object({
      asOf: z.unknown().refine((v) => PlainDateStringSchema.safeParse(v).success, {
        message: 'asOf must be a real date written YYYY-MM-DD',
        params: { code: 'INVALID_DATE', zh: 'asOf 应为 YYYY-MM-DD 格式的真实日期' },
      }),
      policy: DeadlinePolicySchema.optional(),
      dueSoonWorkdays: z
        .unknown()
        .refine((v) => v === undefined || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0), {
          message: 'invalid due-soon window: a whole number of working days ≥ 0',
          params: { code: 'DUE_SOON_WINDOW_INVALID', zh: '即将到期的工作日数无效：应为不小于 0 的整数' },
        })
        .optional(),
    })
    .strict(),
  resultNotice: z
    .object({
      categoryTree: z.unknown().optional(),
      includeInspectors: z.boolean().optional(),
      inspectors: InspectorListSchema.optional(),
      includeSensitive: z.boolean().optional(),
    })
    .strict(),
  noticeToCsv: z.object({ bom: z.boolean().optional(), headers: headers.optional(), part: z.enum(['rows', 'meta']).optional() }).strict(),
  noticeToJson: z.object({ headers: headers.optional(), indent: z.number().int().min(0).max(10).optional() }).strict(),
  statistics: z
    .object({ enforcementStaffTotal: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(), categoryTree: z.unknown().optional() })
    .strict(),
} as const;
