/**
 * Shard summaries and their merge (issue 16; docs/spec.md §13). Run: node --expose-gc --import tsx
 * bench/shards.bench.ts. One register of BENCH_N rows (default 1,000,000) split into 31 parts, as a national draw
 * over the provinces' own registers would be; an undirected draw of 3,000 (one round) and a stratified draw of 0.3 %
 * (two rounds). Every part keeps up to the draw's size in candidates, so a summary grows with the size drawn, not
 * with the part. Prints, per draw: the time to summarise all parts (what the provinces do, in parallel in reality),
 * the size of a part's summary as JSON, the merge of the 31 summaries after a JSON round trip (the merging party
 * re-checks every kept candidate: canonical row, ticket, row hash), the finish, and drawTargets over the whole
 * register for comparison. The merged record is checked to be byte-identical to drawTargets'.
 */
import {
  drawTargets, finishShardedDraw, mergeShardSummaries, planShardedDraw, seedFromDice, shardRounds, summarizeShard,
  type DrawSpec, type ShardCandidatesSummary, type ShardCountsSummary, type ShardSummary,
} from '../src/draw/index.js';
import type { Entity } from '../src/models/entity.js';
import { generateEntityRegister } from '../src/testing/index.js';

const N = Number(process.env['BENCH_N'] ?? 1_000_000);
const PARTS = 31;
const now = (): number => Number(process.hrtime.bigint()) / 1e9;
const register = generateEntityRegister(N, { seed: 31 });
const parts: Entity[][] = Array.from({ length: PARTS }, () => []);
register.forEach((e, i) => parts[i % PARTS]!.push(e));
const seed = seedFromDice('14142135623730950488');
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const SPECS: readonly DrawSpec[] = [
  { label: 'national-count', size: { count: 3_000 } },
  { label: 'national-strata', size: { ratio: 0.003 }, stratification: { field: 'riskClass', allocation: 'largest-remainder' } },
];

for (const spec of SPECS) {
  let t = now();
  const whole = drawTargets(register, spec, { seed });
  const single = now() - t;
  const timings: Record<string, number> = {};
  let plan: ReturnType<typeof planShardedDraw> | undefined;
  if (shardRounds(spec) === 2) {
    t = now();
    const counts = parts.map((p) => wire(summarizeShard(p, spec, { seed, round: 'counts' })));
    timings['countsRound'] = now() - t;
    t = now();
    plan = planShardedDraw(mergeShardSummaries(counts) as ShardCountsSummary);
    timings['countsMergeAndPlan'] = now() - t;
  }
  t = now();
  const summaries: ShardSummary[] = parts.map((p) => summarizeShard(p, spec, { seed, round: 'candidates', ...(plan ? { plan: wire(plan) } : {}) }));
  timings['candidatesRound'] = now() - t;
  const texts = summaries.map((s) => JSON.stringify(s));
  const received = texts.map((text) => JSON.parse(text) as ShardSummary);
  t = now();
  const merged = mergeShardSummaries(received) as ShardCandidatesSummary;
  timings['merge'] = now() - t;
  t = now();
  const result = finishShardedDraw(merged);
  timings['finish'] = now() - t;
  if (JSON.stringify(result.record) !== JSON.stringify(whole.record)) throw new Error('the merged record differs from drawTargets');
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const metrics = {
    rows: N, parts: PARTS, selected: whole.record.selected.length, drawTargetsSeconds: single, ...timings,
    summaryBytesPerPart: Math.round(bytes / PARTS),
  };
  console.log(JSON.stringify({ bench: `shards:${spec.label}`, ...metrics }));
  const rounds = plan ? `counts round ${timings['countsRound']!.toFixed(2)} s, merge+plan ${timings['countsMergeAndPlan']!.toFixed(2)} s, ` : '';
  console.log(`  shards:${spec.label}: ${N.toLocaleString('en')} rows in ${PARTS} parts, ${whole.record.selected.length} drawn — ${rounds}` +
    `candidates round ${timings['candidatesRound']!.toFixed(2)} s (all parts, one thread; drawTargets over the whole: ${single.toFixed(2)} s), ` +
    `summary ${(bytes / PARTS / 1e6).toFixed(2)} MB a part, merge of ${PARTS} ${timings['merge']!.toFixed(2)} s, finish ${timings['finish']!.toFixed(2)} s; byte-identical record`);
}
