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
const ALL = '\u0000all';

interface Cand {
  readonly t: Int32Array;
  readonly id: string;
  readonly row: CanonicalRow;
  readonly entity: Entity;
  readonly stratum: string;
  readonly lambda: Rational | undefined;
  readonly kn: bigint;
  readonly kd: bigint;
}

function cmpTicket(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < 8; i++) {
    const x = a[i]! >>> 0, y = b[i]! >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
function cmpCand(a: Cand, b: Cand): number {
  if (a.lambda !== undefined && b.lambda !== undefined) {
    const l = a.kn * b.kd, r = b.kn * a.kd;
    if (l !== r) return l < r ? -1 : 1;
  }
  return cmpTicket(a.t, b.t) || compareCodePoints(a.id, b.id);
}
function ticketBig(t: Int32Array): bigint {
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

interface Stratum {
  readonly key: string;
  population: number;
  readonly weights: Map<string, { w: Rational; count: number }>;
  requested: number;
  size: number;
  certainCount: number;
  lambdaFor: Map<string, Rational>; // weight "n/d" → λ (1 = certain)
  heap: Heap;
  readonly certain: Cand[];
  simple: Rational; // k/N for SRS
  scale: Rational | null; // m/W for weighted draws (§7.4), recorded so each unit can find its own λ
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
}

/** One draw in progress. Call `row` for every register row per pass (`passes` = 1 or 2), then `finish`. */
export class DrawEngine {
  readonly passes: 1 | 2;
  private pass = 1;
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
  private readonly historyDigestHex: string;
  private rowsPass2 = 0;
  private eligible = 0;
  private excluded = 0;
  private prepared = false;
  private single: Stratum | undefined;

  constructor(readonly spec: NormalizedDrawSpec, private readonly options: EngineOptions) {
    this.inPopulation = compilePopulation(spec.population);
    this.weightOf = spec.weights ? compileWeights(spec.weights) : undefined;
    this.hasher = new TicketHasher(ticketPrefix(options.seed, spec.label));
    this.passes = spec.weights !== undefined || spec.stratification !== undefined || (spec.size !== undefined && !('count' in spec.size)) ? 2 : 1;
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
    if (this.passes === 1) {
      const k = (spec.size as { count: number }).count;
      this.strata.set(ALL, newStratum(ALL, k));
      this.prepared = true;
    }
  }

  /** Starts the second pass. */
  startSecondPass(): void {
    this.closeFirstPass();
    this.prepare();
    this.pass = 2;
  }

  /**
   * Ends the first pass for the duplicate guard; true when a one-pass draw must read the rows once more through
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
    if (this.pass === 1) {
      this.acc.add(e);
      this.guard.add(id);
      if (this.options.watch !== undefined) this.options.watch(e);
    } else {
      this.rowsPass2++;
      if (this.guard.needsConfirmation) this.guard.confirm(id, index);
    }
    if (!this.inPopulation(e)) return;
    if (this.pass === 1) this.eligible++;
    if (this.excludedIds.size > 0 && this.excludedIds.has(id) && (this.excludeClasses === 'all' || (e.riskClass !== undefined && (this.excludeClasses as readonly string[]).includes(e.riskClass)))) {
      if (this.pass === 1) this.excluded++;
      return;
    }
    const key = this.stratumKey(e);
    if (this.pass === 1 && this.passes === 2) {
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
    const st = this.spec.stratification === undefined ? (this.single ??= this.strata.get(ALL)!) : this.strata.get(key)!;
    if (this.passes === 1) st.population++;
    const lambda = this.weightOf ? st.lambdaFor.get(ratString(this.weightOf(e)))! : undefined;
    if (lambda !== undefined && lambda.n === 0n) return;
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

  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    const spec = this.spec;
    const strat = spec.stratification;
    if (strat === undefined && !this.strata.has(ALL)) this.strata.set(ALL, newStratum(ALL, 0));
    const sizeOf = new Map<string, SizeRule>(strat?.allocation === 'per-stratum' ? strat.sizes.map((e) => [e.stratum, e.size]) : []);
    for (const key of sizeOf.keys()) if (!this.strata.has(key)) this.strata.set(key, newStratum(key, 0));
    const keys = [...this.strata.keys()].sort(compareCodePoints);
    if (strat === undefined) {
      const st = this.strata.get(ALL)!;
      st.requested = sizeFor(spec.size!, st.population);
    } else if (strat.allocation === 'per-stratum') {
      for (const key of keys) {
        const rule: SizeRule | undefined = sizeOf.get(key) ?? strat.otherStrata;
        const st = this.strata.get(key)!;
        st.requested = rule === undefined ? 0 : sizeFor(rule, st.population);
      }
    } else {
      const total = keys.reduce((s, k) => s + this.strata.get(k)!.population, 0);
      let n = sizeFor(spec.size!, total);
      if (n > total) {
        if (spec.shortfall === 'error') throw tooSmall(null, n, total);
        n = total;
      }
      const rows = keys.map((k) => {
        const st = this.strata.get(k)!;
        const q = BigInt(n) * BigInt(st.population);
        return { st, base: total === 0 ? 0 : Number(q / BigInt(total)), rem: total === 0 ? 0n : q % BigInt(total) };
      });
      let left = n - rows.reduce((s, r) => s + r.base, 0);
      const order = [...rows].sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : b.st.population - a.st.population || compareCodePoints(a.st.key, b.st.key)));
      for (const r of order) { if (left <= 0) break; r.base++; left--; }
      for (const r of rows) r.st.requested = r.base;
    }
    for (const key of keys) {
      const st = this.strata.get(key)!;
      st.size = st.requested;
      if (st.requested > st.population) {
        if (spec.shortfall === 'error') throw tooSmall(key === ALL ? null : key, st.requested, st.population);
        st.size = st.population;
      }
      st.simple = st.population === 0 ? rat(0n) : rat(BigInt(st.size), BigInt(st.population));
      if (this.weightOf) {
        const groups = [...st.weights.values()].sort((a, b) => cmp(b.w, a.w));
        let certainUnits = 0;
        let idx = 0;
        let remW = groups.reduce((s, g) => ({ n: s.n * g.w.d + BigInt(g.count) * g.w.n * s.d, d: s.d * g.w.d }), { n: 0n, d: 1n } as Rational);
        remW = rat(remW.n, remW.d);
        for (;;) {
          const g = groups[idx];
          const nRem = st.size - certainUnits;
          if (g === undefined || nRem <= 0) break;
          // λ = nRem·w / remW ≥ 1 → certain
          if (cmp(mul(rat(BigInt(nRem)), g.w), remW) >= 0) {
            st.lambdaFor.set(ratString(g.w), rat(1n));
            certainUnits += g.count;
            remW = sub(remW, mul(g.w, rat(BigInt(g.count))));
            idx++;
          } else break;
        }
        const nRem = st.size - certainUnits;
        for (; idx < groups.length; idx++) {
          const g = groups[idx]!;
          st.lambdaFor.set(ratString(g.w), nRem <= 0 || remW.n === 0n ? rat(0n) : div(mul(rat(BigInt(nRem)), g.w), remW));
        }
        st.certainCount = certainUnits;
        st.scale = nRem <= 0 || remW.n === 0n ? rat(0n) : div(rat(BigInt(nRem)), remW);
        st.heap = new Heap(Math.max(0, nRem), false);
      } else st.heap = new Heap(st.size, true);
    }
  }

  /** Finishes the draw: the selection in ticket order and the record. */
  finish(): DrawResult {
    if (this.passes === 1 && !this.firstPassClosed && this.closeFirstPass()) throw this.unconfirmable();
    if (this.guard.needsConfirmation && (this.passes === 2 || this.confirming)) {
      if (this.rowsPass2 !== this.acc.count) throw new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '两次读取名录库的行数不同', 'the register gave a different number of rows on the second read', { details: { first: this.acc.count, second: this.rowsPass2 } });
      this.guard.endConfirmation();
    }
    if (this.passes === 1) {
      const st = this.strata.get(ALL)!;
      st.requested = st.size;
      if (st.size > st.population) {
        if (this.spec.shortfall === 'error') throw tooSmall(null, st.size, st.population);
        st.size = st.population;
      }
      st.simple = st.population === 0 ? rat(0n) : rat(BigInt(st.size), BigInt(st.population));
    } else if (this.rowsPass2 !== this.acc.count) {
      throw new ShuangsuijiError('REGISTER_CHANGED_DURING_DRAW', '两次读取名录库的行数不同', 'the register gave a different number of rows on the second pass', { details: { first: this.acc.count, second: this.rowsPass2 } });
    }
    const keys = [...this.strata.keys()].sort(compareCodePoints);
    const all: Cand[] = [];
    const summaries: StratumSummary[] = [];
    for (const key of keys) {
      const st = this.strata.get(key)!;
      const chosen = [...st.certain, ...st.heap.items];
      all.push(...chosen);
      summaries.push({ stratum: key === ALL ? null : key, population: st.population, requested: st.requested, size: st.size, certain: st.certainCount, selected: chosen.length, weightScale: st.scale === null ? null : ratString(st.scale) });
    }
    all.sort((a, b) => cmpTicket(a.t, b.t) || compareCodePoints(a.id, b.id));
    const selected: SelectedTarget[] = [];
    const recordSelected: DrawRecord['selected'][number][] = [];
    // Probabilities are shared objects (one per stratum, or one per weight group): format each once.
    const shown = new Map<Rational, { s: string; f: number }>();
    for (const c of all) {
      const st = this.strata.get(c.stratum)!;
      const p = c.lambda ?? st.simple;
      let ps = shown.get(p);
      if (ps === undefined) { ps = { s: ratString(p), f: ratFloat(p) }; shown.set(p, ps); }
      const ticket = wordsHex(c.t);
      const stratum = c.stratum === ALL ? null : c.stratum;
      const rowHash = this.acc.rowHashHex(c.row);
      selected.push(Object.freeze({ entity: c.entity, id: c.id, ticket, stratum, inclusionProbability: ps.s, inclusionProbabilityApprox: ps.f }));
      recordSelected.push({ id: c.id, ticket, stratum, inclusionProbability: ps.s, rowHash });
    }
    const o = this.options;
    const head = {
      format: 'shuangsuiji-draw-record',
      algorithm: 'shuangsuiji-draw',
      version: 1,
      label: this.spec.label,
      seed: o.seedHex,
      seedOrigin: o.seedOrigin,
      seedCommitment: o.seedCommitment,
      register: { digest: this.acc.digest(), size: this.acc.count, eligible: this.eligible },
      exclusion: { digest: this.historyDigestHex, historySize: o.history.length, excluded: this.excluded },
      spec: this.spec,
      strata: summaries,
    };
    // A plain JSON copy of everything but the selection (which is built fresh above from strings and null, so a
    // JSON round trip would return it unchanged); `selected` stays the last key.
    const record = JSON.parse(JSON.stringify(head)) as Omit<DrawRecord, 'selected'> & { selected?: DrawRecord['selected'] };
    record.selected = recordSelected;
    return Object.freeze({ selected: Object.freeze(selected), record: record as DrawRecord });
  }
}

function newStratum(key: string, size: number): Stratum {
  return { key, population: 0, weights: new Map(), requested: size, size, certainCount: 0, lambdaFor: new Map(), heap: new Heap(size, true), certain: [], simple: rat(0n), scale: null };
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
