import { InspectorSchema, type Inspector } from '../models/inspector.js';
import { checkedList } from './internals/checked-list.js';

/**
 * 导出为表格行 — writes inspectors as spreadsheet rows with Chinese headers (姓名, 所属部门, 单位, 执法证号,
 * 有效期起 …), every value as text, 是/否 for 是否专家, 在岗/暂停执法 for 人员状态. `parseInspectorRegister`
 * reads them back to the same inspectors.
 *
 * @param inspectors - 执法检查人员: the inspectors to write, e.g. from {@link generateInspectorRegister}
 * @throws {@link shuangsuiji!ShuangsuijiError} with a code of {@link TestingErrorCode}
 * @group Testing
 *
 * @example
 * ```ts
 * const rows = toInspectorExportRows(generateInspectorRegister(2));
 * rows[0]?.['姓名']; // '检查员甲-001' or '专家甲-001'
 * ```
 */
export function toInspectorExportRows(inspectors: readonly Inspector[]): Record<string, string>[] {
  return checkedList(inspectors, InspectorSchema, '检查人员', 'inspectors').map((i) => ({
    编号: i.certificate !== undefined && i.id === i.certificate.number ? '' : i.id,
    姓名: i.name,
    所属部门: i.department,
    单位: i.unit ?? '',
    职务: i.position ?? '',
    业务专长: i.expertise.join('、'),
    执法证号: i.certificate?.number ?? '',
    发证机关: i.certificate?.issuer ?? '',
    有效期起: i.certificate?.validFrom ?? '',
    有效期止: i.certificate?.validTo ?? '',
    人员状态: i.status === 'active' ? '在岗' : '暂停执法',
    是否专家: i.isExpert ? '是' : '否',
    行政区划代码: i.regionCode ?? '',
  }));
}
