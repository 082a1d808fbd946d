import * as z from 'zod';
import { EMPTY_LIST, frozenArray } from './internals/frozen-array.js';
import {
  InspectionMethodSchema,
  ItemCategorySchema,
  RatioByRiskClassSchema,
  RatioSchema,
} from './vocabulary.js';

/**
 * 联合抽查 — departments of a joint (cross-department) item: 发起部门 and 配合部门.
 *
 * @group Models
 *
 * @example
 * ```ts
 * JointDepartmentsSchema.parse({ initiatingDepartment: '市场监管局', cooperatingDepartments: ['卫生健康委'] });
 * ```
 */
export const JointDepartmentsSchema = /* @__PURE__ */ z
  .object({
    /** 发起部门. */
    initiatingDepartment: z.string().min(1),
    /** 配合部门. */
    cooperatingDepartments: frozenArray(z.string().min(1), { min: 1 }),
  })
  .strict()
  .readonly();
/**
 * 联合抽查 departments.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const joint: JointDepartments = { initiatingDepartment: '市场监管局', cooperatingDepartments: ['生态环境局'] };
 * ```
 */
export type JointDepartments = z.infer<typeof JointDepartmentsSchema>;

/**
 * 抽查事项 — one row of the 随机抽查事项清单 (the inspection-item list). `legalBasis`, `methods` and
 * `requiredExpertise` default to `[]` on input.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const item = InspectionItemSchema.parse({ id: '1', department: '市场监管局', name: '示例事项01', category: 'general', ratio: 0.05 });
 * item.methods; // []
 * ```
 */
export const InspectionItemSchema = /* @__PURE__ */ z
  .object({
    /** Stable id of the item. */
    id: z.string().min(1),
    /** 序号. */
    sequence: z.number().int().positive().optional(),
    /** 部门名称. */
    department: z.string().min(1),
    /** 抽查事项名称. */
    name: z.string().min(1),
    /** 抽查依据 — legal basis, often several articles. */
    legalBasis: frozenArray(z.string().min(1)).default(EMPTY_LIST),
    /** 检查主体. */
    inspectingBody: z.string().min(1).optional(),
    /** 事项类别 一般/重点. */
    category: ItemCategorySchema,
    /** 检查对象 — the kind of target the item applies to (free text, e.g. 辖区内企业). */
    targetDescription: z.string().min(1).optional(),
    /** 抽查比例 — one ratio for all targets. */
    ratio: RatioSchema.optional(),
    /** 抽查比例 per 信用风险分类, when differentiated. */
    ratioByRiskClass: RatioByRiskClassSchema.optional(),
    /** 抽查频次 — times per year. */
    frequencyPerYear: z.number().int().positive().optional(),
    /** 检查方式. */
    methods: frozenArray(InspectionMethodSchema).default(EMPTY_LIST),
    /** 检查人员要求 — required expertise (业务专长). */
    requiredExpertise: frozenArray(z.string().min(1)).default(EMPTY_LIST),
    /** 跨部门联合抽查 departments, when the item is done jointly. */
    joint: JointDepartmentsSchema.optional(),
    /** 备注, e.g. "跨部门开展，本单位不再单独开展". */
    remark: z.string().min(1).optional(),
  })
  .strict()
  .readonly();

/**
 * 抽查事项 — an item of the list, validated and readonly.
 *
 * @group Models
 *
 * @example
 * ```ts
 * function needsSpecialist(item: InspectionItem): boolean {
 *   return item.requiredExpertise.length > 0;
 * }
 * ```
 */
export type InspectionItem = z.infer<typeof InspectionItemSchema>;
