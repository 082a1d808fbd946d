import type { DataIssue, ParseResult } from '../errors.js';
import type { AuditIssueCode } from './audit-issue-code.js';
import { ShuangsuijiError } from '../errors.js';
import { AuditEntitySchema } from './audit-entity.js';
import type { AuditEntity } from './audit-entity.js';
import type { InclusionProbabilities } from './inclusion-probabilities.js';
import type { MonteCarloOptions } from './monte-carlo-options.js';
import { StatedDesignSchema } from './stated-design.js';
import type { StatedDesign } from './stated-design.js';
import { estimateInclusion } from './internals/inclusion.js';
import { reportNumber } from './internals/numbers.js';
import { statedCount, stratify } from './internals/population.js';
import { resolveMonteCarlo, safeParseDetached } from './internals/validation.js';

/**
 * 计算入选概率 — the design inclusion probability of every entity of a population under a stated design.
 * Exact where the design allows it: simple random sampling within strata gives π = n_h / N_h, with n_h the
 * stated size or the stated ratio turned into a count exactly as the draw's `sampleSize` does (rounding `up`
 * by default, then raised to the stated `minimum`; at most N_h under `shortfall: 'take-all'`). Weighted designs are estimated by Monte-Carlo: the draw — the library's own `drawTargets` for a
 * design stating `weights`, else `monteCarlo.drawFunction` — is run `replications` times with n_h fixed, and
 * π̂ is the share of runs selecting the entity, reported with its standard error √(π̂(1 − π̂)/R).
 * Throws `AUDIT_DRAW_FUNCTION_REQUIRED` for a weighted design with neither; ids that the draw refuses throw the
 * draw's error (`INVALID_ID`, `DUPLICATE_ID`).
 *
 * @param population - 审计用检查对象: the entities of the population drawn from, with the fields the design stratifies or
 * weights by ({@link AuditEntity})
 * @param design - 声明的抽样设计: the stated design ({@link StatedDesign}), e.g. from {@link statedDesignFromDrawSpec}
 * @param options - Monte-Carlo replications, seed and draw function, for weighted designs ({@link MonteCarloOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link AuditErrorCode}
 * @group Audit
 *
 * @example
 * ```ts
 * import { computeInclusionProbabilities } from 'shuangsuiji';
 * const population = Array.from({ length: 200 }, (_, i) => ({ id: `E${i}`, riskClass: i < 50 ? 'D' : 'A' }));
 * const result = computeInclusionProbabilities(population, { stratifyBy: 'riskClass', ratios: { A: 0.02, D: 0.3 } });
 * if (result.success) console.log(result.data.strata); // A: 3 of 150 (⌈150 × 0.02⌉), D: 15 of 50
 * // Risk-weighted as the library draws (Monte-Carlo over drawTargets):
 * const weighted = computeInclusionProbabilities(population, { ratio: 0.05, selection: 'weighted', weights: { byRiskClass: { A: 1, D: 4 } } }, { replications: 200 });
 * if (weighted.success) console.log(weighted.data.maxStandardError);
 * ```
 */
export function computeInclusionProbabilities(
  population: readonly AuditEntity[],
  design: StatedDesign,
  options: MonteCarloOptions = {},
): ParseResult<InclusionProbabilities, AuditIssueCode> {
  const monteCarlo = resolveMonteCarlo(options);
  const issues: DataIssue<AuditIssueCode>[] = [];
  const entities = safeParseDetached(AuditEntitySchema.array(), population, ['population'], 'INVALID_INPUT');
  if (!entities.success) issues.push(...entities.issues);
  const parsedDesign = safeParseDetached(StatedDesignSchema, design, ['design'], 'INVALID_INPUT');
  if (!parsedDesign.success) issues.push(...parsedDesign.issues);
  if (!entities.success || !parsedDesign.success) return { success: false, issues };
  const stratified = stratify(entities.data, parsedDesign.data, ['population'], ['design'], issues);
  if (issues.length > 0) return { success: false, issues };
  const sizes: Record<string, number> = {};
  for (const key of stratified.stratumKeys) {
    sizes[key] = statedCount(parsedDesign.data, key, stratified.stratumSizes[key] as number);
    if ((sizes[key] as number) > (stratified.stratumSizes[key] as number)) {
      throw new ShuangsuijiError('AUDIT_RATIO_ABOVE_ONE', `层「${key}」的抽取数超过总体`, `stratum "${key}" would draw more than its population`);
    }
  }
  const estimate = estimateInclusion(stratified, parsedDesign.data, sizes, monteCarlo, 'inclusion');
  let maxStandardError = 0;
  const rows = stratified.entities.map((entity, i) => {
    const standardError = estimate.standardErrors[i] as number;
    if (standardError > maxStandardError) maxStandardError = standardError;
    return {
      id: entity.id,
      stratum: stratified.strata[i] as string,
      probability: reportNumber(estimate.probabilities[i] as number),
      standardError: reportNumber(standardError),
    };
  });
  return {
    success: true,
    data: {
      method: estimate.method,
      replications: estimate.method === 'exact' ? null : monteCarlo.replications,
      maxStandardError: reportNumber(maxStandardError),
      strata: stratified.stratumKeys.map((key) => ({
        stratum: key,
        populationSize: stratified.stratumSizes[key] as number,
        sampleSize: sizes[key] as number,
      })),
      entities: rows,
    },
  };
}
