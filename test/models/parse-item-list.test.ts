import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_HEADERS, InspectionItemSchema, parseItemList } from '../../src/models/index.js';
import { generateItemList } from '../../src/testing/index.js';

function codes(result: ReturnType<typeof parseItemList>): string[] {
  return result.success ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`);
}

describe('parseItemList', () => {
  it('reads an 附件1-style row: ratio "5%", frequency "1次/年", methods, basis split on semicolons', () => {
    const result = parseItemList([
      {
        序号: '1', 部门名称: '市场监管局', 抽查事项名称: '示例事项01 企业公示信息检查', 抽查依据: '《示例条例》第十条、第十一条；《示例办法》第3条',
        检查主体: '市场监管局', 事项类别: '一般检查事项', 检查对象: '辖区内企业', 抽查比例: '5%', 抽查频次: '1次/年',
        检查方式: '现场检查、网络检查/网络监测，抽样检验', 检查人员要求: '企业公示信息', 备注: '跨部门开展，本单位不再单独开展',
      },
      { 事项编号: 'K-2', 部门名称: '卫生健康委', 抽查事项名称: '示例事项02', 事项类别: '重点', A类抽查比例: '1%', D类抽查比例: '0.3', 抽查频次: '每年两次'.replace('两', '二'), 发起部门: '卫生健康委', 配合部门: '市场监管局、生态环境局' },
    ]);
    expect(result).toEqual({
      success: true,
      data: [
        {
          id: '1', sequence: 1, department: '市场监管局', name: '示例事项01 企业公示信息检查', legalBasis: ['《示例条例》第十条、第十一条', '《示例办法》第3条'],
          inspectingBody: '市场监管局', category: 'general', targetDescription: '辖区内企业', ratio: 0.05, frequencyPerYear: 1,
          methods: ['on-site', 'online', 'sampling'], requiredExpertise: ['企业公示信息'], remark: '跨部门开展，本单位不再单独开展',
        },
        {
          id: 'K-2', department: '卫生健康委', name: '示例事项02', legalBasis: [], category: 'key', ratioByRiskClass: { A: 0.01, D: 0.3 }, frequencyPerYear: 2,
          methods: [], requiredExpertise: [], joint: { initiatingDepartment: '卫生健康委', cooperatingDepartments: ['市场监管局', '生态环境局'] },
        },
      ],
    });
    expect(ITEM_HEADERS['检查方式']).toBe('methods');
  });

  it('percent text is read exactly', () => {
    const ratios = ['7%', '0.07', '3%', '12.5%', '5‰', '100%'].map((r) => {
      const result = parseItemList([{ id: 'x', department: 'd', name: 'n', category: 'key', ratio: r }]);
      return result.success ? result.data[0]!.ratio : undefined;
    });
    expect(ratios).toEqual([0.07, 0.07, 0.03, 0.125, 0.005, 1]);
  });

  it('reports every problem', () => {
    const result = parseItemList([
      { 序号: '1', 部门名称: 'd', 抽查事项名称: 'n', 事项类别: '普通', 抽查比例: '150%', 抽查频次: '经常', 检查方式: '飞行检查' },
      { 序号: '1', 部门名称: 'd', 抽查事项名称: 'm', 事项类别: '一般', 配合部门: '市场监管局' },
      { 部门名称: 'd' },
    ]);
    expect(codes(result)).toEqual([
      '0.category:UNKNOWN_CATEGORY', '0.ratio:INVALID_RATIO', '0.frequencyPerYear:INVALID_FREQUENCY', '0.methods:UNKNOWN_METHOD', '0.id:DUPLICATE_ID',
      '1.id:DUPLICATE_ID', '1.joint.initiatingDepartment:MISSING_FIELD',
      '2.id:MISSING_FIELD', '2.name:MISSING_FIELD', '2.category:MISSING_FIELD',
    ]);
  });

  it('generated lists parse back from JSON and agree with the zod schema', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 6 }), (seed, perDepartment) => {
        const items = generateItemList({ seed, itemsPerDepartment: perDepartment });
        expect(parseItemList(JSON.parse(JSON.stringify(items)) as object[])).toEqual({ success: true, data: items });
        for (const item of items) expect(InspectionItemSchema.parse(JSON.parse(JSON.stringify(item)))).toEqual(item);
      }),
      { numRuns: 30 },
    );
  });
});
