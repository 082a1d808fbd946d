/**
 * Population preparation shared by {@link computeInclusionProbabilities} and {@link auditDrawHistory}:
 * strata of a snapshot under a stated design, with every data problem as a {@link DataIssue}.
 *
 * @module
 */
import type { DataIssue, IssuePath } from '../../errors.js';
import type { AuditIssueCode } from '../audit-issue-code.js';
import type { AuditEntity } from '../audit-entity.js';
import type { AuditField } from '../audit-field.js';
import type { StatedDesign } from '../stated-design.js';
import { sampleSize } from '../../draw/index.js';
import { compareCodeUnits } from '../../internals/compare.js';
import { ratFloat, readDecimal } from '../../internals/rational.js';

/** The stratum key of an unstratified design. */
export const ALL_STRATUM = 'all';

/** The stratum of entities lacking the stratification field (as in the draw). */
export const MISSING_STRATUM = '';

/** A ratio as stated: a number or an exact decimal string (`"7%"`, `"7/100"`). */
type StatedRatio = number | string;

/**
 * A stratum's rule under a design: its stated size, else its ratio in `ratios`, else the design's `ratio`
 * (every other stratum); `undefined` when the design does not cover it. Own keys only.
 */
export function stratumRule(design: StatedDesign, stratum: string): { readonly size: number } | { readonly ratio: StatedRatio } | undefined {
  if (design.sizes !== undefined && Object.hasOwn(design.sizes, stratum)) return { size: design.sizes[stratum] as number };
  if (design.ratios !== undefined && Object.hasOwn(design.ratios, stratum)) return { ratio: design.ratios[stratum] as StatedRatio };
  if (design.ratio !== undefined) return { ratio: design.ratio };
  return undefined;
}

/** True when a stated ratio is 0 (read exactly). */
function isZero(ratio: StatedRatio): boolean {
  return readDecimal(ratio)?.n === 0n;
}


/** A value of an audit field, `undefined` when the entity lacks it. */
export function fieldValue(entity: AuditEntity, field: AuditField): string | undefined {
  return entity[field];
}

/** A snapshot's population under a design: entities sorted by id, their strata, and stratum sizes. */
export interface StratifiedPopulation {
  /** Entities in code-unit order of id. */
  readonly entities: readonly AuditEntity[];
  /** Original index in the snapshot of each sorted entity (for issue paths). */
  readonly originalIndex: readonly number[];
  /** Stratum key of each sorted entity. */
  readonly strata: readonly string[];
  /** Stratum keys in code-unit order. */
  readonly stratumKeys: readonly string[];
  /** N_h per stratum key. */
  readonly stratumSizes: Readonly<Record<string, number>>;
  /** Position of each id in `entities`. */
  readonly indexOf: ReadonlyMap<string, number>;
}

/** Sorts a snapshot, finds duplicate ids and missing stratum values. */
export function stratify(
  entities: readonly AuditEntity[],
  design: StatedDesign,
  entitiesPath: IssuePath,
  designPath: IssuePath,
  issues: DataIssue<AuditIssueCode>[],
): StratifiedPopulation {
  const order = entities.map((_, i) => i);
  order.sort((a, b) => compareCodeUnits((entities[a] as AuditEntity).id, (entities[b] as AuditEntity).id) || a - b);
  const sorted: AuditEntity[] = [];
  const originalIndex: number[] = [];
  const strata: string[] = [];
  const indexOf = new Map<string, number>();
  const sizes: Record<string, number> = Object.create(null) as Record<string, number>;
  // As in the draw, entities lacking the field form the stratum "" — accepted when the design covers it.
  const coversMissing = stratumRule(design, MISSING_STRATUM) !== undefined;
  for (const index of order) {
    const entity = entities[index] as AuditEntity;
    if (indexOf.has(entity.id)) {
      issues.push({
        code: 'DUPLICATE_ENTITY_ID',
        path: [...entitiesPath, index, 'id'],
        messageZh: `名录库快照中检查对象编号重复：${entity.id}`,
        messageEn: `duplicate entity id in the snapshot: ${entity.id}`,
        received: entity.id,
      });
      continue;
    }
    let stratum = ALL_STRATUM;
    if (design.stratifyBy !== undefined) {
      const value = fieldValue(entity, design.stratifyBy) ?? (coversMissing ? MISSING_STRATUM : undefined);
      if (value === undefined) {
        issues.push({
          code: 'MISSING_STRATUM_VALUE',
          path: [...entitiesPath, index, design.stratifyBy],
          messageZh: `检查对象 ${entity.id} 缺少分层字段 ${design.stratifyBy}（如需像抽取一样将其归入空值层 ""，请在设计中给出该层的比例或数量）`,
          messageEn: `entity ${entity.id} has no value for the stratification field ${design.stratifyBy} (state a ratio or size for the stratum "" to count such entities as one stratum, as the draw does)`,
        });
        continue;
      }
      stratum = value;
    }
    if (design.selection === 'weighted' && design.weights === undefined && entity.weight === undefined) {
      issues.push({
        code: 'MISSING_WEIGHT',
        path: [...entitiesPath, index, 'weight'],
        messageZh: `加权抽取设计下检查对象 ${entity.id} 缺少权重`,
        messageEn: `entity ${entity.id} has no weight under a weighted design`,
      });
    }
    indexOf.set(entity.id, sorted.length);
    sorted.push(entity);
    originalIndex.push(index);
    strata.push(stratum);
    sizes[stratum] = (sizes[stratum] ?? 0) + 1;
  }
  const stratumKeys = Object.keys(sizes).sort(compareCodeUnits);
  for (const key of stratumKeys) {
    const rule = stratumRule(design, key);
    if (rule === undefined) {
      issues.push({
        code: 'STRATUM_NOT_IN_DESIGN',
        path: [...designPath, design.ratios !== undefined ? 'ratios' : 'sizes'],
        messageZh: `抽样设计未给出层「${key}」的比例或数量（该层有 ${sizes[key]} 户）`,
        messageEn: `the design gives no ratio or size for stratum "${key}" (${sizes[key]} entities)`,
        received: key,
      });
    } else if ((design.shortfall ?? 'error') === 'error') {
      const n = statedCount(design, key, sizes[key] as number);
      if (n > (sizes[key] as number)) {
        const hintZh = '（如抽取时该层全部抽取，请在设计中声明 shortfall: \'take-all\'）';
        const hintEn = " (state shortfall: 'take-all' if the draw took the whole stratum)";
        issues.push('size' in rule
          ? {
              code: 'SIZE_EXCEEDS_STRATUM',
              path: [...designPath, 'sizes', key],
              messageZh: `层「${key}」声明抽取 ${n} 户，但只有 ${sizes[key]} 户${hintZh}`,
              messageEn: `stratum "${key}" states ${n} selections but has only ${sizes[key]} entities${hintEn}`,
              received: n,
            }
          : {
              code: 'SIZE_EXCEEDS_STRATUM',
              path: [...designPath, 'minimum'],
              messageZh: `层「${key}」按最少抽查数量应抽取 ${n} 户，但只有 ${sizes[key]} 户${hintZh}`,
              messageEn: `stratum "${key}" should draw ${n} by the stated minimum but has only ${sizes[key]} entities${hintEn}`,
              received: design.minimum,
            });
      }
    }
  }
  return { entities: sorted, originalIndex, strata, stratumKeys, stratumSizes: sizes, indexOf };
}

/**
 * The stated probability of selection in a stratum: n_h / N_h for a stated size or when the stated `minimum`
 * (or a whole stratum taken under `take-all`) decides the count, else the ratio itself.
 */
export function statedRate(design: StatedDesign, stratum: string, populationSize: number): number {
  const rule = stratumRule(design, stratum);
  if (rule === undefined || populationSize === 0) return 0;
  const count = statedCount(design, stratum, populationSize);
  if ('size' in rule) return count / populationSize;
  if (isZero(rule.ratio)) return 0;
  if (count !== sampleSize(populationSize, { ratio: rule.ratio, rounding: design.rounding ?? 'up' })) return count / populationSize;
  return typeof rule.ratio === 'number' ? rule.ratio : ratFloat(readDecimal(rule.ratio)!);
}

/**
 * The stated count of a stratum: the size, or the ratio turned into a count by the draw's own `sampleSize`
 * with the stated rounding (default `up`) and `minimum` (default 0), so the audit and the draw never disagree;
 * a ratio of 0 gives 0. Under `shortfall: 'take-all'` the count is at most the stratum's population, as in the
 * draw; otherwise a count above it is reported by {@link stratify} as `SIZE_EXCEEDS_STRATUM`.
 */
export function statedCount(design: StatedDesign, stratum: string, populationSize: number): number {
  const rule = stratumRule(design, stratum);
  let count: number;
  if (rule === undefined) count = 0;
  else if ('size' in rule) count = rule.size;
  else if (isZero(rule.ratio)) count = 0;
  else count = sampleSize(populationSize, { ratio: rule.ratio, rounding: design.rounding ?? 'up', minimum: design.minimum ?? 0 });
  return design.shortfall === 'take-all' ? Math.min(count, populationSize) : count;
}

// The shared order, re-exported for this module's files.
export { compareCodeUnits };
