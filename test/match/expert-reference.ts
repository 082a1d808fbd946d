/**
 * Independent brute-force reference for the expert draw (docs/spec.md §M11), small instances only. The expert
 * order is rebuilt from the spec text with node:crypto, not with the library's own stream.
 */
import { createHash } from 'node:crypto';
import type { Inspector } from '../../src/models/inspector.js';
import type { MatchOptions, MatchResult, MatchTarget } from '../../src/match/index.js';

export const EXPERT_ORDER_TAG = 'shuangsuiji/match/v1/expert-order';

const str = (s: string): Buffer => {
  const bytes = Buffer.from(s, 'utf8');
  const n = Buffer.alloc(4);
  n.writeUInt32BE(bytes.length);
  return Buffer.concat([n, bytes]);
};

/** The §M4 lazy Fisher–Yates order over `n` items keyed by (tag, seed, label, target id), fully expanded. */
export function specOrder(tag: string, seed: string, label: string, targetId: string, n: number): number[] {
  const prefix = Buffer.concat([str(tag), str(seed), str(label), str(targetId)]);
  let block = 0;
  let words: number[] = [];
  const next = (): number => {
    if (words.length === 0) {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(block++);
      const h = createHash('sha256').update(Buffer.concat([prefix, b])).digest();
      for (let k = 0; k < 8; k++) words.push(h.readUInt32BE(4 * k));
    }
    return words.shift()!;
  };
  const uniform = (m: number): number => {
    const limit = 2 ** 32 - (2 ** 32 % m);
    for (;;) {
      const v = next();
      if (v < limit) return v % m;
    }
  };
  const a = Array.from({ length: n }, (_, i) => i);
  for (let j = 0; j < n; j++) {
    const r = j + uniform(n - j);
    [a[j], a[r]] = [a[r]!, a[j]!];
  }
  return a;
}

/** Target-independent expert eligibility (§M11): department, 专家, active, every required expert specialty. No certificate check. */
export function expertEligible(p: Inspector, o: MatchOptions): boolean {
  const depts = new Set([o.department, ...(o.cooperatingDepartments ?? [])]);
  const needs = o.requiredExpertExpertise ?? [];
  return p.isExpert && depts.has(p.department) && p.status === 'active' && needs.every((s) => p.expertise.includes(s));
}

/** Recusal of a (target, person) pair from the facts, as for enforcement inspectors (rotation not generated). */
export function recused(t: MatchTarget, p: Inspector, o: MatchOptions, dayOf: readonly { targetId: string; inspectorId: string }[] = []): boolean {
  if ((o.conflicts ?? []).some((c) => c.entityId === t.id && c.inspectorId === p.id)) return true;
  if ((o.recusalRequests ?? []).some((c) => c.entityId === t.id && c.inspectorId === p.id)) return true;
  if ((o.relatives ?? []).some((r) => r.inspectorId === p.id && r.name === t.legalRepresentative)) return true;
  if (o.crossUnit === true && p.unit !== undefined && p.unit === t.supervisingUnit) return true;
  return dayOf.some((d) => d.targetId === t.id && d.inspectorId === p.id);
}

/** The expert pool of a run (§M11): eligible experts, local only in run 1, sorted by id. */
export function expertPoolOf(inspectors: readonly Inspector[], o: MatchOptions, stage: 1 | 2): Inspector[] {
  const neighbours = new Set((o.neighbourInspectors ?? []).map((p) => p.id));
  return [...inspectors, ...(o.neighbourInspectors ?? [])]
    .filter((p) => expertEligible(p, o) && (stage === 2 || !neighbours.has(p.id)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface ReferenceExperts {
  /** Maximum total number of expert places an assignment can fill. */
  readonly maximum: number;
  /** Expert ids per staffed target, in ascending expert rank. */
  readonly experts: ReadonlyMap<string, readonly string[]>;
}

/**
 * The §M11 procedure by brute force: M = the maximum total; then, target by target in ascending ticket, walk the
 * expert order and fix an expert when some assignment of total M contains every fixed pair and this one.
 */
export function referenceExperts(targets: readonly MatchTarget[], inspectors: readonly Inspector[], o: MatchOptions, result: MatchResult): ReferenceExperts {
  const e = o.expertsPerTarget ?? 0;
  const staffed = result.record.assignments; // ascending ticket
  const stage = staffed[0]?.stage ?? 1;
  const neighbours = new Set((o.neighbourInspectors ?? []).map((p) => p.id));
  const pool = expertPoolOf(inspectors, o, stage);
  const cap = o.maxTargetsPerInspector ?? Infinity;
  const byId = new Map(targets.map((t) => [t.id, t]));
  const allowed = staffed.map((a) => {
    const t = byId.get(a.targetId)!;
    return pool.map((p, x) => ({ p, x })).filter(({ p }) => !recused(t, p, o) && (!neighbours.has(p.id) || a.neighbourAllowed)).map(({ x }) => x);
  });
  const subsetsOf = (items: readonly number[], max: number): number[][] => {
    const out: number[][] = [[]];
    for (const item of items) for (const s of [...out]) if (s.length < max) out.push([...s, item]);
    return out;
  };
  const best = (fixed: readonly (readonly number[])[]): number => {
    const memo = new Map<string, number>();
    const load = new Array<number>(pool.length).fill(0);
    const rec = (j: number): number => {
      if (j === staffed.length) return 0;
      const key = `${j}|${load.join(',')}`;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      let top = -Infinity;
      const must = fixed[j] ?? [];
      for (const s of subsetsOf(allowed[j]!.filter((x) => !must.includes(x)), e - must.length)) {
        const set = [...must, ...s];
        if (set.some((x) => load[x]! >= cap)) continue;
        for (const x of set) load[x]!++;
        top = Math.max(top, set.length + rec(j + 1));
        for (const x of set) load[x]!--;
      }
      memo.set(key, top);
      return top;
    };
    return rec(0);
  };
  const maximum = best([]);
  const fixed: number[][] = staffed.map(() => []);
  const experts = new Map<string, string[]>();
  staffed.forEach((a, j) => {
    const order = specOrder(EXPERT_ORDER_TAG, result.record.seed, result.record.label, a.targetId, pool.length);
    for (const x of order) {
      if (fixed[j]!.length === e) break;
      if (!allowed[j]!.includes(x)) continue;
      fixed[j]!.push(x);
      if (best(fixed) !== maximum) fixed[j]!.pop();
    }
    experts.set(a.targetId, fixed[j]!.map((x) => pool[x]!.id));
  });
  return { maximum, experts };
}
