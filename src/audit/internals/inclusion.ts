/**
 * Design inclusion probabilities of one population: exact for simple random sampling within strata
 * (π = n_h / N_h), Monte-Carlo through a draw function for weighted designs (π̂ = share of replications
 * that select the entity, standard error √(π̂(1 − π̂)/R)).
 *
 * @module
 */
import { ShuangsuijiError } from '../../errors.js';
import type { AuditDrawFunction } from '../audit-draw-function.js';
import type { StatedDesign } from '../stated-design.js';
import type { StratifiedPopulation } from './population.js';

/** Monte-Carlo settings, resolved. */
export interface ResolvedMonteCarlo {
  readonly replications: number;
  readonly seed: string;
  readonly drawFunction: AuditDrawFunction | undefined;
}

/** Per-entity probabilities aligned with `population.entities`. */
export interface InclusionEstimate {
  readonly probabilities: Float64Array;
  readonly standardErrors: Float64Array;
  readonly method: 'exact' | 'monte-carlo';
}

/** Inclusion probabilities given per-stratum sample sizes. */
export function estimateInclusion(
  population: StratifiedPopulation,
  design: StatedDesign,
  sizes: Readonly<Record<string, number>>,
  monteCarlo: ResolvedMonteCarlo,
  seedLabel: string,
): InclusionEstimate {
  const count = population.entities.length;
  const probabilities = new Float64Array(count);
  const standardErrors = new Float64Array(count);
  if (design.selection !== 'weighted') {
    for (let i = 0; i < count; i++) {
      const stratum = population.strata[i] as string;
      probabilities[i] = (sizes[stratum] ?? 0) / (population.stratumSizes[stratum] as number);
    }
    return { probabilities, standardErrors, method: 'exact' };
  }
  const drawFunction = monteCarlo.drawFunction;
  if (drawFunction === undefined) {
    throw new ShuangsuijiError(
      'AUDIT_DRAW_FUNCTION_REQUIRED',
      '加权抽取设计的入选概率需要蒙特卡洛模拟：请在 monteCarlo.drawFunction 中提供抽取函数',
      'inclusion probabilities of a weighted design need a Monte-Carlo draw function: pass monteCarlo.drawFunction',
    );
  }
  const conditional: StatedDesign = {
    ...(design.stratifyBy === undefined ? {} : { stratifyBy: design.stratifyBy }),
    sizes: Object.fromEntries(population.stratumKeys.map((key) => [key, sizes[key] ?? 0])),
    selection: 'weighted',
  };
  let expectedTotal = 0;
  for (const key of population.stratumKeys) expectedTotal += sizes[key] ?? 0;
  const counts = new Float64Array(count);
  const replications = monteCarlo.replications;
  for (let r = 0; r < replications; r++) {
    const selected = drawFunction(population.entities, conditional, `${monteCarlo.seed}/${seedLabel}/${r}`);
    const seen = new Set<string>();
    for (const id of selected) {
      const index = population.indexOf.get(id);
      if (index === undefined || seen.has(id)) {
        throw new ShuangsuijiError(
          'AUDIT_DRAW_FUNCTION_INVALID',
          `抽取函数返回了总体之外或重复的编号：${id}`,
          `the draw function returned an id outside the population or twice: ${id}`,
        );
      }
      seen.add(id);
      counts[index] = (counts[index] as number) + 1;
    }
    if (seen.size !== expectedTotal) {
      throw new ShuangsuijiError(
        'AUDIT_DRAW_FUNCTION_INVALID',
        `抽取函数应抽取 ${expectedTotal} 户，实际返回 ${seen.size} 户`,
        `the draw function should select ${expectedTotal} entities but returned ${seen.size}`,
      );
    }
  }
  for (let i = 0; i < count; i++) {
    const p = (counts[i] as number) / replications;
    probabilities[i] = p;
    standardErrors[i] = Math.sqrt((p * (1 - p)) / replications);
  }
  return { probabilities, standardErrors, method: 'monte-carlo' };
}
