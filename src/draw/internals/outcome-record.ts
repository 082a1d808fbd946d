/**
 * 查询本单位 (docs/spec.md §7.8), part 1: what a draw record says, checked as far as it can be without the register
 * or the history, and read into the facts an entity's verdict needs (per stratum: population, size, the drawn
 * units with their recomputed tickets, and the cut-off).
 */
import type { ErrorCode } from '../../error-code.js';
import { ShuangsuijiError, type IssuePath } from '../../errors.js';
import { idProblem } from '../../internals/canonical-row.js';
import { cmp, rat, ratString, type Rational } from '../../internals/rational.js';
import type { DrawRecord } from '../draw-record.js';
import type { NormalizedDrawSpec } from '../draw-spec.js';
import type { VerifyProvenance } from '../verify-result.js';
import { compareCodePoints, wordsHex } from './bytes.js';
import { TicketHasher, ticketPrefix } from './digest.js';
import { checkRecordFields, provenanceOf } from './verify.js';

/** 2^256: the size of the ticket space. */
export const TWO256 = 1n << 256n;

/** One drawn unit as the record lists it, its ticket recomputed and checked. */
export interface OutcomeEntry {
  readonly index: number;
  readonly id: string;
  readonly ticket: string;
  readonly t: bigint;
  readonly probability: Rational;
  readonly probabilityText: string;
}

/** The cut-off of a stratum: the last unit drawn by ticket (unweighted) or by Pareto key (weighted). */
export interface OutcomeCutoff {
  readonly entry: OutcomeEntry;
  /** The Pareto key as an exact fraction (weighted strata), else undefined. */
  readonly key: { readonly n: bigint; readonly d: bigint } | undefined;
}

/** One stratum of the record, with its drawn units. */
export interface OutcomeStratum {
  readonly index: number;
  readonly stratum: string | null;
  readonly population: number;
  readonly requested: number;
  readonly size: number;
  readonly certain: number;
  /** `m/W` (weighted draws), else null. */
  readonly scale: Rational | null;
  readonly entries: readonly OutcomeEntry[];
  /** Unweighted: the drawn unit with the largest (ticket, id); weighted: the non-certain drawn unit with the largest key. */
  readonly cutoff: OutcomeCutoff | undefined;
}

/** A record read for individual outcomes. */
export interface OutcomeRecord {
  readonly record: DrawRecord;
  readonly spec: NormalizedDrawSpec;
  readonly hasher: TicketHasher;
  readonly strata: readonly OutcomeStratum[];
  readonly byName: ReadonlyMap<string | null, OutcomeStratum>;
  readonly selected: ReadonlyMap<string, { readonly entry: OutcomeEntry; readonly stratum: OutcomeStratum }>;
  readonly provenance: VerifyProvenance;
}

/** Longest fraction text read from a record (a weight's λ may be a long exact fraction; a bound keeps BigInt work small). */
const MAX_FRACTION_TEXT = 20_000;

function refuse(code: ErrorCode, zh: string, en: string, path: IssuePath): never {
  throw new ShuangsuijiError(code, zh, en, { path, details: { path } });
}

/** A reduced fraction "num/den" with 0 ≤ num and 0 < den, as the draw writes it (§7.7), or undefined. */
export function readFraction(text: unknown): Rational | undefined {
  if (typeof text !== 'string' || text.length > MAX_FRACTION_TEXT) return undefined;
  const m = /^(0|[1-9][0-9]*)\/([1-9][0-9]*)$/.exec(text);
  if (m === null) return undefined;
  const r = rat(BigInt(m[1]!), BigInt(m[2]!));
  // Only the reduced form the draw writes: "2/4" is not a recorded probability.
  return ratString(r) === text ? r : undefined;
}

/** The Pareto key t·(b−a) / ((2^256−t)·a) of a unit with ticket t and 0 < λ = a/b < 1 (§7.4). */
export function paretoKey(t: bigint, lambda: Rational): { n: bigint; d: bigint } {
  return { n: t * (lambda.d - lambda.n), d: (TWO256 - t) * lambda.n };
}

/** Orders (key, ticket, id) as the draw does (§7.4: keys exactly by cross-multiplication, then ticket, then UTF-8 id). */
export function compareKeyed(a: { key: { n: bigint; d: bigint } | undefined; t: bigint; id: string }, b: { key: { n: bigint; d: bigint } | undefined; t: bigint; id: string }): number {
  if (a.key !== undefined && b.key !== undefined) {
    const l = a.key.n * b.key.d, r = b.key.n * a.key.d;
    if (l !== r) return l < r ? -1 : 1;
  }
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return compareCodePoints(a.id, b.id);
}

/**
 * Reads a record for individual outcomes. Throws, never answers from a record that is not one:
 * - steps 1–4 of verification (`checkRecordFields`): `RECORD_MALFORMED` (with `details.path`),
 *   `SEED_ORIGIN_MISMATCH`, `SEED_COMMITMENT_MISMATCH`;
 * - a value of the wrong form (an id that breaks §1.1 or is not in NFC, a ticket or row hash that is not 64
 *   lower-case hex, a probability or weight scale that is not a reduced fraction): `RECORD_MALFORMED`;
 * - strata that contradict the spec or each other (§7.8): `STRATA_DIFFER`;
 * - a drawn unit whose ticket is not the ticket of its id, out of order, in no stratum or with a probability its
 *   stratum cannot give: `SELECTION_DIFFERS`.
 */
export function readOutcomeRecord(record: unknown): OutcomeRecord {
  const own = checkRecordFields(record as DrawRecord);
  if (!('spec' in own)) {
    const details = own.ok ? {} : own.details;
    const path = Array.isArray(details['path']) ? (details['path'] as IssuePath) : [];
    const code = own.ok ? 'RECORD_MALFORMED' : own.code;
    throw new ShuangsuijiError(code, own.ok ? '' : own.messageZh, own.ok ? '' : own.messageEn, { path, details });
  }
  const r = record as DrawRecord;
  const { spec, seedBytes } = own;
  const stratified = spec.stratification !== undefined;
  const weighted = spec.weights !== undefined;

  // Counts of the population (§7.1): the strata add up to the eligible units not excluded.
  if (r.register.eligible > r.register.size) refuse('STRATA_DIFFER', '记录中符合条件的对象多于名录库行数', 'the record has more eligible entities than register rows', ['register', 'eligible']);
  if (r.exclusion.excluded > r.register.eligible) refuse('STRATA_DIFFER', '记录中去重排除的对象多于符合条件的对象', 'the record excludes more entities than are eligible', ['exclusion', 'excluded']);
  if (spec.exclusion === undefined && r.exclusion.excluded !== 0) refuse('STRATA_DIFFER', '抽取规则没有年度去重，记录却排除了对象', 'the spec has no exclusion, yet the record excludes entities', ['exclusion', 'excluded']);

  const strata: OutcomeStratum[] = [];
  const byName = new Map<string | null, OutcomeStratum>();
  const building: { st: OutcomeStratum; entries: OutcomeEntry[] }[] = [];
  if (!stratified && r.strata.length !== 1) refuse('STRATA_DIFFER', '不分层的抽取应恰有一层', 'an unstratified draw has exactly one stratum', ['strata']);
  let total = 0;
  for (let i = 0; i < r.strata.length; i++) {
    const s = r.strata[i]!;
    const at = (field: string): IssuePath => ['strata', i, field];
    if (!stratified && s.stratum !== null) refuse('STRATA_DIFFER', '不分层的抽取，层名应为 null', 'in an unstratified draw the stratum is null', at('stratum'));
    if (stratified) {
      if (s.stratum === null) refuse('STRATA_DIFFER', '分层抽取的层名应为字符串', 'in a stratified draw every stratum has a name', at('stratum'));
      const before = i > 0 ? r.strata[i - 1]!.stratum : null;
      if (before !== null && compareCodePoints(before, s.stratum) >= 0) refuse('STRATA_DIFFER', '各层应按层名的码位顺序排列且不重复', 'strata are listed once each, in code-point order of their names', at('stratum'));
    }
    if (s.size !== Math.min(s.requested, s.population)) refuse('STRATA_DIFFER', `第 ${i} 层的抽取数量应为要求数量与总体中较小者`, `stratum ${i}: the size drawn must be the smaller of the size asked for and the population`, at('size'));
    if (s.selected !== s.size) refuse('STRATA_DIFFER', `第 ${i} 层的抽中数量与抽取数量不同`, `stratum ${i}: the number drawn differs from its size`, at('selected'));
    let scale: Rational | null = null;
    if (!weighted) {
      if (s.weightScale !== null) refuse('STRATA_DIFFER', '不加权的抽取没有权重比例', 'an unweighted draw has no weight scale', at('weightScale'));
      if (s.certain !== 0) refuse('STRATA_DIFFER', '不加权的抽取没有必然入选的对象', 'an unweighted draw has no certainty units', at('certain'));
    } else {
      scale = readFraction(s.weightScale) ?? refuse('RECORD_MALFORMED', '权重比例须为约分后的分数 "分子/分母"', 'the weight scale must be a reduced fraction "num/den"', at('weightScale'));
      // §7.4: nothing is left to draw by key exactly when nothing or everything is drawn; then the scale is 0/1 and
      // every unit is certain (size = population) or none is drawn (size 0).
      const degenerate = s.size === 0 || s.size === s.population;
      if (degenerate !== (scale.n === 0n)) refuse('STRATA_DIFFER', `第 ${i} 层的权重比例与抽取数量不符`, `stratum ${i}: the weight scale does not fit the size drawn`, at('weightScale'));
      if (degenerate ? s.certain !== s.size : s.certain >= s.size) refuse('STRATA_DIFFER', `第 ${i} 层必然入选的数量与抽取数量不符`, `stratum ${i}: the number of certainty units does not fit the size drawn`, at('certain'));
    }
    total += s.population;
    const st: OutcomeStratum = { index: i, stratum: s.stratum, population: s.population, requested: s.requested, size: s.size, certain: s.certain, scale, entries: [], cutoff: undefined };
    building.push({ st, entries: [] });
    byName.set(s.stratum, st);
  }
  if (total !== r.register.eligible - r.exclusion.excluded) refuse('STRATA_DIFFER', '各层总体之和不等于符合条件且未被去重排除的对象数', 'the strata populations do not add up to the eligible entities not excluded', ['strata']);

  const hasher = new TicketHasher(ticketPrefix(seedBytes, spec.label));
  const selected = new Map<string, { entry: OutcomeEntry; stratum: OutcomeStratum }>();
  const slot = new Map(building.map((b) => [b.st.stratum, b]));
  let previous: OutcomeEntry | undefined;
  for (let i = 0; i < r.selected.length; i++) {
    const s = r.selected[i]!;
    const at = (field: string): IssuePath => ['selected', i, field];
    const problem = idProblem(s.id);
    if (problem !== undefined || s.id.normalize('NFC') !== s.id) refuse('RECORD_MALFORMED', `抽中名单第 ${i + 1} 位的标识无效（${problem?.zh ?? '不是 NFC 规范形式'}）`, `the id at position ${i + 1} of the drawn list is invalid (${problem?.en ?? 'not in NFC'})`, at('id'));
    if (!/^[0-9a-f]{64}$/.test(s.ticket)) refuse('RECORD_MALFORMED', `抽中名单第 ${i + 1} 位的号码须为 64 个小写十六进制字符`, `the ticket at position ${i + 1} must be 64 lower-case hex characters`, at('ticket'));
    if (!/^[0-9a-f]{64}$/.test(s.rowHash)) refuse('RECORD_MALFORMED', `抽中名单第 ${i + 1} 位的行哈希须为 64 个小写十六进制字符`, `the row hash at position ${i + 1} must be 64 lower-case hex characters`, at('rowHash'));
    const ticket = wordsHex(hasher.hash(s.id));
    if (ticket !== s.ticket) {
      throw new ShuangsuijiError('SELECTION_DIFFERS', `抽中名单第 ${i + 1} 位（${s.id}）的号码不是由记录的种子和抽取标识算出的号码：这份记录不可信`, `the ticket at position ${i + 1} (${s.id}) is not the ticket the record's seed and label give that id: this record cannot be trusted`, { path: at('ticket'), details: { path: at('ticket'), position: i, id: s.id, recorded: s.ticket, recomputed: ticket } });
    }
    const b = slot.get(s.stratum);
    if (b === undefined || (stratified && s.stratum === null)) refuse('SELECTION_DIFFERS', `抽中名单第 ${i + 1} 位的层不在记录的各层之中`, `the stratum at position ${i + 1} is not one of the record's strata`, at('stratum'));
    const probability = readFraction(s.inclusionProbability) ?? refuse('RECORD_MALFORMED', `抽中名单第 ${i + 1} 位的入选概率须为约分后的分数 "分子/分母"`, `the inclusion probability at position ${i + 1} must be a reduced fraction "num/den"`, at('inclusionProbability'));
    const st = b.st;
    const fits = weighted
      ? probability.n > 0n && probability.n <= probability.d
      : cmp(probability, rat(BigInt(st.size), BigInt(Math.max(1, st.population)))) === 0;
    if (!fits) refuse('SELECTION_DIFFERS', `抽中名单第 ${i + 1} 位的入选概率不是其所在层能给出的`, `the inclusion probability at position ${i + 1} is not one its stratum can give`, at('inclusionProbability'));
    const entry: OutcomeEntry = { index: i, id: s.id, ticket, t: BigInt(`0x${ticket}`), probability, probabilityText: s.inclusionProbability };
    // §7.6: listed in ascending (ticket, UTF-8 id); a repeated id repeats its ticket and is caught here too.
    if (previous !== undefined && compareKeyed({ key: undefined, t: previous.t, id: previous.id }, { key: undefined, t: entry.t, id: entry.id }) >= 0) {
      refuse('SELECTION_DIFFERS', `抽中名单第 ${i + 1} 位未按号码从小到大排列（或标识重复）`, `the drawn list is not in ascending ticket order at position ${i + 1} (or an id is repeated)`, ['selected', i]);
    }
    previous = entry;
    b.entries.push(entry);
    selected.set(entry.id, { entry, stratum: st });
  }
  for (const b of building) {
    const s = b.st;
    if (b.entries.length !== s.size) refuse('STRATA_DIFFER', `第 ${s.index} 层记录抽中 ${s.size} 个，名单中却有 ${b.entries.length} 个`, `stratum ${s.index} records ${s.size} drawn, the list holds ${b.entries.length}`, ['strata', s.index, 'selected']);
    let cutoff: OutcomeCutoff | undefined;
    if (weighted) {
      const certain = b.entries.filter((e) => e.probability.n === e.probability.d).length;
      if (certain !== s.certain) refuse('STRATA_DIFFER', `第 ${s.index} 层记录必然入选 ${s.certain} 个，名单中入选概率为 1 的却有 ${certain} 个`, `stratum ${s.index} records ${s.certain} certainty units, the list holds ${certain} with probability 1`, ['strata', s.index, 'certain']);
      for (const e of b.entries) {
        if (e.probability.n === e.probability.d) continue;
        const key = paretoKey(e.t, e.probability);
        if (cutoff === undefined || compareKeyed({ key, t: e.t, id: e.id }, { key: cutoff.key, t: cutoff.entry.t, id: cutoff.entry.id }) > 0) cutoff = { entry: e, key };
      }
    } else if (b.entries.length > 0) {
      // Listed in ascending order: the last of the stratum is its cut-off.
      cutoff = { entry: b.entries[b.entries.length - 1]!, key: undefined };
    }
    const done: OutcomeStratum = { ...s, entries: b.entries, cutoff };
    strata.push(done);
    byName.set(s.stratum, done);
  }
  for (const [id, v] of selected) selected.set(id, { entry: v.entry, stratum: byName.get(v.stratum.stratum)! });
  return { record: r, spec, hasher, strata, byName, selected, provenance: provenanceOf(r) };
}
