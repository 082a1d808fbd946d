/**
 * Writes test/vectors/draw/shards.json (docs/spec.md §13): some cases of test/vectors/draw/cases.json split into
 * four parts (rows i mod 3, and one empty part), with every summary of each round, the merged summaries, the plan
 * and the final record — after checking that the record equals drawTargets over the whole register and the case's
 * own vector, and that every part's register sum equals the naive reference's. Run: npx tsx test/draw/make-shard-vectors.ts
 * (only when intentionally changing outputs — that is a breaking change).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  drawTargets, finishShardedDraw, mergeShardSummaries, planShardedDraw, seedFromDice, shardRounds, summarizeShard,
  type DrawSpec, type ShardCandidatesSummary, type ShardCountsSummary, type ShardPlan, type ShardSummary,
} from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { refRegisterSum } from './reference.js';

export const SHARD_CASES = [
  'undirected-count', 'directed-region', 'dedup-same-department', 'undirected-ratio-up', 'stratified-per-stratum',
  'stratified-largest-remainder', 'weighted-certainty', 'weighted-stratified', 'population-smaller-take-all', 'non-ascii-ids',
];

interface VectorCase { name: string; input: { register: string; spec: DrawSpec; dice: string; history: [] }; expected: { registerDigest: string; selected: unknown } }

/** Row indexes of each part: i mod 3 = 0, 1, (an empty part), 2. */
export function partIndexes(n: number): number[][] {
  const parts: number[][] = [[], [], [], []];
  for (let i = 0; i < n; i++) parts[[0, 1, 3][i % 3]!]!.push(i);
  return parts;
}

/** Everything the vectors hold for one case, computed with the library. */
export function shardCase(file: { registers: Record<string, Entity[]>; cases: VectorCase[] }, name: string) {
  const c = file.cases.find((x) => x.name === name)!;
  const register = file.registers[c.input.register]!;
  const parts = partIndexes(register.length);
  const rows = parts.map((p) => p.map((i) => register[i]!));
  const options = { seed: seedFromDice(c.input.dice), history: c.input.history };
  const rounds = shardRounds(c.input.spec);
  let counts: ShardSummary[] | null = null, mergedCounts: ShardSummary | null = null, plan: ShardPlan | null = null;
  if (rounds === 2) {
    counts = rows.map((p) => summarizeShard(p, c.input.spec, { ...options, round: 'counts' }));
    mergedCounts = mergeShardSummaries(counts);
    plan = planShardedDraw(mergedCounts as ShardCountsSummary);
  }
  const candidates = rows.map((p) => summarizeShard(p, c.input.spec, { ...options, round: 'candidates', ...(plan === null ? {} : { plan }) }));
  const merged = mergeShardSummaries(candidates);
  const { record } = finishShardedDraw(merged as ShardCandidatesSummary);
  return { name, case: name, parts, rounds, counts, mergedCounts, plan, candidates, merged, record, whole: drawTargets(register, c.input.spec, options).record, rows, c };
}

if (process.argv[1]?.endsWith('make-shard-vectors.ts')) {
  const file = JSON.parse(readFileSync(new URL('../vectors/draw/cases.json', import.meta.url), 'utf8'));
  const out = SHARD_CASES.map((name) => {
    const v = shardCase(file, name);
    if (JSON.stringify(v.record) !== JSON.stringify(v.whole)) throw new Error(`${name}: the sharded record differs from drawTargets`);
    if (v.record.register.digest !== v.c.expected.registerDigest || JSON.stringify(v.record.selected) !== JSON.stringify(v.c.expected.selected)) throw new Error(`${name}: differs from cases.json`);
    const sums = (v.counts ?? v.candidates).map((s) => s.register.accumulator);
    v.rows.forEach((p, i) => { if (sums[i] !== refRegisterSum(p as never)) throw new Error(`${name}: part ${i} sum differs from the reference`); });
    return { name: v.name, case: v.case, parts: v.parts, rounds: v.rounds, counts: v.counts, mergedCounts: v.mergedCounts, plan: v.plan, candidates: v.candidates, merged: v.merged, record: v.record };
  });
  const vectors = {
    format: 'shuangsuiji-shard-vectors',
    algorithm: 'shuangsuiji-draw',
    version: 1,
    note: 'docs/spec.md §13. Each case names a case of cases.json (register, spec, dice, history) and splits its register into parts (row indexes). counts/mergedCounts/plan are null for one-round draws. The record is byte-identical to the one-pass draw.',
    cases: out,
  };
  writeFileSync(new URL('../vectors/draw/shards.json', import.meta.url), `${JSON.stringify(vectors, null, 1)}\n`);
  console.log(`wrote ${out.length} shard cases`);
}
