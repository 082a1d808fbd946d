import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSPECTOR_HEADERS, InspectorSchema, parseInspectorRegister } from '../../src/models/index.js';
import { generateBrokenInspectorRows, generateInspectorRegister, toInspectorExportRows } from '../../src/testing/index.js';

function codes(result: ReturnType<typeof parseInspectorRegister>): string[] {
  return result.success ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`);
}

describe('parseInspectorRegister', () => {
  it('reads Chinese headers, dates in several spellings, 是/否 and statuses', () => {
    const result = parseInspectorRegister([
      { 姓名: '检查员甲-001', 所属部门: '市场监管局', 单位: '示例一所', 职务: '科员', 业务专长: '食品安全、特种设备', 执法证号: 'ZF-001', 发证机关: '示例市人民政府', 有效期起: '2024/1/5', 有效期止: '2028年12月31日', 人员状态: '在岗', 是否专家: '否' },
      { 编号: 'EXP-1', 姓名: '专家乙-002', 所属部门: '卫生健康委', 是否专家: '是', 人员状态: '暂停执法', 行政区划代码: '350102' },
    ]);
    expect(result).toEqual({
      success: true,
      data: [
        { id: 'ZF-001', name: '检查员甲-001', department: '市场监管局', unit: '示例一所', position: '科员', expertise: ['食品安全', '特种设备'], certificate: { number: 'ZF-001', issuer: '示例市人民政府', validFrom: '2024-01-05', validTo: '2028-12-31' }, status: 'active', isExpert: false },
        { id: 'EXP-1', name: '专家乙-002', department: '卫生健康委', expertise: [], status: 'suspended', isExpert: true, regionCode: '350102' },
      ],
    });
    expect(INSPECTOR_HEADERS['有效期止']).toBe('certificateValidTo');
  });

  it('an open-ended certificate is stated (长期), never implied by a missing end date', () => {
    const person = { 姓名: '检查员乙', 所属部门: '市场监管局' };
    const ok = parseInspectorRegister([{ ...person, 执法证号: 'ZF-01', 有效期止: '长期' }, { ...person, 执法证号: 'ZF-02', 有效期止: ' 长期有效 ' }, { ...person, certificate: { number: 'ZF-03', validTo: 'open-ended' } }]);
    expect(ok.success && ok.data.map((i) => i.certificate?.validTo)).toEqual(['open-ended', 'open-ended', 'open-ended']);
    expect(codes(parseInspectorRegister([{ ...person, 执法证号: 'ZF-04' }, { ...person, certificate: { number: 'ZF-05' } }, { ...person, 执法证号: 'ZF-06', 有效期止: '长久' }]))).toEqual([
      '0.certificate.validTo:CERTIFICATE_END_MISSING',
      '1.certificate.validTo:CERTIFICATE_END_MISSING',
      '2.certificate.validTo:INVALID_DATE',
    ]);
    expect(InspectorSchema.safeParse({ id: 'X', name: 'x', department: 'd', expertise: [], status: 'active', isExpert: false, certificate: { number: 'Z' } }).success).toBe(false);
  });

  it('reports every problem: ends before start, malformed dates, missing fields, duplicates on both rows', () => {
    const result = parseInspectorRegister([
      { 姓名: 'a', 所属部门: 'd', 执法证号: 'Z1', 有效期起: '2025-01-01', 有效期止: '2024-12-31' },
      { 姓名: 'b', 所属部门: 'd', 执法证号: 'Z2', 有效期起: '2025-02-30', 有效期止: '31/12/2026' },
      { 姓名: 'c', 执法证号: 'Z1', 是否专家: '也许', 人员状态: '休假' },
      { 所属部门: 'd' },
    ]);
    expect(codes(result)).toEqual([
      '0.certificate.validTo:CERTIFICATE_ENDS_BEFORE_START',
      '0.certificate.number:DUPLICATE_CERTIFICATE_NUMBER',
      '0.id:DUPLICATE_ID',
      '1.certificate.validFrom:INVALID_DATE',
      '1.certificate.validTo:INVALID_DATE',
      '2.certificate.validTo:CERTIFICATE_END_MISSING',
      '2.certificate.number:DUPLICATE_CERTIFICATE_NUMBER',
      '2.id:DUPLICATE_ID',
      '2.department:MISSING_FIELD',
      '2.status:UNKNOWN_STATUS',
      '2.isExpert:INVALID_BOOLEAN',
      '3.id:MISSING_FIELD',
      '3.name:MISSING_FIELD',
    ]);
  });

  it('the zod schema also rejects a certificate that ends before it starts', () => {
    const row = { id: 'x', name: 'n', department: 'd', certificate: { number: 'Z', validFrom: '2025-01-02', validTo: '2025-01-01' } };
    expect(InspectorSchema.safeParse(row).success).toBe(false);
    expect(codes(parseInspectorRegister([row]))).toEqual(['0.certificate.validTo:CERTIFICATE_ENDS_BEFORE_START']);
  });

  it('round trip: generated registers exported as rows parse back, and agree with the zod schema', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 40 }), (seed, count) => {
        const inspectors = generateInspectorRegister(count, { seed });
        expect(parseInspectorRegister(toInspectorExportRows(inspectors))).toEqual({ success: true, data: inspectors });
        for (const inspector of inspectors) expect(InspectorSchema.parse(JSON.parse(JSON.stringify(inspector)))).toEqual(inspector);
      }),
      { numRuns: 30 },
    );
  });

  it('every injected defect is reported on its row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const { rows, defects } = generateBrokenInspectorRows({ seed, count: 30 });
        const result = parseInspectorRegister(rows);
        expect(result.success).toBe(false);
        if (!result.success) {
          for (const d of defects) expect(result.issues.some((i) => i.path[0] === d.rowIndex && i.code === d.expectedCode)).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  });
});
