/** Chinese labels of the shared vocabularies, used by notices (literal constants only). */
import type { TargetCondition, TargetFilter } from '../../models/target-filter.js';

export const METHOD_ZH: Readonly<Record<string, string>> = {
  'on-site': '现场检查',
  document: '书面检查',
  online: '网络检查',
  sampling: '抽样检验',
  'third-party': '委托专业机构核查',
  'other-department-findings': '行政部门检查结果或专业意见',
};

export const ITEM_CATEGORY_ZH: Readonly<Record<string, string>> = {
  general: '一般检查事项',
  key: '重点检查事项',
};

export const KIND_ZH: Readonly<Record<string, string>> = {
  enterprise: '企业',
  'individual-business': '个体工商户',
  'farmer-cooperative': '农民专业合作社',
  other: '其他检查对象',
};

export const STATUS_ZH: Readonly<Record<string, string>> = {
  active: '存续',
  deregistered: '注销',
  revoked: '吊销',
  cancelled: '撤销',
  'moved-out': '迁出',
};

export const LIST_ZH: Readonly<Record<string, string>> = {
  'abnormal-operations': '经营异常名录',
  'serious-violations': '严重违法失信名单',
};

const FIELD_ZH: Readonly<Record<string, string>> = {
  kind: '检查对象类型',
  industry: '行业',
  scale: '规模',
  regionCode: '行政区划',
  registrationAuthority: '登记机关',
  supervisingUnit: '属地监管单位',
  status: '登记状态',
  riskClass: '信用风险分类',
  lists: '名单',
  tags: '标签',
  complaintCount: '投诉举报数量',
};

function valueZh(field: string, value: string): string {
  if (field === 'kind') return KIND_ZH[value] ?? value;
  if (field === 'status') return STATUS_ZH[value] ?? value;
  if (field === 'lists') return LIST_ZH[value] ?? value;
  if (field === 'riskClass') return `${value}类`;
  return value;
}

/** Joins labels with the Chinese enumeration comma. */
export function joinZh(values: readonly string[]): string {
  return values.join('、');
}

function describeCondition(condition: TargetCondition): string {
  switch (condition.op) {
    case 'in':
      return `${FIELD_ZH[condition.field] ?? condition.field}为${joinZh(condition.values.map((v) => valueZh(condition.field, v)))}`;
    case 'notIn':
      return `${FIELD_ZH[condition.field] ?? condition.field}不为${joinZh(condition.values.map((v) => valueZh(condition.field, v)))}`;
    case 'startsWith':
      return `${FIELD_ZH[condition.field] ?? condition.field}以${condition.value}开头`;
    case 'hasAny':
      return `${FIELD_ZH[condition.field] ?? condition.field}含${condition.values.map((v) => valueZh(condition.field, v)).join('或')}`;
    case 'hasAll':
      return `${FIELD_ZH[condition.field] ?? condition.field}同时含${joinZh(condition.values.map((v) => valueZh(condition.field, v)))}`;
    case 'hasNone':
      return `${FIELD_ZH[condition.field] ?? condition.field}不含${joinZh(condition.values.map((v) => valueZh(condition.field, v)))}`;
    case 'gte':
      return `投诉举报数量不少于${condition.value}`;
    case 'lte':
      return `投诉举报数量不多于${condition.value}`;
    case 'anyOf':
      return `（${condition.conditions.map(describeCondition).join('，或')}）`;
  }
}

/** Describes a directed-draw filter in Chinese; an empty filter is 不定向抽查. */
export function describeFilterZh(filter: TargetFilter): string {
  if (filter.length === 0) return '不定向（名录库内全部存续检查对象）';
  return `定向：${filter.map(describeCondition).join('；')}`;
}
