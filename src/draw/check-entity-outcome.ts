import { isShuangsuijiError, ShuangsuijiError } from '../errors.js';
import { canonicalIdOrThrow, canonicalRow, type CanonicalRow } from '../internals/canonical-row.js';
import { compareCodePoints } from '../internals/compare.js';
import type { Rational } from '../internals/rational.js';
import { compilePopulation, compileWeights } from './internals/plan.js';
import { wordsHex } from './internals/bytes.js';
import { ticketFraction } from './internals/outcome-numbers.js';
import { readOutcomeRecord, type OutcomeStratum } from './internals/outcome-record.js';
import { stratumLabel, stratumVerdict, type OutcomeSubject, type VerdictText } from './internals/outcome-verdict.js';
import type { VerifyProvenance } from './verify-result.js';

/**
 * 查询本单位 — what an entity asks: its id, and optionally its own register row.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const query: EntityOutcomeQuery = { id: '91350100M000100Y43', entity: { kind: 'enterprise', status: 'active', riskClass: 'C', lists: [], tags: [], complaintCount: 2 } };
 * ```
 */
export interface EntityOutcomeQuery {
  /** The entity's id as it appears in registers (统一社会信用代码 or other id); canonicalised by the draw's id rule. */
  readonly id: string;
  /**
   * Optional: the entity's own fields the spec reads, as one row of the entity register (docs/spec.md §1.4:
   * `kind`, `status`, `lists`, `tags`, `complaintCount` required; `riskClass`, `industry`, `regionCode` … as held).
   * `id` may be left out (the query's is used); if given it must be the same id. Needed to name its stratum
   * (stratified draws), its weight (risk-weighted draws) and whether it is in the population.
   */
  readonly entity?: Readonly<Record<string, unknown>>;
}

/**
 * The verdict for one stratum (docs/spec.md §7.8): `selected` — on the list; `not-selected` — its ticket (weighted:
 * its Pareto key) is past the stratum's cut-off, so it was rightly not drawn; `must-have-been-selected` — had it
 * been in the stratum's population it would have been drawn, so either it was not (ineligible, excluded by
 * history, not in the register) or the record is wrong; `none-selected` — nothing was drawn in the stratum;
 * `entity-fields-needed` — a weighted draw needs the entity's fields to decide.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const worry = (v: EntityOutcomeVerdict): boolean => v === 'must-have-been-selected';
 * ```
 */
export type EntityOutcomeVerdict = 'selected' | 'not-selected' | 'must-have-been-selected' | 'none-selected' | 'entity-fields-needed';

/**
 * 查询本单位 — the outcome in one stratum, with the numbers behind it and a plain explanation.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function line(s: StratumOutcome): string { return `${s.stratum ?? '全部'}: ${s.verdict} — ${s.explanationZh}`; }
 * ```
 */
export interface StratumOutcome {
  /** Stratum name (`""` = entities lacking the field), or null when the draw is not stratified. */
  readonly stratum: string | null;
  readonly verdict: EntityOutcomeVerdict;
  /**
   * The ticket of the stratum's cut-off unit (64 hex): unweighted, the largest ticket drawn; weighted, the ticket of
   * the non-certain unit drawn with the largest Pareto key. Null when nothing was drawn (or, weighted, all were certain).
   */
  readonly cutoffTicket: string | null;
  /** The entity's inclusion probability `"num/den"` in this stratum when known (weighted: needs its fields). */
  readonly inclusionProbability: string | null;
  /** 中文说明, in plain words, with the numbers. */
  readonly explanationZh: string;
  /** The same in English. */
  readonly explanationEn: string;
  /** Units of the stratum's population, as recorded (0 for a stratum the record does not list). */
  readonly population: number;
  /** Units drawn in the stratum, as recorded. */
  readonly size: number;
  /** The id of the cut-off unit (see `cutoffTicket`). */
  readonly cutoffId: string | null;
  /** The entity's ticket over 2^256 ("0.xxxxxx"), with enough digits to tell it from `cutoffFraction`. For display. */
  readonly ticketFraction: string;
  /** The cut-off ticket over 2^256, with as many digits as `ticketFraction`. For display. */
  readonly cutoffFraction: string | null;
  /** The entity's weight `"num/den"` by the spec's rule (weighted draws, `entity` given), else null. */
  readonly weight: string | null;
  /** The entity's Pareto key (ranking value), 4 significant digits, weighted draws only. For display: verdicts compare exactly. */
  readonly paretoKey: string | null;
  /** The cut-off unit's Pareto key, 4 significant digits, weighted draws only. For display. */
  readonly cutoffParetoKey: string | null;
}

/**
 * 查询本单位 — the answer to one entity, from a published draw record alone.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * function show(o: EntityOutcome): string { return `${o.id} ${o.selected ? '被抽中' : '未被抽中'}：${o.summaryZh}`; }
 * ```
 */
export interface EntityOutcome {
  /** The canonical id (NFC). */
  readonly id: string;
  /** Its ticket, 64 lower-case hex, recomputed from the record's seed and label (docs/spec.md §3). */
  readonly ticket: string;
  /** Its ticket over 2^256, six decimals ("0.731204"): where it falls in the range of all tickets. For display. */
  readonly ticketFraction: string;
  /** Whether the record lists it as drawn. */
  readonly selected: boolean;
  /** The entity's stratum when known (drawn, or stratified with `entity` given), else every stratum of the record. */
  readonly strata: readonly StratumOutcome[];
  /** Plain words, e.g. "您的号码大于本层最后一个入选号码，因此未被抽中（…）". */
  readonly summaryZh: string;
  /** The same in English. */
  readonly summaryEn: string;
  /** The draw's stratification field, or null when not stratified. */
  readonly stratifiedBy: string | null;
  /** Whether the draw is risk-weighted. */
  readonly weighted: boolean;
  /** Whether `entity`'s status and fields meet the population (statuses and directed filter); null without `entity`. */
  readonly eligible: boolean | null;
  /**
   * Whether annual de-duplication may have excluded the entity: the record excluded some entities and (with `entity`)
   * the exclusion covers its risk class. Which ones cannot be told without the inspection history.
   */
  readonly mayHaveBeenExcluded: boolean;
  /** What was checked about the seed (as {@link verifyDraw} reports it): its origin recomputed, its commitment. */
  readonly provenance: VerifyProvenance;
}

const QUERY_KEYS = ['entity', 'id'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The entity's row by the one row rule (§1.4), errors re-addressed to `['query', 'entity', …]`. */
function queryRow(entity: unknown, id: string): CanonicalRow {
  let raw: unknown = entity;
  if (isPlainObject(entity)) {
    const own = Object.hasOwn(entity, 'id') ? entity['id'] : undefined;
    if (own !== undefined) {
      const same = canonicalIdOrThrow(own, ['query', 'entity', 'id']);
      if (same !== id) throw new ShuangsuijiError('INVALID_ARGUMENT', `单位信息中的标识 ${same} 与查询的标识 ${id} 不同`, `the entity's id ${same} differs from the id asked about, ${id}`, { path: ['query', 'entity', 'id'] });
    }
    // A copy: every field read once, the id filled in when left out.
    raw = { ...entity, id };
  }
  try {
    return canonicalRow(raw, 0);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    const zh = error.messageZh.replace(/^第 0 行(的 )?/, '单位信息'), en = error.messageEn.replace(/^row 0(, )?/, 'the entity: ');
    throw new ShuangsuijiError(error.code, zh, en, { path: ['query', 'entity', ...error.path.slice(1)] });
  }
}

/**
 * 查询本单位（个体可核验）— an entity checks, from the published draw record alone (no register), whether it was
 * drawn and, if not, whether it should have been: its ticket, its stratum's cut-off and the verdict in plain
 * Chinese and English ("您的号码大于本层最后一个入选号码，因此未被抽中"). Any entity can thus see that it was not
 * skipped or singled out. Rules: docs/spec.md §7.8.
 *
 * The record is checked first as far as it can be without the register: verification steps 1–4 (shape, seed from
 * its origin, commitment, spec and label), then every drawn unit's ticket recomputed from its id, the order of the
 * list and the strata counts. A record that fails is never answered from: it throws `RECORD_MALFORMED` (with
 * `details.path`), `SEED_ORIGIN_MISMATCH`, `SEED_COMMITMENT_MISMATCH`, `STRATA_DIFFER` or `SELECTION_DIFFERS` (e.g.
 * a listed ticket that is not its id's ticket). A bad query throws `INVALID_ARGUMENT` (path `['query', …]`),
 * `INVALID_ID` (`['query', 'id']`) or `INVALID_ENTITY` (`['query', 'entity', field]`).
 *
 * What the answer cannot know without the register and the history: whether the entity was in the population
 * (with `entity` it says whether its fields are eligible; exclusion by history it cannot check). A
 * `must-have-been-selected` verdict therefore says "either you were not in the population, or this record is
 * wrong"; `verifyDraw` with the register tells which.
 *
 * @param record - 抽取记录: the published draw record (plain JSON, as `drawTargets` returns it in `record`)
 * @param query - 查询: the entity's id and, optionally, its own register row ({@link EntityOutcomeQuery})
 * @throws {@link ShuangsuijiError} with a code of {@link EntityOutcomeErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const register = ['E1', 'E2', 'E3', 'E4'].map((id) => ({ id, name: `示例企业${id}`, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0 }));
 * const { record, selected } = drawTargets(register, { label: '2025-第一批', size: { count: 2 } }, { seed: seedFromDice('12345678901234567890') });
 * console.log(checkEntityOutcome(record, { id: selected[0]!.id }).strata[0]!.verdict); // 'selected'
 * const other = register.find((e) => !selected.some((s) => s.id === e.id))!;
 * const answer = checkEntityOutcome(record, { id: other.id });
 * console.log(answer.strata[0]!.verdict, answer.summaryZh); // 'not-selected' 您的号码大于本次抽取最后一个入选号码，因此未被抽中（……）
 * ```
 */
export function checkEntityOutcome(record: unknown, query: EntityOutcomeQuery): EntityOutcome {
  const rec = readOutcomeRecord(record);
  if (!isPlainObject(query)) throw new ShuangsuijiError('INVALID_ARGUMENT', '查询须为对象 { id, entity? }', 'the query must be an object { id, entity? }', { path: ['query'] });
  for (const key of Object.keys(query).sort(compareCodePoints)) {
    if (!QUERY_KEYS.includes(key)) throw new ShuangsuijiError('INVALID_ARGUMENT', `查询含未知字段 ${key}`, `unknown key ${key} in the query`, { path: ['query', key] });
  }
  const id = canonicalIdOrThrow(Object.hasOwn(query, 'id') ? query.id : undefined, ['query', 'id']);
  const entity = Object.hasOwn(query, 'entity') ? query.entity : undefined;
  const row = entity === undefined ? undefined : queryRow(entity, id);

  const { spec } = rec;
  const field = spec.stratification?.field;
  const ticket = wordsHex(rec.hasher.hash(id));
  const t = BigInt(`0x${ticket}`);

  // What the entity's own fields say: eligibility (§7.1), stratum (§7.3), weight (§7.4) — the draw's own compiled rules.
  let eligible: boolean | undefined, ineligibleZh = '', ineligibleEn = '';
  let weight: Rational | undefined, ownStratum: string | undefined;
  if (row !== undefined) {
    eligible = compilePopulation(spec.population)(row);
    if (!eligible) {
      const statuses = spec.population.statuses as readonly string[];
      if (!statuses.includes(row.status)) {
        ineligibleZh = `登记状态为 ${row.status}，本次只抽取登记状态为 ${statuses.join('、')} 的对象`;
        ineligibleEn = `status ${row.status}; this draw takes only ${statuses.join(', ')}`;
      } else {
        ineligibleZh = '不符合本次的定向抽查条件';
        ineligibleEn = "the directed conditions of this draw are not met";
      }
    }
    if (spec.weights !== undefined) weight = compileWeights(spec.weights)(row);
    if (field !== undefined) ownStratum = row[field] ?? '';
  }
  const x = spec.exclusion;
  const mayHaveBeenExcluded = x !== undefined && rec.record.exclusion.excluded > 0 && eligible !== false
    && (x.riskClasses === undefined || x.riskClasses === 'all' || row === undefined || (row.riskClass !== undefined && x.riskClasses.includes(row.riskClass as never)));
  const subject: OutcomeSubject = { id, ticket, t, ownStratum, weight, eligible, ineligibleZh, ineligibleEn, mayHaveBeenExcluded };

  const drawn = rec.selected.get(id);
  let answers: VerdictText[];
  if (drawn !== undefined) answers = [stratumVerdict(rec, drawn.stratum, subject, true)];
  else if (ownStratum !== undefined) {
    const st: OutcomeStratum = rec.byName.get(ownStratum) ?? { index: -1, stratum: ownStratum, population: 0, requested: 0, size: 0, certain: 0, scale: null, entries: [], cutoff: undefined };
    answers = [stratumVerdict(rec, st, subject, false)];
  } else answers = rec.strata.map((st) => stratumVerdict(rec, st, subject, false));

  const ticketShown = ticketFraction(t, 6);
  let summaryZh: string, summaryEn: string;
  if (answers.length === 1) {
    summaryZh = answers[0]!.outcome.explanationZh;
    summaryEn = answers[0]!.outcome.explanationEn;
  } else {
    const lines = answers.map((a) => ({ zh: `${stratumLabel(rec, a.outcome.stratum).zh}：${a.shortZh}`, en: `${stratumLabel(rec, a.outcome.stratum).en}: ${a.shortEn}` }));
    summaryZh = `您未被抽中（抽中名单中没有您的标识，您的号码为 ${ticketShown}）。本次抽取按 ${field ?? ''} 分层，没有您的信息就不知道您属于哪一层，以下按层说明，请看您所在的那一层：${lines.map((l) => l.zh).join('；') || '记录中没有任何一层'}。`;
    summaryEn = `You were not drawn (your id is not on the list; your ticket is ${ticketShown}). This draw is stratified by ${field ?? ''}; without your fields it is not known which stratum is yours, so here is each — read yours: ${lines.map((l) => l.en).join('; ') || 'the record has no stratum'}.`;
  }
  // What the entity's own fields add, when they were given and the verdict does not already say it.
  const verdicts = answers.map((a) => a.outcome.verdict);
  if (eligible === false && !verdicts.includes('must-have-been-selected')) {
    summaryZh += `按您提供的信息，您不在本次抽取范围内（${ineligibleZh}）${drawn === undefined ? '，本来就不会被抽中' : '，与记录不符：抽取后您的信息可能有变动'}。`;
    summaryEn += ` By the fields you gave, you are outside this draw's population (${ineligibleEn})${drawn === undefined ? ', so you could not have been drawn' : ', unlike the record: your fields may have changed since the draw'}.`;
  } else if (eligible === true && drawn === undefined && !verdicts.includes('must-have-been-selected')) {
    summaryZh += `按您提供的信息，您属于本次抽取范围${mayHaveBeenExcluded ? `；本次按年度去重排除了 ${rec.record.exclusion.excluded} 个对象，没有往期检查记录，这里无法核对您是否在其中` : ''}。`;
    summaryEn += ` By the fields you gave, you are within this draw's population${mayHaveBeenExcluded ? `; annual de-duplication excluded ${rec.record.exclusion.excluded} entities, and without the inspection history it cannot be checked here whether you were one of them` : ''}.`;
  }
  return {
    id,
    ticket,
    ticketFraction: ticketShown,
    selected: drawn !== undefined,
    strata: answers.map((a) => a.outcome),
    summaryZh,
    summaryEn,
    stratifiedBy: field ?? null,
    weighted: spec.weights !== undefined,
    eligible: eligible ?? null,
    mayHaveBeenExcluded,
    provenance: rec.provenance,
  };
}
