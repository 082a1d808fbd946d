/**
 * Parse a small entity register exported from a spreadsheet (中文列名, every value as text), then show
 * what happens with a bad row. Run: `npx tsx examples/parse-register.ts`.
 */
import { isValidUscc, parseEntityRegister, parseUscc } from '../src/models/index.js';

const rows = [
  { 统一社会信用代码: '91350100M000100Y43', 企业名称: '示例商贸有限公司0001', 类型: '企业', 信用风险分类: 'A类', 行政区划代码: '350100', 登记状态: '存续', 标签: '食品经营、网络交易' },
  { 编号: 'P-0002', 其他标识: 'product:P-0002', 企业名称: '示例产品批次0002', 类型: '其他检查对象', 投诉举报数: '2' },
];

const result = parseEntityRegister(rows);
if (!result.success) throw new Error(result.issues.map((i) => i.messageEn).join('; '));
for (const entity of result.data) console.log(entity.id, entity.kind, entity.riskClass ?? '未分类', entity.tags.join('|'));

const bad = parseEntityRegister([{ 统一社会信用代码: '91350100M000100Y4A', 企业名称: '示例商贸有限公司0003', 类型: '公司', 信用风险分类: 'E类', 联系电话: '000' }]);
if (bad.success) throw new Error('expected problems');
for (const issue of bad.issues) console.log(`[${issue.path.join('.')}] ${issue.code}: ${issue.messageZh} / ${issue.messageEn}`);

console.log(isValidUscc('91350100M000100Y43'), parseUscc('91350100M000100Y43').success);
