/**
 * Shards (docs/spec.md §13): summaries of parts of a register, their merge, the plan of round 2 and the finish.
 * Every decision is the engine's (planStrata, cmpCand, buildResult); this file only writes, reads and checks the
 * plain-JSON summaries and adds them up.
 */
import { isShuangsuijiError, ShuangsuijiError } from '../../errors.js';
import { canonicalRow, KIND_VALUES, RISK_CLASS_VALUES, STATUS_VALUES, utf8LengthChecked, type CanonicalRow } from '../../internals/canonical-row.js';
import { rat, ratString, type Rational } from '../../internals/rational.js';
import type { Entity } from '../../models/entity.js';
import type { AsyncRegisterSource, RegisterSource } from '../draw-options.js';
import type { DrawResult } from '../draw-record.js';
import type { DrawSpec, NormalizedDrawSpec } from '../draw-spec.js';
import type { ShardCandidate, ShardCandidatesSummary, ShardCountsSummary, ShardDrawBinding, ShardOptions, ShardPlan, ShardSummary } from '../shard-summary.js';
import { checkSeedCommitment } from '../check-seed-commitment.js';
import { compareCodePoints, hex32, wordsHex } from './bytes.js';
import { digestOfSum, RegisterAccumulator, rowHashHex, TicketHasher, ticketPrefix } from './digest.js';
import { prepareDraw, readAsync, readSync } from './drive.js';
import { ALL, buildResult, cmpCand, cmpTicket, DrawEngine, needsCounts, planStrata, ticketBig, type Cand, type RecordHead, type RoundState, type StratumCounts, type StratumPlan } from './engine.js';
import { compilePopulation, compileWeights, normalizeSpec } from './plan.js';
import { readSeed } from './seed.js';
import { firstJsonDifference } from './verify.js';

type Path = readonly (string | number)[];
type Code = 'INVALID_SHARD_SUMMARY' | 'INVALID_SHARD_PLAN';

const FORMAT = 'shuangsuiji-shard-summary';
const PLAN_FORMAT = 'shuangsuiji-shard-plan';
const TWO256 = 1n << 256n;
const TWO32 = 4294967296;
/** Deepest nesting a summary may have (a spec nests at most 32 levels below `draw.spec`). */
const MAX_DEPTH = 48;

// ---------------------------------------------------------------------------------------------------------------
// The parsed (checked) form of a summary

/** A draw binding, checked, with what reading candidates needs. */
interface Binding {
  readonly json: ShardDrawBinding;
  readonly text: string;
  readonly spec: NormalizedDrawSpec;
  readonly twoPass: boolean;
  readonly head: RecordHead;
  readonly prefix: ReturnType<typeof ticketPrefix>;
  readonly inPopulation: (e: CanonicalRow) => boolean;
  readonly weightOf: ((e: CanonicalRow) => Rational) | undefined;
}

interface PStratum {
  readonly key: string;
  population: number;
  readonly weights: Map<string, { readonly w: Rational; count: number }>;
  certain: Cand[];
  kept: Cand[];
}

interface Parsed {
  readonly round: 'counts' | 'candidates';
  readonly binding: Binding;
  readonly plan: PPlan | null;
  readonly sum: number[] | null;
  readonly size: number;
  readonly eligible: number;
  readonly excluded: number;
  /** Code-point order of keys. */
  readonly strata: readonly PStratum[];
}

interface PPlan {
  readonly json: ShardPlan;
  readonly text: string;
  readonly counts: Parsed;
  readonly entries: readonly StratumPlan[];
  readonly byKey: ReadonlyMap<string, StratumPlan>;
}

/** Summaries and plans this module wrote (deep-frozen), with their parsed form: read again without re-checking. */
const written = new WeakMap<object, Parsed | PPlan>();

// ---------------------------------------------------------------------------------------------------------------
// Small checks

function bad(code: Code, at: Path, zh: string, en: string, details?: Record<string, unknown>): never {
  const what = code === 'INVALID_SHARD_PLAN' ? ['分片计划', 'shard plan'] : ['分片摘要', 'shard summary'];
  throw new ShuangsuijiError(code, `${what[0]}无效：${zh}`, `invalid ${what[1]}: ${en}`, details === undefined ? { path: at } : { path: at, details });
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Plain JSON only (null, booleans, finite numbers, well-formed strings, dense arrays, plain objects), bounded depth. */
function checkPlain(code: Code, value: unknown, at: Path): void {
  // Paths are built only for a refusal: each node keeps its parent and key (summaries hold many rows).
  interface Node { readonly v: unknown; readonly parent: Node | undefined; readonly key: string | number | undefined; readonly depth: number }
  const where = (n: Node, extra?: string | number): Path => {
    const keys: (string | number)[] = extra === undefined ? [] : [extra];
    for (let x: Node | undefined = n; x !== undefined && x.key !== undefined; x = x.parent) keys.push(x.key);
    return [...at, ...keys.reverse()];
  };
  const stack: Node[] = [{ v: value, parent: undefined, key: undefined, depth: 0 }];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const v = n.v;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') { if (!Number.isFinite(v)) bad(code, where(n), '数值须为有限数', 'a number must be finite'); continue; }
    if (typeof v === 'string') { if (utf8LengthChecked(v) < 0) bad(code, where(n), '字符串含不成对的代理项', 'a string contains a lone surrogate'); continue; }
    if (typeof v !== 'object') bad(code, where(n), `值须为 JSON，收到 ${typeof v}`, `a value must be JSON; received ${typeof v}`);
    if (n.depth >= MAX_DEPTH) bad(code, where(n), `嵌套超过 ${MAX_DEPTH} 层`, `nested more than ${MAX_DEPTH} levels deep`);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        if (!(i in v)) bad(code, where(n, i), '数组元素缺失', 'an array element is missing');
        stack.push({ v: v[i], parent: n, key: i, depth: n.depth + 1 });
      }
      continue;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) bad(code, where(n), '值须为普通对象', 'a value must be a plain object');
    const keys = Object.keys(v);
    // Code-point order only matters for which problem is reported first; sort only small objects' keys cheaply.
    if (keys.length > 1) keys.sort(compareCodePoints);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      if (utf8LengthChecked(k) < 0) bad(code, where(n, k), '字段名含不成对的代理项', 'a key contains a lone surrogate');
      stack.push({ v: (v as Record<string, unknown>)[k], parent: n, key: k, depth: n.depth + 1 });
    }
  }
}

/** An object with exactly `keys` (an unknown key first, in code-point order, then a missing one). */
function exactKeys(code: Code, v: unknown, keys: readonly string[], at: Path): Record<string, unknown> {
  if (!isObj(v)) bad(code, at, '须为对象', 'must be an object');
  for (const k of Object.keys(v).sort(compareCodePoints)) if (!keys.includes(k)) bad(code, [...at, k], `含未知字段 ${k}`, `unknown key ${k}`);
  for (const k of keys) if (!Object.hasOwn(v, k)) bad(code, [...at, k], `缺少字段 ${k}`, `the field ${k} is missing`);
  return v;
}

function count(code: Code, v: unknown, at: Path, min = 0): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) bad(code, at, `须为不小于 ${min} 的整数`, `must be an integer ≥ ${min}`);
  return v;
}

const HEX64 = /^[0-9a-f]{64}$/;
/** 64 lower-case hex characters at `at` + `key` (the path is built only for a refusal). */
function hex64(code: Code, v: unknown, at: Path, key?: string): string {
  if (typeof v !== 'string' || !HEX64.test(v)) bad(code, key === undefined ? at : [...at, key], '须为 64 个小写十六进制字符', 'must be 64 lower-case hex characters');
  return v;
}

function array(code: Code, v: unknown, at: Path): readonly unknown[] {
  if (!Array.isArray(v)) bad(code, at, '须为数组', 'must be an array');
  return v;
}

/** 512 lower-case hex characters → the 64 words of A. */
function readSum(code: Code, v: unknown, at: Path): number[] {
  if (typeof v !== 'string' || !/^[0-9a-f]{512}$/.test(v)) bad(code, at, '累加值须为 512 个小写十六进制字符（2048 位）', 'the accumulator must be 512 lower-case hex characters (2048 bits)');
  const out: number[] = [];
  for (let i = 0; i < 64; i++) out.push(parseInt(v.slice(8 * i, 8 * i + 8), 16));
  return out;
}

function sumHex(words: readonly number[]): string {
  let s = '';
  for (const w of words) s += w.toString(16).padStart(8, '0');
  return s;
}

/** A + B mod 2^2048 (64 big-endian 32-bit words each). */
function addSums(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(64);
  let carry = 0;
  for (let i = 63; i >= 0; i--) {
    const v = a[i]! + b[i]! + carry;
    carry = v >= TWO32 ? 1 : 0;
    out[i] = v - carry * TWO32;
  }
  return out;
}

function addCounts(code: Code, a: number, b: number, at: Path): number {
  const s = a + b;
  if (!Number.isSafeInteger(s)) bad(code, at, '合计超过 2^53 − 1', 'the total exceeds 2^53 − 1');
  return s;
}

/** A canonical positive weight "n/d" (lowest terms, as the engine writes it). */
function readWeight(code: Code, v: unknown, at: Path): Rational {
  const m = typeof v === 'string' ? /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(v) : null;
  const r = m === null ? undefined : rat(BigInt(m[1]!), BigInt(m[2]!));
  if (r === undefined || ratString(r) !== v) bad(code, at, '权重须为最简分数 "分子/分母"', 'a weight must be a reduced fraction "num/den"');
  return r;
}

function stratumName(key: string): string | null {
  return key === ALL ? null : key;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Binding

function makeBinding(json: ShardDrawBinding, spec: NormalizedDrawSpec, seed: Uint8Array): Binding {
  return {
    json, text: JSON.stringify(json), spec, twoPass: needsCounts(spec),
    head: { spec, seedHex: json.seed, seedOrigin: json.seedOrigin, seedCommitment: json.seedCommitment, historyDigest: json.history.digest, historySize: json.history.size },
    prefix: ticketPrefix(seed, spec.label),
    inPopulation: compilePopulation(spec.population),
    weightOf: spec.weights === undefined ? undefined : compileWeights(spec.weights),
  };
}

/** The binding a part's engine writes. */
function engineBinding(engine: DrawEngine, seed: Uint8Array): Binding {
  const h = engine.head;
  const json = JSON.parse(JSON.stringify({ seed: h.seedHex, seedOrigin: h.seedOrigin, seedCommitment: h.seedCommitment, spec: h.spec, history: { digest: h.historyDigest, size: h.historySize } })) as ShardDrawBinding;
  return makeBinding(json, engine.spec, seed);
}

function readBinding(code: Code, v: unknown, at: Path): Binding {
  const o = exactKeys(code, v, ['seed', 'seedOrigin', 'seedCommitment', 'spec', 'history'], at);
  const seedHex = hex64(code, o['seed'], [...at, 'seed']);
  const origin = o['seedOrigin'];
  if (origin !== null) {
    try { readSeed({ seed: seedHex, origin }); } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      bad(code, [...at, 'seedOrigin', ...error.path.filter((p) => p !== 'seed')], `种子来源不符：${error.messageZh}`, `the seed origin does not hold: ${error.messageEn}`);
    }
  }
  const commitment = o['seedCommitment'];
  if (commitment !== null) {
    const c = exactKeys(code, commitment, ['hash', 'salt'], [...at, 'seedCommitment']);
    hex64(code, c['hash'], [...at, 'seedCommitment', 'hash']);
    if (typeof c['salt'] !== 'string') bad(code, [...at, 'seedCommitment', 'salt'], 'salt 须为字符串', 'the salt must be a string');
    if (!checkSeedCommitment(seedHex, c['hash'] as string, { salt: c['salt'] })) bad(code, [...at, 'seedCommitment'], '种子与承诺值不符', 'the seed does not match the commitment');
  }
  let spec: NormalizedDrawSpec;
  try { spec = normalizeSpec(o['spec'] as DrawSpec); } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    bad(code, [...at, 'spec', ...error.path], `抽取规则无效：${error.messageZh}`, `the spec is invalid: ${error.messageEn}`);
  }
  if (JSON.stringify(spec) !== JSON.stringify(o['spec'])) bad(code, [...at, 'spec', ...(firstJsonDifference(o['spec'], JSON.parse(JSON.stringify(spec))) ?? [])], '抽取规则不是规范化形式', 'the spec is not in normalised form');
  const history = exactKeys(code, o['history'], ['digest', 'size'], [...at, 'history']);
  hex64(code, history['digest'], [...at, 'history', 'digest']);
  count(code, history['size'], [...at, 'history', 'size']);
  // A copy: outputs never share (or freeze) the caller's objects.
  return makeBinding(JSON.parse(JSON.stringify(o)) as ShardDrawBinding, spec, hex32(seedHex)!);
}

function mismatch(at: Path, a: unknown, b: unknown, what: [string, string]): never {
  const diff = firstJsonDifference(a, b);
  throw new ShuangsuijiError('SHARD_MISMATCH', `分片摘要不属于同一次抽取：${what[0]}不同`, `the shard summaries are not of one draw: the ${what[1]} differ`, { path: [...at, ...(diff ?? [])] });
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates

function stratumKeyOf(spec: NormalizedDrawSpec, row: CanonicalRow): string {
  const s = spec.stratification;
  return s === undefined ? ALL : row[s.field] ?? '';
}

/** A candidate as the engine holds it, from its JSON (checked: ticket, row hash, population, stratum, weight). */
function readCandidate(code: Code, b: Binding, hasher: TicketHasher, hashes: RegisterAccumulator, v: unknown, at: Path, key: string, plan: StratumPlan | undefined, certain: boolean): Cand {
  const o = exactKeys(code, v, ['id', 'ticket', 'rowHash', 'entity'], at);
  if (typeof o['id'] !== 'string') bad(code, [...at, 'id'], '标识须为字符串', 'the id must be a string');
  const ticket = hex64(code, o['ticket'], at, 'ticket');
  const rowHash = hex64(code, o['rowHash'], at, 'rowHash');
  if (!isObj(o['entity'])) bad(code, [...at, 'entity'], '须为对象', 'must be an object');
  // A copy: the result never shares objects with an input that its caller may change later.
  const entity = JSON.parse(JSON.stringify(o['entity'])) as Entity;
  let row: CanonicalRow;
  try { row = canonicalRow(entity, 0); } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    bad(code, [...at, 'entity', ...error.path.slice(1)], `行无效：${error.messageZh}`, `the row is invalid: ${error.messageEn}`);
  }
  if (row.id !== o['id']) bad(code, [...at, 'id'], '标识不是该行的规范化标识', 'the id is not the canonical id of the row');
  const t = hasher.hash(row.id).slice();
  if (wordsHex(t) !== ticket) bad(code, [...at, 'ticket'], '签号与按种子和标识重新计算的不同', 'the ticket differs from the one recomputed from the seed and id');
  if (hashes.rowHashHex(row) !== rowHash) bad(code, [...at, 'rowHash'], '行摘要与该行重新计算的不同', 'the row hash differs from the one recomputed from the row');
  if (!b.inPopulation(row)) bad(code, [...at, 'entity'], '该行不在抽取范围内（状态或定向条件）', 'the row is not in the population (status or filter)');
  if (stratumKeyOf(b.spec, row) !== key) bad(code, [...at, 'entity'], '该行不属于所列的层', 'the row is not of the stratum it is listed under');
  let lambda: Rational | undefined;
  let kn = 0n, kd = 1n;
  if (b.weightOf !== undefined) {
    lambda = plan?.lambdaFor.get(ratString(b.weightOf(row)));
    if (lambda === undefined) bad(code, [...at, 'entity'], '该行的权重不在计数中', 'the weight of the row is not among the counts');
    const isCertain = lambda.n === lambda.d;
    if (lambda.n === 0n || isCertain !== certain) bad(code, at, certain ? '该行不是必选单位（λ ≠ 1）' : '该行的入样概率 λ 为 0 或 1，不能作为候选', certain ? 'the row is not a certainty unit (λ ≠ 1)' : 'the row has λ 0 or 1 and cannot be a candidate');
    if (!isCertain) {
      const tb = ticketBig(t);
      kn = tb * (lambda.d - lambda.n);
      kd = (TWO256 - tb) * lambda.n;
    }
  } else if (certain) bad(code, at, '不加权的抽取没有必选单位', 'an unweighted draw has no certainty units');
  return { t, id: row.id, row, entity, stratum: key, lambda, kn, kd, rowHash };
}

/**
 * A candidate of an unweighted draw read for its shape and its claimed (ticket, id) only. Its full check (the
 * canonical row, the ticket and row hash recomputed, population and stratum) waits until it survives a merge's
 * cut to the stratum's capacity: a candidate the merge drops cannot change the record (§13.7), and checking only
 * the survivors makes merging 31 provinces' summaries cost the n kept candidates, not 31·n.
 */
interface Pending extends Cand {
  readonly pending: { readonly value: unknown; readonly at: Path; readonly key: string };
}
const NO_ROW = Object.freeze({}) as CanonicalRow;

function readCandidateShape(code: Code, v: unknown, at: Path, key: string): Pending {
  const o = exactKeys(code, v, ['id', 'ticket', 'rowHash', 'entity'], at);
  if (typeof o['id'] !== 'string') bad(code, [...at, 'id'], '标识须为字符串', 'the id must be a string');
  const ticket = hex64(code, o['ticket'], at, 'ticket');
  hex64(code, o['rowHash'], at, 'rowHash');
  if (!isObj(o['entity'])) bad(code, [...at, 'entity'], '须为对象', 'must be an object');
  const t = new Int32Array(8);
  for (let i = 0; i < 8; i++) t[i] = Number.parseInt(ticket.slice(i * 8, i * 8 + 8), 16) | 0;
  return { t, id: o['id'], row: NO_ROW, entity: o['entity'] as unknown as Entity, stratum: key, lambda: undefined, kn: 0n, kd: 1n, pending: { value: v, at, key } };
}

/** The full check of a candidate read by {@link readCandidateShape}, once it is kept; its claims must hold. */
function confirmCandidate(c: Cand, b: Binding, hasher: TicketHasher, hashes: RegisterAccumulator): Cand {
  const pending = (c as Partial<Pending>).pending;
  if (pending === undefined) return c;
  return readCandidate('INVALID_SHARD_SUMMARY', b, hasher, hashes, pending.value, pending.at, pending.key, undefined, false);
}

function candidateJson(c: Cand, rowHash: string): ShardCandidate {
  return { id: c.id, ticket: wordsHex(c.t), rowHash, entity: c.entity };
}

/** The entity of a part's kept candidate as plain JSON (its canonical row must survive the round trip). */
function entityJson(c: Cand, rowHash: string): Entity {
  let copy: unknown;
  try { copy = JSON.parse(JSON.stringify(c.entity)); } catch { copy = undefined; }
  let same = false;
  try { same = isObj(copy) && rowHashHex(canonicalRow(copy, 0)) === rowHash; } catch { same = false; }
  if (!same) {
    throw new ShuangsuijiError('INVALID_ENTITY', `标识为 ${JSON.stringify(c.id)} 的行不能写成 JSON（分片摘要须为纯 JSON）`, `the row with id ${JSON.stringify(c.id)} cannot be written as JSON (a shard summary is plain JSON)`, { details: { id: c.id } });
  }
  return copy as Entity;
}

const cmpCertain = (a: Cand, b: Cand): number => cmpTicket(a.t, b.t) || compareCodePoints(a.id, b.id);

// ---------------------------------------------------------------------------------------------------------------
// Reading summaries and plans

function readCountsStrata(code: Code, b: Binding, v: unknown, at: Path): PStratum[] {
  const list = array(code, v, at);
  const out: PStratum[] = [];
  const strat = b.spec.stratification;
  const vocabulary = strat?.field === 'riskClass' ? [...RISK_CLASS_VALUES, ''] : strat?.field === 'status' ? STATUS_VALUES : strat?.field === 'kind' ? KIND_VALUES : undefined;
  if (strat === undefined && list.length > 1) bad(code, at, '不分层的抽取至多一层', 'an unstratified draw has at most one stratum');
  for (let i = 0; i < list.length; i++) {
    const p = [...at, i];
    const s = exactKeys(code, list[i], ['stratum', 'population', 'weights'], p);
    const name = s['stratum'];
    if (strat === undefined ? name !== null : typeof name !== 'string') bad(code, [...p, 'stratum'], strat === undefined ? '不分层的抽取层名须为 null' : '层名须为字符串', strat === undefined ? 'the stratum of an unstratified draw must be null' : 'a stratum name must be a string');
    if (vocabulary !== undefined && !vocabulary.includes(name as string)) bad(code, [...p, 'stratum'], `层名不是字段 ${strat!.field} 的取值`, `the stratum is not a value of ${strat!.field}`);
    const key = name === null ? ALL : (name as string);
    if (out.length > 0 && compareCodePoints(out[out.length - 1]!.key, key) >= 0) bad(code, [...p, 'stratum'], '各层须按码位顺序排列且不重复', 'strata must be in code-point order without repeats');
    const population = count(code, s['population'], [...p, 'population'], 1);
    const weights = new Map<string, { w: Rational; count: number }>();
    if (b.weightOf === undefined) {
      if (s['weights'] !== null) bad(code, [...p, 'weights'], '不加权的抽取 weights 须为 null', 'weights must be null for an unweighted draw');
    } else {
      const ws = array(code, s['weights'], [...p, 'weights']);
      let total = 0;
      let prev: string | undefined;
      for (let j = 0; j < ws.length; j++) {
        const q = [...p, 'weights', j];
        const e = exactKeys(code, ws[j], ['weight', 'count'], q);
        const w = readWeight(code, e['weight'], [...q, 'weight']);
        const k = e['weight'] as string;
        if (prev !== undefined && compareCodePoints(prev, k) >= 0) bad(code, [...q, 'weight'], '权重须按码位顺序排列且不重复', 'weights must be in code-point order without repeats');
        prev = k;
        const n = count(code, e['count'], [...q, 'count'], 1);
        total += n;
        weights.set(k, { w, count: n });
      }
      if (total !== population) bad(code, [...p, 'weights'], '各权重的单位数之和须等于该层总体', 'the weight counts must add up to the population');
    }
    out.push({ key, population, weights, certain: [], kept: [] });
  }
  return out;
}

/** Reads a summary (any round), checking everything it says (see docs/spec.md §13.7). */
function readSummary(v: unknown, at: Path, lazy = false): Parsed {
  if (typeof v === 'object' && v !== null) {
    const known = written.get(v);
    if (known !== undefined && 'round' in known) return known;
  }
  const code: Code = 'INVALID_SHARD_SUMMARY';
  checkPlain(code, v, at);
  if (!isObj(v)) bad(code, at, '须为对象', 'must be an object');
  if (v['format'] !== FORMAT || v['version'] !== 1) bad(code, [...at, 'format'], `格式须为 ${FORMAT} 版本 1`, `the format must be ${FORMAT} version 1`);
  const round = v['round'];
  if (round !== 'counts' && round !== 'candidates') bad(code, [...at, 'round'], 'round 须为 counts 或 candidates', 'round must be counts or candidates');
  const o = exactKeys(code, v, round === 'counts' ? ['format', 'version', 'round', 'draw', 'register', 'excluded', 'strata'] : ['format', 'version', 'round', 'draw', 'plan', 'register', 'excluded', 'strata'], at);
  const binding = readBinding(code, o['draw'], [...at, 'draw']);
  if (round === 'counts' && !binding.twoPass) bad(code, [...at, 'round'], '此抽取只有一轮（候选），没有计数轮', 'this draw has one round (candidates) and no counts round');
  let plan: PPlan | null = null;
  if (round === 'candidates') {
    if (binding.twoPass) {
      if (o['plan'] === null) bad(code, [...at, 'plan'], '两轮抽取的候选摘要须含计划', 'the candidates summary of a two-round draw needs its plan');
      plan = readPlan(code, o['plan'], [...at, 'plan']);
      if (plan.counts.binding.text !== binding.text) mismatch([...at, 'plan', 'counts', 'draw'], plan.counts.binding.json, binding.json, ['计划与摘要的抽取', 'draws of the plan and the summary']);
    } else if (o['plan'] !== null) bad(code, [...at, 'plan'], '一轮抽取的 plan 须为 null', 'plan must be null for a one-round draw');
  }
  const reg = exactKeys(code, o['register'], ['accumulator', 'size', 'eligible'], [...at, 'register']);
  let sum: number[] | null = null;
  if (plan === null) sum = readSum(code, reg['accumulator'], [...at, 'register', 'accumulator']);
  else if (reg['accumulator'] !== null) bad(code, [...at, 'register', 'accumulator'], '两轮抽取的候选轮不含累加值（计划中已有），须为 null', 'the candidates round of a two-round draw has no accumulator (the plan holds it): it must be null');
  const size = count(code, reg['size'], [...at, 'register', 'size']);
  const eligible = count(code, reg['eligible'], [...at, 'register', 'eligible']);
  const excluded = count(code, o['excluded'], [...at, 'excluded']);
  if (eligible > size) bad(code, [...at, 'register', 'eligible'], '符合条件的行数大于行数', 'more eligible rows than rows');
  let strata: PStratum[];
  if (round === 'counts') strata = readCountsStrata(code, binding, o['strata'], [...at, 'strata']);
  else strata = readCandidateStrata(code, binding, plan, o['strata'], [...at, 'strata'], lazy);
  const population = strata.reduce((s, x) => s + x.population, 0);
  if (excluded + population !== eligible) bad(code, [...at, 'excluded'], '去重排除数与各层总体之和须等于符合条件的行数', 'excluded plus the strata populations must equal eligible');
  return { round, binding, plan, sum, size, eligible, excluded, strata };
}

function readCandidateStrata(code: Code, b: Binding, plan: PPlan | null, v: unknown, at: Path, lazy: boolean): PStratum[] {
  const list = array(code, v, at);
  const keys = plan === null ? [ALL] : plan.entries.map((e) => e.key);
  if (list.length !== keys.length) bad(code, at, plan === null ? '一轮抽取的候选摘要恰有一层' : '各层须与计划中的层一一对应', plan === null ? 'the candidates summary of a one-round draw has exactly one stratum' : 'the strata must be those of the plan');
  const hasher = new TicketHasher(b.prefix);
  const hashes = new RegisterAccumulator();
  const seen = new Map<string, Path>();
  const out: PStratum[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = [...at, i];
    const key = keys[i]!;
    const s = exactKeys(code, list[i], ['stratum', 'population', 'certain', 'candidates'], p);
    if (s['stratum'] !== stratumName(key)) bad(code, [...p, 'stratum'], `第 ${i} 层须为 ${JSON.stringify(stratumName(key))}`, `stratum ${i} must be ${JSON.stringify(stratumName(key))}`);
    const population = count(code, s['population'], [...p, 'population']);
    const entry = plan?.byKey.get(key);
    const capacity = entry === undefined ? (b.spec.size as { count: number }).count : entry.capacity;
    const read = (field: 'certain' | 'candidates'): Cand[] => {
      const items = array(code, s[field], [...p, field]);
      const cands: Cand[] = [];
      for (let j = 0; j < items.length; j++) {
        const q = [...p, field, j];
        const c = lazy && b.weightOf === undefined && field === 'candidates' ? readCandidateShape(code, items[j], q, key) : readCandidate(code, b, hasher, hashes, items[j], q, key, entry, field === 'certain');
        const first = seen.get(c.id);
        if (first !== undefined) throw duplicate(c.id, first, q);
        seen.set(c.id, q);
        const prev = cands[cands.length - 1];
        if (prev !== undefined && (field === 'certain' ? cmpCertain(prev, c) : cmpCand(prev, c)) >= 0) bad(code, q, field === 'certain' ? '必选单位须按签号排序' : '候选须按入选顺序排列', field === 'certain' ? 'certainty units must be in ticket order' : 'candidates must be in selection order');
        cands.push(c);
      }
      return cands;
    };
    const certain = read('certain');
    const kept = read('candidates');
    if (kept.length > capacity) bad(code, [...p, 'candidates'], `候选多于该层可抽取的 ${capacity} 个`, `more candidates than the ${capacity} the stratum can select`);
    if (certain.length + kept.length > population) bad(code, [...p, 'population'], '候选多于该层总体', 'more candidates than the population of the stratum');
    // Unweighted: a part keeps its best min(capacity, population) units, never fewer.
    if (b.weightOf === undefined && kept.length !== Math.min(capacity, population)) bad(code, [...p, 'candidates'], `须保留 ${Math.min(capacity, population)} 个候选`, `must keep ${Math.min(capacity, population)} candidates`);
    out.push({ key, population, weights: new Map(), certain, kept });
  }
  return out;
}

function duplicate(id: string, first: Path, second: Path): ShuangsuijiError {
  return new ShuangsuijiError(
    'DUPLICATE_ID',
    `两个分片（或同一分片）都保留了标识 ${JSON.stringify(id)} 的候选：同一标识不能出现在两个分片中`,
    `the id ${JSON.stringify(id)} is a kept candidate twice (in two parts, or twice in one): an id must not be in two parts`,
    { path: second, details: { id, first } },
  );
}

/** The plan JSON of merged counts (the engine's planStrata, written out). */
function planJson(counts: ShardCountsSummary, entries: readonly StratumPlan[], weighted: boolean): ShardPlan {
  return {
    format: PLAN_FORMAT,
    version: 1,
    counts,
    strata: entries.map((e) => ({
      stratum: stratumName(e.key),
      population: e.population,
      requested: e.requested,
      size: e.size,
      certain: e.certainCount,
      weightScale: e.scale === null ? null : ratString(e.scale),
      lambdas: weighted ? [...e.lambdaFor.entries()].sort((a, b) => compareCodePoints(a[0], b[0])).map(([weight, l]) => ({ weight, lambda: ratString(l) })) : null,
    })),
  };
}

function countsMap(p: Parsed): Map<string, StratumCounts> {
  return new Map(p.strata.map((s) => [s.key, { population: s.population, weights: new Map(s.weights) }]));
}

function makePlan(counts: Parsed, countsJsonValue: ShardCountsSummary): PPlan {
  const entries = planStrata(counts.binding.spec, countsMap(counts));
  const json = planJson(countsJsonValue, entries, counts.binding.weightOf !== undefined);
  return { json, text: JSON.stringify(json), counts, entries, byKey: new Map(entries.map((e) => [e.key, e])) };
}

function readPlan(code: Code, v: unknown, at: Path): PPlan {
  if (typeof v === 'object' && v !== null) {
    const known = written.get(v);
    if (known !== undefined && 'entries' in known) return known;
  }
  checkPlain(code, v, at);
  if (!isObj(v) || v['format'] !== PLAN_FORMAT || v['version'] !== 1) bad(code, [...at, 'format'], `格式须为 ${PLAN_FORMAT} 版本 1`, `the format must be ${PLAN_FORMAT} version 1`);
  const o = exactKeys(code, v, ['format', 'version', 'counts', 'strata'], at);
  let counts: Parsed;
  try { counts = readSummary(o['counts'], [...at, 'counts']); } catch (error) {
    if (isShuangsuijiError(error) && error.code === 'INVALID_SHARD_SUMMARY') bad(code, error.path, error.messageZh, error.messageEn);
    throw error;
  }
  if (counts.round !== 'counts') bad(code, [...at, 'counts', 'round'], '计划须由计数摘要得出', 'a plan is made from a counts summary');
  const plan = makePlan(counts, JSON.parse(JSON.stringify(o['counts'])) as ShardCountsSummary);
  if (plan.text !== JSON.stringify(o)) {
    const diff = firstJsonDifference(o, JSON.parse(plan.text)) ?? [];
    bad(code, [...at, ...diff], '计划与由其计数重新算出的不同', 'the plan differs from the one recomputed from its counts');
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing summaries

function countsJson(b: Binding, sum: readonly number[], size: number, eligible: number, excluded: number, strata: readonly { key: string; population: number; weights: ReadonlyMap<string, { readonly count: number }> }[]): ShardCountsSummary {
  const weighted = b.weightOf !== undefined;
  return {
    format: FORMAT, version: 1, round: 'counts', draw: b.json,
    register: { accumulator: sumHex(sum), size, eligible },
    excluded,
    strata: strata.map((s) => ({
      stratum: stratumName(s.key),
      population: s.population,
      weights: weighted ? [...s.weights.entries()].sort((x, y) => compareCodePoints(x[0], y[0])).map(([weight, g]) => ({ weight, count: g.count })) : null,
    })),
  };
}

function candidatesJson(p: Parsed): ShardCandidatesSummary {
  return {
    format: FORMAT, version: 1, round: 'candidates', draw: p.binding.json,
    plan: p.plan === null ? null : p.plan.json,
    register: { accumulator: p.sum === null ? null : sumHex(p.sum), size: p.size, eligible: p.eligible },
    excluded: p.excluded,
    strata: p.strata.map((s) => ({
      stratum: stratumName(s.key),
      population: s.population,
      certain: s.certain.map((c) => candidateJson(c, c.rowHash!)),
      candidates: s.kept.map((c) => candidateJson(c, c.rowHash!)),
    })),
  };
}

function write(p: Parsed): ShardSummary {
  const json = p.round === 'counts' ? countsJson(p.binding, p.sum!, p.size, p.eligible, p.excluded, p.strata) : candidatesJson(p);
  deepFreeze(json);
  written.set(json, p);
  return json;
}

// ---------------------------------------------------------------------------------------------------------------
// The public operations

const SHARD_OPTION_KEYS: readonly string[] = ['seed', 'commitment', 'history', 'round', 'plan'];

/** Checks a part's options and makes its engine; `done` turns what the engine read into the summary. */
function startShard(spec: DrawSpec, options: ShardOptions): { engine: DrawEngine; done: () => ShardSummary } {
  const ready = prepareDraw(spec, options, SHARD_OPTION_KEYS, '{ seed, commitment?, history?, round, plan? }');
  const round = options.round as unknown;
  const twoPass = needsCounts(ready.spec);
  const optionError = (key: string, zh: string, en: string): never => { throw new ShuangsuijiError('INVALID_OPTION', zh, en, { path: ['options', key] }); };
  if (round !== 'counts' && round !== 'candidates') optionError('round', 'round 须为 counts 或 candidates', 'round must be counts or candidates');
  if (round === 'counts' && !twoPass) optionError('round', '此抽取（固定数量、不分层、不加权）只有一轮：round 须为 candidates', 'this draw (a fixed count, no strata, no weights) has one round: round must be candidates');
  let plan: PPlan | undefined;
  if (options.plan !== undefined) {
    if (round === 'counts' || !twoPass) optionError('plan', round === 'counts' ? '计数轮不需要计划' : '一轮抽取不需要计划', round === 'counts' ? 'the counts round takes no plan' : 'a one-round draw takes no plan');
    plan = readPlan('INVALID_SHARD_PLAN', options.plan, ['options', 'plan']);
  } else if (round === 'candidates' && twoPass) {
    optionError('plan', '两轮抽取的候选轮须传入 planShardedDraw 给出的计划', 'the candidates round of a two-round draw needs the plan from planShardedDraw');
  }
  const engine = new DrawEngine(ready.spec, { ...ready.options, round: round as 'counts' | 'candidates', ...(plan === undefined ? {} : { plan: plan.entries }) });
  const binding = engineBinding(engine, ready.options.seed);
  if (plan !== undefined && plan.counts.binding.text !== binding.text) mismatch(['options', 'plan', 'counts', 'draw'], plan.counts.binding.json, binding.json, ['计划与本分片的抽取', 'draws of the plan and of this part']);
  const done = (): ShardSummary => {
    const state: RoundState = engine.roundState();
    const strata: PStratum[] = state.strata.map((s) => {
      const withHash = (c: Cand): Cand => {
        const rowHash = engine.rowHashOf(c);
        return { ...c, rowHash, entity: entityJson(c, rowHash) };
      };
      return { key: s.key, population: s.population, weights: new Map(s.weights), certain: s.certain.map(withHash), kept: s.kept.map(withHash) };
    });
    return write({ round: round as 'counts' | 'candidates', binding, plan: plan ?? null, sum: state.sum, size: state.size, eligible: state.eligible, excluded: state.excluded, strata });
  };
  return { engine, done };
}

/** summarizeShard. */
export function summarizeSync(part: RegisterSource, spec: DrawSpec, options: ShardOptions): ShardSummary {
  const { engine, done } = startShard(spec, options);
  readSync(engine, part);
  return done();
}

/** summarizeShardAsync. */
export async function summarizeAsync(part: AsyncRegisterSource, spec: DrawSpec, options: ShardOptions): Promise<ShardSummary> {
  const { engine, done } = startShard(spec, options);
  await readAsync(engine, part);
  return done();
}

/** mergeShardSummaries: check each, then add up (kept candidates: the best of the union, per stratum). */
export function merge(summaries: readonly ShardSummary[]): ShardSummary {
  if (!Array.isArray(summaries) || summaries.length === 0) bad('INVALID_SHARD_SUMMARY', [], '须为至少含一个摘要的数组', 'expected an array of at least one summary');
  // An index loop: a hole in the list is refused like any other non-summary (map would skip it).
  const parsed: Parsed[] = [];
  for (let i = 0; i < summaries.length; i++) parsed.push(readSummary(summaries[i], [i], summaries.length > 1));
  const first = parsed[0]!;
  for (let i = 1; i < parsed.length; i++) {
    const p = parsed[i]!;
    if (p.binding.text !== first.binding.text) mismatch([i, 'draw'], p.binding.json, first.binding.json, ['抽取', 'draws']);
    if (p.round !== first.round) mismatch([i, 'round'], p.round, first.round, ['轮次', 'rounds']);
    if ((p.plan?.text ?? null) !== (first.plan?.text ?? null)) mismatch([i, 'plan'], p.plan?.json ?? null, first.plan?.json ?? null, ['计划', 'plans']);
  }
  if (parsed.length === 1) return write(first);
  const code: Code = 'INVALID_SHARD_SUMMARY';
  let sum = first.sum, size = 0, eligible = 0, excluded = 0;
  const strata = new Map<string, PStratum>();
  const seen = new Map<string, Path>();
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i]!;
    if (i > 0 && sum !== null) sum = addSums(sum, p.sum!);
    size = addCounts(code, size, p.size, [i, 'register', 'size']);
    eligible = addCounts(code, eligible, p.eligible, [i, 'register', 'eligible']);
    excluded = addCounts(code, excluded, p.excluded, [i, 'excluded']);
    p.strata.forEach((s, j) => {
      for (const [field, list] of [['certain', s.certain], ['candidates', s.kept]] as const) {
        list.forEach((c, k) => {
          const at = [i, 'strata', j, field, k];
          const before = seen.get(c.id);
          if (before !== undefined) throw duplicate(c.id, before, at);
          seen.set(c.id, at);
        });
      }
      let m = strata.get(s.key);
      if (m === undefined) { m = { key: s.key, population: 0, weights: new Map(), certain: [], kept: [] }; strata.set(s.key, m); }
      m.population = addCounts(code, m.population, s.population, [i, 'strata', j, 'population']);
      for (const [k, g] of s.weights) {
        const slot = m.weights.get(k);
        if (slot === undefined) m.weights.set(k, { w: g.w, count: g.count });
        else slot.count = addCounts(code, slot.count, g.count, [i, 'strata', j, 'weights']);
      }
      m.certain.push(...s.certain);
      m.kept.push(...s.kept);
    });
  }
  const keys = [...strata.keys()].sort(compareCodePoints);
  const hasher = new TicketHasher(first.binding.prefix);
  const hashes = new RegisterAccumulator();
  const merged: PStratum[] = keys.map((key) => {
    const m = strata.get(key)!;
    if (first.round === 'counts') return m;
    const capacity = first.plan === null ? (first.binding.spec.size as { count: number }).count : first.plan.byKey.get(key)!.capacity;
    m.certain.sort(cmpCertain);
    m.kept.sort(cmpCand);
    if (m.kept.length > capacity) m.kept.length = capacity;
    // The survivors' claims are checked now; a claim that does not hold is refused with its input's path.
    m.kept = m.kept.map((c) => confirmCandidate(c, first.binding, hasher, hashes));
    return m;
  });
  return write({ round: first.round, binding: first.binding, plan: first.plan, sum, size, eligible, excluded, strata: merged });
}

/** planShardedDraw. */
export function plan(counts: ShardCountsSummary): ShardPlan {
  const p = readSummary(counts, []);
  if (p.round !== 'counts') bad('INVALID_SHARD_SUMMARY', ['round'], '计划须由合并后的计数摘要得出', 'a plan is made from the merged counts summary');
  const canonical = write(p) as ShardCountsSummary;
  const made = makePlan(p, canonical);
  deepFreeze(made.json);
  written.set(made.json, made);
  return made.json;
}

/** finishShardedDraw. */
export function finish(summary: ShardCandidatesSummary): DrawResult {
  const p = readSummary(summary, []);
  const code: Code = 'INVALID_SHARD_SUMMARY';
  if (p.round !== 'candidates') bad(code, ['round'], '须为合并后的候选摘要（计数摘要请先 planShardedDraw）', 'expected the merged candidates summary (pass a counts summary to planShardedDraw first)');
  let entries: readonly StratumPlan[];
  let register: { digest: string; size: number; eligible: number };
  let excluded: number;
  if (p.plan === null) {
    entries = planStrata(p.binding.spec, countsMap(p));
    register = { digest: digestOfSum(p.sum!, p.size), size: p.size, eligible: p.eligible };
    excluded = p.excluded;
  } else {
    const c = p.plan.counts;
    entries = p.plan.entries;
    const differs = p.size !== c.size || p.eligible !== c.eligible || p.excluded !== c.excluded || p.strata.some((s, i) => s.population !== entries[i]!.population);
    if (differs) {
      throw new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '候选轮读到的名录库与计数轮不同（行数、符合条件数、去重排除数或某层总体不同），或缺少某个分片的摘要', 'the candidates round read another register than the counts round (rows, eligible, excluded or a stratum population differ), or a part\'s summary is missing', {
        details: { counts: { size: c.size, eligible: c.eligible, excluded: c.excluded }, candidates: { size: p.size, eligible: p.eligible, excluded: p.excluded } },
      });
    }
    register = { digest: digestOfSum(c.sum!, c.size), size: c.size, eligible: c.eligible };
    excluded = c.excluded;
    p.strata.forEach((s, i) => {
      const e = entries[i]!;
      if (s.certain.length !== e.certainCount) bad(code, ['strata', i, 'certain'], `必选单位须为 ${e.certainCount} 个`, `there must be ${e.certainCount} certainty units`);
      let drawable = 0;
      const cnt = c.strata.find((x) => x.key === e.key);
      if (cnt !== undefined) for (const [k, g] of cnt.weights) { const l = e.lambdaFor.get(k)!; if (l.n !== 0n && l.n !== l.d) drawable += g.count; }
      if (p.binding.weightOf !== undefined && s.kept.length !== Math.min(e.capacity, drawable)) bad(code, ['strata', i, 'candidates'], `须保留 ${Math.min(e.capacity, drawable)} 个候选`, `must keep ${Math.min(e.capacity, drawable)} candidates`);
    });
  }
  return buildResult(p.binding.head, register, excluded, entries.map((e, i) => {
    const s = p.strata.find((x) => x.key === e.key) ?? p.strata[i]!;
    return { plan: e, chosen: [...s.certain, ...s.kept] };
  }), (c) => c.rowHash!);
}
