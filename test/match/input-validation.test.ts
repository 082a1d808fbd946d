import { describe, expect, it } from 'vitest';
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchFacts, type MatchOptions } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { inspector, thrown } from './fixtures.js';

const base: MatchOptions = { seed: '20000000000000000000', label: '2025-批次1', date: '2025-07-01', department: '市场监管局' };


describe('declared conflicts: grounds are looked up as own properties', () => {
  const pool = ['I1', 'I2', 'I3'].map((id) => inspector(id));

  it('still assigns I1 to T with this seed without a conflict (the evidence is meaningful)', () => {
    const r = matchInspectors([{ id: 'T' }], pool, base);
    expect(r.assignments[0]!.members.map((m) => m.inspectorId)).toContain('I1');
  });

  for (const ground of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'bogus']) {
    it(`rejects the ground ${JSON.stringify(ground)} like any unknown ground, with the path to it`, () => {
      const conflicts = [
        { inspectorId: 'I2', entityId: 'T', ground: 'interest' as const },
        { inspectorId: 'I1', entityId: 'T', ground: ground as 'interest' },
      ];
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, conflicts }));
      expect(e.code).toBe('INVALID_MATCH_INPUT');
      expect(e.path).toEqual(['conflicts', 1, 'ground']);
      expect(e.messageEn).toContain(`unknown recusal ground: ${ground}`);
      expect(e.messageZh).toContain(`未知的回避事由：${ground}`);
    });
  }

  for (const ground of ['relative', 'request', 'rotation']) {
    it(`rejects the internal ground ${ground}, which is not a declared ground (RecusalGround)`, () => {
      const conflicts = [{ inspectorId: 'I1', entityId: 'T', ground: ground as 'interest' }];
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, conflicts }));
      expect(e.code).toBe('INVALID_MATCH_INPUT');
      expect(e.path).toEqual(['conflicts', 0, 'ground']);
    });
  }

  it('accepts every declared ground and recuses on it', () => {
    for (const ground of ['close-relative', 'interest', 'former-employment', 'other'] as const) {
      const r = matchInspectors([{ id: 'T' }], pool, { ...base, conflicts: [{ inspectorId: 'I1', entityId: 'T', ground }] });
      expect(r.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['I2', 'I3']);
    }
  });

  it('rejects the inherited ground in verifyMatch facts too', () => {
    const r = matchInspectors([{ id: 'T' }], pool, base);
    const e = thrown(() => verifyMatch(r.record, [{ id: 'T' }], pool, { conflicts: [{ inspectorId: 'I1', entityId: 'T', ground: 'constructor' as 'interest' }] }));
    expect(e.path).toEqual(['conflicts', 0, 'ground']);
  });

  it('reports an inherited key in the recorded rules as absent from the recomputation, not as a function', () => {
    const r = matchInspectors([{ id: 'T' }], pool, base);
    const record = { ...r.record, rules: { ...r.record.rules, toString: 'x' } };
    const v = verifyMatch(record, [{ id: 'T' }], pool);
    expect(v).toMatchObject({ ok: false, code: 'RULES_NOT_NORMALISED', path: ['rules', 'toString'], actual: 'x' });
    expect(v.ok === false && 'expected' in v).toBe(false);
  });

  it('rejects malformed fact rows with the path to the field instead of ignoring them', () => {
    const cases: [MatchFacts, (string | number)[]][] = [
      // A misspelt key is named itself (it is unknown) rather than reported as the missing one.
      [{ conflicts: [{ inspectorID: 'I1', entityId: 'T', ground: 'interest' } as never] }, ['conflicts', 0, 'inspectorID']],
      [{ conflicts: [{ entityId: 'T', ground: 'interest' } as never] }, ['conflicts', 0, 'inspectorId']],
      [{ conflicts: [null as never] }, ['conflicts', 0]],
      [{ relatives: [{ inspectorId: 'I1', Name: '甲某' } as never] }, ['relatives', 0, 'Name']],
      [{ relatives: [{ inspectorId: 'I1', name: '' }] }, ['relatives', 0, 'name']],
      [{ recusalRequests: [{ entityId: 'T', inspector: 'I1' } as never] }, ['recusalRequests', 0, 'inspector']],
      [{ history: [{ inspectorId: 'I1', entityID: 'T', date: '2025-01-01' } as never] }, ['history', 0, 'entityID']],
      [{ conflicts: 'I1' as never }, ['conflicts']],
      [{ neighbourInspectors: {} as never }, ['neighbourInspectors']],
    ];
    for (const [facts, path] of cases) {
      const e = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, ...facts }));
      expect([e.code, e.path]).toEqual(['INVALID_MATCH_INPUT', path]);
    }
    const budget = thrown(() => matchInspectors([{ id: 'T' }], pool, { ...base, searchBudget: 'many' as never }));
    expect([budget.code, budget.path]).toEqual(['INVALID_MATCH_OPTIONS', ['searchBudget']]);
  });
});

describe('unknown option keys are rejected, not ignored', () => {
  const pool = ['A', 'B', 'C', 'D'].map((id) => inspector(id, { unit: id < 'C' ? '甲所' : '乙所' }));
  const targets = [{ id: 'T', supervisingUnit: '甲所' }];

  it('rejects a misspelled rule in matchInspectors (crossunit)', () => {
    const e = thrown(() => matchInspectors(targets, pool, { ...base, crossunit: true } as MatchOptions));
    expect(e.code).toBe('INVALID_MATCH_OPTIONS');
    expect(e.path).toEqual(['crossunit']);
    expect(e.messageZh).toContain('crossunit');
    expect(e.messageEn).toContain('crossunit');
  });

  it('rejects an own key that is an inherited property name (constructor, __proto__)', () => {
    expect(thrown(() => matchInspectors(targets, pool, { ...base, constructor: 1 } as unknown as MatchOptions)).path).toEqual(['constructor']);
    const withProto = JSON.parse(JSON.stringify(base).replace('{', '{"__proto__":1,')) as MatchOptions;
    expect(Object.hasOwn(withProto, '__proto__')).toBe(true);
    expect(thrown(() => matchInspectors(targets, pool, withProto)).path).toEqual(['__proto__']);
  });

  it('accepts every key of MatchOptions (rules, facts, seed, label)', () => {
    const all: Required<MatchOptions> = {
      ...base,
      cooperatingDepartments: [],
      departmentMinimums: {},
      teamSize: 2,
      requiredExpertise: [],
      maxTargetsPerInspector: null,
      crossUnit: true,
      rotationYears: 0,
      expertsPerTarget: 0,
      requiredExpertExpertise: [],
      conflicts: [],
      relatives: [],
      recusalRequests: [],
      history: [],
      neighbourInspectors: [],
      searchBudget: 1000,
    };
    const r = matchInspectors(targets, pool, all);
    expect(r.complete).toBe(true);
    expect(r.assignments[0]!.members.map((m) => m.inspectorId).sort()).toEqual(['C', 'D']);
  });

  it("rejects an unknown key in redrawForRecusal's options", () => {
    const r = matchInspectors(targets, pool, base);
    const leaving = r.assignments[0]!.members[0]!.inspectorId;
    const e = thrown(() => redrawForRecusal(r, targets, pool, { targetId: 'T', inspectorId: leaving, ground: 'interest' }, { ...base, teamsize: 3 } as MatchOptions));
    expect([e.code, e.path]).toEqual(['INVALID_MATCH_OPTIONS', ['teamsize']]);
    expect(e.messageEn).toContain('teamsize');
  });

  it("rejects an unknown key in verifyMatch's facts, and accepts the rule keys of the options", () => {
    const r = matchInspectors(targets, pool, { ...base, crossUnit: true });
    const e = thrown(() => verifyMatch(r.record, targets, pool, { conflict: [] } as MatchFacts));
    expect([e.code, e.path]).toEqual(['INVALID_MATCH_OPTIONS', ['conflict']]);
    expect(e.messageZh).toContain('conflict');
    const { seed: _s, label: _l, ...rest } = { ...base, crossUnit: true };
    expect(verifyMatch(r.record, targets, pool, rest)).toMatchObject({ ok: true });
    expect(thrown(() => verifyMatch(r.record, targets, pool, { seed: base.seed } as MatchFacts)).path).toEqual(['seed']);
  });
});

describe('joint inspections: the default team size fits the default minimums', () => {
  const pool: Inspector[] = [
    ...['S1', 'S2'].map((id) => inspector(id)),
    ...['W1', 'W2'].map((id) => inspector(id, { department: 'W' })),
    ...['N1', 'N2'].map((id) => inspector(id, { department: 'N' })),
  ];
  const targets = [{ id: 'T1' }, { id: 'T2' }];

  it('staffs teams of 3 (one per department) with two cooperating departments and no other options', () => {
    const options = { ...base, cooperatingDepartments: ['W', 'N'] };
    const r = matchInspectors(targets, pool, options);
    expect(r.complete).toBe(true);
    expect(r.record.rules.teamSize).toBe(3);
    expect(r.record.rules.departmentMinimums).toEqual([['N', 1], ['W', 1], ['市场监管局', 1]]);
    for (const a of r.assignments) expect(a.members.map((m) => m.department).sort()).toEqual(['N', 'W', '市场监管局']);
    expect(verifyMatch(r.record, targets, pool)).toMatchObject({ ok: true });
    const leaving = r.assignments[0]!.members[0]!;
    const after = redrawForRecusal(r, targets, pool, { targetId: r.assignments[0]!.targetId, inspectorId: leaving.inspectorId, ground: 'interest' }, options);
    expect(after.record.redraws).toHaveLength(1);
    expect(verifyMatch(after.record, targets, pool)).toMatchObject({ ok: true });
  });

  it('keeps the default of 2 for one cooperating department and for a single department', () => {
    expect(matchInspectors(targets, pool, { ...base, cooperatingDepartments: ['W'] }).record.rules.teamSize).toBe(2);
    expect(matchInspectors(targets, pool, base).record.rules.teamSize).toBe(2);
  });

  it('takes the sum of explicit minimums as the default team size', () => {
    const r = matchInspectors(targets, pool, { ...base, cooperatingDepartments: ['W'], departmentMinimums: { 市场监管局: 2, W: 2 } });
    expect(r.record.rules.teamSize).toBe(4);
    for (const a of r.assignments) expect(a.members.map((m) => m.inspectorId).sort()).toEqual(['S1', 'S2', 'W1', 'W2']);
  });

  it('blames the teamSize the caller set when it is smaller than the minimums', () => {
    const e = thrown(() => matchInspectors(targets, pool, { ...base, cooperatingDepartments: ['W', 'N'], teamSize: 2 }));
    expect(e.code).toBe('INVALID_MATCH_OPTIONS');
    expect(e.path).toEqual(['teamSize']);
    expect(e.messageEn).toContain('teamSize 2');
    expect(e.messageEn).toContain('3');
    expect(e.messageZh).toContain('teamSize');
  });
});

describe('error paths point at the bad field', () => {
  it('prefixes a bad certificate date with the inspector (index in the input) and names its id', () => {
    const pool = [inspector('I1'), inspector('I2', { certificate: { number: 'x', validTo: '2025-02-30' } }), inspector('I3')];
    const e = thrown(() => matchInspectors([{ id: 'T' }], pool, base));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.path).toEqual(['inspectors', 1, 'certificate', 'validTo']);
    expect(e.messageZh).toContain('I2');
    expect(e.messageEn).toContain('I2');
  });

  it('points at a neighbouring inspector under neighbourInspectors', () => {
    const neighbourInspectors = [inspector('N1', { certificate: { number: 'x', validFrom: '2025/01/01', validTo: '2027-12-31' } })];
    const e = thrown(() => matchInspectors([{ id: 'T' }], [inspector('I1')], { ...base, neighbourInspectors }));
    expect(e.path).toEqual(['neighbourInspectors', 0, 'certificate', 'validFrom']);
    expect(e.messageEn).toContain('N1');
  });

  it('points at the duplicate and at a bad id with the index in the input', () => {
    const dup = thrown(() => matchInspectors([{ id: 'T' }, { id: 'U' }, { id: 'T' }], [inspector('A')], base));
    expect([dup.code, dup.path]).toEqual(['DUPLICATE_ID', ['targets', 2, 'id']]);
    expect(dup.messageEn).toContain('T');
    const across = thrown(() => matchInspectors([{ id: 'T' }], [inspector('A')], { ...base, neighbourInspectors: [inspector('B'), inspector('A')] }));
    expect([across.code, across.path]).toEqual(['DUPLICATE_ID', ['neighbourInspectors', 1, 'id']]);
    const badId = thrown(() => matchInspectors([{ id: 'T' }, { id: 7 as unknown as string }], [inspector('A')], base));
    expect([badId.code, badId.path]).toEqual(['INVALID_ID', ['targets', 1, 'id']]);
    const badRow = thrown(() => matchInspectors([{ id: 'T' }], [inspector('A'), null as unknown as Inspector], base));
    expect([badRow.code, badRow.path]).toEqual(['INVALID_MATCH_INPUT', ['inspectors', 1]]);
    const notArray = thrown(() => matchInspectors({} as never, [inspector('A')], base));
    expect([notArray.code, notArray.path]).toEqual(['INVALID_MATCH_INPUT', ['targets']]);
  });

  it('points at the bad entry of requiredExpertise', () => {
    const e = thrown(() => matchInspectors([{ id: 'T' }], [inspector('A')], { ...base, requiredExpertise: ['食品', ''] }));
    expect(e.path).toEqual(['requiredExpertise', 1]);
  });

  it('points a re-draw at the option that differs from the record and at the recusal that does not apply', () => {
    const pool = ['A', 'B', 'C'].map((id) => inspector(id));
    const r = matchInspectors([{ id: 'T' }], pool, base);
    const member = r.assignments[0]!.members[0]!.inspectorId;
    const recusal = { targetId: 'T', inspectorId: member, ground: 'interest' } as const;
    expect(thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, recusal, { ...base, label: 'other' })).path).toEqual(['label']);
    expect(thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, recusal, { ...base, crossUnit: true })).path).toEqual(['crossUnit']);
    const outsider = ['A', 'B', 'C'].find((id) => !r.assignments[0]!.members.some((m) => m.inspectorId === id))!;
    const e = thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, { ...recusal, inspectorId: outsider }, base));
    expect([e.code, e.path]).toEqual(['REDRAW_NOT_ASSIGNED', ['recusal', 'inspectorId']]);
    const t = thrown(() => redrawForRecusal(r, [{ id: 'T' }], pool, { ...recusal, targetId: 'X' }, base));
    expect([t.code, t.path]).toEqual(['REDRAW_NOT_ASSIGNED', ['recusal', 'targetId']]);
  });
});

describe('re-draw: options compared with the record key by key', () => {
  it('still refuses a record whose rules carry an extra key, and names it', () => {
    const pool = ['A', 'B', 'C'].map((id) => inspector(id));
    const r = matchInspectors([{ id: 'T' }], pool, base);
    const tampered = { ...r, record: { ...r.record, rules: { ...r.record.rules, extra: 1 } } };
    const recusal = { targetId: 'T', inspectorId: r.assignments[0]!.members[0]!.inspectorId, ground: 'interest' } as const;
    const e = thrown(() => redrawForRecusal(tampered, [{ id: 'T' }], pool, recusal, base));
    expect([e.code, e.path]).toEqual(['MATCH_OPTIONS_MISMATCH', ['extra']]);
  });
});
