/**
 * The operations the page asks its worker for. Each calls the library exactly as the command line does
 * (`verifyDrawAsync`, `drawTargetsAsync`, the register digest, `seedFromDice` …) on rows streamed from the
 * dropped files, and answers with plain JSON values.
 */
import { checkEntityOutcome, type EntityOutcome, type EntityOutcomeQuery } from '../../src/draw/check-entity-outcome.js';
import { checkSeedCommitment } from '../../src/draw/check-seed-commitment.js';
import { commitSeed } from '../../src/draw/commit-seed.js';
import type { DrawRecord, DrawSeed, PastInspection, SeedContribution } from '../../src/draw/draw-record.js';
import type { DrawSpec } from '../../src/draw/draw-spec.js';
import { drawTargetsAsync } from '../../src/draw/draw-targets-async.js';
import { registerDigestAsync } from '../../src/draw/register-digest-async.js';
import { seedFromBeacon } from '../../src/draw/seed-from-beacon.js';
import { seedFromContributions } from '../../src/draw/seed-from-contributions.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import { verifyDrawAsync } from '../../src/draw/verify-draw-async.js';
import type { VerifyResult } from '../../src/draw/verify-result.js';
import { auditDrawHistory } from '../../src/audit/audit-draw-history.js';
import type { AuditEntity } from '../../src/audit/audit-entity.js';
import { computeInclusionProbabilities } from '../../src/audit/compute-inclusion-probabilities.js';
import type { HistoryDraw } from '../../src/audit/history-draw.js';
import type { RegisterSnapshot } from '../../src/audit/register-snapshot.js';
import { statedDesignFromDrawSpec } from '../../src/audit/stated-design-from-draw-spec.js';
import { canonicalEntityId } from '../../src/draw/canonical-entity-id.js';
import { isInPopulation } from '../../src/draw/is-in-population.js';
import { isShuangsuijiError } from '../../src/errors.js';
import type { MatchFacts } from '../../src/match/match-options.js';
import type { MatchRecord } from '../../src/match/match-record.js';
import type { MatchTarget } from '../../src/match/match-target.js';
import { verifyMatch, type MatchVerification } from '../../src/match/verify-match.js';
import type { Entity } from '../../src/models/entity.js';
import type { Inspector } from '../../src/models/inspector.js';
import type { ProblemReport, Progress, ReadSummary } from '../protocol.js';
import { readJsonBlob } from './json-file.js';
import { newReading, Problems, registerRows, type Reading } from './register-rows.js';

/** Reports progress to the page. */
export type ProgressSink = (progress: Progress) => void;

function summary(reading: Reading): ReadSummary {
  return { format: reading.format, encoding: reading.encoding, rows: reading.rows };
}

function progressOf(phase: Progress['phase'], pass: number, reading: Reading): Progress {
  return { phase, pass, rows: reading.rows, bytesRead: reading.bytesRead, totalBytes: reading.totalBytes };
}

function nameOf(blob: Blob, fallback: string): string {
  const name = (blob as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : fallback;
}

/**
 * The entity rows of `register` for a library call that may read them several times (`() => rows`). The first
 * pass collects the problems; later passes only stream.
 */
class EntitySource {
  readonly problems = new Problems();
  readonly first = newReading();
  passes = 0;

  constructor(
    private readonly register: Blob,
    private readonly phase: Progress['phase'],
    private readonly progress: ProgressSink,
  ) {}

  /** A fresh pass over the rows (a function to hand to the library). */
  readonly open = (): AsyncIterable<Entity> => {
    const pass = ++this.passes;
    const reading = pass === 1 ? this.first : newReading();
    return registerRows(this.register, 'entity', pass === 1 ? this.problems : new Problems(), reading, (r) => this.progress(progressOf(this.phase, pass, r)));
  };

  /** Reads every row once when the library stopped before the end of the first pass (or never began it). */
  async finishFirstPass(): Promise<void> {
    if (this.first.complete) return;
    if (this.passes === 0) {
      for await (const _ of this.open()) void _;
      return;
    }
    // The library stopped part-way: read the file again for its problems.
    const again = new EntitySource(this.register, this.phase, this.progress);
    for await (const _ of again.open()) void _;
    Object.assign(this.first, again.first);
    this.problems.kept.splice(0, this.problems.kept.length, ...again.problems.kept);
    this.problems.count = again.problems.count;
  }
}

/** A register digest, or the coded reason there is none (a row the digest refuses, a duplicate id). */
type DigestOutcome = { readonly digest: string; readonly size: number } | { readonly code: string; readonly messageZh: string; readonly messageEn: string };

/**
 * The register digest by the public `registerDigestAsync` (the digest of `registerDigest` and the command line)
 * over the rows of `source`, which it reads once (twice in the rare case of an id fingerprint collision). A
 * refusal is returned, not thrown: the file's problems (by line) are reported before it. `DUPLICATE_ID` comes at
 * the end of the pass; a refusal part-way would leave the pass unfinished, so the rest is then read for its problems.
 */
async function digestOf(source: EntitySource): Promise<DigestOutcome> {
  let outcome: DigestOutcome;
  try {
    outcome = await registerDigestAsync(source.open);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    outcome = { code: error.code, messageZh: error.messageZh, messageEn: error.messageEn };
  }
  await source.finishFirstPass();
  return outcome;
}

/** The result of {@link verifyDrawOp}. */
export type VerifyDrawAnswer =
  | ProblemReport
  | {
      readonly kind: 'verdict';
      readonly verdict: VerifyResult;
      readonly record: DrawRecord;
      readonly computed: DigestOutcome;
      readonly reading: ReadSummary;
      readonly historySize: number;
      readonly passes: number;
    };

/**
 * The register digest as the verification computed it, when the verdict tells it: equal to the record's when the
 * verification passed the digest comparison (ok, or a later divergence), the recomputed one for `REGISTER_CHANGED`;
 * `undefined` when the verification stopped before reading the register.
 */
function digestFromVerdict(record: DrawRecord, verdict: VerifyResult): { readonly digest: string; readonly size: number } | undefined {
  if (verdict.ok || ['POPULATION_DIFFERS', 'STRATA_DIFFER', 'SELECTION_DIFFERS'].includes(verdict.code)) return { digest: record.register.digest, size: record.register.size };
  const { digest, size } = verdict.details as { digest?: unknown; size?: unknown };
  if (verdict.code === 'REGISTER_CHANGED' && typeof digest === 'string' && typeof size === 'number') return { digest, size };
  return undefined;
}

/** Unusable record verdicts: reported as input problems (as `shuangsuiji verify` does, exit 2), not as divergences. */
const UNUSABLE_RECORD: readonly string[] = ['RECORD_MALFORMED', 'UNSUPPORTED_ALGORITHM'];

/** 核验抽取: the record, the register and the history (if any) → the verdict and the register digest. */
export async function verifyDrawOp(args: { readonly record: Blob; readonly register: Blob; readonly history?: Blob | undefined }, progress: ProgressSink): Promise<VerifyDrawAnswer> {
  const problems = new Problems();
  const recordFile = nameOf(args.record, 'draw-record.json');
  const record = await readJsonBlob(args.record, problems, recordFile);
  if (problems.count > 0) return problems.report();
  const algorithm = typeof record === 'object' && record !== null ? (record as { algorithm?: unknown }).algorithm : undefined;
  if (algorithm === 'shuangsuiji-match') {
    problems.push({ file: recordFile, line: 0, code: 'RECORD_IS_MATCH', messageZh: '这是执法检查人员的匹配记录，请在“核验选派”中核验', messageEn: 'this is an inspector match record: check it under “Verify a match”' });
    return problems.report();
  }
  if (algorithm !== 'shuangsuiji-draw') {
    problems.push({ file: recordFile, line: 0, code: 'RECORD_UNKNOWN', messageZh: '不是 shuangsuiji 的抽取或匹配记录（缺少 algorithm 字段）', messageEn: 'not a shuangsuiji draw or match record (no known algorithm field)' });
    return problems.report();
  }
  let history: unknown = [];
  if (args.history !== undefined) {
    const historyFile = nameOf(args.history, 'history.json');
    history = await readJsonBlob(args.history, problems, historyFile);
    if (problems.count === 0 && !Array.isArray(history)) {
      problems.push({ file: historyFile, line: 0, code: 'HISTORY_NOT_ARRAY', messageZh: '历史文件应为 JSON 数组', messageEn: 'the history file must hold a JSON array' });
    }
    if (problems.count > 0) return problems.report();
  }
  // The verification itself computes the register digest and compares it first: no digest of our own unless the
  // verdict came before the register was read (a seed or history divergence), which saves a fifth of the time.
  const source = new EntitySource(args.register, 'verify', progress);
  const verdict = await verifyDrawAsync(record as DrawRecord, source.open, { history: history as readonly PastInspection[] });
  if (!verdict.ok && UNUSABLE_RECORD.includes(verdict.code)) {
    const path = verdict.details['path'];
    problems.push({ file: recordFile, line: 0, code: verdict.code, messageZh: verdict.messageZh, messageEn: verdict.messageEn, ...(Array.isArray(path) ? { path: path as (string | number)[] } : {}) });
    return problems.report();
  }
  const passes = source.passes;
  const drawRecord = record as DrawRecord;
  const fromVerdict = digestFromVerdict(drawRecord, verdict);
  let computed: Extract<VerifyDrawAnswer, { kind: 'verdict' }>['computed'];
  let reading = source.first;
  if (fromVerdict === undefined) {
    const digestSource = new EntitySource(args.register, 'digest', progress);
    computed = await digestOf(digestSource);
    if (digestSource.problems.count > 0) return digestSource.problems.report();
    reading = digestSource.first;
  } else {
    computed = fromVerdict;
    await source.finishFirstPass();
  }
  // Malformed rows are reported as such (by line), never as a divergence of the draw.
  if (source.problems.count > 0) return source.problems.report();
  return { kind: 'verdict', verdict, record: drawRecord, computed, reading: summary(reading), historySize: (history as readonly unknown[]).length, passes };
}

/** 名录库摘要 (ceremony mode, step 1): digest, row count and, with a spec's population, how many rows are in it. */
export async function digestOp(args: { readonly register: Blob; readonly population?: unknown }, progress: ProgressSink): Promise<ProblemReport | { readonly kind: 'digest'; readonly digest: string; readonly size: number; readonly reading: ReadSummary }> {
  const source = new EntitySource(args.register, 'digest', progress);
  const digest = await digestOf(source);
  if (source.problems.count > 0) return source.problems.report();
  if (!('digest' in digest)) {
    const report = new Problems();
    report.push({ file: nameOf(args.register, 'register'), line: 0, code: digest.code, messageZh: digest.messageZh, messageEn: digest.messageEn });
    return report.report();
  }
  return { kind: 'digest', digest: digest.digest, size: digest.size, reading: summary(source.first) };
}

/** A seed request of 核验种子 / 现场抽取. */
export type SeedArgs =
  | { readonly method: 'dice'; readonly digits: string; readonly salt?: string; readonly commitment?: string }
  | { readonly method: 'contributions'; readonly contributions: readonly SeedContribution[]; readonly salt?: string; readonly commitment?: string }
  | { readonly method: 'beacon'; readonly source: string; readonly round: string; readonly value: string; readonly salt?: string; readonly commitment?: string };

/** The seed made from dice digits, contributions or a beacon value, and its commitment checked or computed. */
export function seedOp(args: SeedArgs): { readonly seed: DrawSeed; readonly commitment?: string; readonly commitmentMatches?: boolean } {
  const seed = args.method === 'dice'
    ? seedFromDice(args.digits.replace(/\s+/g, ''))
    : args.method === 'contributions'
      ? seedFromContributions(args.contributions)
      : seedFromBeacon({ source: args.source, round: args.round, value: args.value.trim() });
  if (args.salt === undefined) return { seed };
  const commitment = commitSeed(seed.seed, { salt: args.salt });
  if (args.commitment === undefined || args.commitment.trim() === '') return { seed, commitment };
  return { seed, commitment, commitmentMatches: checkSeedCommitment(seed.seed, args.commitment.trim().toLowerCase(), { salt: args.salt }) };
}

/** One row of the drawn list (the columns of the command line's drawn.csv). */
export type DrawnRow = readonly string[];

/** The drawn list's header, as `shuangsuiji draw` writes it. */
export const DRAWN_HEADER: readonly string[] = [
  '序号', '统一社会信用代码/编号', '名称', '签号', '分层', '入样概率', '入样概率（约）', '信用风险分类', '行政区划代码', '属地监管单位',
  '法定代表人', '住所',
];

/** 现场抽取: the draw from the register, a spec and the dice digits (and a commitment made before, if any). */
export async function drawOp(
  args: { readonly register: Blob; readonly spec: Blob | string; readonly digits: string; readonly salt?: string; readonly commitment?: string },
  progress: ProgressSink,
): Promise<ProblemReport | { readonly kind: 'drawn'; readonly record: DrawRecord; readonly header: readonly string[]; readonly rows: readonly DrawnRow[]; readonly population: number }> {
  const problems = new Problems();
  const spec = typeof args.spec === 'string' ? JSON.parse(args.spec) as unknown : await readJsonBlob(args.spec, problems, 'spec.json');
  if (problems.count > 0) return problems.report();
  const seed = seedFromDice(args.digits.replace(/\s+/g, ''));
  const commitment = args.commitment !== undefined && args.commitment.trim() !== ''
    ? { hash: args.commitment.trim().toLowerCase(), ...(args.salt === undefined ? {} : { salt: args.salt }) }
    : undefined;
  const source = new EntitySource(args.register, 'draw', progress);
  const result = await drawTargetsAsync(source.open, spec as DrawSpec, { seed, ...(commitment === undefined ? {} : { commitment }) });
  await source.finishFirstPass();
  if (source.problems.count > 0) return source.problems.report();
  const rows = result.selected.map((t, i): DrawnRow => {
    const e = t.entity;
    return [
      String(i + 1), t.id, e.name, t.ticket, t.stratum ?? '', t.inclusionProbability, String(t.inclusionProbabilityApprox),
      e.riskClass ?? '', e.regionCode ?? '', e.supervisingUnit ?? '', e.legalRepresentative ?? '', e.address ?? '',
    ];
  });
  return { kind: 'drawn', record: result.record, header: DRAWN_HEADER, rows, population: result.record.register.eligible };
}

/** The result of {@link verifyMatchOp}. */
export type VerifyMatchAnswer =
  | ProblemReport
  | { readonly kind: 'verdict'; readonly verdict: MatchVerification; readonly record: MatchRecord; readonly inspectors: number; readonly targets: number; readonly reading: ReadSummary };

/** 核验选派: a match record, its targets, the inspector register and the facts → `verifyMatch`. */
export async function verifyMatchOp(
  args: { readonly record: Blob; readonly targets: Blob; readonly inspectors: Blob; readonly facts?: Blob | undefined },
  progress: ProgressSink,
): Promise<VerifyMatchAnswer> {
  const problems = new Problems();
  const recordFile = nameOf(args.record, 'match-record.json');
  const record = await readJsonBlob(args.record, problems, recordFile);
  if (problems.count > 0) return problems.report();
  const algorithm = typeof record === 'object' && record !== null ? (record as { algorithm?: unknown }).algorithm : undefined;
  if (algorithm === 'shuangsuiji-draw') {
    problems.push({ file: recordFile, line: 0, code: 'RECORD_IS_DRAW', messageZh: '这是检查对象的抽取记录，请在“核验抽取”中核验', messageEn: 'this is a target draw record: check it under “Verify a draw”' });
    return problems.report();
  }
  if (algorithm !== 'shuangsuiji-match') {
    problems.push({ file: recordFile, line: 0, code: 'RECORD_UNKNOWN', messageZh: '不是 shuangsuiji 的抽取或匹配记录（缺少 algorithm 字段）', messageEn: 'not a shuangsuiji draw or match record (no known algorithm field)' });
    return problems.report();
  }
  const targetsFile = nameOf(args.targets, 'targets.json');
  const targets = await readJsonBlob(args.targets, problems, targetsFile);
  const factsFile = args.facts === undefined ? '' : nameOf(args.facts, 'facts.json');
  const facts = args.facts === undefined ? {} : await readJsonBlob(args.facts, problems, factsFile);
  if (problems.count === 0 && !Array.isArray(targets)) {
    problems.push({ file: targetsFile, line: 0, code: 'TARGETS_NOT_ARRAY', messageZh: '检查对象文件应为 JSON 数组', messageEn: 'the targets file must hold a JSON array' });
  }
  if (problems.count === 0 && (typeof facts !== 'object' || facts === null || Array.isArray(facts))) {
    problems.push({ file: factsFile, line: 0, code: 'FACTS_NOT_OBJECT', messageZh: '事实文件应为 JSON 对象', messageEn: 'the facts file must hold a JSON object' });
  }
  if (problems.count > 0) return problems.report();
  const reading = newReading();
  const inspectors: Inspector[] = [];
  for await (const inspector of registerRows(args.inspectors, 'inspector', problems, reading, (r) => progress(progressOf('read', 1, r)))) inspectors.push(inspector);
  if (problems.count > 0) return problems.report();
  let verdict: MatchVerification;
  try {
    verdict = verifyMatch(record as MatchRecord, targets as readonly MatchTarget[], inspectors, facts as MatchFacts);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    const head = error.path[0];
    const file = head === 'targets' ? targetsFile : head === 'inspectors' ? nameOf(args.inspectors, 'inspectors') : factsFile || recordFile;
    problems.push({ file, line: 0, code: error.code, messageZh: error.messageZh, messageEn: error.messageEn, path: error.path });
    return problems.report();
  }
  return { kind: 'verdict', verdict, record: record as MatchRecord, inspectors: inspectors.length, targets: (targets as readonly unknown[]).length, reading: summary(reading) };
}

/** A JSON file read with the command line's codes (for the record of 查询本单位 and the pictures). */
export async function readJsonOp(args: { readonly file: Blob }): Promise<ProblemReport | { readonly kind: 'json'; readonly value: unknown }> {
  const problems = new Problems();
  const value = await readJsonBlob(args.file, problems);
  return problems.count > 0 ? problems.report() : { kind: 'json', value };
}

/** 查询本单位: the published record and an entity's id (and fields) → `checkEntityOutcome`, with the record for the picture. */
export async function lookupOp(args: { readonly record: Blob; readonly query: EntityOutcomeQuery }): Promise<ProblemReport | { readonly kind: 'outcome'; readonly outcome: EntityOutcome; readonly record: DrawRecord }> {
  const problems = new Problems();
  const recordFile = nameOf(args.record, 'draw-record.json');
  const record = await readJsonBlob(args.record, problems, recordFile);
  if (problems.count > 0) return problems.report();
  const algorithm = typeof record === 'object' && record !== null ? (record as { algorithm?: unknown }).algorithm : undefined;
  if (algorithm !== 'shuangsuiji-draw') {
    problems.push({ file: recordFile, line: 0, code: 'RECORD_UNKNOWN', messageZh: '不是 shuangsuiji 的抽取记录（algorithm 应为 shuangsuiji-draw）', messageEn: 'not a shuangsuiji draw record (algorithm must be shuangsuiji-draw)' });
    return problems.report();
  }
  return { kind: 'outcome', outcome: checkEntityOutcome(record, args.query), record: record as DrawRecord };
}

/** One point class of the history picture: `n` entities expected `expected` times (to 0.01) and drawn `observed` times. */
export interface InclusionBin {
  readonly expected: number;
  readonly observed: number;
  readonly n: number;
}

/** The result of {@link historyOp}. */
export type HistoryAnswer =
  | ProblemReport
  | {
      readonly kind: 'history';
      readonly summaryZh: string;
      readonly summaryEn: string;
      readonly significantCount: number;
      readonly drawCount: number;
      readonly repeat: readonly { readonly category: string; readonly observed: number; readonly expected: number }[] | null;
      readonly bins: readonly InclusionBin[];
      readonly reading: ReadSummary;
    };

function auditEntity(e: Entity): AuditEntity {
  return {
    id: canonicalEntityId(e.id),
    ...(e.riskClass === undefined ? {} : { riskClass: e.riskClass }),
    ...(e.regionCode === undefined ? {} : { regionCode: e.regionCode }),
    ...(e.supervisingUnit === undefined ? {} : { supervisingUnit: e.supervisingUnit }),
    ...(e.industry === undefined ? {} : { industry: e.industry }),
    lists: e.lists,
    complaintCount: e.complaintCount,
  };
}

/**
 * 历史审计: several draw records over one register → `auditDrawHistory` (each draw's population is the register's
 * rows in its spec's population; the design is `statedDesignFromDrawSpec` of its spec), and per entity the times
 * drawn against the times expected (the sum of its inclusion probabilities, `computeInclusionProbabilities`).
 */
export async function historyOp(args: { readonly records: readonly Blob[]; readonly register: Blob }, progress: ProgressSink): Promise<HistoryAnswer> {
  const problems = new Problems();
  const records: DrawRecord[] = [];
  for (const blob of args.records) {
    const file = nameOf(blob, 'draw-record.json');
    const value = await readJsonBlob(blob, problems, file);
    if (value === undefined) continue;
    if ((value as { algorithm?: unknown } | null)?.algorithm !== 'shuangsuiji-draw') {
      problems.push({ file, line: 0, code: 'RECORD_UNKNOWN', messageZh: '不是 shuangsuiji 的抽取记录（algorithm 应为 shuangsuiji-draw）', messageEn: 'not a shuangsuiji draw record (algorithm must be shuangsuiji-draw)' });
      continue;
    }
    records.push(value as DrawRecord);
  }
  if (problems.count > 0) return problems.report();
  const reading = newReading();
  const entities: Entity[] = [];
  for await (const e of registerRows(args.register, 'entity', problems, reading, (r) => progress(progressOf('read', 1, r)))) entities.push(e);
  if (problems.count > 0) return problems.report();
  // Draws with one population share one snapshot.
  const snapshots: RegisterSnapshot[] = [];
  const snapshotOf = new Map<string, string>();
  const history: HistoryDraw[] = [];
  const expected = new Map<string, number>();
  const observed = new Map<string, number>();
  for (const record of records) {
    const key = JSON.stringify(record.spec.population);
    let id = snapshotOf.get(key);
    const population = entities.filter((e) => isInPopulation(e, record.spec.population)).map(auditEntity);
    if (id === undefined) {
      id = `S${snapshots.length + 1}`;
      snapshotOf.set(key, id);
      snapshots.push({ id, entities: population });
    }
    const design = statedDesignFromDrawSpec(record.spec);
    history.push({ label: record.label, snapshotId: id, design, selectedIds: record.selected.map((s) => s.id) });
    const probabilities = computeInclusionProbabilities(population, design, { replications: 200 });
    if (!probabilities.success) {
      for (const issue of probabilities.issues) problems.push({ file: record.label, line: 0, code: issue.code, messageZh: issue.messageZh, messageEn: issue.messageEn, path: issue.path });
      continue;
    }
    for (const p of probabilities.data.entities) expected.set(p.id, (expected.get(p.id) ?? 0) + p.probability);
    for (const s of record.selected) observed.set(s.id, (observed.get(s.id) ?? 0) + 1);
  }
  if (problems.count > 0) return problems.report();
  const audit = auditDrawHistory(history, snapshots, history[0]?.design ?? { ratio: 0 });
  if (!audit.success) {
    for (const issue of audit.issues) problems.push({ file: 'history', line: 0, code: issue.code, messageZh: issue.messageZh, messageEn: issue.messageEn, path: issue.path });
    return problems.report();
  }
  const bins = new Map<string, { expected: number; observed: number; n: number }>();
  for (const [id, e] of expected) {
    const x = Math.round(e * 100) / 100;
    const y = observed.get(id) ?? 0;
    const k = `${x}:${y}`;
    const bin = bins.get(k);
    if (bin === undefined) bins.set(k, { expected: x, observed: y, n: 1 });
    else bin.n++;
  }
  const repeat = audit.data.tests.find((test) => test.kind === 'repeat-distribution')?.effect.categories ?? null;
  return {
    kind: 'history',
    summaryZh: audit.data.summaryZh,
    summaryEn: audit.data.summaryEn,
    significantCount: audit.data.significantCount,
    drawCount: audit.data.drawCount,
    repeat: repeat === null ? null : repeat.map((c) => ({ category: c.category, observed: c.observed, expected: c.expected })),
    bins: [...bins.values()],
    reading: summary(reading),
  };
}
