import * as z from 'zod';

/**
 * 审计字段 — an entity field the audit can stratify by or test for over/under-representation:
 * 信用风险分类 `riskClass`, 行政区划 `regionCode`, 属地监管单位 `supervisingUnit`, 行业 `industry`, or a free
 * `stratum` label for systems that stratify by something else.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import { AuditFieldSchema } from 'shuangsuiji';
 * AuditFieldSchema.parse('regionCode'); // 'regionCode'
 * ```
 */
export const AuditFieldSchema = /* @__PURE__ */ z.enum(['riskClass', 'regionCode', 'supervisingUnit', 'industry', 'stratum']);

/**
 * 审计字段 — see {@link AuditFieldSchema}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { AuditField } from 'shuangsuiji';
 * const fields: AuditField[] = ['regionCode', 'supervisingUnit'];
 * ```
 */
export type AuditField = z.infer<typeof AuditFieldSchema>;
