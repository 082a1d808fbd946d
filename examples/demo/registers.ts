/**
 * Demo section 一单两库: generate synthetic registers, parse them as a spreadsheet import would, print counts,
 * then parse a deliberately broken register and print every problem (中文 / English).
 */
import { parseEntityRegister, parseInspectorRegister, parseItemList } from '../../src/models/index.js';
import {
  generateBrokenEntityRows, generateBrokenInspectorRows, generateEntityRegister, generateInspectorRegister, generateItemList,
  toEntityExportRows, toInspectorExportRows,
} from '../../src/testing/index.js';

function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.keys()].sort().map((key) => `${key} ${counts.get(key)}`).join(', ');
}

/** Runs the register demo, printing each line through `print`. */
export function runRegisterDemo(print: (line: string) => void): void {
  print('== 一单两库 — registers and item list / 名录库与事项清单');
  const rows = toEntityExportRows(generateEntityRegister(2000, { seed: 'demo' }));
  const entities = parseEntityRegister(rows);
  if (!entities.success) throw new Error('the generated register should parse');
  const register = entities.data;
  print(`检查对象名录库 entity register: ${register.length} 行 rows parsed from spreadsheet-style rows (中文列名)`);
  print(`  按类型 by kind: ${tally(register.map((e) => e.kind))}`);
  print(`  按信用风险分类 by risk class: ${tally(register.map((e) => e.riskClass ?? '未分类 unclassified'))}`);
  print(`  按行政区划 by region: ${tally(register.map((e) => e.regionCode ?? '-'))}`);
  print(`  名单 lists: 经营异常名录 ${register.filter((e) => e.lists.includes('abnormal-operations')).length}, 严重违法失信名单 ${register.filter((e) => e.lists.includes('serious-violations')).length}`);

  const inspectors = parseInspectorRegister(toInspectorExportRows(generateInspectorRegister(60, { seed: 'demo' })));
  if (!inspectors.success) throw new Error('the generated inspector register should parse');
  print(`执法检查人员名录库 inspector register: ${inspectors.data.length} 人 people; by department: ${tally(inspectors.data.map((i) => i.department))}`);
  print(`  专家 experts ${inspectors.data.filter((i) => i.isExpert).length}, 暂停执法 suspended ${inspectors.data.filter((i) => i.status === 'suspended').length}`);

  const items = parseItemList(JSON.parse(JSON.stringify(generateItemList({ seed: 'demo' }))) as object[]);
  if (!items.success) throw new Error('the generated item list should parse');
  print(`随机抽查事项清单 item list: ${items.data.length} 项 items; by category: ${tally(items.data.map((i) => i.category))}`);

  print('-- 含错误的名录 a deliberately broken entity register:');
  const broken = generateBrokenEntityRows({ seed: 'demo', count: 20, defects: ['bad-check-character', 'duplicate-credit-code', 'unknown-risk-class', 'unknown-kind', 'no-identifier', 'unknown-column'] });
  const result = parseEntityRegister(broken.rows);
  if (result.success) throw new Error('the broken register should not parse');
  print(`  发现 ${result.issues.length} 个问题 / ${result.issues.length} problems found:`);
  for (const issue of result.issues) print(`  [${issue.path.join('.')}] ${issue.code}: ${issue.messageZh} / ${issue.messageEn}`);

  print('-- 含错误的人员名录 a deliberately broken inspector register:');
  const brokenInspectors = parseInspectorRegister(generateBrokenInspectorRows({ seed: 'demo', defects: ['certificate-ends-before-start', 'malformed-date'] }).rows);
  if (brokenInspectors.success) throw new Error('the broken inspector register should not parse');
  for (const issue of brokenInspectors.issues) print(`  [${issue.path.join('.')}] ${issue.code}: ${issue.messageZh} / ${issue.messageEn}`);
}
