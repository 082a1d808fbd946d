import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESULT_CATEGORY_TREE } from '../../src/workflow/result-category-tree.js';
import { validateInspectionResults } from '../../src/workflow/validate-inspection-results.js';
import { validateResultCategoryTree } from '../../src/workflow/validate-result-category-tree.js';
import { result } from './fixtures.js';

const codesOf = (r: ReturnType<typeof validateInspectionResults>): string[] => (r.success ? [] : r.issues.map((i) => i.code));

describe('result categories', () => {
  it('the default tree is valid and modelled on the Zhejiang categories', () => {
    expect(validateResultCategoryTree(DEFAULT_RESULT_CATEGORY_TREE).success).toBe(true);
    expect(DEFAULT_RESULT_CATEGORY_TREE.map((n) => n.labelZh)).toEqual([
      '未发现问题',
      '发现问题待后续处理',
      '发现问题经责令已改正',
      '未发现开展本次抽查涉及的经营活动',
      '已关闭停业或正在组织清算',
      '不配合检查情节严重',
      '登记状态变化',
    ]);
  });
  it('reports duplicate codes, empty labels and trees with nothing to select', () => {
    const bad = validateResultCategoryTree([
      { code: 'g', labelZh: '组', labelEn: 'group', children: [{ code: 'g', labelZh: '', labelEn: 'x', selectable: false }] },
    ]);
    expect(bad.success ? [] : bad.issues.map((i) => [i.code, i.path])).toEqual([
      ['CATEGORY_CODE_DUPLICATE', [0, 'children', 0, 'code']],
      ['CATEGORY_LABEL_EMPTY', [0, 'children', 0]],
      ['CATEGORY_TREE_NOTHING_SELECTABLE', []],
    ]);
  });
  it('accepts several categories and validates each against the tree', () => {
    expect(validateInspectionResults([result('T', 'E1', 'I1', { categoryCodes: ['problem-not-disclosed', 'problem-unreachable', 'corrected'] })]).success).toBe(true);
    expect(codesOf(validateInspectionResults([result('T', 'E1', 'I1', { categoryCodes: ['problem-pending'] })]))).toEqual(['RESULT_CATEGORY_NOT_SELECTABLE']);
    expect(codesOf(validateInspectionResults([result('T', 'E1', 'I1', { categoryCodes: ['no-problem', 'corrected'] })]))).toEqual(['RESULT_CATEGORY_EXCLUSIVE']);
    expect(codesOf(validateInspectionResults([result('T', 'E1', 'I1', { categoryCodes: ['corrected', 'corrected'] })]))).toEqual(['RESULT_CATEGORY_DUPLICATE']);
    expect(codesOf(validateInspectionResults([result('T', 'E1', 'I1', { categoryCodes: [] })]))).toEqual(['RESULT_CATEGORY_EMPTY']);
    const custom = [{ code: 'ok', labelZh: '合格', labelEn: 'ok' }];
    expect(validateInspectionResults([result('T', 'E1', 'I1', { categoryCodes: ['ok'] })], { categoryTree: custom }).success).toBe(true);
    expect(codesOf(validateInspectionResults([result('T', 'E1', 'I1')], { categoryTree: custom }))).toEqual(['RESULT_CATEGORY_UNKNOWN']);
  });
  it('checks every other field and reports every problem with its path', () => {
    const bad = validateInspectionResults([
      result('T', 'E1', 'I1', {
        inspectionDate: '2025-02-29',
        methods: [],
        followUp: 'maybe' as never,
        recordSignature: 'absent' as never,
        conduct: 'rude' as never,
        referrals: [{ department: '' }],
        sensitive: [{ field: 'name' as never, reason: 'trade-secret' }],
        inspectingBody: '',
      }),
      result('T', 'E1', 'I1', { resultDate: '2025-03-01', methods: ['teleport' as never] }),
      result('T', 'E1', 'I1'),
    ]);
    expect(bad.success ? [] : bad.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'RESULT_FIELD_MISSING@0.inspectingBody',
      'RESULT_DATE_INVALID@0.inspectionDate',
      'RESULT_METHODS_EMPTY@0.methods',
      'RESULT_FOLLOW_UP_INVALID@0.followUp',
      'RESULT_SIGNATURE_INVALID@0.recordSignature',
      'RESULT_CONDUCT_INVALID@0.conduct',
      'RESULT_REFERRAL_DEPARTMENT_MISSING@0.referrals.0.department',
      'RESULT_SENSITIVITY_INVALID@0.sensitive.0',
      'RESULT_DATE_BEFORE_INSPECTION@1.resultDate',
      'RESULT_METHOD_UNKNOWN@1.methods.0',
      'RESULT_DUPLICATE@1',
      'RESULT_DUPLICATE@2',
    ]);
  });
  it('records refusal to sign, refusal of inspection and falsification as valid results', () => {
    expect(
      validateInspectionResults([
        result('T', 'E1', 'I1', { recordSignature: 'refused-to-sign', conduct: 'refused-inspection', categoryCodes: ['non-cooperation'], followUp: 'open' }),
        result('T', 'E2', 'I1', { conduct: 'concealed-or-falsified', categoryCodes: ['problem-false-disclosure'], referrals: [{ department: '示例县税务局', matter: '示例' }] }),
      ]).success,
    ).toBe(true);
  });
  it('property: any set of distinct selectable non-exclusive codes is accepted; adding an exclusive one is refused', () => {
    const plain = ['problem-not-disclosed', 'problem-false-disclosure', 'problem-unreachable', 'problem-other-rules', 'problem-other-department', 'corrected', 'closed-or-liquidating', 'non-cooperation'];
    const exclusive = ['no-problem', 'no-activity', 'deregistered', 'revoked', 'cancelled', 'moved-out'];
    fc.assert(
      fc.property(fc.shuffledSubarray(plain, { minLength: 1 }), fc.constantFrom(...exclusive), (codes, ex) => {
        expect(validateInspectionResults([result('T', 'E', 'I', { categoryCodes: codes })]).success).toBe(true);
        expect(validateInspectionResults([result('T', 'E', 'I', { categoryCodes: [ex] })]).success).toBe(true);
        expect(codesOf(validateInspectionResults([result('T', 'E', 'I', { categoryCodes: [...codes, ex] })]))).toEqual(['RESULT_CATEGORY_EXCLUSIVE']);
      }),
    );
  });
});
