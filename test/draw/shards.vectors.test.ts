// Known-answer vectors of sharded draws (docs/spec.md §13, test/vectors/draw/shards.json): every summary of every
// round, the merged summaries, the plan and the record, for cases of cases.json split into four parts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finishShardedDraw, mergeShardSummaries, planShardedDraw, type ShardCandidatesSummary, type ShardCountsSummary } from '../../src/draw/index.js';
import { partIndexes, SHARD_CASES, shardCase } from './make-shard-vectors.js';
import { refRegisterSum } from './reference.js';

const cases = JSON.parse(readFileSync(new URL('../vectors/draw/cases.json', import.meta.url), 'utf8'));
const shards = JSON.parse(readFileSync(new URL('../vectors/draw/shards.json', import.meta.url), 'utf8'));
const text = (v: unknown): string => JSON.stringify(v);

describe('shard known-answer vectors (test/vectors/draw/shards.json)', () => {
  it('covers one- and two-round draws, strata, weights with certainty units, exclusions and an empty part', () => {
    expect(shards.cases.map((c: { name: string }) => c.name)).toEqual(SHARD_CASES);
    expect(new Set(shards.cases.map((c: { rounds: number }) => c.rounds))).toEqual(new Set([1, 2]));
    const records = shards.cases.map((c: { record: { strata: { certain: number }[]; exclusion: { excluded: number }; spec: { stratification?: unknown } } }) => c.record);
    expect(records.some((r: { strata: { certain: number }[] }) => r.strata.some((s) => s.certain > 0))).toBe(true);
    expect(records.some((r: { exclusion: { excluded: number } }) => r.exclusion.excluded > 0)).toBe(true);
    expect(records.some((r: { spec: { stratification?: unknown } }) => r.spec.stratification !== undefined)).toBe(true);
    for (const c of shards.cases) expect(c.parts.some((p: number[]) => p.length === 0)).toBe(true);
  });

  for (const v of shards.cases) {
    it(`${v.name}: the library reproduces every summary, the plan and the record`, () => {
      const again = shardCase(cases, v.case);
      expect(v.parts).toEqual(partIndexes(cases.registers[again.c.input.register].length));
      expect(text(again.counts)).toBe(text(v.counts));
      expect(text(again.mergedCounts)).toBe(text(v.mergedCounts));
      expect(text(again.plan)).toBe(text(v.plan));
      expect(text(again.candidates)).toBe(text(v.candidates));
      expect(text(again.merged)).toBe(text(v.merged));
      expect(text(again.record)).toBe(text(v.record));
      // The record is the one-pass draw's, and the case's own vector.
      expect(text(v.record)).toBe(text(again.whole));
      expect(v.record.register.digest).toBe(again.c.expected.registerDigest);
      expect(v.record.selected).toEqual(again.c.expected.selected);
      // Each part's register sum is the naive reference's (§4.3).
      const perPart = v.counts ?? v.candidates;
      again.rows.forEach((rows, i) => expect(perPart[i].register.accumulator).toBe(refRegisterSum(rows as never)));
    });

    it(`${v.name}: the stored summaries, read as untrusted JSON, merge in another order into the stored ones and finish into the record`, () => {
      if (v.rounds === 2) {
        expect(text(mergeShardSummaries([...v.counts].reverse()))).toBe(text(v.mergedCounts));
        expect(text(planShardedDraw(v.mergedCounts as ShardCountsSummary))).toBe(text(v.plan));
      }
      const [a, b, c, d] = v.candidates;
      expect(text(mergeShardSummaries([d, mergeShardSummaries([b, c]), a]))).toBe(text(v.merged));
      expect(text(finishShardedDraw(v.merged as ShardCandidatesSummary).record)).toBe(text(v.record));
    });
  }
});
