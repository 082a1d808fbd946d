import type { DrawSpec, SizeRule } from '../draw/index.js';
import { normalizeSpec } from '../draw/internals/plan.js';
import { ShuangsuijiError } from '../errors.js';
import type { IssuePath } from '../errors.js';
import { AuditFieldSchema } from './audit-field.js';
import type { StatedDesign } from './stated-design.js';
import { ALL_STRATUM } from './internals/population.js';

function notStatable(zh: string, en: string, path: IssuePath): never {
  throw new ShuangsuijiError('DESIGN_NOT_STATABLE', `该抽取规则无法写成声明的抽样设计：${zh}`, `this draw spec has no stated-design equivalent: ${en}`, { path });
}

type RatioRule = Extract<SizeRule, { readonly ratio: unknown }>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * 由抽取规则生成声明的抽样设计 — the {@link StatedDesign} of a draw made with this library, read off its
 * {@link DrawSpec} (抽取规则; a draw record's `record.spec` works as well), so that an auditor need not restate
 * it by hand: pass the result to {@link auditDrawHistory} or {@link computeInclusionProbabilities}. The spec is
 * first checked as the draw checks it (the draw's errors and paths, e.g. `INVALID_RATIO`).
 *
 * The mapping is exact — the audit's stated counts equal the draw's stratum sizes for every population:
 * - `size: { count: k }` → `sizes: { all: k }`; `size: { ratio, rounding, minimum }` → the same `ratio`,
 *   `rounding` and `minimum` (ratios copied as written, e.g. `"7%"`; `rounding` omitted when `up`, `minimum`
 *   when 0).
 * - `stratification` `per-stratum` by `riskClass`, `regionCode`, `supervisingUnit` or `industry` → `stratifyBy`
 *   that field; each stratum's `{ count }` → `sizes[stratum]`, its `{ ratio }` → `ratios[stratum]`;
 *   `otherStrata` `{ ratio }` → `ratio` (every other stratum), absent or `{ count: 0 }` → `ratio: 0` (other
 *   strata are not drawn).
 * - `shortfall` → `shortfall` (always written: `take-all` unless the spec says `error`).
 * - `weights` → `selection: 'weighted'` and the same `weights` (defaults filled in, as in the record): the audit
 *   then replicates the library's `drawTargets` by Monte-Carlo, and the snapshot's entities need `riskClass`,
 *   `lists` and `complaintCount`.
 * - `label`, `population` (抽取范围: statuses and 定向 filters) and `exclusion` (年度去重) are not part of the
 *   design: they decide which entities form the population, and the auditor supplies the population itself.
 *   The {@link RegisterSnapshot} of such a draw must hold exactly the entities it drew from — those for which
 *   {@link isInPopulation} holds, less those excluded by `exclusion` (their count per stratum is
 *   `record.strata[].population`).
 *
 * Throws `DESIGN_NOT_STATABLE` (path to the field) for the specs that have no exact stated design:
 * - `allocation: 'largest-remainder'` — the split of the total across strata depends on every stratum's
 *   population, which the spec alone does not give (with the populations known, the draw record's
 *   `strata[].size` can be stated by hand as per-stratum `sizes`);
 * - a stratification field the audit does not know (`kind`, `scale`, `registrationAuthority`, `status`): state
 *   the design by hand with `stratifyBy: 'stratum'` and each entity's value of that field as its `stratum`;
 * - per-stratum ratios with different `rounding` or `minimum` (a stated design has one of each);
 * - `otherStrata: { count: k }` with k > 0 (a stated design has no size for "every other stratum").
 *
 * @param spec - 抽取规则: the draw's spec, or a draw record's `record.spec` ({@link DrawSpec})
 * @throws {@link ShuangsuijiError} with a code of {@link AuditErrorCode}
 * @group Audit
 *
 * @example
 * ```ts
 * import { auditDrawHistory, drawTargets, statedDesignFromDrawSpec } from 'shuangsuiji';
 * import type { DrawSpec, Entity } from 'shuangsuiji';
 * const spec: DrawSpec = {
 *   label: '2025 年度',
 *   size: { ratio: '5%', rounding: 'down', minimum: 3 },
 * };
 * console.log(statedDesignFromDrawSpec(spec)); // { ratio: '5%', rounding: 'down', minimum: 3, shortfall: 'take-all' }
 * // Audit the draw against its own spec:
 * const register: Entity[] = Array.from({ length: 40 }, (_, i) => ({
 *   id: `E${i}`, name: `示例商贸有限公司${i}`, kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0,
 * }));
 * const { selected } = drawTargets(register, spec, { seed: 'ab'.repeat(32) });
 * const report = auditDrawHistory(
 *   [{ label: spec.label, snapshotId: 'S', selectedIds: selected.map((s) => s.id) }],
 *   [{ id: 'S', entities: register.map((e) => ({ id: e.id })) }],
 *   statedDesignFromDrawSpec(spec),
 *   { fields: [] },
 * );
 * if (report.success) console.log(report.data.significantCount); // 0
 * ```
 */
export function statedDesignFromDrawSpec(spec: DrawSpec): StatedDesign {
  const normalized = normalizeSpec(spec);
  const out: Mutable<StatedDesign> = {};
  const ratios: [string, number | string][] = [];
  const sizes: [string, number][] = [];
  /** The ratio rules met so far, with their paths: they must agree on rounding and minimum. */
  let shared: { readonly rule: RatioRule; readonly path: IssuePath } | undefined;
  const ratioOf = (rule: RatioRule, path: IssuePath): number | string => {
    if (shared === undefined) shared = { rule, path };
    else {
      for (const field of ['rounding', 'minimum'] as const) {
        const [a, b] = [shared.rule[field], rule[field]];
        if (a !== b) {
          notStatable(
            `各层比例的 ${field} 不同（${shared.path.join('.')} 为 ${String(a)}，${path.join('.')} 为 ${String(b)}）`,
            `per-stratum ratios with different ${field} (${String(a)} at ${shared.path.join('.')}, ${String(b)} at ${path.join('.')})`,
            [...path, field],
          );
        }
      }
    }
    return rule.ratio;
  };

  const strat = normalized.stratification;
  if (strat === undefined) {
    const size = normalized.size as SizeRule;
    if ('count' in size) sizes.push([ALL_STRATUM, size.count]);
    else out.ratio = ratioOf(size, ['size']);
  } else {
    const field = AuditFieldSchema.safeParse(strat.field);
    if (!field.success) {
      notStatable(
        `审计不认识分层字段 ${strat.field}（可手工声明 stratifyBy: 'stratum'，并以每户的 ${strat.field} 作为其 stratum）`,
        `the audit has no field ${strat.field} (state it by hand with stratifyBy: 'stratum' and each entity's ${strat.field} as its stratum)`,
        ['stratification', 'field'],
      );
    }
    if (strat.allocation === 'largest-remainder') {
      notStatable(
        '按最大余数法在各层分配总数，各层数量取决于各层总体数量，仅凭抽取规则无法确定（可按抽取记录 strata[].size 手工声明各层 sizes）',
        "a total allocated across strata by largest remainder depends on every stratum's population, which the spec does not give (state the record's strata[].size as per-stratum sizes by hand)",
        ['stratification', 'allocation'],
      );
    }
    out.stratifyBy = field.data;
    // Per-stratum sizes as users write them ({ A: rule }) or as a record's normalised spec lists them ([{ stratum, size }]).
    const entries: [string, SizeRule][] = Array.isArray(strat.sizes)
      ? (strat.sizes as readonly { stratum: string; size: SizeRule }[]).map((e) => [e.stratum, e.size])
      : Object.entries(strat.sizes as unknown as Readonly<Record<string, SizeRule>>);
    for (const [key, rule] of entries) {
      if ('count' in rule) sizes.push([key, rule.count]);
      else ratios.push([key, ratioOf(rule, ['stratification', 'sizes', key])]);
    }
    const other = strat.otherStrata;
    if (other === undefined) out.ratio = 0;
    else if (!('count' in other)) out.ratio = ratioOf(other, ['stratification', 'otherStrata']);
    else if (other.count === 0) out.ratio = 0;
    else {
      notStatable(
        `其余各层固定抽取 ${other.count} 户无法声明（声明的设计只能为其余各层给出比例）`,
        `a fixed count of ${other.count} for every other stratum cannot be stated (a stated design gives other strata a ratio only)`,
        ['stratification', 'otherStrata', 'count'],
      );
    }
  }
  if (ratios.length > 0) out.ratios = Object.fromEntries(ratios);
  if (sizes.length > 0) out.sizes = Object.fromEntries(sizes);
  const { rule } = shared ?? {};
  if (rule !== undefined) {
    if (rule.rounding !== undefined && rule.rounding !== 'up') out.rounding = rule.rounding;
    if (rule.minimum !== undefined && rule.minimum > 0) out.minimum = rule.minimum;
  }
  out.shortfall = normalized.shortfall;
  if (normalized.weights !== undefined) {
    out.selection = 'weighted';
    out.weights = JSON.parse(JSON.stringify(normalized.weights)) as NonNullable<StatedDesign['weights']>;
  }
  return out;
}
