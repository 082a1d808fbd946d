/** The draw engine shared by the sync and async drivers and by verification. */
import { ShuangsuijiError } from '../../errors.js';
import type { Entity } from '../../models/entity.js';
import { tryDayNumber, yearOf } from '../../internals/plain-date.js';
import type { NormalizedDrawSpec, SizeRule } from '../draw-spec.js';
import type { DrawRecord, DrawResult, PastInspection, SeedOrigin, SelectedTarget, StratumSummary } from '../draw-record.js';
import { canonicalIdOrThrow, canonicalRow, MAX_FIELD_BYTES, utf8LengthChecked, type CanonicalRow } from '../../internals/canonical-row.js';
import { compareCodePoints, wordsHex } from './bytes.js';
import { historyDigest, hexOf, RegisterAccumulator, TicketHasher, ticketPrefix } from './digest.js';
import { DuplicateGuard } from './duplicate-guard.js';
import { compilePopulation, compileWeights, sizeFor } from './plan.js';
import { cmp, div, mul, rat, ratFloat, ratString, sub, type Rational } from '../../internals/rational.js';

const TWO256 = 1n << 256n;
/** The key of the one stratum of an unstratified draw (used only when there are no strata, so it meets no field value). */
export const ALL = '\u0000all';

/** A candidate: its ticket words, canonical id and row, the entity as given, stratum and Pareto key. */
export interface Cand {
  readonly t: Int32Array;
  readonly id: string;
  readonly row: CanonicalRow;
  readonly entity: Entity;
  readonly stratum: string;
  readonly lambda: Rational | undefined;
  readonly kn: bigint;
  readonly kd: bigint;
  /** The row hash (hex), when already known (a shard summary's candidate). */
  readonly rowHash?: string;
}

export function cmpTicket(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < 8; i++) {
    const x = a[i]! >>> 0, y = b[i]! >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
export function cmpCand(a: Cand, b: Cand): number {
  if (a.lambda !== undefined && b.lambda !== undefined) {
    const l = a.kn * b.kd, r = b.kn * a.kd;
    if (l !== r) return l < r ? -1 : 1;
  }
  return cmpTicket(a.t, b.t) || compareCodePoints(a.id, b.id);
}
export function ticketBig(t: Int32Array): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(t[i]! >>> 0);
  return v;
}

/**
 * Bounded max-heap of the best (smallest) candidates. When ordered by ticket (no weights), the heap keeps the
 * first ticket word of each slot in a contiguous Int32Array (biased so that signed order is unsigned order), so
 * that sifting compares numbers in one array instead of chasing each candidate's ticket; the full order
 * (ticket, UTF8(id*)) decides only on equal first words. Grows with its contents, never beyond `capacity`.
 */
class Heap {
  readonly items: Cand[] = [];
  private keys: Int32Array;
  constructor(readonly capacity: number, private readonly byTicket: boolean) {
    this.keys = new Int32Array(byTicket ? Math.min(capacity, 1024) : 0);
  }
  /** First ticket word of the candidate the last `offer` evicted (saves reading it back from that candidate). */
  evictedWord = 0;
  get full(): boolean { return this.items.length >= this.capacity; }
  top(): Cand | undefined { return this.items[0]; }
  /** The worst kept ticket's first word, biased (ticket heaps only; the heap must not be empty). */
  worstKey(): number { return this.keys[0]!; }
  private less(i: number, j: number): boolean {
    // true when slot i orders before slot j
    if (this.byTicket) {
      const a = this.keys[i]!, b = this.keys[j]!;
      if (a !== b) return a < b;
    }
    return cmpCand(this.items[i]!, this.items[j]!) < 0;
  }
  private swap(i: number, j: number): void {
    const h = this.items, k = this.keys;
    const t = h[i]!; h[i] = h[j]!; h[j] = t;
    if (this.byTicket) { const x = k[i]!; k[i] = k[j]!; k[j] = x; }
  }
  /** Offers a candidate; returns the evicted one (or the candidate itself when rejected). */
  offer(c: Cand): Cand | undefined {
    const h = this.items;
    if (this.capacity === 0) return c;
    const key = this.byTicket ? (c.t[0]! ^ 0x80000000) | 0 : 0;
    if (h.length < this.capacity) {
      if (this.byTicket && h.length === this.keys.length) {
        const next = new Int32Array(Math.min(this.capacity, this.keys.length * 2));
        next.set(this.keys);
        this.keys = next;
      }
      h.push(c);
      let i = h.length - 1;
      if (this.byTicket) this.keys[i] = key;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.less(p, i)) break;
        this.swap(p, i);
        i = p;
      }
      return undefined;
    }
    if (this.byTicket) {
      const k0 = this.keys[0]!;
      if (key > k0 || (key === k0 && cmpCand(c, h[0]!) >= 0)) return c;
    } else if (cmpCand(c, h[0]!) >= 0) return c;
    const out = h[0]!;
    h[0] = c;
    if (this.byTicket) { this.evictedWord = (this.keys[0]! ^ 0x80000000) | 0; this.keys[0] = key; } else this.evictedWord = out.t[0]!;
    const n = h.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < n && this.less(m, l)) m = l;
      if (r < n && this.less(m, r)) m = r;
      if (m === i) break;
      this.swap(m, i);
      i = m;
    }
    return out;
  }
}

/** Whether a draw's sizes need counts first (a ratio, strata or weights): two passes, or two shard rounds. */
export function needsCounts(spec: NormalizedDrawSpec): boolean {
  return spec.weights !== undefined || spec.stratification !== undefined || (spec.size !== undefined && !('count' in spec.size));
}

/** Counts of one stratum from the first pass (or a counts round, docs/spec.md §13): units and weight groups. */
export interface StratumCounts {
  population: number;
  /** Weighted draws only: weight "n/d" → the weight and how many units have it. */
  readonly weights: Map<string, { readonly w: Rational; count: number }>;
}

/**
 * The plan of one stratum (§7.2–§7.4), computed from the counts alone by {@link planStrata}: the one place where
 * sizes, the shortfall rule, largest remainders, certainty units, λ and the weight scale are decided — for a
 * draw in one piece and for a sharded draw alike.
 */
export interface StratumPlan {
  readonly key: string;
  readonly population: number;
  readonly requested: number;
  readonly size: number;
  /** Units taken with certainty (weighted draws). */
  readonly certainCount: number;
  /** Weighted draws: weight "n/d" → λ (1 = certain, 0 = never); empty otherwise. */
  readonly lambdaFor: ReadonlyMap<string, Rational>;
  /** n_h / N_h: the inclusion probability of an unweighted stratum. */
  readonly simple: Rational;
  /** m/W for weighted draws (§7.4), else null. */
  readonly scale: Rational | null;
  /** Candidates kept beside the certainty units: the size (unweighted) or what is left after them (weighted). */
  readonly capacity: number;
}

/**
 * Plans every stratum of a draw from its counts (docs/spec.md §7.2–§7.4); strata in code-point order, including
 * per-stratum strata named in the spec but without units. Throws `POPULATION_TOO_SMALL` under `shortfall: error`.
 */
export function planStrata(spec: NormalizedDrawSpec, counts: ReadonlyMap<string, StratumCounts>): StratumPlan[] {
  const strat = spec.stratification;
  const population = new Map<string, StratumCounts>(counts);
  const empty = (): StratumCounts => ({ population: 0, weights: new Map() });
  if (strat === undefined && !population.has(ALL)) population.set(ALL, empty());
  const sizeOf = new Map<string, SizeRule>(strat?.allocation === 'per-stratum' ? strat.sizes.map((e) => [e.stratum, e.size]) : []);
  for (const key of sizeOf.keys()) if (!population.has(key)) population.set(key, empty());
  const keys = [...population.keys()].sort(compareCodePoints);
  const requested = new Map<string, number>();
  if (strat === undefined) {
    requested.set(ALL, sizeFor(spec.size!, population.get(ALL)!.population));
  } else if (strat.allocation === 'per-stratum') {
    for (const key of keys) {
      const rule: SizeRule | undefined = sizeOf.get(key) ?? strat.otherStrata;
      requested.set(key, rule === undefined ? 0 : sizeFor(rule, population.get(key)!.population));
    }
  } else {
    const total = keys.reduce((s, k) => s + population.get(k)!.population, 0);
    let n = sizeFor(spec.size!, total);
    if (n > total) {
      if (spec.shortfall === 'error') throw tooSmall(null, n, total);
      n = total;
    }
    const rows = keys.map((key) => {
      const size = population.get(key)!.population;
      const q = BigInt(n) * BigInt(size);
      return { key, size, base: total === 0 ? 0 : Number(q / BigInt(total)), rem: total === 0 ? 0n : q % BigInt(total) };
    });
    let left = n - rows.reduce((s, r) => s + r.base, 0);
    const order = [...rows].sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : b.size - a.size || compareCodePoints(a.key, b.key)));
    for (const r of order) { if (left <= 0) break; r.base++; left--; }
    for (const r of rows) requested.set(r.key, r.base);
  }
  const out: StratumPlan[] = [];
  for (const key of keys) {
    const c = population.get(key)!;
    const want = requested.get(key)!;
    let size = want;
    if (want > c.population) {
      if (spec.shortfall === 'error') throw tooSmall(key === ALL ? null : key, want, c.population);
      size = c.population;
    }
    const simple = c.population === 0 ? rat(0n) : rat(BigInt(size), BigInt(c.population));
    if (spec.weights === undefined) {
      out.push({ key, population: c.population, requested: want, size, certainCount: 0, lambdaFor: new Map(), simple, scale: null, capacity: size });
      continue;
    }
    const lambdaFor = new Map<string, Rational>();
    const groups = [...c.weights.values()].sort((a, b) => cmp(b.w, a.w));
    let certainUnits = 0;
    let idx = 0;
    let remW = groups.reduce((s, g) => ({ n: s.n * g.w.d + BigInt(g.count) * g.w.n * s.d, d: s.d * g.w.d }), { n: 0n, d: 1n } as Rational);
    remW = rat(remW.n, remW.d);
    for (;;) {
      const g = groups[idx];
      const nRem = size - certainUnits;
      if (g === undefined || nRem <= 0) break;
      // λ = nRem·w / remW ≥ 1 → certain
      if (cmp(mul(rat(BigInt(nRem)), g.w), remW) >= 0) {
        lambdaFor.set(ratString(g.w), rat(1n));
        certainUnits += g.count;
        remW = sub(remW, mul(g.w, rat(BigInt(g.count))));
        idx++;
      } else break;
    }
    const nRem = size - certainUnits;
    for (; idx < groups.length; idx++) {
      const g = groups[idx]!;
      lambdaFor.set(ratString(g.w), nRem <= 0 || remW.n === 0n ? rat(0n) : div(mul(rat(BigInt(nRem)), g.w), remW));
    }
    const scale = nRem <= 0 || remW.n === 0n ? rat(0n) : div(rat(BigInt(nRem)), remW);
    out.push({ key, population: c.population, requested: want, size, certainCount: certainUnits, lambdaFor, simple, scale, capacity: Math.max(0, nRem) });
  }
  return out;
}

interface Stratum extends StratumCounts {
  readonly key: string;
  /** Units seen by the second pass (a two-pass draw, or a candidates round with a plan). */
  population2: number;
  lambdaFor: ReadonlyMap<string, Rational>;
  heap: Heap;
  readonly certain: Cand[];
  plan: StratumPlan | undefined;
}

/** What the record says about the drawing (everything but the register's rows). */
export interface RecordHead {
  readonly spec: NormalizedDrawSpec;
  readonly seedHex: string;
  readonly seedOrigin: SeedOrigin | null;
  readonly seedCommitment: { readonly hash: string; readonly salt: string } | null;
  readonly historyDigest: string;
  readonly historySize: number;
}

/**
 * Builds the result and record of a draw from its plan and the chosen candidates of every stratum (certainty
 * units and the kept candidates): shared by the draw in one piece and the sharded draw, so both write the same
 * bytes. `strata` in code-point order of their keys.
 */
export function buildResult(
  head: RecordHead,
  register: { readonly digest: string; readonly size: number; readonly eligible: number },
  excluded: number,
  strata: readonly { readonly plan: StratumPlan; readonly chosen: readonly Cand[] }[],
  rowHashOf: (c: Cand) => string,
): DrawResult {
  const all: Cand[] = [];
  const summaries: StratumSummary[] = [];
  const planOf = new Map<string, StratumPlan>();
  for (const { plan: st, chosen } of strata) {
    planOf.set(st.key, st);
    for (const c of chosen) all.push(c);
    summaries.push({ stratum: st.key === ALL ? null : st.key, population: st.population, requested: st.requested, size: st.size, certain: st.certainCount, selected: chosen.length, weightScale: st.scale === null ? null : ratString(st.scale) });
  }
  all.sort((a, b) => cmpTicket(a.t, b.t) || compareCodePoints(a.id, b.id));
  const selected: SelectedTarget[] = [];
  const recordSelected: DrawRecord['selected'][number][] = [];
  // Probabilities are shared objects (one per stratum, or one per weight group): format each once.
  const shown = new Map<Rational, { s: string; f: number }>();
  for (const c of all) {
    const p = c.lambda ?? planOf.get(c.stratum)!.simple;
    let ps = shown.get(p);
    if (ps === undefined) { ps = { s: ratString(p), f: ratFloat(p) }; shown.set(p, ps); }
    const ticket = wordsHex(c.t);
    const stratum = c.stratum === ALL ? null : c.stratum;
    const rowHash = rowHashOf(c);
    selected.push(Object.freeze({ entity: c.entity, id: c.id, ticket, stratum, inclusionProbability: ps.s, inclusionProbabilityApprox: ps.f }));
    recordSelected.push({ id: c.id, ticket, stratum, inclusionProbability: ps.s, rowHash });
  }
  const record0 = {
    format: 'shuangsuiji-draw-record',
    algorithm: 'shuangsuiji-draw',
    version: 1,
    label: head.spec.label,
    seed: head.seedHex,
    seedOrigin: head.seedOrigin,
    seedCommitment: head.seedCommitment,
    register: { digest: register.digest, size: register.size, eligible: register.eligible },
    exclusion: { digest: head.historyDigest, historySize: head.historySize, excluded },
    spec: head.spec,
    strata: summaries,
  };
  // A plain JSON copy of everything but the selection (which is built fresh above from strings and null, so a
  // JSON round trip would return it unchanged); `selected` stays the last key.
  const record = JSON.parse(JSON.stringify(record0)) as Omit<DrawRecord, 'selected'> & { selected?: DrawRecord['selected'] };
  record.selected = recordSelected;
  return Object.freeze({ selected: Object.freeze(selected), record: record as DrawRecord });
}

/** Options understood by the engine. */
export interface EngineOptions {
  readonly seed: Uint8Array;
  readonly seedHex: string;
  readonly seedOrigin: SeedOrigin | null;
  readonly seedCommitment: { readonly hash: string; readonly salt: string } | null;
  readonly history: readonly PastInspection[];
  /** Called with every canonical row of the first pass (verification watches the rows the record selected). */
  readonly watch?: (row: CanonicalRow) => void;
  /**
   * A shard's round (docs/spec.md §13) instead of a whole draw: `counts` reads the first pass of a two-pass
   * draw only; `candidates` reads the one pass of a one-pass draw, or — given `plan` — the second pass alone.
   */
  readonly round?: 'counts' | 'candidates';
  /** The plan of a two-pass draw's candidates round. */
  readonly plan?: readonly StratumPlan[];
}

/** A stratum's state after reading, for a shard summary. */
export interface StratumState {
  readonly key: string;
  /** Units of the population in this stratum (as read by the round). */
  readonly population: number;
  readonly weights: ReadonlyMap<string, { readonly w: Rational; readonly count: number }>;
  /** Certainty units, in ticket order. */
  readonly certain: readonly Cand[];
  /** Kept candidates, in selection order (cmpCand). */
  readonly kept: readonly Cand[];
}

/** What a round read (a shard's summary before it is written as JSON). */
export interface RoundState {
  /** The register sum A (64 words), or null for a candidates round with a plan (the plan carries it). */
  readonly sum: number[] | null;
  readonly size: number;
  readonly eligible: number;
  readonly excluded: number;
  /** In code-point order: counts round — strata seen; candidates round — every stratum of the plan (or the one). */
  readonly strata: readonly StratumState[];
}

/** One draw in progress. Call `row` for every register row per pass (`passes` = 1 or 2), then `finish`. */
export class DrawEngine {
  /** Reads of the register this engine wants (the driver reads once more only to confirm a duplicate suspect). */
  readonly passes: 1 | 2;
  /** The draw's sizes need counts (ratio, strata or weights): a first pass counts, a second selects. */
  readonly twoPass: boolean;
  private pass: 1 | 2 = 1;
  private readonly acc = new RegisterAccumulator();
  private readonly hasher: TicketHasher;
  private readonly inPopulation: (e: CanonicalRow) => boolean;
  private readonly weightOf: ((e: CanonicalRow) => Rational) | undefined;
  private readonly strata = new Map<string, Stratum>();
  private readonly guard = new DuplicateGuard();
  private confirming = false;
  private firstPassClosed = false;
  private readonly excludedIds: Set<string>;
  private readonly excludeClasses: readonly string[] | 'all';
  readonly historyDigestHex: string;
  private rowsPass2 = 0;
  private eligible = 0;
  private excluded = 0;
  private eligible2 = 0;
  private excluded2 = 0;
  private single: Stratum | undefined;

  constructor(readonly spec: NormalizedDrawSpec, private readonly options: EngineOptions) {
    this.inPopulation = compilePopulation(spec.population);
    this.weightOf = spec.weights ? compileWeights(spec.weights) : undefined;
    this.hasher = new TicketHasher(ticketPrefix(options.seed, spec.label));
    this.twoPass = needsCounts(spec);
    this.passes = this.twoPass && options.round === undefined ? 2 : 1;
    const hist = checkHistoryList(options.history);
    this.historyDigestHex = historyDigest(hist);
    this.excludedIds = new Set();
    this.excludeClasses = 'all';
    const x = spec.exclusion;
    if (x !== undefined) {
      for (const h of hist) {
        if (yearOf(tryDayNumber(h.date)!) !== x.year) continue;
        if (x.departments !== undefined && x.departments !== 'any' && !x.departments.includes(h.department)) continue;
        if (x.items !== undefined && x.items !== 'any' && !x.items.includes(h.item)) continue;
        this.excludedIds.add(h.id);
      }
      this.excludeClasses = x.riskClasses ?? 'all';
    }
    if (options.plan !== undefined) {
      this.applyPlan(options.plan);
      this.pass = 2;
    } else if (!this.twoPass) {
      const k = (spec.size as { count: number }).count;
      this.strata.set(ALL, newStratum(ALL, k));
    }
  }

  /** The history's digest and size, and what else the record shows besides the register. */
  get head(): RecordHead {
    const o = this.options;
    return { spec: this.spec, seedHex: o.seedHex, seedOrigin: o.seedOrigin, seedCommitment: o.seedCommitment, historyDigest: this.historyDigestHex, historySize: o.history.length };
  }

  /** Starts the second pass. */
  startSecondPass(): void {
    this.closeFirstPass();
    this.applyPlan(planStrata(this.spec, this.strata));
    this.pass = 2;
  }

  private applyPlan(plan: readonly StratumPlan[]): void {
    for (const p of plan) {
      let st = this.strata.get(p.key);
      if (st === undefined) { st = newStratum(p.key, 0); this.strata.set(p.key, st); }
      st.plan = p;
      st.lambdaFor = p.lambdaFor;
      st.heap = new Heap(p.capacity, this.weightOf === undefined);
    }
  }

  /**
   * Ends the first pass for the duplicate guard; true when a one-pass read must read the rows once more through
   * `confirmRow` (two fingerprints collided). A two-pass draw confirms during its second pass.
   */
  closeFirstPass(): boolean {
    if (this.firstPassClosed) return false;
    this.firstPassClosed = true;
    return this.guard.close() && this.passes === 1;
  }

  /** The refusal when a confirming read is needed but the source is one-shot. */
  unconfirmable(): ShuangsuijiError {
    return this.guard.unconfirmable();
  }

  /** Confirming read of a one-pass draw: row `index` again (throws `DUPLICATE_ID` naming both rows). */
  confirmRow(e: unknown, index: number): void {
    this.confirming = true;
    this.rowsPass2++;
    this.guard.confirm(canonicalRow(e, index).id, index);
  }

  private stratumKey(e: CanonicalRow): string {
    const s = this.spec.stratification;
    if (s === undefined) return ALL;
    return e[s.field] ?? '';
  }

  /** Feeds one register row (index for error paths). */
  row(raw: Entity, index: number): void {
    const e = canonicalRow(raw, index);
    const id = e.id;
    const first = this.pass === 1;
    if (first) {
      this.acc.add(e);
      this.guard.add(id);
      if (this.options.watch !== undefined) this.options.watch(e);
    } else {
      this.rowsPass2++;
      if (this.guard.needsConfirmation) this.guard.confirm(id, index);
    }
    if (!this.inPopulation(e)) return;
    if (first) this.eligible++; else this.eligible2++;
    if (this.excludedIds.size > 0 && this.excludedIds.has(id) && (this.excludeClasses === 'all' || (e.riskClass !== undefined && (this.excludeClasses as readonly string[]).includes(e.riskClass)))) {
      if (first) this.excluded++; else this.excluded2++;
      return;
    }
    const key = this.stratumKey(e);
    if (first && this.twoPass) {
      let st = this.strata.get(key);
      if (st === undefined) { st = newStratum(key, 0); this.strata.set(key, st); }
      st.population++;
      if (this.weightOf) {
        const w = this.weightOf(e);
        const wk = ratString(w);
        const slot = st.weights.get(wk);
        if (slot) slot.count++;
        else st.weights.set(wk, { w, count: 1 });
      }
      return;
    }
    const st = this.spec.stratification === undefined ? (this.single ??= this.strata.get(ALL)!) : this.strata.get(key);
    if (st === undefined) {
      // Only a candidates round with a plan can meet a stratum its plan does not know (the register changed).
      throw changedStratum(key);
    }
    if (first) st.population++; else st.population2++;
    let lambda: Rational | undefined;
    if (this.weightOf) {
      lambda = st.lambdaFor.get(ratString(this.weightOf(e)));
      // A weight the counts never saw: the register changed since (only possible between a shard's rounds).
      if (lambda === undefined) throw changedStratum(key);
      if (lambda.n === 0n) return;
    }
    const certain = lambda !== undefined && lambda.n === lambda.d;
    const heap = st.heap;
    if (!certain && heap.capacity === 0) return;
    const t = this.hasher.hash(id);
    if (!certain && lambda === undefined && heap.full) {
      // Fast reject: the first 32 bits already exceed the worst kept ticket (both biased: signed order = unsigned).
      if (((t[0]! ^ 0x80000000) | 0) > heap.worstKey()) return;
    }
    let kn = 0n, kd = 1n;
    if (lambda !== undefined && !certain) {
      const tb = ticketBig(t);
      kn = tb * (lambda.d - lambda.n);
      kd = (TWO256 - tb) * lambda.n;
    }
    // Duplicates are not looked for here: the guard sees every row of the first pass and refuses any before
    // `finish` (a duplicate may sit in a heap meanwhile; no result is returned from such a draw).
    const cand: Cand = { t: t.slice(), id, row: e, entity: raw, stratum: key, lambda, kn, kd };
    if (certain) {
      st.certain.push(cand);
      return;
    }
    heap.offer(cand);
  }

  /** The duplicate guard's end: a suspect that needed a confirming read, and the reads' row counts. */
  private closeReads(): void {
    if (this.passes === 1 && !this.firstPassClosed && this.closeFirstPass()) throw this.unconfirmable();
    if (this.guard.needsConfirmation && (this.passes === 2 || this.confirming)) {
      if (this.rowsPass2 !== this.acc.count) throw changedDuringDraw(this.acc.count, this.rowsPass2, 'read');
      this.guard.endConfirmation();
    }
  }

  /** Finishes the draw: the selection in ticket order and the record. */
  finish(): DrawResult {
    this.closeReads();
    let plans: readonly StratumPlan[];
    if (!this.twoPass) {
      plans = planStrata(this.spec, this.strata);
    } else {
      if (this.rowsPass2 !== this.acc.count) throw changedDuringDraw(this.acc.count, this.rowsPass2, 'pass');
      plans = [...this.strata.values()].map((s) => s.plan!).sort((a, b) => compareCodePoints(a.key, b.key));
      // Rows of the same count but other contents would disagree with the digest (verification says so); the
      // population counts cost nothing to compare and catch most such changes at once.
      if (this.eligible2 !== this.eligible || this.excluded2 !== this.excluded || plans.some((p) => this.strata.get(p.key)!.population2 !== p.population)) {
        throw new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '两次读取名录库得到的抽取总体不同', 'the register gave a different population on the second pass', { details: { eligible: [this.eligible, this.eligible2], excluded: [this.excluded, this.excluded2] } });
      }
    }
    const acc = this.acc;
    return buildResult(this.head, { digest: acc.digest(), size: acc.count, eligible: this.eligible }, this.excluded, plans.map((p) => {
      const st = this.strata.get(p.key)!;
      return { plan: p, chosen: [...st.certain, ...st.heap.items] };
    }), (c) => c.rowHash ?? acc.rowHashHex(c.row));
  }

  /** Ends a shard's round (docs/spec.md §13): what it read, for its summary. */
  roundState(): RoundState {
    this.closeReads();
    const keys = [...this.strata.keys()].sort(compareCodePoints);
    const second = this.pass === 2;
    const strata = keys.map((key): StratumState => {
      const st = this.strata.get(key)!;
      return {
        key,
        population: second ? st.population2 : st.population,
        weights: st.weights,
        certain: [...st.certain].sort((a, b) => cmpTicket(a.t, b.t) || compareCodePoints(a.id, b.id)),
        kept: [...st.heap.items].sort(cmpCand),
      };
    });
    return second
      ? { sum: null, size: this.rowsPass2, eligible: this.eligible2, excluded: this.excluded2, strata }
      : { sum: this.acc.sumWords(), size: this.acc.count, eligible: this.eligible, excluded: this.excluded, strata };
  }

  /** The row hash of a kept candidate (hex), with the accumulator's buffers. */
  rowHashOf(c: Cand): string {
    return this.acc.rowHashHex(c.row);
  }
}

function changedDuringDraw(first: number, second: number, what: 'read' | 'pass'): ShuangsuijiError {
  return new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '两次读取名录库的行数不同', `the register gave a different number of rows on the second ${what}`, { details: { first, second } });
}

function changedStratum(key: string): ShuangsuijiError {
  return new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '名录库在计数之后有变：出现了计数时没有的分层或权重', 'the register changed after it was counted: a stratum or weight the counts did not have', { details: { stratum: key === ALL ? null : key } });
}

function newStratum(key: string, size: number): Stratum {
  return { key, population: 0, population2: 0, weights: new Map(), lambdaFor: new Map(), heap: new Heap(size, true), certain: [], plan: undefined };
}

function tooSmall(stratum: string | null, size: number, population: number): ShuangsuijiError {
  const where = stratum === null ? '' : `（分层 ${JSON.stringify(stratum)}）`;
  const whereEn = stratum === null ? '' : ` (stratum ${JSON.stringify(stratum)})`;
  return new ShuangsuijiError('POPULATION_TOO_SMALL', `抽查对象总体${where}仅 ${population} 个，少于抽查数量 ${size}`, `the population${whereEn} has only ${population} entities, fewer than the size ${size}`, { details: { stratum, size, population } });
}

const HISTORY_KEYS: readonly string[] = ['entityId', 'date', 'department', 'item'];

/** Checks a whole history (an array; holes are entries like any other, never skipped). */
export function checkHistoryList(history: unknown): { id: string; date: string; department: string; item: string }[] {
  if (!Array.isArray(history)) throw new ShuangsuijiError('INVALID_HISTORY', '往期检查记录须为数组', 'the history must be an array', { path: ['history'] });
  const out: { id: string; date: string; department: string; item: string }[] = [];
  for (let i = 0; i < history.length; i++) out.push(checkHistory(history[i] as PastInspection, i));
  return out;
}

/**
 * Validates one history entry (spec §5); returns it with a canonical id. Exactly the keys entityId, date,
 * department and item; department and item non-empty, well-formed text of at most 65534 UTF-8 bytes (a lone
 * surrogate would be hashed as U+FFFD while the exclusion compares the raw string).
 */
export function checkHistory(h: PastInspection, i: number): { id: string; date: string; department: string; item: string } {
  const fail = (zh: string, en: string, path: (string | number)[]): never => {
    throw new ShuangsuijiError('INVALID_HISTORY', `检查记录第 ${i} 条${zh}`, `history entry ${i}: ${en}`, { path: ['history', i, ...path] });
  };
  if (typeof h !== 'object' || h === null || Array.isArray(h)) fail('不是对象', 'is not an object', []);
  for (const key of Object.keys(h).sort(compareCodePoints)) if (!HISTORY_KEYS.includes(key)) fail(`含未知字段 ${key}`, `unknown key ${key}`, [key]);
  const id = canonicalIdOrThrow(h.entityId, ['history', i, 'entityId']);
  if (tryDayNumber(h.date) === undefined) fail('日期无效（应为 YYYY-MM-DD 的真实日期）', 'the date is invalid (a real date YYYY-MM-DD is expected)', ['date']);
  for (const key of ['department', 'item'] as const) {
    const v: unknown = h[key];
    if (typeof v !== 'string' || v.length === 0) fail(`缺少${key === 'department' ? '部门' : '事项'}`, `lacks the ${key}`, [key]);
    const n = utf8LengthChecked(v as string);
    if (n < 0) fail('含不成对的代理项', `the ${key} contains a lone surrogate`, [key]);
    if (n > MAX_FIELD_BYTES) fail(`超过 ${MAX_FIELD_BYTES} 字节`, `the ${key} is longer than ${MAX_FIELD_BYTES} bytes`, [key]);
  }
  return { id, date: h.date, department: h.department, item: h.item };
}

export { hexOf };
