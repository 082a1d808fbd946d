// Issue 16 §1: a register split into parts gives, after summarising each part and merging the summaries in any
// order and grouping, the record drawTargets gives over the union — byte for byte (docs/spec.md §13).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawTargets, finishShardedDraw, mergeShardSummaries, planShardedDraw, seedFromDice, shardRounds, summarizeShard, summarizeShardAsync,
  verifyDraw, type DrawSpec, type PastInspection, type ShardCandidatesSummary, type ShardCountsSummary, type ShardPlan, type ShardSummary,
} from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { entity, makeRegister } from './fixtures.js';

/** Every kind of draw: undirected count and ratio, directed, both stratifications, weights with certainty, exclusions, shortfalls. */
const SPECS: readonly DrawSpec[] = [
  { label: 'count', size: { count: 7 } },
  { label: 'count-0', size: { count: 0 } },
  { label: 'ratio', size: { ratio: 0.1 } },
  { label: 'ratio-half-up', size: { ratio: '15%', rounding: 'half-up', minimum: 2 } },
  { label: 'directed-count', size: { count: 5 }, population: { statuses: ['active', 'revoked'], filter: [{ field: 'tags', op: 'hasAny', values: ['食品'] }] } },
  { label: 'directed-ratio', size: { ratio: '1/4', rounding: 'down' }, population: { filter: [{ field: 'regionCode', op: 'startsWith', value: '4101' }] } },
  { label: 'per-stratum', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.05 }, B: { count: 2 }, C: { ratio: 0.2 }, D: { ratio: 0.4 } }, otherStrata: { count: 1 } } },
  { label: 'per-stratum-region', stratification: { field: 'regionCode', allocation: 'per-stratum', sizes: { '410102': { count: 3 }, '999999': { count: 2 } } } },
  { label: 'largest-remainder', size: { count: 11 }, stratification: { field: 'regionCode', allocation: 'largest-remainder' } },
  { label: 'largest-remainder-ratio', size: { ratio: 0.2 }, stratification: { field: 'kind', allocation: 'largest-remainder' } },
  { label: 'weighted', size: { count: 10 }, weights: { byRiskClass: { A: 1, B: 2, C: 4, D: 30 }, complaints: { perComplaint: 1 } } },
  { label: 'weighted-certainty', size: { count: 6 }, weights: { byRiskClass: { D: 200 }, byList: { 'serious-violations': 50 } } },
  { label: 'weighted-stratified', size: { ratio: 0.2 }, stratification: { field: 'kind', allocation: 'largest-remainder' }, weights: { byRiskClass: { A: 1, D: 9 }, byList: { 'abnormal-operations': 3 } } },
  { label: 'exclusion', size: { count: 8 }, exclusion: { year: 2025, departments: ['甲局'] } },
  { label: 'exclusion-ratio-low-risk', size: { ratio: 0.2 }, exclusion: { year: 2025, riskClasses: ['A', 'B'] } },
  { label: 'take-all', size: { count: 500 } },
  { label: 'take-all-strata', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { count: 400 } } } },
  { label: 'shortfall-error', size: { count: 100 }, shortfall: 'error' },
  { label: 'shortfall-error-strata', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 30 } } }, shortfall: 'error' },
];

const dice = fc.stringMatching(/^[0-9]{20}$/);

function historyOf(register: readonly Entity[]): PastInspection[] {
  return register.filter((_, i) => i % 3 === 0).map((e, i) => ({ entityId: e.id, date: i % 4 === 0 ? '2024-12-31' : '2025-06-01', department: i % 2 ? '甲局' : '乙局', item: 'X' }));
}

/** Merges `items` along a random tree (random order, random groups of 1–3) decided by `choices`. */
function mergeTree(items: readonly ShardSummary[], choices: readonly number[]): ShardSummary {
  let k = 0;
  const pick = (n: number): number => (choices[k++ % choices.length]! % n);
  let level = [...items];
  for (let i = level.length - 1; i > 0; i--) { const j = pick(i + 1); [level[i], level[j]] = [level[j]!, level[i]!]; }
  while (level.length > 1) {
    const next: ShardSummary[] = [];
    for (let i = 0; i < level.length;) {
      const g = 1 + pick(3);
      next.push(mergeShardSummaries(level.slice(i, i + g)));
      i += g;
    }
    // Groups of one only re-check a summary: make sure every level shrinks.
    level = next.length < level.length ? next : [mergeShardSummaries(next)];
  }
  // A summary that crossed a wire: parsed from JSON text, checked as untrusted.
  return pick(2) === 0 ? level[0]! : JSON.parse(JSON.stringify(level[0]));
}

/** The sharded draw: summarise each part (round by round), merge along random trees, finish. */
function sharded(parts: readonly Entity[][], spec: DrawSpec, options: { seed: ReturnType<typeof seedFromDice>; history: PastInspection[] }, choices: readonly number[]) {
  let plan: ShardPlan | undefined;
  if (shardRounds(spec) === 2) {
    const counts = mergeTree(parts.map((p) => summarizeShard(p, spec, { ...options, round: 'counts' })), choices);
    plan = planShardedDraw(counts as ShardCountsSummary);
    if (choices[0]! % 2 === 1) plan = JSON.parse(JSON.stringify(plan)) as ShardPlan;
  }
  const candidates = parts.map((p) => summarizeShard(p, spec, { ...options, round: 'candidates', ...(plan === undefined ? {} : { plan }) }));
  return finishShardedDraw(mergeTree(candidates, [...choices].reverse()) as ShardCandidatesSummary);
}

function outcome(f: () => { record: unknown }): { record: string } | { code: unknown } {
  try { return { record: JSON.stringify(f().record) }; } catch (error) { return { code: (error as { code?: unknown }).code ?? String(error) }; }
}

const partsArb = fc.record({
  n: fc.integer({ min: 0, max: 90 }),
  salt: fc.integer({ min: 1, max: 1e6 }),
  parts: fc.integer({ min: 1, max: 6 }),
  assignment: fc.array(fc.nat(), { minLength: 90, maxLength: 90 }),
  choices: fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 }),
});

function split(register: readonly Entity[], n: number, assignment: readonly number[]): Entity[][] {
  const parts: Entity[][] = Array.from({ length: n }, () => []);
  register.forEach((e, i) => parts[assignment[i]! % n]!.push(e));
  return parts;
}

describe('sharded draws give the record of one pass over the union (docs/spec.md §13)', () => {
  it('for every kind of draw, random registers, partitions into 1–6 parts and merge trees', () => {
    fc.assert(fc.property(dice, fc.constantFrom(...SPECS), partsArb, (d, spec, p) => {
      const register = makeRegister(p.n, 'H', p.salt);
      const options = { seed: seedFromDice(d), history: historyOf(register) };
      const whole = outcome(() => drawTargets(register, spec, options));
      const parts = split(register, p.parts, p.assignment);
      const shard = outcome(() => sharded(parts, spec, options, p.choices));
      expect(shard).toEqual(whole);
      if ('record' in whole) expect(verifyDraw(JSON.parse(whole.record), register, { history: options.history }).ok).toBe(true);
    }), { numRuns: 250 });
  });

  it('every spec of the list is exercised both ways (the shortfall errors throw, the others draw)', () => {
    const register = makeRegister(60, 'H', 7);
    const options = { seed: seedFromDice('31415926535897932384'), history: historyOf(register) };
    for (const spec of SPECS) {
      const whole = outcome(() => drawTargets(register, spec, options));
      expect(outcome(() => sharded(split(register, 3, register.map((_, i) => i * 7)), spec, options, [5, 2, 9]))).toEqual(whole);
      if (spec.label.startsWith('shortfall-error')) expect(whole).toEqual({ code: 'POPULATION_TOO_SMALL' });
      else expect('record' in whole).toBe(true);
    }
    // Weighted draws with certainty units really have some.
    const certain = drawTargets(register, SPECS.find((s) => s.label === 'weighted-certainty')!, options).record.strata[0]!.certain;
    expect(certain).toBeGreaterThan(0);
  });

  it('merging is associative and commutative: any order and grouping give the same JSON', () => {
    fc.assert(fc.property(dice, fc.constantFrom(...SPECS.filter((s) => !s.label.startsWith('shortfall'))), partsArb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 }), (d, spec, p, other) => {
      const register = makeRegister(p.n, 'M', p.salt);
      const options = { seed: seedFromDice(d), history: historyOf(register) };
      const parts = split(register, p.parts, p.assignment);
      const round = shardRounds(spec) === 2 ? 'counts' : 'candidates';
      const summaries = parts.map((part) => summarizeShard(part, spec, { ...options, round }));
      const a = JSON.stringify(mergeTree(summaries, p.choices));
      expect(JSON.stringify(mergeTree(summaries, other))).toBe(a);
      // …and equal to the summary of the whole register as one part.
      expect(JSON.stringify(summarizeShard(register, spec, { ...options, round }))).toBe(a);
    }), { numRuns: 120 });
  });

  it('summarizeShardAsync gives the sync summary', async () => {
    const register = makeRegister(40, 'A', 3);
    const spec = SPECS.find((s) => s.label === 'weighted-stratified')!;
    const seed = seedFromDice('27182818284590452353');
    async function* rows(): AsyncGenerator<Entity> { yield* register; }
    const counts = summarizeShard(register, spec, { seed, round: 'counts' });
    expect(JSON.stringify(await summarizeShardAsync(() => rows(), spec, { seed, round: 'counts' }))).toBe(JSON.stringify(counts));
    const plan = planShardedDraw(counts as ShardCountsSummary);
    // Round 2 reads each part once: a one-shot stream is enough.
    expect(JSON.stringify(await summarizeShardAsync(rows(), spec, { seed, round: 'candidates', plan }))).toBe(JSON.stringify(summarizeShard(register, spec, { seed, round: 'candidates', plan })));
  });
});

describe('what a merge refuses', () => {
  const register = makeRegister(50, 'R', 11);
  const seed = seedFromDice('31415926535897932384');
  const spec: DrawSpec = { label: 'refuse', size: { count: 6 } };
  const parts = [register.slice(0, 20), register.slice(20)];
  const one = (rows: Entity[], s: DrawSpec = spec, d = seed): ShardSummary => summarizeShard(rows, s, { seed: d, round: 'candidates' });
  const code = (f: () => unknown): unknown => { try { f(); return 'no error'; } catch (error) { return { code: (error as { code: string }).code, path: (error as { path: unknown }).path }; } };

  it('summaries of two draws (another seed, label, spec or history) do not merge', () => {
    const a = one(parts[0]!);
    expect(code(() => mergeShardSummaries([a, one(parts[1]!, spec, seedFromDice('27182818284590452353'))]))).toMatchObject({ code: 'SHARD_MISMATCH', path: [1, 'draw', 'seed'] });
    expect(code(() => mergeShardSummaries([a, one(parts[1]!, { ...spec, label: 'other' })]))).toMatchObject({ code: 'SHARD_MISMATCH', path: [1, 'draw', 'spec', 'label'] });
    const x = { label: 'refuse', size: { count: 6 }, exclusion: { year: 2025 } } as const;
    const h1 = summarizeShard(parts[0]!, x, { seed, round: 'candidates', history: [] });
    const h2 = summarizeShard(parts[1]!, x, { seed, round: 'candidates', history: [{ entityId: 'R0001', date: '2025-01-02', department: '甲局', item: 'X' }] });
    expect(code(() => mergeShardSummaries([h1, h2]))).toMatchObject({ code: 'SHARD_MISMATCH', path: [1, 'draw', 'history', 'digest'] });
    // Rounds and plans must agree too.
    const ratio: DrawSpec = { label: 'refuse', size: { ratio: 0.2 } };
    const counts = parts.map((p) => summarizeShard(p, ratio, { seed, round: 'counts' }));
    const plan = planShardedDraw(mergeShardSummaries(counts) as ShardCountsSummary);
    const c0 = summarizeShard(parts[0]!, ratio, { seed, round: 'candidates', plan });
    expect(code(() => mergeShardSummaries([counts[1]!, c0]))).toMatchObject({ code: 'SHARD_MISMATCH', path: [1, 'round'] });
    const otherPlan = planShardedDraw(counts[0]! as ShardCountsSummary);
    expect(code(() => mergeShardSummaries([c0, summarizeShard(parts[1]!, ratio, { seed, round: 'candidates', plan: otherPlan })]))).toMatchObject({ code: 'SHARD_MISMATCH' });
    // A plan of another draw is refused by the part.
    expect(code(() => summarizeShard(parts[1]!, { ...ratio, label: 'other' }, { seed, round: 'candidates', plan }))).toMatchObject({ code: 'SHARD_MISMATCH', path: ['options', 'plan', 'counts', 'draw', 'spec', 'label'] });
  });

  it('a tampered summary is refused with the path of what was changed', () => {
    const good = JSON.parse(JSON.stringify(one(parts[0]!))) as Record<string, any>;
    const tamper = (f: (s: any) => void): unknown => { const s = structuredClone(good); f(s); return code(() => mergeShardSummaries([s as ShardSummary, one(parts[1]!)])); };
    // A candidate's claims are checked when the merge keeps it (§13.7): a changed row of a kept candidate is refused;
    // a candidate the merge drops cannot change the record, and the merge gives exactly the honest merge.
    const honest = mergeShardSummaries([good as ShardSummary, one(parts[1]!)]) as ShardCandidatesSummary;
    const keptIds = new Set(honest.strata[0]!.candidates.map((c) => c.id));
    const ours = (good.strata[0].candidates as { id: string }[]).map((c, i) => ({ i, kept: keptIds.has(c.id) }));
    const kept = ours.find((c) => c.kept)!.i;
    const dropped = ours.find((c) => !c.kept)!.i;
    const flip = (i: number) => (s: any): void => { s.strata[0].candidates[i].entity.riskClass = s.strata[0].candidates[i].entity.riskClass === 'A' ? 'B' : 'A'; };
    // A claimed ticket smaller than the true one puts the candidate among those kept: its recomputed ticket differs.
    expect(tamper((s) => { s.strata[0].candidates[kept].ticket = '00'.repeat(32); })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'strata', 0, 'candidates', kept, 'ticket'] });
    expect(tamper(flip(kept))).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'strata', 0, 'candidates', kept, 'rowHash'] });
    expect(tamper(flip(dropped))).toBe('no error');
    const changed = structuredClone(good);
    flip(dropped)(changed);
    expect(JSON.stringify(mergeShardSummaries([changed as ShardSummary, one(parts[1]!)]))).toBe(JSON.stringify(honest));
    expect(tamper((s) => { s.strata[0].candidates.reverse(); })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'strata', 0, 'candidates', 1] });
    expect(tamper((s) => { s.strata[0].candidates.pop(); })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'strata', 0, 'candidates'] });
    expect(tamper((s) => { s.strata[0].population += 1; })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'excluded'] });
    expect(tamper((s) => { s.register.accumulator = s.register.accumulator.slice(2); })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'register', 'accumulator'] });
    expect(tamper((s) => { s.register.extra = 1; })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'register', 'extra'] });
    // A summary re-labelled as of another draw no longer holds together (here: too few candidates for count 7).
    expect(tamper((s) => { s.draw.spec.size.count = 7; })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'strata', 0, 'candidates'] });
    expect(tamper((s) => { s.draw.seed = s.draw.seed.toUpperCase(); })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'draw', 'seed'] });
    expect(tamper((s) => { s.draw.spec.shortfall = undefined; })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'draw', 'spec', 'shortfall'] });
    expect(tamper((s) => { s.version = 2; })).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [0, 'format'] });
    expect(code(() => mergeShardSummaries([]))).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: [] });
    // A counts summary cannot be finished, a candidates summary cannot be planned.
    expect(code(() => finishShardedDraw(summarizeShard(parts[0]!, { label: 'r', size: { ratio: 0.5 } }, { seed, round: 'counts' }) as never))).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: ['round'] });
    expect(code(() => planShardedDraw(good as never))).toMatchObject({ code: 'INVALID_SHARD_SUMMARY', path: ['round'] });
  });

  it('a tampered plan is refused by the part that receives it', () => {
    const spec2: DrawSpec = { label: 'p', size: { count: 4 }, weights: { byRiskClass: { D: 9 } } };
    const plan = JSON.parse(JSON.stringify(planShardedDraw(summarizeShard(register, spec2, { seed, round: 'counts' }) as ShardCountsSummary))) as any;
    plan.strata[0].lambdas[0].lambda = '1/1';
    expect(code(() => summarizeShard(register, spec2, { seed, round: 'candidates', plan }))).toMatchObject({ code: 'INVALID_SHARD_PLAN', path: ['options', 'plan', 'strata', 0, 'lambdas', 0, 'lambda'] });
  });

  it('an id kept as a candidate by two parts is DUPLICATE_ID; a part missing from round 2 is noticed', () => {
    // The best ticket of the whole register is kept by every part that holds its row.
    const best = drawTargets(register, spec, { seed }).selected[0]!;
    const [mine, other] = parts[0]!.some((e) => e.id === best.id) ? [parts[0]!, parts[1]!] : [parts[1]!, parts[0]!];
    expect(code(() => mergeShardSummaries([one(mine), one([...other, best.entity])]))).toMatchObject({ code: 'DUPLICATE_ID', path: [1, 'strata', 0, 'candidates', 0] });
    // The same id in one part twice is the part's own duplicate (the draw's guard).
    expect(code(() => one([...parts[0]!, entity(parts[0]![0]!.id)]))).toMatchObject({ code: 'DUPLICATE_ID' });
    const ratio: DrawSpec = { label: 'refuse', size: { ratio: 0.2 } };
    const plan = planShardedDraw(mergeShardSummaries(parts.map((p) => summarizeShard(p, ratio, { seed, round: 'counts' }))) as ShardCountsSummary);
    expect(code(() => finishShardedDraw(summarizeShard(parts[0]!, ratio, { seed, round: 'candidates', plan }) as ShardCandidatesSummary))).toMatchObject({ code: 'REGISTER_CHANGED_DURING_DRAW' });
  });

  it('rounds and plans are asked for explicitly', () => {
    expect(code(() => summarizeShard(parts[0]!, spec, { seed, round: 'counts' }))).toMatchObject({ code: 'INVALID_OPTION', path: ['options', 'round'] });
    expect(code(() => summarizeShard(parts[0]!, { label: 'r', size: { ratio: 0.5 } }, { seed, round: 'candidates' }))).toMatchObject({ code: 'INVALID_OPTION', path: ['options', 'plan'] });
    expect(code(() => summarizeShard(parts[0]!, spec, { seed } as never))).toMatchObject({ code: 'INVALID_OPTION', path: ['options', 'round'] });
    expect(code(() => summarizeShard(parts[0]!, spec, { seed, round: 'candidates', extra: 1 } as never))).toMatchObject({ code: 'INVALID_OPTION', path: ['options', 'extra'] });
    expect(shardRounds(spec)).toBe(1);
    expect(shardRounds({ label: 'x', size: { count: 3 }, weights: {} })).toBe(2);
  });

  it('summaries are deep-frozen plain JSON, and inputs are not frozen or changed', () => {
    const a = one(parts[0]!);
    expect(Object.isFrozen(a) && Object.isFrozen((a as ShardCandidatesSummary).strata[0]!.candidates[0]!.entity)).toBe(true);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    const copy = JSON.parse(JSON.stringify(a));
    const before = JSON.stringify(copy);
    mergeShardSummaries([copy, one(parts[1]!)]);
    expect(Object.isFrozen(copy)).toBe(false);
    expect(JSON.stringify(copy)).toBe(before);
  });
});
