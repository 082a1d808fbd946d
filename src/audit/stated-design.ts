import { z } from 'zod';
import { AuditFieldSchema } from './audit-field.js';

const ratio = z.number().min(0).max(1);

/**
 * 声明的抽样设计 — the design a draw claims to follow: strata (by one field, or none), and exactly one of
 * a single `ratio` (抽查比例, every stratum), per-stratum `ratios` (e.g. by 信用风险分类) or per-stratum
 * `sizes` (counts). Within a stratum, `simple` selection is simple random sampling without replacement
 * (every entity has chance n_h/N_h); `weighted` uses each entity's `weight` (risk-weighted draws), whose
 * inclusion probabilities the audit estimates by Monte-Carlo.
 *
 * @example
 * ```ts
 * import { StatedDesignSchema } from 'shuangsuiji';
 * // Henan 2021-style differentiated ratios by credit-risk class:
 * const design = StatedDesignSchema.parse({ stratifyBy: 'riskClass', ratios: { A: 0.01, B: 0.02, C: 0.1, D: 0.3 } });
 * console.log(design.ratios?.['D']); // 0.3
 * ```
 */
export const StatedDesignSchema = z
  .object({
    /** 分层字段; absent means one stratum (the whole population). */
    stratifyBy: AuditFieldSchema.optional(),
    /** 抽查比例 for every stratum. */
    ratio: ratio.optional(),
    /** 抽查比例 per stratum value. */
    ratios: z.record(z.string(), ratio).optional(),
    /** 抽查数量 per stratum value. */
    sizes: z.record(z.string(), z.number().int().nonnegative()).optional(),
    /**
     * How a ratio becomes a count when one is needed (stated inclusion probabilities).
     * @defaultValue `'ceil'`
     */
    rounding: z.enum(['ceil', 'floor', 'half-up']).optional(),
    /**
     * 抽取方式 within a stratum: `simple` (equal chances) or `weighted` (by entity `weight`).
     * @defaultValue `'simple'`
     */
    selection: z.enum(['simple', 'weighted']).optional(),
  })
  .strict()
  .readonly()
  .refine(
    (d) => [d.ratio, d.ratios, d.sizes].filter((v) => v !== undefined).length === 1,
    { message: 'state exactly one of ratio, ratios or sizes' },
  );

/**
 * 声明的抽样设计 — see {@link StatedDesignSchema}.
 *
 * @example
 * ```ts
 * import type { StatedDesign } from 'shuangsuiji';
 * const design: StatedDesign = { ratio: 0.03 };
 * ```
 */
export type StatedDesign = z.infer<typeof StatedDesignSchema>;
