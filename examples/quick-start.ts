/**
 * 快速上手 / Quick start — the README's first example, kept runnable (`npx tsx examples/quick-start.ts`):
 * load a register, publish its digest, make a seed from dice, draw, verify, match inspectors, and compute
 * the publication deadline. Synthetic data only.
 */
import {
  addWorkdays,
  drawTargets,
  matchInspectors,
  parseEntityRegister,
  registerDigest,
  seedFromDice,
  verifyDraw,
} from '../src/index.js';
import { generateEntityRegister, generateInspectorRegister, toEntityExportRows } from '../src/testing/index.js';

// 1. 导入检查对象名录库（这里用合成数据；实际为政务系统导出的表格行，中文列名即可）
const rows = toEntityExportRows(generateEntityRegister(2000, { seed: 'quick-start' }));
const parsed = parseEntityRegister(rows);
if (!parsed.success) throw new Error(parsed.issues.map((i) => i.messageZh).join('\n'));
const register = parsed.data;

// 2. 抽取前公布名录库摘要（与行顺序无关）
const { digest, size } = registerDigest(register);
console.log(`名录库 ${size} 户，摘要 ${digest}`);

// 3. 当众掷 20 个十面骰得到种子，按信用风险分类分层抽取（A 1%、B 3%、C 10%、D 30%）
const seed = seedFromDice('40271958360112847735');
const { selected, record } = drawTargets(
  register,
  {
    label: '示例市市场监管局 2026 年第一批',
    stratification: {
      field: 'riskClass',
      allocation: 'per-stratum',
      sizes: { A: { ratio: 0.01 }, B: { ratio: 0.03 }, C: { ratio: 0.1 }, D: { ratio: 0.3 }, '': { ratio: 0.03 } },
    },
  },
  { seed },
);
console.log(`抽中 ${selected.length} 户；第一位 ${selected[0]?.entity.name}（签号 ${selected[0]?.ticket.slice(0, 12)}…）`);

// 4. 任何人都可用公开的记录和名录库核验
const check = verifyDraw(record, register);
console.log(check.ok ? '核验通过' : `核验未通过：${check.messageZh}`);

// 5. 随机选派执法检查人员（每组至少 2 人，所所交叉回避）
const inspectors = generateInspectorRegister(60, { seed: 'quick-start' });
const department = inspectors[0]!.department;
const match = matchInspectors(selected.map((s) => s.entity), inspectors, {
  seed: seed.seed, label: '示例市市场监管局 2026 年第一批 选派', date: '2026-03-02', department, crossUnit: true,
});
console.log(`已选派 ${match.assignments.length} 组，无法选派 ${match.unstaffable.length} 个`);

// 6. 检查结果 2026-09-29 形成，20 个工作日内公示（跨国庆节）
console.log(`公示期限：${addWorkdays('2026-09-29', 20)}`);
if (!check.ok) process.exit(1);
