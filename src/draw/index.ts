/**
 * 随机抽取检查对象 — the verifiable draw: seeds and commitments, tickets, sample sizes, selection (undirected,
 * directed, stratified, risk-weighted, de-duplicated), draw records and verification. Spec: docs/spec.md.
 *
 * @module
 */
export { canonicalEntityId } from './canonical-entity-id.js';
export { checkEntityOutcome } from './check-entity-outcome.js';
export type { EntityOutcome, EntityOutcomeQuery, EntityOutcomeVerdict, StratumOutcome } from './check-entity-outcome.js';
export { checkSeedCommitment } from './check-seed-commitment.js';
export { commitSeed } from './commit-seed.js';
export type { CommitSeedOptions } from './commit-seed.js';
export { computeTicket } from './compute-ticket.js';
export { countPopulation } from './count-population.js';
export type { AsyncRegisterSource, DrawOptions, RegisterSource, VerifyDrawOptions } from './draw-options.js';
export type { DrawRecord, DrawResult, DrawSeed, PastInspection, SeedContribution, SeedOrigin, SelectedTarget, StratumSummary } from './draw-record.js';
export type { DrawSpec, ExactDecimal, ExclusionPolicy, NormalizedDrawSpec, NormalizedStratification, SizeRule, Stratification, StratumSize, WeightRule } from './draw-spec.js';
export { drawTargets } from './draw-targets.js';
export { drawTargetsAsync } from './draw-targets-async.js';
export { exclusionDigest } from './exclusion-digest.js';
export { finishShardedDraw } from './finish-sharded-draw.js';
export { historyFromDraw } from './history-from-draw.js';
export { isInPopulation } from './is-in-population.js';
export { mergeShardSummaries } from './merge-shard-summaries.js';
export { planShardedDraw } from './plan-sharded-draw.js';
export { registerDigest } from './register-digest.js';
export { registerDigestAsync } from './register-digest-async.js';
export { sampleSize } from './sample-size.js';
export { seedFromBeacon } from './seed-from-beacon.js';
export { seedFromContributions } from './seed-from-contributions.js';
export { seedFromDice } from './seed-from-dice.js';
export { seedFromOrigin } from './seed-from-origin.js';
export { shardRounds } from './shard-rounds.js';
export type { ShardCandidate, ShardCandidatesSummary, ShardCountsSummary, ShardDrawBinding, ShardOptions, ShardPlan, ShardSummary } from './shard-summary.js';
export { summarizeShard } from './summarize-shard.js';
export { summarizeShardAsync } from './summarize-shard-async.js';
export { verifyDraw } from './verify-draw.js';
export { verifyDrawAsync } from './verify-draw-async.js';
export type { VerifyCode, VerifyProvenance, VerifyResult } from './verify-result.js';
export type { DrawErrorCode } from './draw-error-code.js';
export type { SeedErrorCode } from './seed-error-code.js';
export type { VerifyDrawErrorCode } from './verify-draw-error-code.js';
export type { EntityOutcomeErrorCode } from './entity-outcome-error-code.js';
