// Issue 11 §4 for the match exports: every exported function, given any value, returns its documented result
// (verifyMatch never throws for a bad record) or throws a ShuangsuijiError with a code (see ./never-crash.ts).
import { describe, expect, it } from 'vitest';
import * as match from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { expectValidCalls, neverCrash, type AnyFunction, type Call } from './never-crash.js';

const inspector = (id: string, extra: Partial<Inspector> = {}): Inspector => ({
  id, name: `人员${id}`, department: '市场监管局', expertise: ['食品'], status: 'active', isExpert: false,
  certificate: { number: `Z-${id}`, validFrom: '2020-01-01', validTo: 'open-ended' }, ...extra,
});
const pool = ['I-1', 'I-2', 'I-3', 'I-4'].map((id) => inspector(id));
const experts = ['E-1', 'E-2'].map((id) => inspector(id, { isExpert: true, certificate: undefined }));
const targets = [{ id: 'T-1', legalRepresentative: '张甲', requiredExpertise: ['食品'] }, { id: 'T-2', supervisingUnit: '一所' }];
const options = {
  seed: '42424242424242424242', label: 'L', date: '2025-07-01', department: '市场监管局', expertsPerTarget: 1,
  conflicts: [{ inspectorId: 'I-1', entityId: 'T-2', ground: 'interest' }], relatives: [{ inspectorId: 'I-2', name: '张甲' }],
  recusalRequests: [{ entityId: 'T-9', inspectorId: 'I-3' }], history: [{ entityId: 'T-1', inspectorId: 'I-4', date: '2024-03-01' }], rotationYears: 1,
} as const;
const { seed: _seed, label: _label, ...facts } = options;
const first = match.matchInspectors(targets, [...pool, ...experts], options as never);
const leaving = first.assignments.find((a) => a.targetId === 'T-1')!.members[0]!.inspectorId;

const VALID_CALLS: Record<string, Call> = {
  matchInspectors: [targets, [...pool, ...experts], options],
  redrawForRecusal: [first, targets, [...pool, ...experts], { targetId: 'T-1', inspectorId: leaving, ground: 'interest', note: '说明' }, options],
  verifyMatch: [first.record, targets, [...pool, ...experts], facts],
};
const exported = Object.entries(match).filter(([, v]) => typeof v === 'function') as [string, AnyFunction][];

describe('match exports never crash (issue 11 §4)', () => {
  it('every exported function has a valid call here, and it succeeds', async () => {
    await expectValidCalls(exported, VALID_CALLS);
    expect(match.verifyMatch(first.record, targets, [...pool, ...experts], facts as never).ok).toBe(true);
  });
  it('arbitrary argument tuples and mutations of valid calls give a result or a ShuangsuijiError', async () => {
    await neverCrash(exported, VALID_CALLS, { arbitrary: 80, mutations: 300 });
  });
  it('verifyMatch returns, never throws, for any record', () => {
    for (const record of [null, undefined, 5, 'x', [], {}, { algorithm: 'shuangsuiji-match' }, { ...first.record, assignments: [null] }]) {
      expect(match.verifyMatch(record as never, targets, [...pool, ...experts]).ok).toBe(false);
    }
  });
});
