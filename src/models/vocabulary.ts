/**
 * The closed vocabularies shared by the models. Values are English codes; each carries its Chinese
 * term in the TSDoc and in {@link CHINESE_LABELS}-style tables used by the register parsers.
 *
 * @module
 */
import * as z from 'zod';
import { tryDayNumber } from '../internals/plain-date.js';
import {
  ENTITY_KINDS, ENTITY_STATUSES, INSPECTION_METHODS, INSPECTOR_STATUSES, ITEM_CATEGORIES, LIST_MEMBERSHIPS, RISK_CLASSES,
} from './internals/vocabulary-values.js';

/**
 * 企业信用风险分类 — credit-risk class: A 信用风险低, B 一般, C 较高, D 高 (国市监信发〔2022〕6号).
 *
 * @group Models
 *
 * @example
 * ```ts
 * RiskClassSchema.parse('D'); // 'D'
 * ```
 */
export const RiskClassSchema = /* @__PURE__ */ z.enum(RISK_CLASSES);
/**
 * 企业信用风险分类 — credit-risk class A–D.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const riskClass: RiskClass = 'C';
 * ```
 */
export type RiskClass = z.infer<typeof RiskClassSchema>;

/**
 * 检查对象类型 — kind of target: 企业 `enterprise`, 个体工商户 `individual-business`,
 * 农民专业合作社 `farmer-cooperative`, 其他检查对象 `other` (products, projects, behaviours …).
 *
 * @group Models
 *
 * @example
 * ```ts
 * EntityKindSchema.options; // ['enterprise', 'individual-business', 'farmer-cooperative', 'other']
 * ```
 */
export const EntityKindSchema = /* @__PURE__ */ z.enum(ENTITY_KINDS);
/**
 * 检查对象类型 — kind of target.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const kind: EntityKind = 'individual-business'; // 个体工商户
 * ```
 */
export type EntityKind = z.infer<typeof EntityKindSchema>;

/**
 * 登记状态 — registration status: 存续 `active`, 注销 `deregistered`, 吊销 `revoked`,
 * 撤销 `cancelled`, 迁出 `moved-out`. Only `active` entities belong in a draw population by default.
 *
 * @group Models
 *
 * @example
 * ```ts
 * EntityStatusSchema.safeParse('active').success; // true
 * ```
 */
export const EntityStatusSchema = /* @__PURE__ */ z.enum(ENTITY_STATUSES);
/**
 * 登记状态 — registration status.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const status: EntityStatus = 'deregistered'; // 注销
 * ```
 */
export type EntityStatus = z.infer<typeof EntityStatusSchema>;

/**
 * 名单 — list memberships that raise ratio and frequency: 经营异常名录 `abnormal-operations`,
 * 严重违法失信名单 `serious-violations`.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ListMembershipSchema.parse('serious-violations'); // 严重违法失信名单
 * ```
 */
export const ListMembershipSchema = /* @__PURE__ */ z.enum(LIST_MEMBERSHIPS);
/**
 * 名单 — list membership.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const list: ListMembership = 'abnormal-operations'; // 经营异常名录
 * ```
 */
export type ListMembership = z.infer<typeof ListMembershipSchema>;

/**
 * 事项类别 — item category: 一般检查事项 `general` (ratio and frequency limited), 重点检查事项 `key`.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ItemCategorySchema.parse('key'); // 重点检查事项
 * ```
 */
export const ItemCategorySchema = /* @__PURE__ */ z.enum(ITEM_CATEGORIES);
/**
 * 事项类别 — item category.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const category: ItemCategory = 'general'; // 一般检查事项
 * ```
 */
export type ItemCategory = z.infer<typeof ItemCategorySchema>;

/**
 * 检查方式 — inspection method: 现场检查 `on-site`, 书面检查 `document`, 网络检查/网络监测 `online`,
 * 抽样检验/检验检测 `sampling`, 委托专业机构核查 `third-party`, 行政部门检查结果或专业意见
 * `other-department-findings`.
 *
 * @group Models
 *
 * @example
 * ```ts
 * InspectionMethodSchema.parse('on-site'); // 现场检查
 * ```
 */
export const InspectionMethodSchema = /* @__PURE__ */ z.enum(INSPECTION_METHODS);
/**
 * 检查方式 — inspection method.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const methods: InspectionMethod[] = ['document', 'online']; // 书面检查、网络检查
 * ```
 */
export type InspectionMethod = z.infer<typeof InspectionMethodSchema>;

/**
 * 人员状态 — inspector status: 在岗 `active`, 暂停执法 `suspended`.
 *
 * @group Models
 *
 * @example
 * ```ts
 * InspectorStatusSchema.parse('suspended'); // 暂停执法
 * ```
 */
export const InspectorStatusSchema = /* @__PURE__ */ z.enum(INSPECTOR_STATUSES);
/**
 * 人员状态 — inspector status.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const status: InspectorStatus = 'active';
 * ```
 */
export type InspectorStatus = z.infer<typeof InspectorStatusSchema>;

/**
 * A plain `YYYY-MM-DD` date in a model.
 *
 * @group Models
 *
 * @example
 * ```ts
 * PlainDateStringSchema.safeParse('2025-02-30').success; // false
 * ```
 */
export const PlainDateStringSchema = /* @__PURE__ */ z
  .string()
  // The library's one date check (no `Date`, so no time zone): the same rule as every calendar function.
  .refine((value) => tryDayNumber(value) !== undefined, {
    message: 'expected a real date written YYYY-MM-DD',
    params: { code: 'INVALID_DATE', zh: '应为真实存在的日期，格式 YYYY-MM-DD' },
  });

/**
 * A sampling ratio in (0, 1]. Numbers are read exactly by their shortest decimal form (`0.05` is 5/100);
 * percent strings such as `"5%"` are accepted by the register parsers.
 *
 * @group Models
 *
 * @example
 * ```ts
 * RatioSchema.safeParse(0.05).success; // true
 * RatioSchema.safeParse(0).success; // false
 * ```
 */
export const RatioSchema = /* @__PURE__ */ z.number().gt(0).lte(1);

/**
 * Per-credit-risk-class ratios, e.g. `{ A: 0.01, B: 0.03, C: 0.1, D: 0.3 }` (Henan 2021).
 *
 * @group Models
 *
 * @example
 * ```ts
 * RatioByRiskClassSchema.parse({ A: 0.01, B: 0.03, C: 0.1, D: 0.3 });
 * ```
 */
export const RatioByRiskClassSchema = /* @__PURE__ */ z
  .object({ A: RatioSchema.optional(), B: RatioSchema.optional(), C: RatioSchema.optional(), D: RatioSchema.optional() })
  .strict()
  .readonly();
/**
 * Per-credit-risk-class ratios.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const ratios: RatioByRiskClass = { A: 0.01, D: 0.3 };
 * ```
 */
export type RatioByRiskClass = z.infer<typeof RatioByRiskClassSchema>;
