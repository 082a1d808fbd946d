/**
 * The shape of an {@link AuditReport} (what `auditDrawHistory` returns), read strictly by `formatAuditReport`:
 * a report from a file or another program is checked before it is rendered.
 *
 * @module
 */
import * as z from 'zod';
import { AuditFieldSchema } from '../audit-field.js';

const finite = /* @__PURE__ */ z.number().refine(Number.isFinite, { message: 'expected a finite number', params: { zh: '应为有限数' } });
const count = /* @__PURE__ */ z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const probability = /* @__PURE__ */ z.number().min(0).max(1);

const CategoryCountSchema = /* @__PURE__ */ z.object({ category: z.string(), observed: finite, expected: finite, rateRatio: finite.nullable() }).strict();

const FindingSchema = /* @__PURE__ */ z
  .object({
    id: z.string().min(1),
    kind: z.enum(['stratum-rate', 'representation', 'category-rate', 'focus-group', 'repeat-distribution', 'entity-repeat']),
    scope: z
      .object({
        draw: z.string().optional(),
        stratum: z.string().optional(),
        field: AuditFieldSchema.optional(),
        category: z.string().optional(),
        group: z.string().optional(),
        entityId: z.string().optional(),
      })
      .strict(),
    method: z.enum(['exact-binomial', 'pearson-chi-square', 'poisson-binomial-bonferroni']),
    observed: finite,
    expected: finite,
    trials: finite,
    pValue: probability,
    adjustedPValue: probability,
    significant: z.boolean(),
    effect: z
      .object({
        rateRatio: finite.nullable(),
        difference: finite,
        cohensW: finite.optional(),
        categories: z.array(CategoryCountSchema).optional(),
        expectedStandardError: finite.optional(),
      })
      .strict(),
    messageZh: z.string(),
    messageEn: z.string(),
  })
  .strict();

/** 审计报告. */
export const AuditReportSchema = /* @__PURE__ */ z
  .object({
    alpha: z.number().gt(0).lt(1),
    correction: z.enum(['holm', 'benjamini-hochberg']),
    drawCount: count,
    drawLabels: z.array(z.string()),
    entityCount: count,
    selectionCount: count,
    inclusionProbabilities: z
      .object({ method: z.enum(['exact', 'monte-carlo', 'mixed']), replications: count.nullable(), maxStandardError: z.number().min(0).max(1) })
      .strict(),
    tests: z.array(FindingSchema),
    significantCount: count,
    summaryZh: z.string(),
    summaryEn: z.string(),
  })
  .strict();
