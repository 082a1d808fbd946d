/**
 * Literal label tables: the Chinese (and English-code) spellings the register parsers accept for each
 * closed vocabulary. Looked up with own-property checks only (see `lookupLabel`).
 */
import type { EntityKind, EntityStatus, InspectionMethod, InspectorStatus, ItemCategory, ListMembership, RiskClass } from '../vocabulary.js';

/** 检查对象类型. */
export const KIND_LABELS: Readonly<Record<string, EntityKind>> = Object.freeze({
  enterprise: 'enterprise', 企业: 'enterprise', 公司: 'enterprise', 企业法人: 'enterprise', 非法人企业: 'enterprise',
  'individual-business': 'individual-business', 个体工商户: 'individual-business', 个体户: 'individual-business', 个体: 'individual-business',
  'farmer-cooperative': 'farmer-cooperative', 农民专业合作社: 'farmer-cooperative', 农民专业合作社联合社: 'farmer-cooperative', 合作社: 'farmer-cooperative',
  other: 'other', 其他: 'other', 其他检查对象: 'other',
});

/** 登记状态. */
export const STATUS_LABELS: Readonly<Record<string, EntityStatus>> = Object.freeze({
  active: 'active', 存续: 'active', 在营: 'active', 开业: 'active', 在业: 'active', 在册: 'active', '存续（在营、开业、在册）': 'active',
  deregistered: 'deregistered', 注销: 'deregistered', 已注销: 'deregistered',
  revoked: 'revoked', 吊销: 'revoked', 已吊销: 'revoked', '吊销，未注销': 'revoked', '吊销未注销': 'revoked',
  cancelled: 'cancelled', 撤销: 'cancelled', 已撤销: 'cancelled', 撤销登记: 'cancelled',
  'moved-out': 'moved-out', 迁出: 'moved-out', 已迁出: 'moved-out',
});

/** 企业信用风险分类; the "unclassified" spellings map to `null` (absent). */
export const RISK_LABELS: Readonly<Record<string, RiskClass | null>> = Object.freeze({
  A: 'A', A类: 'A', 'A 类': 'A', 信用风险低: 'A', 风险低: 'A', 低风险: 'A', 'A类（信用风险低）': 'A',
  B: 'B', B类: 'B', 'B 类': 'B', 信用风险一般: 'B', 风险一般: 'B', 一般风险: 'B', 'B类（信用风险一般）': 'B',
  C: 'C', C类: 'C', 'C 类': 'C', 信用风险较高: 'C', 风险较高: 'C', 较高风险: 'C', 'C类（信用风险较高）': 'C',
  D: 'D', D类: 'D', 'D 类': 'D', 信用风险高: 'D', 风险高: 'D', 高风险: 'D', 'D类（信用风险高）': 'D',
  未分类: null, 未评级: null, 未分级: null, 暂未分类: null,
});

/** 名单. */
export const LIST_LABELS: Readonly<Record<string, ListMembership>> = Object.freeze({
  'abnormal-operations': 'abnormal-operations', 经营异常名录: 'abnormal-operations', 列入经营异常名录: 'abnormal-operations', 经营异常: 'abnormal-operations',
  'serious-violations': 'serious-violations', 严重违法失信名单: 'serious-violations', 严重违法失信企业名单: 'serious-violations', 列入严重违法失信名单: 'serious-violations', 严重违法失信: 'serious-violations',
});

/** 人员状态. */
export const INSPECTOR_STATUS_LABELS: Readonly<Record<string, InspectorStatus>> = Object.freeze({
  active: 'active', 在岗: 'active', 正常: 'active', 在职: 'active', 有效: 'active',
  suspended: 'suspended', 暂停: 'suspended', 暂停执法: 'suspended', 停止执法: 'suspended', 停职: 'suspended',
});

/** 事项类别. */
export const CATEGORY_LABELS: Readonly<Record<string, ItemCategory>> = Object.freeze({
  general: 'general', 一般检查事项: 'general', 一般事项: 'general', 一般: 'general',
  key: 'key', 重点检查事项: 'key', 重点事项: 'key', 重点: 'key',
});

/** 检查方式. */
export const METHOD_LABELS: Readonly<Record<string, InspectionMethod>> = Object.freeze({
  'on-site': 'on-site', 现场检查: 'on-site', 实地检查: 'on-site', 现场核查: 'on-site',
  document: 'document', 书面检查: 'document', 书面审查: 'document',
  online: 'online', 网络检查: 'online', 网络监测: 'online', '网络检查/网络监测': 'online', 网络检查和网络监测: 'online',
  sampling: 'sampling', 抽样检验: 'sampling', 检验检测: 'sampling', '抽样检验/检验检测': 'sampling', 抽样检测: 'sampling',
  'third-party': 'third-party', 委托专业机构核查: 'third-party', 委托第三方: 'third-party', 委托专业机构: 'third-party',
  'other-department-findings': 'other-department-findings', 行政部门检查结果或专业意见: 'other-department-findings',
  采信行政部门检查结果或专业意见: 'other-department-findings', 行政部门检查结果: 'other-department-findings',
});
