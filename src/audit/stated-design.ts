import * as z from 'zod';
import { drawTargets } from '../draw/index.js';
import type { WeightRule } from '../draw/index.js';
import { isShuangsuijiError } from '../errors.js';
import { compareCodeUnits } from '../internals/compare.js';
import { readDecimal } from '../internals/rational.js';
import { ListMembershipSchema, RiskClassSchema } from '../models/vocabulary.js';
import { AuditFieldSchema } from './audit-field.js';

/**
 * A ratio in [0, 1] read exactly as the draw reads its `ExactDecimal`: a number (by its shortest round-trip
 * string) or a string `"0.07"`, `"7%"`, `"7/100"`.
 */
const ratio = /* @__PURE__ */ z.union([
  z.number().min(0).max(1),
  z.string().refine((text) => {
    const r = readDecimal(text);
    return r !== undefined && r.n >= 0n && r.n <= r.d;
  }, { message: 'a ratio must be a decimal in [0, 1] (e.g. 0.07, "7%" or "7/100")', params: { zh: '比例须为 [0, 1] 内的小数（如 0.07、"7%" 或 "7/100"）' } }),
]);
const decimal = /* @__PURE__ */ z.union([z.number(), z.string()]);
const count = /* @__PURE__ */ z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The draw's {@link WeightRule}, in shape; its values are checked by the draw itself (see the refinement below). */
const WeightRuleSchema = /* @__PURE__ */ z
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
 * 声明的抽样设计 — the design a draw claims to follow: strata (by one field, or none) and each stratum's size:
 * a count in `sizes` (抽查数量), else a ratio in `ratios` (抽查比例, e.g. by 信用风险分类), else the single
 * `ratio`, which thus covers every stratum not named in `ratios` or `sizes` (the draw's `otherStrata`; all
 * strata when those are absent). An unstratified design states exactly one of them (its one stratum is `all`).
 * A ratio becomes a count exactly as the draw's `sampleSize` does — `rounding` `up`, `down` or `half-up` (the
 * draw's names), then raised to `minimum` —; a ratio of 0 gives 0. Ratios are read exactly, as the draw reads
 * them: a number, or a string such as `"7%"` or `"7/100"`. A stratum with fewer entities than its count is drawn
 * whole under `shortfall: 'take-all'`, and reported as `SIZE_EXCEEDS_STRATUM` otherwise. Entities lacking the
 * stratification field form the stratum `""`, as in the draw, when the design covers it (a `ratio`, or a `""`
 * entry in `ratios` or `sizes`); otherwise they are reported as `MISSING_STRATUM_VALUE`. A draw made with this
 * library states its design with {@link statedDesignFromDrawSpec}.
 *
 * Within a stratum, `simple` selection is simple random sampling without replacement (every entity has chance
 * n_h/N_h); `weighted` is a risk-weighted draw, whose inclusion probabilities the audit estimates by
 * Monte-Carlo. A weighted design either states the draw's own {@link WeightRule} in `weights` (weights from the
 * entities' `riskClass`, `lists` and `complaintCount`; the audit then replicates `drawTargets` itself), or relies
 * on each entity's `weight` together with a `monteCarlo.drawFunction` that replicates the foreign system.
 *
 * @group Audit
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
 * // D 30 %, C 10 %, every other class 3 %, each at least 2 (a smaller class is drawn whole):
 * const floor = StatedDesignSchema.parse({ stratifyBy: 'riskClass', ratios: { C: '10%', D: 0.3 }, ratio: 0.03, minimum: 2, shortfall: 'take-all' });
 * console.log(floor.minimum); // 2
 * ```
 */
export const StatedDesignSchema = /* @__PURE__ */ z
  .object({
    /** 分层字段; absent means one stratum (the whole population). */
    stratifyBy: AuditFieldSchema.optional(),
    /** 抽查比例 for every stratum not named in `ratios` or `sizes` (every stratum when they are absent). */
    ratio: ratio.optional(),
    /** 抽查比例 per stratum value (`""` = entities lacking the field). */
    ratios: z.record(z.string(), ratio).optional(),
    /** 抽查数量 per stratum value (`""` = entities lacking the field); a stratum may not be in both `sizes` and `ratios`. */
    sizes: z.record(z.string(), count).optional(),
    /**
     * How a ratio becomes a count: the draw's `SizeRule` rounding — `up` ⌈N·p⌉, `down` ⌊N·p⌋, `half-up` nearest
     * with halves up.
     * @defaultValue `'up'`
     */
    rounding: z.enum(['up', 'down', 'half-up']).optional(),
    /**
     * 最少抽查数量 — each stratum's count from a nonzero ratio is raised to at least this, as the draw's
     * `SizeRule` `minimum` (only with `ratio` or `ratios`; stated counts in `sizes` are taken as they are).
     * @defaultValue `0`
     */
    minimum: count.optional(),
    /**
     * A stratum with fewer entities than its count (a stated size, or a `minimum`): `take-all` — drawn whole, as
     * the draw does by default —, or `error` — reported as `SIZE_EXCEEDS_STRATUM`, since the draw would have
     * refused. {@link statedDesignFromDrawSpec} always writes the draw's own choice.
     * @defaultValue `'error'`
     */
    shortfall: z.enum(['take-all', 'error']).optional(),
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
  .superRefine((d, ctx) => {
    const stated = [d.ratio, d.ratios, d.sizes].filter((v) => v !== undefined).length;
    if (d.stratifyBy === undefined && stated !== 1) ctx.addIssue({ code: 'custom', message: 'state exactly one of ratio, ratios or sizes', params: { zh: 'ratio、ratios、sizes 须且只须给出一项' } });
    else if (stated === 0) ctx.addIssue({ code: 'custom', message: 'state ratio, ratios or sizes', params: { zh: '须给出 ratio、ratios 或 sizes' } });
    if (d.ratios === undefined || d.sizes === undefined) return;
    for (const key of Object.keys(d.sizes).sort(compareCodeUnits)) {
      if (Object.hasOwn(d.ratios, key)) ctx.addIssue({ code: 'custom', message: `stratum "${key}" has both a ratio and a size`, params: { zh: `分层 "${key}" 同时给出了比例和数量` }, path: ['sizes', key] });
    }
  })
  .refine((d) => d.minimum === undefined || d.ratio !== undefined || d.ratios !== undefined, {
    message: 'minimum applies to counts from ratios: state ratio or ratios',
    params: { zh: 'minimum 只用于由比例换算的数量：请给出 ratio 或 ratios' },
    path: ['minimum'],
  })
  .refine((d) => d.weights === undefined || d.selection === 'weighted', {
    message: 'weights need selection: weighted',
    params: { zh: '给出 weights 时须设 selection: weighted' },
    path: ['selection'],
  })
  .superRefine((d, ctx) => {
    if (d.weights === undefined) return;
    try {
      drawTargets([], { label: 'check', size: { count: 0 }, weights: d.weights as WeightRule }, { seed: CHECK_SEED });
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      ctx.addIssue({ code: 'custom', message: `${error.code}: ${error.messageEn}`, params: { zh: `${error.code}：${error.messageZh}` }, path: [...error.path] });
    }
  });

/**
 * 声明的抽样设计 — see {@link StatedDesignSchema}.
 *
 * @group Audit
 *
 * @example
 * ```ts
 * import type { StatedDesign } from 'shuangsuiji';
 * const design: StatedDesign = { ratio: 0.03 };
 * const weighted: StatedDesign = { stratifyBy: 'regionCode', ratio: 0.05, selection: 'weighted', weights: { byList: { 'serious-violations': 3 } } };
 * ```
 */
export type StatedDesign = z.infer<typeof StatedDesignSchema>;
