/**
 * What parses always draws, and what the draw refuses never parses (issue 11 §1, docs/architecture.md §2
 * invariants 9 and 10): the register parsers and `EntitySchema` against the draw's own row check, `inspectRow`
 * of src/internals/canonical-row.ts, and its id rule, `idProblem`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../src/errors.js';
import { idProblem, inspectRow } from '../../src/internals/canonical-row.js';
import type { RowProblem } from '../../src/internals/canonical-row.js';
import { EntitySchema, parseEntityRegister, parseInspectorRegister, parseItemList } from '../../src/models/index.js';
import type { Entity } from '../../src/models/index.js';
import { generateEntityRegister } from '../../src/testing/index.js';

const CODE_A = '91350100M000100Y43';
const base = { creditCode: CODE_A, name: '示例商贸有限公司0001', kind: '企业' };
/** A row in the schema's own types (what `EntitySchema` and the draw take). */
const typed = { id: CODE_A, creditCode: CODE_A, name: '示例商贸有限公司0001', kind: 'enterprise', status: 'active', lists: [], complaintCount: 0, tags: [] };

type Result = { success: true } | { success: false; issues: readonly DataIssue[] };
function brief(result: Result): string[] {
  return result.success ? [] : result.issues.map((i) => `${i.path.join('.')}:${i.code}`);
}
function drawProblems(row: unknown, index = 0): RowProblem[] {
  const problems: RowProblem[] = [];
  inspectRow(row, index, (p) => problems.push(p));
  return problems;
}
/** Well-formed Unicode (has a UTF-8 form), without relying on String.prototype.isWellFormed. */
function wellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}
/** Every string inside a JSON-like value, keys included. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// (a) Property: for arbitrary rows, a clean parse is a register the draw reads without a problem.
// ---------------------------------------------------------------------------------------------------------

/** Pieces that make ids and text the draw refuses, or that are equal only after NFC. */
const PIECES = [
  'E', '1', '-', 'é', 'e\u0301', 'Å', 'A\u030a', '\u212b', '示', '例', ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2028', '\ufeff',
  '\u0000', '\u0007', '\u007f', '\u0085', '\u009f', '\ud800', '\udc00', '\ud83d', '\ud83d\ude00', '、', ',', '；',
];
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const LONG = [
  'x'.repeat(1024), 'x'.repeat(1025), '示'.repeat(341), '示'.repeat(342), 'e\u0301'.repeat(400), 'a'.repeat(65534), 'a'.repeat(65535),
  '示'.repeat(21844), '示'.repeat(21845), '\ud83d\ude00'.repeat(16384), `${'a'.repeat(65535)}、b`, `${'a'.repeat(30000)}\ud800`,
];
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG) },
);
/** Values that are valid for some field, so that rows often parse. */
const plausible = fc.constantFrom(
  '企业', 'enterprise', '其他', '存续', 'B类', '未分类', '350102', '3', 0, 7, 4294967295, [], ['a'], ['abnormal-operations'], '食品经营、网络交易',
  'product:P-1', { scheme: 'project', value: 'X' }, '是', '否', null, '',
);
const value = fc.oneof({ weight: 5, arbitrary: text }, { weight: 2, arbitrary: plausible }, { weight: 1, arbitrary: fc.anything() }, { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) });
const FIELDS = [
  'id', '编号', 'creditCode', 'otherIdentifier', '其他标识类型', '其他标识值', 'name', 'kind', 'industry', 'scale', 'regionCode', 'registrationAuthority',
  'supervisingUnit', 'status', 'riskClass', 'lists', '是否列入经营异常名录', 'complaintCount', 'tags', '标签', 'legalRepresentative', 'address',
  'businessScope',
] as const;
const overrides = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 3 });
/** A row: a generated valid entity (as JSON) with a few fields replaced, or (rarely) anything at all. */
const row = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.nat(5000), fc.boolean(), overrides).map(([seed, other, changes]) => {
    const [entity] = generateEntityRegister(1, { seed, startIndex: seed });
    const json = JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
    if (other) {
      delete json['creditCode'];
      json['otherIdentifier'] ??= { scheme: 'product', value: 'P' };
    }
    return { ...json, ...changes };
  }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe('(a) a register that parses cleanly draws', () => {
  it('property: parseEntityRegister succeeds ⇒ every entity passes the draw\'s row check, ids are distinct after NFC, all text is well-formed', () => {
    let clean = 0;
    let refusedByDraw = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 4 }), (rows) => {
        // Count the rows the draw itself would refuse if handed the raw cells (so the property is not vacuous).
        if (rows.some((r) => drawProblems(r).length > 0)) refusedByDraw++;
        const result = parseEntityRegister(rows);
        if (!result.success) {
          for (const issue of result.issues) {
            expect(typeof issue.path[0]).toBe('number');
            expect(issue.messageZh.length * issue.messageEn.length).toBeGreaterThan(0);
          }
          return;
        }
        clean++;
        result.data.forEach((entity, index) => {
          expect(drawProblems(entity, index)).toEqual([]);
          expect(EntitySchema.safeParse(entity).success).toBe(true);
          expect(strings(entity).every(wellFormed)).toBe(true);
        });
        const ids = result.data.map((e) => e.id.normalize('NFC'));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 600 },
    );
    // Both sides of the implication occur often enough for the property to mean something.
    expect(clean).toBeGreaterThan(60);
    expect(refusedByDraw).toBeGreaterThan(100);
  });

  it('property: EntitySchema accepts ⇒ the draw\'s row check passes', () => {
    const schemaRow = fc.tuple(fc.nat(5000), overrides).map(([seed, changes]) => {
      const [entity] = generateEntityRegister(1, { seed, startIndex: seed });
      return { ...(JSON.parse(JSON.stringify(entity)) as Record<string, unknown>), ...changes };
    });
    let accepted = 0;
    fc.assert(
      fc.property(schemaRow, (input) => {
        const parsed = EntitySchema.safeParse(input);
        if (!parsed.success) return;
        accepted++;
        expect(drawProblems(parsed.data)).toEqual([]);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(40);
  });

  it('property: inspector and item ids that parse pass the id rule and are distinct after NFC; their text is well-formed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, fc.option(text, { nil: undefined })), { minLength: 1, maxLength: 4 }), (cells) => {
        const inspectors = parseInspectorRegister(cells.map(([id, name, number]) => ({ 编号: id, 姓名: name, 所属部门: '市场监管局', ...(number === undefined ? {} : { 执法证号: number }) })));
        const items = parseItemList(cells.map(([id, name, remark]) => ({ 事项编号: id, 部门名称: '市场监管局', 抽查事项名称: name, 事项类别: '一般', ...(remark === undefined ? {} : { 备注: remark }) })));
        for (const result of [inspectors, items]) {
          if (!result.success) continue;
          for (const record of result.data) {
            expect(idProblem(record.id)).toBeUndefined();
            expect(strings(record).every(wellFormed)).toBe(true);
          }
          const ids = result.data.map((r) => r.id.normalize('NFC'));
          expect(new Set(ids).size).toBe(ids.length);
        }
        if (inspectors.success) {
          const numbers = inspectors.data.flatMap((i) => (i.certificate === undefined ? [] : [i.certificate.number.normalize('NFC')]));
          expect(numbers.every((n) => idProblem(n) === undefined)).toBe(true);
          expect(new Set(numbers).size).toBe(numbers.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// (b) Regressions: each class the draw refuses is refused by the parser, on the row and field, in two languages.
// ---------------------------------------------------------------------------------------------------------

describe('(b) what the draw refuses never parses', () => {
  // Each case: the row as a typed entity (what the draw reads), and the issue the parser reports for it.
  const CASES: [string, Record<string, unknown>, string][] = [
    ['an id with a control character', { id: 'E-1\u0001' }, '0.id:INVALID_ID'],
    ['an id with a line break', { id: 'E\n1' }, '0.id:INVALID_ID'],
    ['an id with a C1 control character', { id: 'E\u00851' }, '0.id:INVALID_ID'],
    ['an id with a lone surrogate', { id: 'E-\ud800' }, '0.id:INVALID_ID'],
    ['an id of 1025 bytes', { id: 'x'.repeat(1025) }, '0.id:INVALID_ID'],
    ['an id of 1026 bytes (342 × 示)', { id: '示'.repeat(342) }, '0.id:INVALID_ID'],
    ['an id with a leading space', { id: ' E-1' }, '0.id:INVALID_ID'],
    ['an id with a trailing ideographic space', { id: 'E-1\u3000' }, '0.id:INVALID_ID'],
    ['an id with a trailing no-break space', { id: 'E-1\u00a0' }, '0.id:INVALID_ID'],
    ['industry with a lone surrogate', { industry: '批发\ud83d' }, '0.industry:INVALID_TEXT'],
    ['scale with a lone surrogate', { scale: '\udc00小型' }, '0.scale:INVALID_TEXT'],
    ['registrationAuthority with a lone surrogate', { registrationAuthority: '示例\ud800局' }, '0.registrationAuthority:INVALID_TEXT'],
    ['supervisingUnit with a lone surrogate', { supervisingUnit: '\ud800' }, '0.supervisingUnit:INVALID_TEXT'],
    ['a tag with a lone surrogate', { tags: ['食品经营', '网络\udfff'] }, '0.tags.1:INVALID_TEXT'],
    ['industry of 65535 bytes', { industry: 'a'.repeat(65535) }, '0.industry:FIELD_TOO_LONG'],
    ['supervisingUnit of 65535 bytes (21845 × 示)', { supervisingUnit: '示'.repeat(21845) }, '0.supervisingUnit:FIELD_TOO_LONG'],
    ['registrationAuthority of 65536 bytes (16384 emoji)', { registrationAuthority: '\ud83d\ude00'.repeat(16384) }, '0.registrationAuthority:FIELD_TOO_LONG'],
    ['a tag of 65535 bytes', { tags: ['a'.repeat(65535)] }, '0.tags.0:FIELD_TOO_LONG'],
  ];

  it.each(CASES)('%s: the draw refuses it, and so do the parser and EntitySchema', (_, change, expected) => {
    const entity = { ...typed, ...change };
    const draw = drawProblems(entity);
    expect(draw.length).toBeGreaterThan(0);
    const field = expected.split(':')[0]!.split('.')[1];
    expect(draw.map((p) => p.path[1])).toContain(field);
    const result = parseEntityRegister([entity]);
    expect(brief(result)).toEqual([expected]);
    if (!result.success) {
      expect(result.issues[0]!.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(result.issues[0]!.messageEn).toMatch(/[a-z]/);
      expect(wellFormed(result.issues[0]!.messageZh) && wellFormed(result.issues[0]!.messageEn)).toBe(true);
      expect(JSON.parse(JSON.stringify(result.issues))).toHaveLength(1);
    }
    const schema = EntitySchema.safeParse(entity);
    expect(schema.success).toBe(false);
    expect(schema.error?.issues.map((i) => i.path[0])).toEqual([field]);
  });

  it('the limits themselves are accepted by the draw, the parser and the schema', () => {
    for (const change of [
      { id: 'x'.repeat(1024) }, { id: '示'.repeat(341) }, { id: 'e\u0301'.repeat(400) }, // 1200 bytes as written, 800 in NFC
      { id: 'E-\ud83d\ude00' }, { id: 'E 1' }, { industry: 'a'.repeat(65534) }, { supervisingUnit: '示'.repeat(21844) },
      { registrationAuthority: '\ud83d\ude00'.repeat(16383) }, { tags: ['a'.repeat(65534)] }, { industry: '含\u0001控制字符' },
    ]) {
      const entity = { ...typed, ...change };
      expect(drawProblems(entity)).toEqual([]);
      const result = parseEntityRegister([entity]);
      expect(result).toEqual({ success: true, data: [entity] });
      expect(EntitySchema.safeParse(entity).success).toBe(true);
    }
  });

  it('text the parser does not hand to the draw is held to the same text rule (lone surrogates, 65534 bytes)', () => {
    const codes = generateEntityRegister(40, { seed: 'codes' }).flatMap((e) => (e.creditCode === undefined ? [] : [e.creditCode]));
    const withCode = (k: number): { creditCode: string; name: string; 主体类型: string } => ({ creditCode: codes[k]!, name: '示例商贸有限公司0001', 主体类型: '企业' });
    const other = { name: '示例产品批次', kind: '其他' };
    expect(brief(parseEntityRegister([
      { ...withCode(0), name: '示例\ud800' },
      { ...other, id: 'P-1', otherIdentifier: 'product:P\udc00' },
      { ...other, id: 'P-2', otherIdentifier: { scheme: 'product\ud800', value: 'P-2' } },
      { ...other, id: 'P-3', 其他标识类型: 'product', 其他标识值: 'P-3\ud800' },
      { ...withCode(4), legalRepresentative: '\ud83d', address: 'a'.repeat(65535), businessScope: '经营\udc00' },
      { ...withCode(5), 主体类型: '企业\ud800' },
      { ...withCode(6), 标签: '食品经营、网络\ud83d' },
      { ...withCode(7), 标签: `食品经营、${'a'.repeat(65535)}` },
    ]))).toEqual([
      '0.name:INVALID_TEXT',
      '1.otherIdentifier:INVALID_TEXT',
      '2.otherIdentifier.scheme:INVALID_TEXT',
      '3.otherIdentifier.value:INVALID_TEXT',
      '4.legalRepresentative:INVALID_TEXT', '4.address:FIELD_TOO_LONG', '4.businessScope:INVALID_TEXT',
      '5.kind:INVALID_TEXT',
      '6.tags:INVALID_TEXT',
      '7.tags:FIELD_TOO_LONG',
    ]);
    // Refused, never silently repaired: the same cell without the lone surrogate parses.
    expect(parseEntityRegister([{ ...base, name: '示例' }]).success).toBe(true);
    for (const field of ['name', 'legalRepresentative', 'address', 'businessScope'] as const) {
      expect(EntitySchema.safeParse({ ...typed, [field]: 'x\ud800' }).error?.issues.map((i) => i.path)).toEqual([[field]]);
    }
    expect(EntitySchema.safeParse({ ...typed, otherIdentifier: { scheme: 'p', value: '\udc00' } }).error?.issues.map((i) => i.path)).toEqual([['otherIdentifier', 'value']]);
  });

  it('reports every problem of a row, each once (the parser\'s readers and the draw\'s check do not both report a field)', () => {
    const result = parseEntityRegister([{ ...typed, id: ' E-1', industry: '\ud800', tags: ['\udc00', 'a'.repeat(65535)], kind: 'company', scale: 'a'.repeat(70000) }]);
    expect(brief(result)).toEqual(['0.id:INVALID_ID', '0.kind:UNKNOWN_KIND', '0.tags.0:INVALID_TEXT', '0.tags.1:FIELD_TOO_LONG', '0.industry:INVALID_TEXT', '0.scale:FIELD_TOO_LONG']);
  });
});

describe('ids: used as written, compared in NFC', () => {
  it('ids equal after NFC are DUPLICATE_ID on both rows, the messages naming both spellings', () => {
    const result = parseEntityRegister([
      { ...typed, id: 'E-\u00e9', creditCode: undefined, otherIdentifier: { scheme: 'p', value: '1' } },
      { ...typed, id: 'E-2', creditCode: undefined, otherIdentifier: { scheme: 'p', value: '2' } },
      { ...typed, id: 'E-e\u0301', creditCode: undefined, otherIdentifier: { scheme: 'p', value: '3' } },
      { ...typed, id: '\u212b', creditCode: undefined, otherIdentifier: { scheme: 'p', value: '4' } }, // Å (angstrom sign)
      { ...typed, id: 'A\u030a', creditCode: undefined, otherIdentifier: { scheme: 'p', value: '5' } }, // A + ring
    ]);
    expect(brief(result)).toEqual(['0.id:DUPLICATE_ID', '2.id:DUPLICATE_ID', '3.id:DUPLICATE_ID', '4.id:DUPLICATE_ID']);
    if (result.success) return;
    const [first, second] = result.issues;
    expect(first!.received).toBe('E-\u00e9');
    expect(second!.received).toBe('E-e\u0301');
    expect(first!.messageEn).toContain('NFC');
    expect(first!.messageZh).toContain('NFC');
    expect(first!.messageEn).toContain(JSON.stringify('E-e\u0301'));
    // Both spellings alone parse, each kept exactly as written (the draw normalises when it hashes).
    for (const id of ['E-\u00e9', 'E-e\u0301']) {
      const alone = parseEntityRegister([{ ...typed, id, creditCode: undefined, otherIdentifier: { scheme: 'p', value: '1' } }]);
      expect(alone.success && alone.data[0]!.id).toBe(id);
    }
  });

  it('the same in a large register (duplicates found after the last row)', () => {
    const rows = JSON.parse(JSON.stringify(generateEntityRegister(3000, { seed: 'nfc' }))) as Record<string, unknown>[];
    rows[17]!['id'] = 'ID-\u00c5';
    rows[2900]!['id'] = 'ID-A\u030a';
    expect(brief(parseEntityRegister(rows))).toEqual(['17.id:DUPLICATE_ID', '2900.id:DUPLICATE_ID']);
  });

  it('an id is never trimmed: outer white space is INVALID_ID, a cell of only white space is absent', () => {
    const written = parseEntityRegister([{ ...base, 编号: ' E-1 ' }]);
    expect(brief(written)).toEqual(['0.id:INVALID_ID']);
    if (!written.success) {
      expect(written.issues[0]!.messageEn).toContain('never trimmed');
      expect(written.issues[0]!.messageZh).toContain('不去除首尾空白');
      expect(written.issues[0]!.received).toBe(' E-1 ');
    }
    const blank = parseEntityRegister([{ ...base, 编号: ' \u3000 ' }]);
    expect(blank.success && blank.data[0]!.id).toBe(CODE_A);
    expect(brief(parseEntityRegister([{ name: 'n', kind: '其他', otherIdentifier: 'p:1', 编号: '  ' }]))).toEqual(['0.id:MISSING_FIELD']);
  });

  it('the credit code, a checked 18-character code, is still trimmed, and the id it gives is the code', () => {
    const result = parseEntityRegister([{ ...base, creditCode: `\u3000${CODE_A} ` }]);
    expect(result.success && result.data[0]).toMatchObject({ id: CODE_A, creditCode: CODE_A });
  });

  it('two id columns agree only when equal as written, whatever their order', () => {
    expect(brief(parseEntityRegister([{ ...base, id: 'E-1', 编号: 'E-1 ' }]))).toEqual(['0.id:CONFLICTING_COLUMNS']);
    // (Read first, the spaced cell is also reported as an invalid id.)
    expect(brief(parseEntityRegister([{ ...base, 编号: 'E-1 ', id: 'E-1' }]))).toEqual(['0.id:CONFLICTING_COLUMNS', '0.id:INVALID_ID']);
    expect(parseEntityRegister([{ ...base, 编号: 'E-1', id: 'E-1' }]).success).toBe(true);
  });

  it('inspectors: ids and certificate numbers follow the id rule and are compared in NFC', () => {
    const person = { 姓名: '检查员甲-001', 所属部门: '市场监管局' };
    expect(brief(parseInspectorRegister([
      { ...person, 编号: ' I-1' },
      { ...person, 执法证号: 'ZF-1\n', 有效期止: '长期' },
      { ...person, certificate: { number: 'ZF-\ud800', validTo: 'open-ended' } },
      { ...person, 编号: 'I-\u00e9' },
      { ...person, 编号: 'I-e\u0301' },
      { ...person, 执法证号: 'ZF-\u00c5', 有效期止: '长期' },
      { ...person, 执法证号: 'ZF-A\u030a', 有效期止: '长期' },
      { ...person, 编号: 'I-9', 姓名: '检查员\ud83d', 业务专长: '食品、\udc00' },
    ]))).toEqual([
      '0.id:INVALID_ID',
      '1.certificate.number:INVALID_ID',
      '2.certificate.number:INVALID_ID',
      '3.id:DUPLICATE_ID',
      '4.id:DUPLICATE_ID',
      '5.certificate.number:DUPLICATE_CERTIFICATE_NUMBER', '5.id:DUPLICATE_ID',
      '6.certificate.number:DUPLICATE_CERTIFICATE_NUMBER', '6.id:DUPLICATE_ID',
      '7.name:INVALID_TEXT', '7.expertise:INVALID_TEXT',
    ]);
    const alone = parseInspectorRegister([{ ...person, 执法证号: 'ZF-A\u030a', 有效期止: '长期' }]);
    expect(alone.success && alone.data[0]!.id).toBe('ZF-A\u030a');
  });

  it('items: ids follow the id rule and are compared in NFC; text is well-formed', () => {
    const item = { 部门名称: '市场监管局', 抽查事项名称: '示例事项01', 事项类别: '一般' };
    expect(brief(parseItemList([
      { ...item, 事项编号: 'K-1 ' },
      { ...item, 事项编号: 'K-\u00e9' },
      { ...item, 事项编号: 'K-e\u0301' },
      { ...item, 事项编号: 'K-4', 抽查依据: '《示例条例》\ud800', 检查人员要求: ['a', '\udc00'], 备注: 'x'.repeat(65535) },
    ]))).toEqual([
      '0.id:INVALID_ID',
      '1.id:DUPLICATE_ID',
      '2.id:DUPLICATE_ID',
      '3.legalBasis:INVALID_TEXT', '3.requiredExpertise.1:INVALID_TEXT', '3.remark:FIELD_TOO_LONG',
    ]);
  });
});

describe('the parser\'s output is the draw\'s input', () => {
  it('generated registers, as JSON and as spreadsheet rows, parse to entities the draw reads without a problem', () => {
    const entities: readonly Entity[] = generateEntityRegister(2000, { seed: 'agreement' });
    const result = parseEntityRegister(JSON.parse(JSON.stringify(entities)) as object[]);
    expect(result.success).toBe(true);
    if (result.success) result.data.forEach((entity, i) => expect(drawProblems(entity, i)).toEqual([]));
  });
});
