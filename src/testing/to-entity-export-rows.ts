import { EntitySchema, type Entity } from '../models/entity.js';
import { checkedList } from './internals/checked-list.js';

const KIND_ZH = { enterprise: '企业', 'individual-business': '个体工商户', 'farmer-cooperative': '农民专业合作社', other: '其他检查对象' } as const;
const STATUS_ZH = { active: '存续', deregistered: '注销', revoked: '吊销', cancelled: '撤销', 'moved-out': '迁出' } as const;
const LIST_ZH = { 'abnormal-operations': '经营异常名录', 'serious-violations': '严重违法失信名单' } as const;

/**
 * 导出为表格行 — writes entities as the rows of a spreadsheet export: Chinese headers (统一社会信用代码,
 * 企业名称, 类型 …), every value as text, Chinese labels (企业, 存续, `B类`), lists joined with `、`, absent
 * values as `''`. `parseEntityRegister` reads these rows back to the same entities.
 * An `otherIdentifier` is written as `scheme:value` in column 其他标识.
 *
 * @param entities - 检查对象: the entities to write, e.g. from {@link generateEntityRegister}
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const rows = toEntityExportRows(generateEntityRegister(3));
 * rows[0]?.['统一社会信用代码']; // an 18-character code (or '' for an "other" target)
 * ```
 */
export function toEntityExportRows(entities: readonly Entity[]): Record<string, string>[] {
  return checkedList(entities, EntitySchema, '检查对象', 'entities').map((e) => ({
    编号: e.id === e.creditCode ? '' : e.id,
    统一社会信用代码: e.creditCode ?? '',
    其他标识: e.otherIdentifier === undefined ? '' : `${e.otherIdentifier.scheme}:${e.otherIdentifier.value}`,
    企业名称: e.name,
    类型: KIND_ZH[e.kind],
    所属行业: e.industry ?? '',
    企业规模: e.scale ?? '',
    行政区划代码: e.regionCode ?? '',
    登记机关: e.registrationAuthority ?? '',
    监管所: e.supervisingUnit ?? '',
    登记状态: STATUS_ZH[e.status],
    信用风险分类: e.riskClass === undefined ? '未分类' : `${e.riskClass}类`,
    名单: e.lists.map((l) => LIST_ZH[l]).join('、'),
    投诉举报数: String(e.complaintCount),
    标签: e.tags.join('、'),
    法定代表人: e.legalRepresentative ?? '',
    住所: e.address ?? '',
    经营范围: e.businessScope ?? '',
  }));
}
