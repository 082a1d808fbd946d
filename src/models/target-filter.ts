import * as z from 'zod';
import { frozenArray } from './internals/frozen-array.js';

/**
 * Entity fields with a single text value that a directed draw (定向抽查) may condition on.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ScalarFilterFieldSchema.parse('riskClass');
 * ```
 */
export const ScalarFilterFieldSchema = /* @__PURE__ */ z.enum([
  'kind',
  'industry',
  'scale',
  'regionCode',
  'registrationAuthority',
  'supervisingUnit',
  'status',
  'riskClass',
]);
/**
 * A scalar entity field usable in a filter.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const field: ScalarFilterField = 'supervisingUnit';
 * ```
 */
export type ScalarFilterField = z.infer<typeof ScalarFilterFieldSchema>;

/**
 * Entity fields holding a set of values (名单, tags).
 *
 * @group Models
 *
 * @example
 * ```ts
 * SetFilterFieldSchema.parse('tags');
 * ```
 */
export const SetFilterFieldSchema = /* @__PURE__ */ z.enum(['lists', 'tags']);
/**
 * A set-valued entity field usable in a filter.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const field: SetFilterField = 'lists';
 * ```
 */
export type SetFilterField = z.infer<typeof SetFilterFieldSchema>;

const values = /* @__PURE__ */ frozenArray(z.string(), { min: 1 });

/**
 * 定向抽查条件 — one declarative, serialisable condition of a directed draw. Never an opaque function,
 * so that the draw record can state exactly which population was drawn from.
 *
 * - `in` / `notIn`: the field's value is (not) one of `values`; an entity without the field is not `in`
 *   anything and is `notIn` everything.
 * - `startsWith`: for hierarchical codes (region 410402 under 4104, industry codes).
 * - `hasAny` / `hasAll` / `hasNone`: for `lists` and `tags`.
 * - `gte` / `lte`: for `complaintCount`.
 * - `anyOf`: at least one of the nested conditions holds (OR).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const highRisk: TargetCondition = { field: 'riskClass', op: 'in', values: ['C', 'D'] };
 * ```
 */
export type TargetCondition =
  | { readonly field: ScalarFilterField; readonly op: 'in' | 'notIn'; readonly values: readonly string[] }
  | { readonly field: 'regionCode' | 'industry'; readonly op: 'startsWith'; readonly value: string }
  | { readonly field: SetFilterField; readonly op: 'hasAny' | 'hasAll' | 'hasNone'; readonly values: readonly string[] }
  | { readonly field: 'complaintCount'; readonly op: 'gte' | 'lte'; readonly value: number }
  | { readonly op: 'anyOf'; readonly conditions: readonly TargetCondition[] };

/**
 * Schema of {@link TargetCondition}.
 *
 * @group Models
 *
 * @example
 * ```ts
 * TargetConditionSchema.parse({ field: 'regionCode', op: 'startsWith', value: '3501' });
 * ```
 */
export const TargetConditionSchema: z.ZodType<TargetCondition> = /* @__PURE__ */ z.lazy(() =>
  z.union([
    z.object({ field: ScalarFilterFieldSchema, op: z.enum(['in', 'notIn']), values }).strict().readonly(),
    z.object({ field: z.enum(['regionCode', 'industry']), op: z.literal('startsWith'), value: z.string().min(1) }).strict().readonly(),
    z.object({ field: SetFilterFieldSchema, op: z.enum(['hasAny', 'hasAll', 'hasNone']), values }).strict().readonly(),
    z.object({ field: z.literal('complaintCount'), op: z.enum(['gte', 'lte']), value: z.number().int().nonnegative() }).strict().readonly(),
    z.object({ op: z.literal('anyOf'), conditions: frozenArray(TargetConditionSchema, { min: 1 }) }).strict().readonly(),
  ]),
);

/**
 * 定向抽查条件 — all conditions must hold (AND). An empty list means 不定向 (the whole population).
 *
 * @group Models
 *
 * @example
 * ```ts
 * TargetFilterSchema.parse([{ field: 'kind', op: 'in', values: ['enterprise'] }]);
 * ```
 */
export const TargetFilterSchema = /* @__PURE__ */ frozenArray(TargetConditionSchema);
/**
 * A directed-draw filter: conditions ANDed together.
 *
 * @group Models
 *
 * @example
 * ```ts
 * // 定向抽查：辖区内的食品经营企业，或在严重违法失信名单上的任何对象
 * const filter: TargetFilter = [
 *   { op: 'anyOf', conditions: [
 *     { field: 'tags', op: 'hasAny', values: ['食品经营'] },
 *     { field: 'lists', op: 'hasAny', values: ['serious-violations'] },
 *   ] },
 * ];
 * ```
 */
export type TargetFilter = readonly TargetCondition[];
