import { z } from 'zod';
import { drawTargets } from '../draw/index.js';
import type { WeightRule } from '../draw/index.js';
import { isShuangsuijiError } from '../errors.js';
import { ListMembershipSchema, RiskClassSchema } from '../models/vocabulary.js';
import { AuditFieldSchema } from './audit-field.js';

const ratio = z.number().min(0).max(1);
const decimal = z.union([z.number(), z.string()]);

/** The draw's {@link WeightRule}, in shape; its values are checked by the draw itself (see the refinement below). */
const WeightRuleSchema = z
  .object({
    byRiskClass: z.partialRecord(z.union([RiskClassSchema, z.literal('unclassified')]), decimal).optional(),
    default: decimal.optional(),
    byList: z.partialRecord(ListMembershipSchema, decimal).optional(),
    complaints: z.object({ perComplaint: decimal, cap: z.number().int().nonnegative().optional() }).strict().optional(),
  })
  .strict()
  .readonly();

/** A fixed seed for checking a weight rule on an empty register (nothing is drawn). */
const CHECK_SEED = '5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d';

/**
 * 声明的抽样设计 — the design a draw claims to follow: strata (by one field, or none), and exactly one of
 * a single `ratio` (抽查比例, every stratum), per-stratum `ratios` (e.g. by 信用风险分类) or per-stratum
 * `sizes` (counts). A ratio becomes a count exactly as the draw's `sampleSize` does (`rounding` `up`, `down` or
 * `half-up`, the draw's names; a ratio of 0 gives 0). Entities lacking the stratification field form the
 * stratum `""`, as in the draw, when the design covers it (a single `ratio`, or a `""` entry in `ratios` or
 * `sizes`); otherwise they are reported as `MISSING_STRATUM_VALUE`.
 *
 * Within a stratum, `simple` selection is simple random sampling without replacement (every entity has chance
 * n_h/N_h); `weighted` is a risk-weighted draw, whose inclusion probabilities the audit estimates by
 * Monte-Carlo. A weighted design either states the draw's own {@link WeightRule} in `weights` (weights from the
 * entities' `riskClass`, `lists` and `complaintCount`; the audit then replicates `drawTargets` itself), or relies
 * on each entity's `weight` together with a `monteCarlo.drawFunction` that replicates the foreign system.
 *
 * @example
 * ```ts
 * import { StatedDesignSchema } from 'shuangsuiji';
 * // Henan 2021-style differentiated ratios by credit-risk class:
 * const design = StatedDesignSchema.parse({ stratifyBy: 'riskClass', ratios: { A: 0.01, B: 0.02, C: 0.1, D: 0.3 } });
 * console.log(design.ratios?.['D']); // 0.3
 * // A risk-weighted 3% draw, weighted as the library's draw would be:
 * const weighted = StatedDesignSchema.parse({ ratio: 0.03, selection: 'weighted', weights: { byRiskClass: { A: 1, B: 2, C: 5, D: 10 } } });
 * console.log(weighted.weights?.byRiskClass?.D); // 10
 * ```
 */
export const StatedDesignSchema = z
  .object({
    /** 分层字段; absent means one stratum (the whole population). */
    stratifyBy: AuditFieldSchema.optional(),
    /** 抽查比例 for every stratum. */
    ratio: ratio.optional(),
    /** 抽查比例 per stratum value (`""` = entities lacking the field). */
    ratios: z.record(z.string(), ratio).optional(),
    /** 抽查数量 per stratum value (`""` = entities lacking the field). */
    sizes: z.record(z.string(), z.number().int().nonnegative()).optional(),
    /**
     * How a ratio becomes a count when one is needed (stated inclusion probabilities): the draw's `SizeRule`
     * rounding — `up` ⌈N·p⌉, `down` ⌊N·p⌋, `half-up` nearest with halves up.
     * @defaultValue `'up'`
     */
    rounding: z.enum(['up', 'down', 'half-up']).optional(),
    /**
     * 抽取方式 within a stratum: `simple` (equal chances) or `weighted` (by `weights`, else by entity `weight`).
     * @defaultValue `'simple'`
     */
    selection: z.enum(['simple', 'weighted']).optional(),
    /**
     * 风险加权规则 — the draw's {@link WeightRule} (only with `selection: 'weighted'`); checked as the draw
     * checks it.
     * @defaultValue none — weighted designs then use each entity's `weight`
     */
    weights: WeightRuleSchema.optional(),
  })
  .strict()
  .readonly()
  .refine(
    (d) => [d.ratio, d.ratios, d.sizes].filter((v) => v !== undefined).length === 1,
    { message: 'state exactly one of ratio, ratios or sizes' },
  )
  .refine((d) => d.weights === undefined || d.selection === 'weighted', {
    message: 'weights need selection: weighted',
    path: ['selection'],
  })
  .superRefine((d, ctx) => {
    if (d.weights === undefined) return;
    try {
      drawTargets([], { label: 'check', size: { count: 0 }, weights: d.weights as WeightRule }, { seed: CHECK_SEED });
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      ctx.addIssue({ code: 'custom', message: `${error.code}: ${error.messageEn}`, path: [...error.path] });
    }
  });

/**
 * 声明的抽样设计 — see {@link StatedDesignSchema}.
 *
 * @example
 * ```ts
 * import type { StatedDesign } from 'shuangsuiji';
 * const design: StatedDesign = { ratio: 0.03 };
 * const weighted: StatedDesign = { stratifyBy: 'regionCode', ratio: 0.05, selection: 'weighted', weights: { byList: { 'serious-violations': 3 } } };
 * ```
 */
export type StatedDesign = z.infer<typeof StatedDesignSchema>;
