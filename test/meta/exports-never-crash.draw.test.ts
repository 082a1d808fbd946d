// Issue 11 §4 for the draw exports: every export, given any value, returns its documented result or throws a
// ShuangsuijiError with a code (async ones reject with one). Each function is called with
//   1. tuples of arbitrary values (fast-check `anything`), and
//   2. mutations of valid calls: one argument, or one nested field anywhere inside it, replaced by an arbitrary or
//      known-nasty value, deleted, or joined by an unknown key;
// and 3. hostile sizes: 10,000 nested anyOf, a ratio given as a BigInt, a count of 1e15.
// A function exported without an entry in VALID_CALLS fails the test, so new exports are covered.
import { describe, expect, it } from 'vitest';
import * as draw from '../../src/draw/index.js';
import { entity, makeRegister } from '../draw/fixtures.js';
import { expectValidCalls, neverCrash, type AnyFunction, type Call } from './never-crash.js';


const seed = draw.seedFromDice('31415926535897932384');
const register = makeRegister(30, 'F', 4);
const history = [{ entityId: register[0]!.id, date: '2025-03-01', department: '市场监管局', item: 'FOOD' }];
const spec = { label: 'fuzz', size: { ratio: '20%', rounding: 'up', minimum: 1 }, population: { statuses: ['active'], filter: [{ field: 'riskClass', op: 'in', values: ['A', 'D'] }, { op: 'anyOf', conditions: [{ field: 'tags', op: 'hasAny', values: ['食品'] }, { field: 'complaintCount', op: 'gte', value: 0 }] }] }, stratification: { field: 'kind', allocation: 'largest-remainder' }, weights: { byRiskClass: { D: 3 }, byList: { 'abnormal-operations': 2 }, complaints: { perComplaint: '1/2', cap: 4 } }, exclusion: { year: 2025, departments: ['市场监管局'], items: 'any', riskClasses: 'all' } };
const hash = draw.commitSeed(seed.seed, { salt: 's' });
const options = { seed, history, commitment: { hash, salt: 's' } };
const { record } = draw.drawTargets(register, spec as draw.DrawSpec, options);
// Shards (issue 16 §1): the two rounds of the same two-round draw over two parts; JSON copies, as if sent over a wire.
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const shardParts = [register.slice(0, 12), register.slice(12)];
const counts = json(draw.mergeShardSummaries(shardParts.map((p) => draw.summarizeShard(p, spec as draw.DrawSpec, { ...options, round: 'counts' }))));
const plan = json(draw.planShardedDraw(counts as draw.ShardCountsSummary));
const candidates = shardParts.map((p) => json(draw.summarizeShard(p, spec as draw.DrawSpec, { ...options, round: 'candidates', plan })));
const merged = json(draw.mergeShardSummaries(candidates));

const VALID_CALLS: Record<string, Call> = {
  canonicalEntityId: ['Cafe\u0301'],
  checkEntityOutcome: [record, { id: register[1]!.id, entity: register[1] }],
  checkSeedCommitment: [seed.seed, hash, { salt: 's' }],
  commitSeed: [seed.seed, { salt: 's' }],
  computeTicket: [seed, 'fuzz', register[1]!.id],
  countPopulation: [register, spec.population],
  drawTargets: [register, spec, options],
  drawTargetsAsync: [register, spec, options],
  exclusionDigest: [history],
  finishShardedDraw: [merged],
  historyFromDraw: [record, { date: '2025-04-01', department: '市场监管局', item: 'FOOD' }],
  isInPopulation: [register[0], spec.population],
  mergeShardSummaries: [candidates],
  planShardedDraw: [counts],
  registerDigest: [register],
  registerDigestAsync: [register],
  sampleSize: [57, { ratio: 0.1, rounding: 'half-up', minimum: 2 }],
  seedFromBeacon: [{ source: 'beacon.example', round: 42, value: 'ab'.repeat(20) }],
  seedFromContributions: [[{ party: '甲', value: 'x'.repeat(12) }, { party: '乙', value: 'y'.repeat(12) }]],
  seedFromDice: ['31415926535897932384'],
  seedFromOrigin: [seed.origin],
  shardRounds: [spec],
  summarizeShard: [shardParts[0], spec, { ...options, round: 'candidates', plan }],
  summarizeShardAsync: [shardParts[1], spec, { ...options, round: 'counts' }],
  verifyDraw: [record, register, { history }],
  verifyDrawAsync: [record, register, { history }],
};

const exported = Object.entries(draw).filter(([, v]) => typeof v === 'function') as [string, AnyFunction][];

describe('draw exports never crash (issue 11 §4)', () => {
  it('every exported function has a valid call here, and the valid call succeeds', async () => {
    await expectValidCalls(exported, VALID_CALLS);
  });

  it('arbitrary argument tuples and mutations of valid calls give a result or a ShuangsuijiError', async () => {
    await neverCrash(exported, VALID_CALLS, { arbitrary: 60, mutations: 250 });
  });

  it('hostile sizes are refused with codes, within bounded stack and memory', () => {
    let deep: unknown = { field: 'kind', op: 'in', values: ['other'] };
    for (let i = 0; i < 10_000; i++) deep = { op: 'anyOf', conditions: [deep] };
    expect(() => draw.drawTargets(register, { label: 'deep', size: { count: 1 }, population: { filter: [deep] } } as never, { seed })).toThrow(expect.objectContaining({ code: 'INVALID_SPEC' }));
    expect(() => draw.drawTargets(register, { label: 'big', size: { ratio: 1n } } as never, { seed })).toThrow(expect.objectContaining({ code: 'INVALID_SPEC', path: ['size', 'ratio'] }));
    // A huge count is a valid request: the population is smaller, so everyone is taken (no allocation of 1e15).
    expect(draw.drawTargets(register, { label: 'huge', size: { count: 1e15 } }, { seed }).selected.length).toBe(register.filter((e) => e.status === 'active').length);
    expect(() => draw.drawTargets([entity('A')], { label: 'unsafe', size: { count: 2 ** 53 } }, { seed })).toThrow(expect.objectContaining({ code: 'INVALID_SIZE' }));
  });
});
