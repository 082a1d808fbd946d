// Issue 11 §4 for shuangsuiji/testing: every generator reads its options through one reader
// (src/testing/internals/options.ts) — a malformed options argument is INVALID_ARGUMENT at ['options', key, …],
// never a TypeError, a hang, or a silent default.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import { InspectionItemSchema, InspectorSchema, parseEntityRegister, parseInspectorRegister, parseItemList } from '../../src/models/index.js';
import {
  ENTITY_ROW_DEFECTS, INSPECTOR_ROW_DEFECTS, generateBrokenEntityRows, generateBrokenInspectorRows, generateEntityRegister, generateInspectorRegister,
  generateItemList, toEntityExportRows, toInspectorExportRows,
} from '../../src/testing/index.js';

type Generator = 'entities' | 'inspectors' | 'items' | 'brokenEntities' | 'brokenInspectors';

const CALL: Readonly<Record<Generator, (options: unknown) => unknown>> = {
  entities: (options) => generateEntityRegister(1, options as never),
  inspectors: (options) => generateInspectorRegister(1, options as never),
  items: (options) => generateItemList(options as never),
  brokenEntities: (options) => generateBrokenEntityRows(options as never),
  brokenInspectors: (options) => generateBrokenInspectorRows(options as never),
};

const ALL: readonly Generator[] = ['entities', 'inspectors', 'items', 'brokenEntities', 'brokenInspectors'];
const names = (n: number, prefix = '部门'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const codes = (n: number): string[] => Array.from({ length: n }, (_, i) => String(100000 + i));
const sparse: unknown[] = [];
sparse.length = 3;

/** [generators, options, path of the refusal]. */
const REFUSED: readonly (readonly [readonly Generator[], unknown, readonly (string | number)[]])[] = [
  // Not a plain object (null never means "the defaults").
  [ALL, null, ['options']],
  [ALL, [], ['options']],
  [ALL, [null], ['options']],
  [ALL, [{ seed: 1 }], ['options']],
  [ALL, 'seed', ['options']],
  [ALL, 0, ['options']],
  [ALL, true, ['options']],
  [ALL, 10n, ['options']],
  [ALL, Symbol('s'), ['options']],
  [ALL, () => ({ seed: 1 }), ['options']],
  [ALL, new Date(0), ['options']],
  [ALL, new Map([['seed', 1]]), ['options']],
  [ALL, new Uint8Array(2), ['options']],
  [ALL, Object.create({ seed: 1 }), ['options']],
  // Unknown keys: the first in code-point order (U+FF21 before U+20000, although its UTF-16 units sort after).
  [ALL, { unknownKey: 1 }, ['options', 'unknownKey']],
  [ALL, { zeta: 1, alpha: 1, seed: 1 }, ['options', 'alpha']],
  [ALL, { '\u{20000}': 1, '\uFF21': 1 }, ['options', '\uFF21']],
  [ALL, { Seed: 1 }, ['options', 'Seed']],
  [ALL, { constructor: 1 }, ['options', 'constructor']],
  [ALL, JSON.parse('{"__proto__": {"seed": 1}}'), ['options', '__proto__']],
  [['entities', 'inspectors', 'items'], { count: 3 }, ['options', 'count']],
  [['entities', 'inspectors', 'items'], { defects: [] }, ['options', 'defects']],
  [['inspectors', 'items', 'brokenEntities', 'brokenInspectors'], { startIndex: 0 }, ['options', 'startIndex']],
  [['entities', 'items', 'brokenEntities', 'brokenInspectors'], { referenceDate: '2025-01-01' }, ['options', 'referenceDate']],
  [['items', 'brokenEntities', 'brokenInspectors'], { regionCodes: ['350102'] }, ['options', 'regionCodes']],
  [['entities', 'brokenEntities', 'brokenInspectors'], { departments: ['市场监管局'] }, ['options', 'departments']],
  [['entities', 'inspectors', 'brokenEntities', 'brokenInspectors'], { itemsPerDepartment: 3 }, ['options', 'itemsPerDepartment']],
  // seed: a safe integer or a string.
  [ALL, { seed: null }, ['options', 'seed']],
  [ALL, { seed: 1.5 }, ['options', 'seed']],
  [ALL, { seed: NaN }, ['options', 'seed']],
  [ALL, { seed: Infinity }, ['options', 'seed']],
  [ALL, { seed: 2 ** 53 }, ['options', 'seed']],
  [ALL, { seed: 10n }, ['options', 'seed']],
  [ALL, { seed: true }, ['options', 'seed']],
  [ALL, { seed: ['1'] }, ['options', 'seed']],
  [ALL, { seed: {} }, ['options', 'seed']],
  [ALL, { seed: Object('x') }, ['options', 'seed']],
  // regionCodes: 1 to 1000 distinct six-digit codes.
  [['entities', 'inspectors'], { regionCodes: null }, ['options', 'regionCodes']],
  [['entities', 'inspectors'], { regionCodes: '350102' }, ['options', 'regionCodes']],
  [['entities', 'inspectors'], { regionCodes: [] }, ['options', 'regionCodes']],
  [['entities', 'inspectors'], { regionCodes: codes(1001) }, ['options', 'regionCodes']],
  [['entities', 'inspectors'], { regionCodes: ['3501'] }, ['options', 'regionCodes', 0]],
  [['entities', 'inspectors'], { regionCodes: ['350102', 350103] }, ['options', 'regionCodes', 1]],
  [['entities', 'inspectors'], { regionCodes: ['350102', ' 350103'] }, ['options', 'regionCodes', 1]],
  [['entities', 'inspectors'], { regionCodes: ['３５０１０２'] }, ['options', 'regionCodes', 0]],
  [['entities', 'inspectors'], { regionCodes: ['350102', '350102'] }, ['options', 'regionCodes', 1]],
  [['entities', 'inspectors'], { regionCodes: [null] }, ['options', 'regionCodes', 0]],
  [['entities', 'inspectors'], { regionCodes: sparse }, ['options', 'regionCodes', 0]],
  // startIndex: a whole number, startIndex + count ≤ 887503681.
  [['entities'], { startIndex: null }, ['options', 'startIndex']],
  [['entities'], { startIndex: -1 }, ['options', 'startIndex']],
  [['entities'], { startIndex: 1.5 }, ['options', 'startIndex']],
  [['entities'], { startIndex: '0' }, ['options', 'startIndex']],
  [['entities'], { startIndex: 887_503_681 }, ['options', 'startIndex']],
  // departments: distinct, non-empty, well-formed names without outer white space, at most 100 characters.
  [['inspectors', 'items'], { departments: null }, ['options', 'departments']],
  [['inspectors', 'items'], { departments: '市场监管局' }, ['options', 'departments']],
  [['inspectors', 'items'], { departments: [] }, ['options', 'departments']],
  [['inspectors'], { departments: names(11) }, ['options', 'departments']],
  [['items'], { departments: names(101) }, ['options', 'departments']],
  [['inspectors', 'items'], { departments: [''] }, ['options', 'departments', 0]],
  [['inspectors', 'items'], { departments: ['市场监管局', ' 卫生健康委'] }, ['options', 'departments', 1]],
  [['inspectors', 'items'], { departments: ['市场监管局\n'] }, ['options', 'departments', 0]],
  [['inspectors', 'items'], { departments: ['示例\uD83D'] }, ['options', 'departments', 0]],
  [['inspectors', 'items'], { departments: ['部'.repeat(101)] }, ['options', 'departments', 0]],
  [['inspectors', 'items'], { departments: ['甲', '乙', '甲'] }, ['options', 'departments', 2]],
  [['inspectors', 'items'], { departments: [null] }, ['options', 'departments', 0]],
  [['inspectors', 'items'], { departments: [['甲']] }, ['options', 'departments', 0]],
  // referenceDate: a real YYYY-MM-DD date from 0010-01-01 to 9990-12-31.
  [['inspectors'], { referenceDate: null }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: '2025-02-30' }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: '2025-1-1' }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: '2025-01-01T00:00:00Z' }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: '0009-12-31' }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: '9991-01-01' }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: 20250101 }, ['options', 'referenceDate']],
  [['inspectors'], { referenceDate: new Date(0) }, ['options', 'referenceDate']],
  // itemsPerDepartment: 1 to 999.
  [['items'], { itemsPerDepartment: null }, ['options', 'itemsPerDepartment']],
  [['items'], { itemsPerDepartment: 0 }, ['options', 'itemsPerDepartment']],
  [['items'], { itemsPerDepartment: 1000 }, ['options', 'itemsPerDepartment']],
  [['items'], { itemsPerDepartment: 1.5 }, ['options', 'itemsPerDepartment']],
  [['items'], { itemsPerDepartment: '3' }, ['options', 'itemsPerDepartment']],
  // count (broken rows): 0 to 10,000,000, and enough rows for the defects.
  [['brokenEntities', 'brokenInspectors'], { count: null }, ['options', 'count']],
  [['brokenEntities', 'brokenInspectors'], { count: -1 }, ['options', 'count']],
  [['brokenEntities', 'brokenInspectors'], { count: 1.5 }, ['options', 'count']],
  [['brokenEntities', 'brokenInspectors'], { count: 10_000_001 }, ['options', 'count']],
  [['brokenEntities', 'brokenInspectors'], { count: 1e15 }, ['options', 'count']],
  [['brokenEntities', 'brokenInspectors'], { count: '20' }, ['options', 'count']],
  [['brokenEntities', 'brokenInspectors'], { count: 0 }, ['options', 'count']],
  [['brokenEntities'], { count: 2, defects: ['bad-check-character', 'unknown-kind'] }, ['options', 'count']],
  [['brokenInspectors'], { count: 2, defects: ['malformed-date', 'unknown-status'] }, ['options', 'count']],
  // defects: distinct names of the table (own keys only).
  [['brokenEntities', 'brokenInspectors'], { defects: null }, ['options', 'defects']],
  [['brokenEntities', 'brokenInspectors'], { defects: 'unknown-status' }, ['options', 'defects']],
  [['brokenEntities', 'brokenInspectors'], { defects: { 0: 'unknown-status' } }, ['options', 'defects']],
  [['brokenEntities', 'brokenInspectors'], { defects: ['nope'] }, ['options', 'defects', 0]],
  [['brokenEntities', 'brokenInspectors'], { defects: ['unknown-status', 'constructor'] }, ['options', 'defects', 1]],
  [['brokenEntities', 'brokenInspectors'], { defects: ['__proto__'] }, ['options', 'defects', 0]],
  [['brokenEntities', 'brokenInspectors'], { defects: ['toString'] }, ['options', 'defects', 0]],
  [['brokenEntities', 'brokenInspectors'], { defects: [null] }, ['options', 'defects', 0]],
  [['brokenEntities', 'brokenInspectors'], { defects: sparse }, ['options', 'defects', 0]],
  [['brokenEntities', 'brokenInspectors'], { defects: ['unknown-status', 'unknown-status'] }, ['options', 'defects', 1]],
  [['brokenEntities'], { defects: ['malformed-date'] }, ['options', 'defects', 0]],
  [['brokenInspectors'], { defects: ['bad-check-character'] }, ['options', 'defects', 0]],
  [['brokenEntities'], { defects: Array<string>(18).fill('over-long-field') }, ['options', 'defects']],
  [['brokenInspectors'], { defects: Array<string>(10).fill('malformed-date') }, ['options', 'defects']],
];

function refusal(f: () => unknown): { code: string; path: readonly (string | number)[]; messageZh: string; messageEn: string } {
  try {
    f();
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    return { code: error.code, path: error.path, messageZh: error.messageZh, messageEn: error.messageEn };
  }
  throw new Error('no refusal');
}

describe('generator options: one reader, INVALID_ARGUMENT at the bad option', () => {
  const cases = REFUSED.flatMap(([generators, options, path]) => generators.map((g) => [g, options, path] as const));
  it.each(cases)('%s(%o) → INVALID_ARGUMENT at %j', (generator, options, path) => {
    const { code, path: at, messageZh, messageEn } = refusal(() => CALL[generator](options));
    expect({ code, path: at }).toEqual({ code: 'INVALID_ARGUMENT', path });
    expect(messageZh.length).toBeGreaterThan(0);
    expect(messageEn.length).toBeGreaterThan(0);
  });

  it('undefined, {} and keys whose value is undefined all mean the defaults', () => {
    for (const g of ALL) {
      const base = JSON.stringify(CALL[g](undefined));
      expect(JSON.stringify(CALL[g]({}))).toBe(base);
      expect(JSON.stringify(CALL[g]({ seed: undefined }))).toBe(base);
    }
    expect(generateBrokenEntityRows({ count: undefined, defects: undefined } as never)).toEqual(generateBrokenEntityRows());
    expect(generateItemList({ departments: undefined, itemsPerDepartment: undefined } as never)).toEqual(generateItemList());
  });

  it('reads a null-prototype options object like a plain one, and only its own keys', () => {
    const bare = Object.assign(Object.create(null) as object, { seed: 3, count: 30 });
    expect(generateBrokenInspectorRows(bare)).toEqual(generateBrokenInspectorRows({ seed: 3, count: 30 }));
    expect(generateEntityRegister(5, Object.assign(Object.create(null) as object, { seed: 'x' }))).toEqual(generateEntityRegister(5, { seed: 'x' }));
  });

  it('departments named like Object.prototype members get the generic expertise (no lookup through the prototype, no hang)', () => {
    const inspectors = generateInspectorRegister(12, { seed: 2, departments: ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] });
    for (const inspector of inspectors) expect(InspectorSchema.parse(inspector)).toEqual(inspector);
    expect(parseInspectorRegister(toInspectorExportRows(inspectors))).toEqual({ success: true, data: inspectors });
    expect(inspectors.every((i) => i.expertise.every((e) => ['综合执法', '法制审核', '信息公示'].includes(e)))).toBe(true);
  });

  it('the limits themselves are accepted, and keep the data valid', () => {
    const early = generateInspectorRegister(200, { seed: 1, referenceDate: '0010-01-01' });
    const late = generateInspectorRegister(200, { seed: 1, referenceDate: '9990-12-31' });
    for (const inspectors of [early, late]) expect(parseInspectorRegister(toInspectorExportRows(inspectors))).toEqual({ success: true, data: inspectors });
    expect(generateEntityRegister(1, { startIndex: 887_503_680 })[0]!.name).toMatch(/887503680$/);
    expect(generateEntityRegister(0, { startIndex: 887_503_681 })).toEqual([]);
    expect(generateInspectorRegister(10, { departments: names(10) })).toHaveLength(10);
    expect(generateItemList({ departments: names(100), itemsPerDepartment: 999 })).toHaveLength(99_900);
    expect(generateItemList({ departments: ['部'.repeat(100)], itemsPerDepartment: 999 })).toHaveLength(999);
    expect(generateBrokenEntityRows({ defects: Object.keys(ENTITY_ROW_DEFECTS) as never }).defects).toHaveLength(17);
    expect(generateBrokenInspectorRows({ defects: Object.keys(INSPECTOR_ROW_DEFECTS) as never }).defects).toHaveLength(9);
    expect(generateBrokenEntityRows({ count: 0, defects: [] }).rows).toEqual([]);
  });

  it('whatever department names and region codes it accepts, the data conform to the schemas and read back', () => {
    const name = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => s.trim() === s && s.length <= 100);
    const code = fc.stringMatching(/^\d{6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 10 }), fc.uniqueArray(code, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), (departments, regionCodes, seed) => {
        const inspectors = generateInspectorRegister(20, { seed, departments, regionCodes });
        expect(parseInspectorRegister(toInspectorExportRows(inspectors))).toEqual({ success: true, data: inspectors });
        const items = generateItemList({ seed, departments, itemsPerDepartment: 4 });
        for (const item of items) expect(InspectionItemSchema.parse(item)).toEqual(item);
        expect(parseItemList(JSON.parse(JSON.stringify(items)) as object[])).toEqual({ success: true, data: items });
        const entities = generateEntityRegister(20, { seed, regionCodes });
        expect(parseEntityRegister(toEntityExportRows(entities))).toEqual({ success: true, data: entities });
      }),
      { numRuns: 60 },
    );
  });
});
