import * as z from 'zod';
import { EMPTY_LIST, frozenArray } from './internals/frozen-array.js';
import { InspectorStatusSchema, PlainDateStringSchema } from './vocabulary.js';

/**
 * The `validTo` of a certificate without an end date (长期有效).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const lifelong = { number: '执-0009', validTo: OPEN_ENDED };
 * ```
 */
export const OPEN_ENDED = 'open-ended';

/**
 * 执法证 — an enforcement certificate. The number has no national format: an opaque string.
 *
 * @group Models
 *
 * @example
 * ```ts
 * CertificateSchema.parse({ number: '执-0001', validFrom: '2024-01-01', validTo: '2028-12-31' });
 * CertificateSchema.parse({ number: '执-0003', validTo: 'open-ended' }); // 长期有效
 * ```
 */
export const CertificateSchema = /* @__PURE__ */ z
  .object({
    /** 执法证号 (opaque). */
    number: z.string().min(1),
    /** 发证机关. */
    issuer: z.string().min(1).optional(),
    /** 有效期起 (inclusive). */
    validFrom: PlainDateStringSchema.optional(),
    /**
     * 有效期止 (inclusive): a date, or `'open-ended'` (长期有效) for a certificate without an end date. Required: an
     * open-ended certificate is stated, never the result of a missing column.
     */
    validTo: z.union([PlainDateStringSchema, z.literal(OPEN_ENDED)]),
  })
  .strict()
  .readonly()
  .refine((c) => c.validFrom === undefined || c.validTo === OPEN_ENDED || c.validFrom <= c.validTo, {
    message: 'the certificate ends before it starts / 执法证有效期止早于有效期起',
    path: ['validTo'],
  });
/**
 * 执法证 — an enforcement certificate.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const certificate: Certificate = { number: '执-0002', issuer: '示例市人民政府', validTo: 'open-ended' };
 * ```
 */
export type Certificate = z.infer<typeof CertificateSchema>;

/**
 * 执法检查人员 — one row of the 执法检查人员名录库 (the register of inspectors). `expertise`, `status` and
 * `isExpert` default to `[]`, `active` and `false` on input.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const inspector = InspectorSchema.parse({ id: 'ZF-0001', name: '检查员甲-001', department: '市场监管局' });
 * inspector.isExpert; // false
 * ```
 */
export const InspectorSchema = /* @__PURE__ */ z
  .object({
    /** Stable id within the register (hashed by the matcher). */
    id: z.string().min(1),
    /** 姓名. */
    name: z.string().min(1),
    /** 所属部门. */
    department: z.string().min(1),
    /** 单位/监管所 — unit or station. */
    unit: z.string().min(1).optional(),
    /** 职务. */
    position: z.string().min(1).optional(),
    /** 业务专长. */
    expertise: frozenArray(z.string().min(1)).default(EMPTY_LIST),
    /** 执法证; experts (专家) may have none. */
    certificate: CertificateSchema.optional(),
    /** 在岗/暂停; default 在岗 (`active`). */
    status: InspectorStatusSchema.default('active'),
    /** 专家 — assists but never counts toward the minimum number of enforcement inspectors. */
    isExpert: z.boolean().default(false),
    /** 行政区划代码 of the inspector's area. */
    regionCode: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict()
  .readonly();

/**
 * 执法检查人员 — an inspector of the register, validated and readonly.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const expert: Inspector = {
 *   id: 'EX01', name: '专家乙-01', department: '市场监管局', expertise: ['特种设备'], status: 'active', isExpert: true,
 * };
 * ```
 */
export type Inspector = z.infer<typeof InspectorSchema>;
