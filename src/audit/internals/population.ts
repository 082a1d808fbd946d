/**
 * Population preparation shared by {@link computeInclusionProbabilities} and {@link auditDrawHistory}:
 * strata of a snapshot under a stated design, with every data problem as a {@link DataIssue}.
 *
 * @module
 */
import type { DataIssue, IssuePath } from '../../errors.js';
import type { AuditEntity } from '../audit-entity.js';
import type { AuditField } from '../audit-field.js';
import type { StatedDesign } from '../stated-design.js';
import { sampleSize } from '../../draw/index.js';
import { compareCodeUnits } from '../../internals/compare.js';

/** The stratum key of an unstratified design. */
export const ALL_STRATUM = 'all';

/** The stratum of entities lacking the stratification field (as in the draw). */
export const MISSING_STRATUM = '';


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
  issues: DataIssue[],
): StratifiedPopulation {
  const order = entities.map((_, i) => i);
  order.sort((a, b) => compareCodeUnits((entities[a] as AuditEntity).id, (entities[b] as AuditEntity).id) || a - b);
  const sorted: AuditEntity[] = [];
  const originalIndex: number[] = [];
  const strata: string[] = [];
  const indexOf = new Map<string, number>();
  const sizes: Record<string, number> = Object.create(null) as Record<string, number>;
  // As in the draw, entities lacking the field form the stratum "" — accepted when the design covers it.
  const coversMissing =
    design.ratio !== undefined ||
    (design.ratios !== undefined && Object.hasOwn(design.ratios, MISSING_STRATUM)) ||
    (design.sizes !== undefined && Object.hasOwn(design.sizes, MISSING_STRATUM));
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
    const covered =
      design.ratio !== undefined ||
      (design.ratios !== undefined && Object.hasOwn(design.ratios, key)) ||
      (design.sizes !== undefined && Object.hasOwn(design.sizes, key));
    if (!covered) {
      issues.push({
        code: 'STRATUM_NOT_IN_DESIGN',
        path: [...designPath, design.ratios !== undefined ? 'ratios' : 'sizes'],
        messageZh: `抽样设计未给出层「${key}」的比例或数量（该层有 ${sizes[key]} 户）`,
        messageEn: `the design gives no ratio or size for stratum "${key}" (${sizes[key]} entities)`,
        received: key,
      });
    } else if (design.sizes !== undefined && (design.sizes[key] as number) > (sizes[key] as number)) {
      issues.push({
        code: 'SIZE_EXCEEDS_STRATUM',
        path: [...designPath, 'sizes', key],
        messageZh: `层「${key}」声明抽取 ${design.sizes[key]} 户，但只有 ${sizes[key]} 户`,
        messageEn: `stratum "${key}" states ${design.sizes[key]} selections but has only ${sizes[key]} entities`,
        received: design.sizes[key],
      });
    }
  }
  return { entities: sorted, originalIndex, strata, stratumKeys, stratumSizes: sizes, indexOf };
}

/** The stated probability of selection in a stratum: the ratio, or n_h / N_h for stated sizes. */
export function statedRate(design: StatedDesign, stratum: string, populationSize: number): number {
  if (design.ratio !== undefined) return design.ratio;
  if (design.ratios !== undefined) return design.ratios[stratum] ?? 0;
  const size = design.sizes?.[stratum] ?? 0;
  return populationSize === 0 ? 0 : size / populationSize;
}

/**
 * The stated count of a stratum: the size, or the ratio turned into a count by the draw's own `sampleSize`
 * with the stated rounding (default `up`), so the audit and the draw never disagree; a ratio of 0 gives 0.
 */
export function statedCount(design: StatedDesign, stratum: string, populationSize: number): number {
  if (design.sizes !== undefined) return design.sizes[stratum] ?? 0;
  const ratio = design.ratio ?? design.ratios?.[stratum] ?? 0;
  if (ratio === 0) return 0;
  return sampleSize(populationSize, { ratio, rounding: design.rounding ?? 'up' });
}

// The shared order, re-exported for this module's files.
export { compareCodeUnits };
