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
import { drawTargets } from '../../draw/index.js';
import type { WeightRule } from '../../draw/index.js';
import type { Entity } from '../../models/entity.js';
import { sha256Hex } from '../../internals/sha256.js';
import type { AuditEntity } from '../audit-entity.js';
import { drawnIds } from './validation.js';

/** The draw label of the audit's replications (the seed changes per replication). */
const REPLICATION_LABEL = 'shuangsuiji-audit';

/**
 * The library's own weighted draw as a draw function: replication seed string `s` becomes the draw seed
 * SHA-256(UTF-8(s)); each stratum h is drawn by `drawTargets` with `{ size: { count: n_h }, weights }` under that
 * seed and one label, which is exactly what one draw stratified `per-stratum` with those counts selects (tickets
 * depend only on seed, label and id). Entities enter the draw with their `riskClass`, `lists` and
 * `complaintCount`; the selection is mapped back by position, never by id.
 */
function libraryDraw(population: StratifiedPopulation, sizes: Readonly<Record<string, number>>, weights: WeightRule): AuditDrawFunction {
  const byStratum = new Map<string, Entity[]>();
  const back = new Map<Entity, string>();
  population.entities.forEach((entity: AuditEntity, i) => {
    const row = {
      id: entity.id,
      name: entity.id,
      kind: 'enterprise',
      status: 'active',
      lists: entity.lists ?? [],
      tags: [],
      complaintCount: entity.complaintCount ?? 0,
      ...(entity.riskClass === undefined ? {} : { riskClass: entity.riskClass }),
    } as unknown as Entity;
    const stratum = population.strata[i] as string;
    const list = byStratum.get(stratum);
    if (list) list.push(row);
    else byStratum.set(stratum, [row]);
    back.set(row, entity.id);
  });
  return (_population, _design, seed) => {
    const seedHex = sha256Hex(seed);
    const out: string[] = [];
    for (const key of population.stratumKeys) {
      const n = sizes[key] ?? 0;
      const members = byStratum.get(key);
      if (n === 0 || members === undefined) continue;
      const { selected } = drawTargets(members, { label: REPLICATION_LABEL, size: { count: n }, weights }, { seed: seedHex });
      for (const s of selected) out.push(back.get(s.entity) as string);
    }
    return out;
  };
}

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
  const conditional: StatedDesign = {
    ...(design.stratifyBy === undefined ? {} : { stratifyBy: design.stratifyBy }),
    sizes: Object.fromEntries(population.stratumKeys.map((key) => [key, sizes[key] ?? 0])),
    selection: 'weighted',
    ...(design.weights === undefined ? {} : { weights: design.weights }),
  };
  let drawFunction = monteCarlo.drawFunction;
  if (drawFunction === undefined) {
    if (design.weights === undefined) {
      throw new ShuangsuijiError(
        'AUDIT_DRAW_FUNCTION_REQUIRED',
        '按检查对象 weight 加权的设计需要蒙特卡洛抽取函数：请在设计中声明 weights（本库抽取的加权规则），或在 monteCarlo.drawFunction 中提供抽取函数',
        'a design weighted by entity `weight` needs a Monte-Carlo draw function: state the draw\'s weight rule in design.weights, or pass monteCarlo.drawFunction',
      );
    }
    drawFunction = libraryDraw(population, sizes, design.weights as WeightRule);
  }
  let expectedTotal = 0;
  for (const key of population.stratumKeys) expectedTotal += sizes[key] ?? 0;
  const counts = new Float64Array(count);
  const replications = monteCarlo.replications;
  for (let r = 0; r < replications; r++) {
    const selected = drawnIds(drawFunction(population.entities, conditional, `${monteCarlo.seed}/${seedLabel}/${r}`));
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
