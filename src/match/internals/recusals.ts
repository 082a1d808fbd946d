/**
 * Step 5 of the preparation — recusals: every fact row (read and canonicalised by {@link readFacts}) and every
 * day-of recusal becomes (target, inspector, ground) triples, bucketed by target for binary search; the declared
 * triples are hashed into the recusals digest (docs/spec.md §M2); rows naming no target or inspector are reported.
 */
import { daysFromCivil, daysInMonth, plainDateOf } from '../../internals/plain-date.js';
import type { MatchFacts } from '../match-options.js';
import type { MatchTarget } from '../match-target.js';
import type { UnmatchedFact, UnmatchedFacts } from '../unmatched-facts.js';
import { HashWriter } from './encoding.js';
import { nameKey, readFacts } from './validate.js';

/** Recusal ground bits (bit k ↔ ground code k+1 in the recusal digest). */
export const GROUND_BITS = {
  'close-relative': 1,
  interest: 2,
  'former-employment': 4,
  other: 8,
  relative: 16,
  request: 32,
  rotation: 64,
} as const;

/** Recusal declared on the day (re-draw); not part of the recusal digest. */
export const DAY_BIT = 128;

/** A day-of recusal pair, ids canonical. */
export interface DayRecusal {
  readonly targetId: string;
  readonly inspectorId: string;
}

export interface Recusals {
  /** The recused inspectors of target t are `recInspector[recStart[t] … recStart[t+1])`, ascending, with their ground bits in `recBits`. */
  readonly recStart: Int32Array;
  readonly recInspector: Int32Array;
  readonly recBits: Uint8Array;
  readonly digest: string;
  readonly unmatched: UnmatchedFacts;
}

/** The same calendar day `years` years earlier (29 February → 28 February). */
function yearsBefore(day: number, years: number): number {
  const text = plainDateOf(day);
  const y = Number(text.slice(0, 4)) - years;
  const m = Number(text.slice(5, 7));
  const d = Math.min(Number(text.slice(8, 10)), daysInMonth(Math.max(y, 1), m));
  return daysFromCivil(y, m, d);
}

export function collectRecusals(
  facts: MatchFacts,
  targets: readonly MatchTarget[],
  targetIndex: ReadonlyMap<string, number>,
  inspectorIndex: ReadonlyMap<string, number>,
  day: number,
  rotationYears: number,
  dayRecusals: readonly DayRecusal[],
): Recusals {
  const T = targets.length;
  const conflicts: unknown = facts.conflicts;
  const rows = new RecusalRows((Array.isArray(conflicts) ? conflicts.length : 0) + dayRecusals.length + 16);
  const byName = new Map<string, number[]>();
  for (let t = 0; t < T; t++) {
    const raw = targets[t]!.legalRepresentative;
    if (raw === undefined) continue;
    const name = nameKey(raw);
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [t]);
    else list.push(t);
  }
  const rotationStart = rotationYears > 0 ? yearsBefore(day, rotationYears) : Infinity;
  const counts = { conflicts: 0, relatives: 0, recusalRequests: 0, history: 0 };
  const unmatched: UnmatchedFact[] = [];
  // Ground g ↔ bit 1 << g (g = 7: day-of recusal).
  let lastEntity: string | undefined, lastT: number | undefined;
  readFacts(facts, (list, index, entityId, inspectorId, ground, name, day) => {
    const i = inspectorIndex.get(inspectorId);
    let t: number | undefined = 0;
    if (entityId !== undefined) {
      // Fact lists are often grouped by entity: remember the last look-up.
      if (entityId !== lastEntity) { lastEntity = entityId; lastT = targetIndex.get(entityId); }
      t = lastT;
    }
    if (i === undefined || t === undefined) {
      counts[list]++;
      unmatched.push({
        path: [list, index],
        ...(entityId === undefined ? {} : { entityId }),
        inspectorId,
        unknownTarget: t === undefined,
        unknownInspector: i === undefined,
      });
      return;
    }
    if (list === 'conflicts') rows.push(t, i, ground);
    else if (list === 'recusalRequests') rows.push(t, i, 5);
    else if (list === 'relatives') for (const u of byName.get(nameKey(name!)) ?? []) rows.push(u, i, 4);
    else if (day >= rotationStart) rows.push(t, i, 6);
  });
  for (const r of dayRecusals) {
    const t = targetIndex.get(r.targetId), i = inspectorIndex.get(r.inspectorId);
    if (t !== undefined && i !== undefined) rows.push(t, i, 7);
  }

  // Bucket the rows by target (counting sort), sort each bucket by (inspector, ground), merge, and hash
  // the distinct declared triples in (t, i, g) order (day-of recusals live in the record's redraws).
  const recStart = new Int32Array(T + 1);
  for (let r = 0; r < rows.length; r++) recStart[rows.t[r]! + 1]!++;
  for (let t = 0; t < T; t++) recStart[t + 1]! += recStart[t]!;
  const entries = new Int32Array(rows.length);
  {
    const fill = recStart.slice(0, T);
    for (let r = 0; r < rows.length; r++) entries[fill[rows.t[r]!]!++] = rows.i[r]! * 8 + rows.g[r]!;
  }
  rows.release();
  let count = 0;
  for (let t = 0; t < T; t++) {
    const a = recStart[t]!, b = recStart[t + 1]!;
    sortSegment(entries, a, b);
    for (let e = a; e < b; e++) if ((entries[e]! & 7) !== 7 && (e === a || entries[e] !== entries[e - 1])) count++;
  }
  const rw = new HashWriter().str('shuangsuiji/match/v1/recusals').u32(count);
  const recInspectorAll = new Int32Array(entries.length);
  const recBitsAll = new Uint8Array(entries.length);
  let n = 0;
  for (let t = 0; t < T; t++) {
    const a = recStart[t]!, b = recStart[t + 1]!;
    recStart[t] = n;
    for (let e = a; e < b; e++) {
      const v = entries[e]!;
      if (e > a && v === entries[e - 1]) continue;
      const i = v >>> 3, g = v & 7;
      if (g !== 7) rw.u32(t).u32(i).u8(g + 1);
      if (n > recStart[t]! && recInspectorAll[n - 1] === i) recBitsAll[n - 1]! |= 1 << g;
      else { recInspectorAll[n] = i; recBitsAll[n] = 1 << g; n++; }
    }
  }
  recStart[T] = n;
  const total = counts.conflicts + counts.relatives + counts.recusalRequests + counts.history;
  return {
    recStart,
    recInspector: recInspectorAll.slice(0, n),
    recBits: recBitsAll.slice(0, n),
    digest: rw.digestHex(),
    unmatched: Object.freeze({ total, counts: Object.freeze(counts), facts: Object.freeze(unmatched.map((f) => Object.freeze(f))) }),
  };
}

/** Growable columns of (target, inspector, ground) rows. */
class RecusalRows {
  t: Int32Array;
  i: Int32Array;
  g: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.t = new Int32Array(capacity);
    this.i = new Int32Array(capacity);
    this.g = new Uint8Array(capacity);
  }

  push(t: number, i: number, g: number): void {
    if (this.length === this.t.length) {
      const size = this.t.length * 2;
      const t2 = new Int32Array(size); t2.set(this.t); this.t = t2;
      const i2 = new Int32Array(size); i2.set(this.i); this.i = i2;
      const g2 = new Uint8Array(size); g2.set(this.g); this.g = g2;
    }
    this.t[this.length] = t;
    this.i[this.length] = i;
    this.g[this.length] = g;
    this.length++;
  }

  release(): void {
    this.t = this.i = new Int32Array(0);
    this.g = new Uint8Array(0);
  }
}

/** Sorts `a[from … to)` ascending (insertion sort for short runs). */
function sortSegment(a: Int32Array, from: number, to: number): void {
  if (to - from > 48) {
    a.subarray(from, to).sort();
    return;
  }
  for (let x = from + 1; x < to; x++) {
    const v = a[x]!;
    let y = x - 1;
    while (y >= from && a[y]! > v) { a[y + 1] = a[y]!; y--; }
    a[y + 1] = v;
  }
}
