import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import type { DataIssue } from '../../src/errors.js';
import { ENTITY_HEADERS, EntitySchema, parseEntityRegister } from '../../src/models/index.js';
import { generateBrokenEntityRows, generateEntityRegister, toEntityExportRows } from '../../src/testing/index.js';

const CODE_A = '91350100M000100Y43';
const CODE_B = `91350102MA000000${''}`; // completed below
function withCheck(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += charset.indexOf(first17[i]!) * w;
    w = (w * 3) % 31;
  }
  return first17 + charset[(31 - (sum % 31)) % 31];
}
const CODE_2 = withCheck(`${CODE_B}0`);
const CODE_3 = withCheck('92350103MA0000001');

function codes(result: ReturnType<typeof parseEntityRegister>): string[] {
  return result.success ? [] : result.issues.map((i) => `${String(i.path[0])}.${String(i.path[1])}:${i.code}`);
}

describe('parseEntityRegister — known answers', () => {
  it('reads a spreadsheet row with Chinese headers and labels', () => {
    const result = parseEntityRegister([
      {
        统一社会信用代码: ` ${CODE_A} `, 企业名称: '示例商贸有限公司0001', 类型: '企业', 信用风险分类: 'B类', 所属行业: '批发和零售业',
        企业规模: '小型', 行政区划代码: '350102', 登记机关: '示例市甲区市场监督管理局', 监管所: '示例甲区第1市场监管所', 登记状态: '在营',
        名单: '经营异常名录、严重违法失信名单', 投诉举报数: '3', 标签: '食品经营，网络交易', 法定代表人: '代表人-0001', 住所: '示例路1号', 经营范围: '',
      },
    ]);
    expect(result).toEqual({
      success: true,
      data: [{
        id: CODE_A, creditCode: CODE_A, name: '示例商贸有限公司0001', kind: 'enterprise', industry: '批发和零售业', scale: '小型',
        regionCode: '350102', registrationAuthority: '示例市甲区市场监督管理局', supervisingUnit: '示例甲区第1市场监管所', status: 'active',
        riskClass: 'B', lists: ['abnormal-operations', 'serious-violations'], complaintCount: 3, tags: ['食品经营', '网络交易'],
        legalRepresentative: '代表人-0001', address: '示例路1号',
      }],
    });
    if (result.success) {
      expect(Object.isFrozen(result.data)).toBe(true);
      expect(Object.isFrozen(result.data[0])).toBe(true);
      expect(Object.isFrozen(result.data[0]!.lists)).toBe(true);
      expect('businessScope' in result.data[0]!).toBe(false); // empty text means absent
    }
  });

  it.each([
    ['企业', 'enterprise'], ['个体工商户', 'individual-business'], ['农民专业合作社', 'farmer-cooperative'], ['其他检查对象', 'other'], ['enterprise', 'enterprise'],
  ])('maps kind %s → %s', (label, kind) => {
    const result = parseEntityRegister([{ creditCode: CODE_A, name: 'n', kind: label }]);
    expect(result.success && result.data[0]!.kind).toBe(kind);
  });

  it.each([
    ['存续', 'active'], ['在营', 'active'], ['开业', 'active'], ['注销', 'deregistered'], ['吊销', 'revoked'], ['撤销', 'cancelled'], ['迁出', 'moved-out'],
  ])('maps status %s → %s', (label, status) => {
    const result = parseEntityRegister([{ creditCode: CODE_A, name: 'n', kind: '企业', status: label }]);
    expect(result.success && result.data[0]!.status).toBe(status);
  });

  it.each([
    ['A类', 'A'], ['A', 'A'], ['信用风险低', 'A'], ['B类', 'B'], ['信用风险一般', 'B'], ['C', 'C'], ['信用风险较高', 'C'], ['D类', 'D'], ['信用风险高', 'D'], ['未分类', undefined],
  ])('maps risk class %s → %s', (label, risk) => {
    const result = parseEntityRegister([{ creditCode: CODE_A, name: 'n', kind: '企业', 风险等级: label }]);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data[0]!.riskClass).toBe(risk);
  });

  it('yes/no list columns add memberships; defaults are active, [], 0, []', () => {
    const result = parseEntityRegister([{ creditCode: CODE_A, name: 'n', kind: '企业', 是否列入经营异常名录: '是', 是否列入严重违法失信名单: '否' }]);
    expect(result.success && result.data[0]).toEqual({ id: CODE_A, creditCode: CODE_A, name: 'n', kind: 'enterprise', status: 'active', lists: ['abnormal-operations'], complaintCount: 0, tags: [] });
  });

  it('id defaults to the credit code; an explicit id wins; other identifiers need an id', () => {
    const result = parseEntityRegister([
      { creditCode: CODE_A, name: 'a', kind: '企业' },
      { id: 'E-2', creditCode: CODE_2, name: 'b', kind: '企业' },
      { id: 'P-3', otherIdentifier: 'product:P-003', name: 'c', kind: '其他' },
      { id: 'P-4', otherIdentifier: { scheme: 'project', value: 'X-4' }, name: 'd', kind: 'other' },
      { id: 'P-5', 其他标识类型: 'registration-number', 其他标识值: '350100000000005', name: 'e', kind: 'other' },
    ]);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.map((e) => e.id)).toEqual([CODE_A, 'E-2', 'P-3', 'P-4', 'P-5']);
      expect(result.data.map((e) => e.otherIdentifier)).toEqual([undefined, undefined, { scheme: 'product', value: 'P-003' }, { scheme: 'project', value: 'X-4' }, { scheme: 'registration-number', value: '350100000000005' }]);
    }
  });

  it('reports every problem, each with code, path and both languages', () => {
    const result = parseEntityRegister([
      { 统一社会信用代码: '91350100M000100Y4A', 企业名称: '', 类型: '外星企业', 信用风险分类: 'E类' },
      { creditCode: CODE_A, name: 'ok', kind: '企业', regionCode: '35010', complaintCount: '三', status: '歇业', lists: '黑名单' },
      { name: 'no id', kind: '其他' },
      { creditCode: CODE_2, name: 'x', kind: '企业', 备注: '多余' },
    ]);
    expect(codes(result)).toEqual([
      '0.creditCode:USCC_CHECK_CHARACTER', '0.name:MISSING_FIELD', '0.kind:UNKNOWN_KIND', '0.riskClass:UNKNOWN_RISK_CLASS',
      '1.status:UNKNOWN_STATUS', '1.regionCode:INVALID_REGION_CODE', '1.complaintCount:INVALID_COUNT', '1.lists:UNKNOWN_LIST',
      '2.creditCode:MISSING_IDENTIFIER', '2.id:MISSING_FIELD',
      '3.备注:UNKNOWN_FIELD',
    ]);
    if (!result.success) {
      for (const issue of result.issues) {
        expect(issue.code).toMatch(/^[A-Z][A-Z_]+$/);
        expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/);
        expect(issue.messageEn).toMatch(/[a-z]/);
        expect(Object.isFrozen(issue)).toBe(true);
      }
    }
  });

  it('reports duplicate ids and duplicate credit codes on both rows', () => {
    const result = parseEntityRegister([
      { creditCode: CODE_A, name: 'a', kind: '企业' },
      { creditCode: CODE_3, name: 'b', kind: '个体工商户' },
      { id: 'X', creditCode: CODE_A, name: 'c', kind: '企业' },
      { id: CODE_3, creditCode: CODE_2, name: 'd', kind: '企业' },
    ]);
    expect(codes(result)).toEqual(['0.creditCode:DUPLICATE_CREDIT_CODE', '1.id:DUPLICATE_ID', '2.creditCode:DUPLICATE_CREDIT_CODE', '3.id:DUPLICATE_ID']);
    if (!result.success) expect(result.issues[0]!.messageEn).toContain('rows 0 and 2');
  });

  it('reports conflicting columns that fill one field', () => {
    const result = parseEntityRegister([{ creditCode: CODE_A, 名称: 'a', 企业名称: 'b', kind: '企业' }]);
    expect(codes(result)).toEqual(['0.name:CONFLICTING_COLUMNS']);
    expect(parseEntityRegister([{ creditCode: CODE_A, 名称: 'a', 企业名称: 'a ', kind: '企业' }]).success).toBe(true);
  });

  it('reports rows that are not objects', () => {
    const result = parseEntityRegister([null, 'x', [1], { creditCode: CODE_A, name: 'a', kind: '企业' }]);
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([[0], [1], [2]]);
  });

  it('unknown columns: reported by default, skipped with unknownFields: ignore, never in the data', () => {
    const row = { creditCode: CODE_A, name: 'a', kind: '企业', 联系电话: '000' };
    expect(codes(parseEntityRegister([row]))).toEqual(['0.联系电话:UNKNOWN_FIELD']);
    const ignored = parseEntityRegister([row], { unknownFields: 'ignore' });
    expect(ignored.success && Object.keys(ignored.data[0]!)).not.toContain('联系电话');
  });

  it('extra headers map columns; bad options throw INVALID_OPTION', () => {
    const result = parseEntityRegister([{ 代码: CODE_A, 主体全称: 'a', 性质: '企业' }], { headers: { 代码: 'creditCode', 主体全称: 'name', 性质: 'kind' } });
    expect(result.success && result.data[0]!.name).toBe('a');
    expect(ENTITY_HEADERS['统一社会信用代码']).toBe('creditCode');
    for (const options of [{ headers: { x: 'nope' } }, { unknownFields: 'drop' }, { headers: { x: '__proto__' } }]) {
      expect(() => parseEntityRegister([], options as never)).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION' }));
    }
  });

  it('accepts any iterable and throws INVALID_ARGUMENT for non-iterables', () => {
    function* rows(): Generator<object> {
      yield { creditCode: CODE_A, name: 'a', kind: '企业' };
      yield { creditCode: CODE_2, name: 'b', kind: '企业' };
    }
    const result = parseEntityRegister(rows());
    expect(result.success && result.data.length).toBe(2);
    try {
      parseEntityRegister(42 as never);
      expect.unreachable();
    } catch (error) {
      expect(isShuangsuijiError(error, 'INVALID_ARGUMENT')).toBe(true);
    }
  });

  it('__proto__, constructor and prototype keys pollute nothing', () => {
    const rows = JSON.parse(
      `[{"creditCode":"${CODE_A}","name":"a","kind":"企业","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"x"}]`,
    ) as object[];
    const strict = parseEntityRegister(rows);
    expect(codes(strict)).toEqual(['0.__proto__:UNKNOWN_FIELD', '0.constructor:UNKNOWN_FIELD', '0.prototype:UNKNOWN_FIELD']);
    const loose = parseEntityRegister(rows, { unknownFields: 'ignore', headers: JSON.parse('{"__proto__":"name"}') as Record<string, 'name'> });
    expect(loose.success).toBe(false); // __proto__ now fills name, conflicting with "a"
    const ignored = parseEntityRegister(rows, { unknownFields: 'ignore' });
    expect(ignored.success).toBe(true);
    if (ignored.success) {
      const entity = ignored.data[0]!;
      expect(Object.getPrototypeOf(entity)).toBe(Object.prototype);
      expect((entity as Record<string, unknown>)['polluted']).toBeUndefined();
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never mutates its input', () => {
    const { rows } = generateBrokenEntityRows({ count: 30 });
    const before = JSON.stringify(rows);
    const frozen = rows.map((r) => Object.freeze({ ...r }));
    parseEntityRegister(Object.freeze(frozen));
    parseEntityRegister(rows);
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe('parseEntityRegister — properties', () => {
  it('round trip: generated registers exported as spreadsheet rows parse back to the same entities', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 60 }), (seed, count) => {
        const entities = generateEntityRegister(count, { seed });
        const fromSheet = parseEntityRegister(toEntityExportRows(entities));
        expect(fromSheet).toEqual({ success: true, data: entities });
        const fromJson = parseEntityRegister(JSON.parse(JSON.stringify(entities)) as object[]);
        expect(fromJson).toEqual({ success: true, data: entities });
      }),
      { numRuns: 40 },
    );
  });

  it('order: shuffling the rows permutes the data the same way (row-wise parsing)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 30 }), (seed, count) => {
        const rows = toEntityExportRows(generateEntityRegister(count, { seed }));
        const reversed = rows.slice().reverse();
        const a = parseEntityRegister(rows);
        const b = parseEntityRegister(reversed);
        expect(a.success && b.success).toBe(true);
        if (a.success && b.success) expect(b.data).toEqual(a.data.slice().reverse());
      }),
      { numRuns: 20 },
    );
  });

  it('every injected defect is reported on its row with its code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const { rows, defects } = generateBrokenEntityRows({ seed, count: 40 });
        const result = parseEntityRegister(rows);
        expect(result.success).toBe(false);
        if (result.success) return;
        for (const { rowIndex, expectedCode } of defects) {
          expect(result.issues.some((i: DataIssue) => i.path[0] === rowIndex && i.code === expectedCode)).toBe(true);
        }
        const defective = new Set(defects.map((d) => d.rowIndex));
        // Apart from the row whose code was copied, only defective rows have issues.
        const others = result.issues.filter((i) => !defective.has(i.path[0] as number));
        expect(others.every((i) => i.code === 'DUPLICATE_CREDIT_CODE' || i.code === 'DUPLICATE_ID')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('fast path agrees with EntitySchema (zod) on canonical rows', () => {
  const field = fc.constantFrom(
    'creditCode', 'kind', 'riskClass', 'status', 'regionCode', 'complaintCount', 'name', 'lists', 'tags', 'otherIdentifier', 'both-ids', 'extra', 'none',
    'id', 'industry', 'supervisingUnit',
  );
  const mutation = fc.tuple(field, fc.integer({ min: 0, max: 5 }));

  function mutate(row: Record<string, unknown>, [name, variant]: [string, number]): Record<string, unknown> {
    const copy: Record<string, unknown> = { ...row };
    switch (name) {
      case 'creditCode': {
        const code = String(copy['creditCode'] ?? CODE_A);
        copy['creditCode'] = [code.slice(0, 17) + (code[17] === '0' ? '1' : '0'), code.toLowerCase(), code.slice(1), `${code}0`, code.replace(/\d/, 'S'), 12345][variant] ?? code;
        break;
      }
      case 'kind': copy['kind'] = ['company', 'Enterprise', 7, 'other', 'individual-business', true][variant]; break;
      case 'riskClass': copy['riskClass'] = ['E', 'a', true, 'D', 'A', 'Z'][variant]; break;
      case 'status': copy['status'] = ['open', 'Active', 'revoked', 'moved-out', 0, 'cancelled'][variant]; break;
      case 'regionCode': copy['regionCode'] = ['35010', '3501000', 'abcdef', '350102', '110101', 'x'][variant]; break;
      case 'complaintCount': copy['complaintCount'] = [-1, 1.5, Number.NaN, 2 ** 32 - 1, 2 ** 32, 2 ** 53][variant]; break;
      case 'name': if (variant % 2 === 0) delete copy['name']; else copy['name'] = variant === 1 ? '' : variant === 3 ? '示例\udc00' : false; break;
      case 'lists': copy['lists'] = [['blacklist'], ['abnormal-operations'], [], ['serious-violations', 'abnormal-operations'], [''], [3]][variant]; break;
      case 'tags': copy['tags'] = [[''], ['a', 'b'], [], [{}], ['x', '\ud800'], [null]][variant]; break;
      case 'otherIdentifier': copy['otherIdentifier'] = [{ scheme: 'product', value: 'P-1' }, { scheme: '', value: 'x' }, { scheme: 'p' }, { scheme: 'p', value: 'v', extra: 1 }, { scheme: 'project', value: 'Q' }, { value: 'v' }][variant]; break;
      case 'both-ids': delete copy['creditCode']; if (variant % 2 === 0) delete copy['otherIdentifier']; else copy['otherIdentifier'] = { scheme: 'product', value: 'P-9' }; break;
      case 'extra': copy[['note', 'remark', 'x'][variant % 3]!] = 'v'; break;
      // The draw's id rule and text rule (src/internals/canonical-row.ts): both refuse, or both accept as written.
      case 'id': copy['id'] = [' E-1', 'E\n1', 'E-\ud800', 'x'.repeat(1025), 'E-e\u0301', 'E-\u00e9'][variant]; break;
      case 'industry': copy['industry'] = ['\ud800', 'a'.repeat(65535), 'a'.repeat(65534), '批发\ud83d\ude00', '\udc00x', '含\u0001控制'][variant]; break;
      case 'supervisingUnit': copy['supervisingUnit'] = ['示'.repeat(21845), '示'.repeat(21844), 'x\ud83d', '示例所', 'e\u0301', '\u0085'][variant]; break;
      default: break;
    }
    return copy;
  }

  // Canonical rows hold values of the schema's own types and codes. The parser is deliberately more lenient
  // on other input (see the test below): numbers as text, null/empty text as absent, Chinese labels.
  function zodFields(row: unknown): string[] {
    const result = EntitySchema.safeParse(row);
    if (result.success) return [];
    const fields = new Set<string>();
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) for (const key of issue.keys) fields.add(key);
      else fields.add(String(issue.path[0]));
    }
    return [...fields].sort();
  }

  function fastFields(row: unknown): string[] {
    const result = parseEntityRegister([row]);
    if (result.success) return [];
    return [...new Set(result.issues.map((i) => String(i.path[1])))].sort();
  }

  it('same validity, same failing fields, same data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(mutation, { maxLength: 3 }), (seed, mutations) => {
        const [entity] = generateEntityRegister(1, { seed, startIndex: seed });
        let row = JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
        for (const m of mutations) row = mutate(row, m);
        const zod = EntitySchema.safeParse(row);
        const fast = parseEntityRegister([row]);
        expect(fast.success).toBe(zod.success);
        let expectedFields = zodFields(row);
        // zod skips object-level refinements once a field check aborts (e.g. invalid_type for 1.5 as an int);
        // the parser still reports the missing identifier, which is the one cross-field check.
        const zodAborted = !zod.success && zod.error.issues.some((i) => i.code === 'invalid_type');
        const missingIdentifier = !fast.success && fast.issues.some((i) => i.code === 'MISSING_IDENTIFIER');
        if (zodAborted && missingIdentifier && !expectedFields.includes('creditCode')) expectedFields = [...expectedFields, 'creditCode'].sort();
        expect(fastFields(row)).toEqual(expectedFields);
        if (fast.success && zod.success) expect(fast.data[0]).toEqual(zod.data);
      }),
      { numRuns: 400 },
    );
  });
});

describe('documented leniency of the parser beyond the schema', () => {
  it('numbers as text, null and empty text as absent, labels and digit strings are accepted by the parser only', () => {
    const base = { id: CODE_A, creditCode: CODE_A, name: 'n', kind: 'enterprise' };
    const lenient: Record<string, unknown>[] = [
      { ...base, name: 12345 },
      { ...base, riskClass: null },
      { ...base, industry: '' },
      { ...base, kind: '企业' },
      { ...base, complaintCount: '7' },
      { ...base, tags: 'a、b' },
      { ...base, regionCode: 350102 },
    ];
    for (const row of lenient) {
      expect(EntitySchema.safeParse(row).success).toBe(false);
      expect(parseEntityRegister([row]).success).toBe(true);
    }
  });
});
