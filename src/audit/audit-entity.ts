import * as z from 'zod';

/**
 * 审计用检查对象 — one entity of a population snapshot, reduced to what the audit needs. Any object with
 * these fields works (a library {@link Entity} does; unknown keys are ignored), so histories from other
 * systems can be audited too. `riskClass`, `lists` and `complaintCount` feed a stated weight rule exactly as
 * they feed the draw's (a risk class the rule does not name gets its `default`).
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import { AuditEntitySchema } from 'shuangsuiji';
 * const entity = AuditEntitySchema.parse({ id: 'E0001', riskClass: 'B', regionCode: '410402', supervisingUnit: '新华所' });
 * console.log(entity.id); // 'E0001'
 * ```
 */
export const AuditEntitySchema = /* @__PURE__ */ z
  .object({
    /** Stable id (the id the draw used). */
    id: z.string().min(1),
    /** 信用风险分类 (any labels: A–D or a local scheme). */
    riskClass: z.string().min(1).optional(),
    /** 行政区划代码. */
    regionCode: z.string().min(1).optional(),
    /** 属地监管单位 (监管所). */
    supervisingUnit: z.string().min(1).optional(),
    /** 所属行业. */
    industry: z.string().min(1).optional(),
    /** A free stratum label, for designs stratified by something else. */
    stratum: z.string().min(1).optional(),
    /**
     * 权重 — the selection weight of a weighted design replicated by a caller's `drawFunction`; positive. Not
     * needed when the design states the draw's `weights` rule.
     */
    weight: z.number().positive().finite().optional(),
    /** 名单 memberships (经营异常名录 `abnormal-operations`, 严重违法失信名单 `serious-violations`), for a stated `weights` rule. */
    lists: z.array(z.string().min(1)).readonly().optional(),
    /** 投诉举报数量, for a stated `weights` rule's complaints factor; absent counts as 0. */
    complaintCount: z.number().int().nonnegative().max(0xffffffff).optional(),
  })
  .readonly();

/**
 * 审计用检查对象 — see {@link AuditEntitySchema}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditEntity } from 'shuangsuiji';
 * const entity: AuditEntity = { id: 'E0001', riskClass: 'A', industry: '批发和零售业' };
 * ```
 */
export type AuditEntity = z.infer<typeof AuditEntitySchema>;
