/**
 * Cell values the register parsers must not silently change: list separators, a list column contradicting a
 * 是/否 column, numbers that lost digits in a spreadsheet, and complaint counts beyond what a draw accepts.
 */
import { describe, expect, it } from 'vitest';
import { EntitySchema, parseEntityRegister, parseInspectorRegister, parseItemList } from '../../src/models/index.js';
import type { DataIssue } from '../../src/errors.js';

const CODE_A = '91350100M000100Y43';
const base = { creditCode: CODE_A, name: '示例商贸有限公司0001', kind: '企业' };

function issuesOf(result: { success: true } | { success: false; issues: readonly DataIssue[] }): readonly DataIssue[] {
  return result.success ? [] : result.issues;
}
function brief(result: { success: true } | { success: false; issues: readonly DataIssue[] }): string[] {
  return issuesOf(result).map((i) => `${i.path.join('.')}:${i.code}`);
}
function bilingual(issue: DataIssue | undefined): void {
  expect(issue?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(issue?.messageEn).toMatch(/[a-z]/);
}

describe('list cells: separators', () => {
  it('splits on , ， 、 ; ； and line breaks (in-cell line breaks of a spreadsheet)', () => {
    const result = parseEntityRegister([{ ...base, 标签: 'a,b，c、d;e；f\ng\r\nh\ri' }]);
    expect(result.success && result.data[0]!.tags).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });
  it('keeps a vertical bar inside a value: 食品经营|网络交易/其他 is one tag', () => {
    const result = parseEntityRegister([{ ...base, 标签: '食品经营|网络交易/其他' }]);
    expect(result.success && result.data[0]!.tags).toEqual(['食品经营|网络交易/其他']);
    const two = parseEntityRegister([{ ...base, 标签: '食品经营|网络交易、其他' }]);
    expect(two.success && two.data[0]!.tags).toEqual(['食品经营|网络交易', '其他']);
  });
  it('the same rule holds for inspector expertise and item methods/expertise', () => {
    const inspectors = parseInspectorRegister([{ 姓名: '检查员甲-001', 所属部门: '市场监管局', 编号: 'I-1', 业务专长: '食品|药品\n特种设备' }]);
    expect(inspectors.success && inspectors.data[0]!.expertise).toEqual(['食品|药品', '特种设备']);
    const items = parseItemList([{ 序号: '1', 部门名称: '市场监管局', 抽查事项名称: '示例事项01', 事项类别: '一般检查事项', 检查人员要求: '食品|药品；特种设备' }]);
    expect(items.success && items.data[0]!.requiredExpertise).toEqual(['食品|药品', '特种设备']);
  });
});

describe('list column contradicting a 是/否 column', () => {
  it('名单 says 经营异常名录 but 是否列入经营异常名录 says 否: CONFLICTING_COLUMNS on the flag column', () => {
    const result = parseEntityRegister([{ ...base, 名单: '经营异常名录', 是否列入经营异常名录: '否' }]);
    expect(brief(result)).toEqual(['0.onAbnormalOperationsList:CONFLICTING_COLUMNS']);
    const issue = issuesOf(result)[0];
    bilingual(issue);
    expect(issue?.messageZh).toContain('经营异常名录');
    expect(issue?.messageEn).toContain('abnormal-operations');
  });
  it('the same for 严重违法失信名单, for codes in an array, and for both flags at once', () => {
    expect(brief(parseEntityRegister([{ ...base, lists: '严重违法失信名单', 是否列入严重违法失信名单: false }]))).toEqual(['0.onSeriousViolationsList:CONFLICTING_COLUMNS']);
    expect(brief(parseEntityRegister([{ ...base, lists: ['abnormal-operations', 'serious-violations'], onAbnormalOperationsList: 'N', onSeriousViolationsList: '否' }])))
      .toEqual(['0.onAbnormalOperationsList:CONFLICTING_COLUMNS', '0.onSeriousViolationsList:CONFLICTING_COLUMNS']);
  });
  it('agreeing columns, and 是 adding a list the 名单 column does not name, are still accepted', () => {
    const agree = parseEntityRegister([{ ...base, 名单: '经营异常名录', 是否列入经营异常名录: '是', 是否列入严重违法失信名单: '否' }]);
    expect(agree.success && agree.data[0]!.lists).toEqual(['abnormal-operations']);
    const adds = parseEntityRegister([{ ...base, 名单: '经营异常名录', 是否列入严重违法失信名单: '是' }]);
    expect(adds.success && adds.data[0]!.lists).toEqual(['abnormal-operations', 'serious-violations']);
    const none = parseEntityRegister([{ ...base, 名单: '', 是否列入经营异常名录: '否' }]);
    expect(none.success && none.data[0]!.lists).toEqual([]);
  });
});

describe('numbers that already lost digits (spreadsheet cells)', () => {
  it('an entity id, credit code or other identifier given as an unsafe number is NUMBER_PRECISION_LOST', () => {
    const other = { name: 'n', kind: '其他', otherIdentifier: { scheme: 'product', value: 1e21 } };
    const result = parseEntityRegister([
      { ...base, id: 1e21 },
      { creditCode: 913501001234567890, name: 'n', kind: '企业' },
      { ...other, id: 'P-1' },
      { id: 2 ** 53, name: 'n', kind: '其他', otherIdentifier: 'product:P-3' },
      { id: 12.5, name: 'n', kind: '其他', otherIdentifier: 'product:P-2' },
    ]);
    expect(brief(result)).toEqual([
      '0.id:NUMBER_PRECISION_LOST', '1.creditCode:NUMBER_PRECISION_LOST', '2.otherIdentifier.value:NUMBER_PRECISION_LOST',
      '3.id:NUMBER_PRECISION_LOST', '4.id:NUMBER_PRECISION_LOST',
    ]);
    const first = issuesOf(result)[0];
    bilingual(first);
    expect(first?.messageEn).toMatch(/text/);
    expect(first?.received).toBe(1e21);
  });
  it('safe integers are still read as their decimal text', () => {
    const result = parseEntityRegister([{ id: 2 ** 53 - 1, name: 'n', kind: '其他', otherIdentifier: { scheme: 'project', value: 42 } }]);
    expect(result.success && result.data[0]).toMatchObject({ id: '9007199254740991', otherIdentifier: { scheme: 'project', value: '42' } });
  });
  it('an unsafe integer in any text or list cell is reported too (its digits are gone)', () => {
    expect(brief(parseEntityRegister([{ ...base, name: 1e21 }]))).toEqual(['0.name:NUMBER_PRECISION_LOST']);
    expect(brief(parseEntityRegister([{ ...base, 标签: ['a', 1e21] }]))).toEqual(['0.tags.1:NUMBER_PRECISION_LOST']);
    expect(brief(parseEntityRegister([{ ...base, 标签: 2 ** 60 }]))).toEqual(['0.tags:NUMBER_PRECISION_LOST']);
    const fraction = parseEntityRegister([{ ...base, 企业规模: 1.5 }]);
    expect(fraction.success && fraction.data[0]!.scale).toBe('1.5');
  });
  it('inspector ids and certificate numbers, item ids', () => {
    const inspectors = parseInspectorRegister([
      { 姓名: '检查员甲-001', 所属部门: '市场监管局', 执法证号: 35010020250001234567, 有效期止: '2027-12-31' },
      { 姓名: '检查员甲-002', 所属部门: '市场监管局', 编号: 1e21 },
      { 姓名: '检查员甲-003', 所属部门: '市场监管局', 执法证号: 350100202500, 有效期止: '长期' },
    ]);
    expect(brief(inspectors)).toEqual(['0.certificate.number:NUMBER_PRECISION_LOST', '1.id:NUMBER_PRECISION_LOST']);
    bilingual(issuesOf(inspectors)[0]);
    const items = parseItemList([{ 事项编号: 1e21, 部门名称: '市场监管局', 抽查事项名称: '示例事项01', 事项类别: '一般检查事项' }]);
    expect(brief(items)).toEqual(['0.id:NUMBER_PRECISION_LOST']);
  });
});

describe('complaint counts: the parser, the schema and the draw agree on 0 … 2^32 − 1', () => {
  it('4294967295 is accepted, 4294967296 is INVALID_COUNT (number or digit text)', () => {
    for (const ok of [4294967295, '4294967295', '000004294967295']) {
      const result = parseEntityRegister([{ ...base, 投诉举报数: ok }]);
      expect(result.success && result.data[0]!.complaintCount).toBe(4294967295);
    }
    for (const bad of [4294967296, '4294967296', 2 ** 53 - 1, '999999999999999']) {
      const result = parseEntityRegister([{ ...base, 投诉举报数: bad }]);
      expect(brief(result)).toEqual(['0.complaintCount:INVALID_COUNT']);
      const issue = issuesOf(result)[0];
      bilingual(issue);
      expect(issue?.messageEn).toContain('4294967295');
    }
  });
  it('EntitySchema has the same bound', () => {
    const row = { id: CODE_A, creditCode: CODE_A, name: 'n', kind: 'enterprise' };
    expect(EntitySchema.safeParse({ ...row, complaintCount: 4294967295 }).success).toBe(true);
    const rejected = EntitySchema.safeParse({ ...row, complaintCount: 4294967296 });
    expect(rejected.success).toBe(false);
    expect(rejected.error?.issues.map((i) => i.path)).toEqual([['complaintCount']]);
  });
});
