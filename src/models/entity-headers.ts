/**
 * Input fields of {@link parseEntityRegister}: the {@link Entity} fields plus flat columns that build
 * nested or set values (`otherIdentifierScheme` + `otherIdentifierValue` → `otherIdentifier`;
 * `onAbnormalOperationsList` / `onSeriousViolationsList` yes/no columns → `lists`).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const field: EntityInputField = 'creditCode';
 * ```
 */
export type EntityInputField =
  | 'id' | 'creditCode' | 'otherIdentifier' | 'otherIdentifierScheme' | 'otherIdentifierValue' | 'name' | 'kind'
  | 'industry' | 'scale' | 'regionCode' | 'registrationAuthority' | 'supervisingUnit' | 'status' | 'riskClass'
  | 'lists' | 'onAbnormalOperationsList' | 'onSeriousViolationsList' | 'complaintCount' | 'tags'
  | 'legalRepresentative' | 'address' | 'businessScope';

/**
 * All {@link EntityInputField}s, in output order.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ENTITY_INPUT_FIELDS.includes('creditCode'); // true
 * ```
 */
export const ENTITY_INPUT_FIELDS: readonly EntityInputField[] = Object.freeze([
  'id', 'creditCode', 'otherIdentifier', 'otherIdentifierScheme', 'otherIdentifierValue', 'name', 'kind',
  'industry', 'scale', 'regionCode', 'registrationAuthority', 'supervisingUnit', 'status', 'riskClass',
  'lists', 'onAbnormalOperationsList', 'onSeriousViolationsList', 'complaintCount', 'tags',
  'legalRepresentative', 'address', 'businessScope',
] as const);

/**
 * 检查对象名录库列名 — the default Chinese column headers of an entity register and the field each fills.
 * Field names themselves (`creditCode` …) are always accepted too. Extend it per call with the
 * `headers` option of {@link parseEntityRegister}.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ENTITY_HEADERS['统一社会信用代码']; // 'creditCode'
 * ```
 */
export const ENTITY_HEADERS: Readonly<Record<string, EntityInputField>> = Object.freeze({
  编号: 'id', 对象编号: 'id', 主体编号: 'id', 检查对象编号: 'id',
  统一社会信用代码: 'creditCode', 社会信用代码: 'creditCode', 信用代码: 'creditCode', '统一社会信用代码/注册号': 'creditCode',
  其他标识: 'otherIdentifier', 其他标识类型: 'otherIdentifierScheme', 其他标识值: 'otherIdentifierValue', 其他标识号码: 'otherIdentifierValue',
  企业名称: 'name', 名称: 'name', 对象名称: 'name', 主体名称: 'name', 检查对象名称: 'name', 市场主体名称: 'name',
  类型: 'kind', 主体类型: 'kind', 对象类型: 'kind', 检查对象类型: 'kind', 市场主体类型: 'kind',
  所属行业: 'industry', 行业: 'industry', 行业类别: 'industry', 行业门类: 'industry', 行业代码: 'industry',
  企业规模: 'scale', 规模: 'scale',
  行政区划代码: 'regionCode', 区划代码: 'regionCode', 所属区划代码: 'regionCode',
  登记机关: 'registrationAuthority',
  监管所: 'supervisingUnit', 属地监管单位: 'supervisingUnit', 属地监管所: 'supervisingUnit', 管辖单位: 'supervisingUnit', 管辖机关: 'supervisingUnit', 属地管辖: 'supervisingUnit',
  登记状态: 'status', 经营状态: 'status', 状态: 'status',
  信用风险分类: 'riskClass', 风险等级: 'riskClass', 信用风险等级: 'riskClass', 风险分类: 'riskClass', 信用风险分类结果: 'riskClass',
  名单: 'lists', 列入名单: 'lists', 名单情况: 'lists',
  是否列入经营异常名录: 'onAbnormalOperationsList', 经营异常名录: 'onAbnormalOperationsList',
  是否列入严重违法失信名单: 'onSeriousViolationsList', 严重违法失信名单: 'onSeriousViolationsList',
  投诉举报数: 'complaintCount', 投诉举报数量: 'complaintCount', 投诉举报次数: 'complaintCount',
  标签: 'tags',
  法定代表人: 'legalRepresentative', 负责人: 'legalRepresentative', '法定代表人（负责人）': 'legalRepresentative', 经营者: 'legalRepresentative',
  住所: 'address', 地址: 'address', 经营场所: 'address', '住所（经营场所）': 'address',
  经营范围: 'businessScope',
});
