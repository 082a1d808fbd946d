/** Independent brute-force reference for the matcher (small instances only). */
import type { Inspector } from '../../src/models/inspector.js';
import type { MatchOptions, MatchTarget } from '../../src/match/index.js';

export function eligible(t: MatchTarget, p: Inspector, o: MatchOptions): boolean {
  const depts = new Set([o.department, ...(o.cooperatingDepartments ?? [])]);
  if (!depts.has(p.department) || p.isExpert || p.status !== 'active' || p.certificate === undefined) return false;
  if (p.certificate.validFrom !== undefined && p.certificate.validFrom > o.date) return false;
  if (p.certificate.validTo !== undefined && p.certificate.validTo < o.date) return false;
  if ((o.conflicts ?? []).some((c) => c.entityId === t.id && c.inspectorId === p.id)) return false;
  if ((o.recusalRequests ?? []).some((c) => c.entityId === t.id && c.inspectorId === p.id)) return false;
  if ((o.relatives ?? []).some((r) => r.inspectorId === p.id && r.name === t.legalRepresentative)) return false;
  if (o.crossUnit === true && p.unit !== undefined && p.unit === t.supervisingUnit) return false;
  return true;
}

export function minimumsOf(o: MatchOptions): [string, number][] {
  if (o.departmentMinimums !== undefined) return Object.entries(o.departmentMinimums).filter(([, v]) => v > 0);
  const coop = (o.cooperatingDepartments ?? []).filter((d) => d !== o.department);
  return coop.length === 0 ? [] : [o.department, ...coop].map((d) => [d, 1]);
}

export function validTeam(t: MatchTarget, team: readonly Inspector[], o: MatchOptions): boolean {
  const k = o.teamSize ?? 2;
  if (team.length !== k || new Set(team.map((p) => p.id)).size !== k) return false;
  if (!team.every((p) => eligible(t, p, o))) return false;
  for (const [d, m] of minimumsOf(o)) if (team.filter((p) => p.department === d).length < m) return false;
  const needs = [...(t.requiredExpertise ?? []), ...(o.requiredExpertise ?? [])];
  return needs.every((s) => team.some((p) => p.expertise.includes(s)));
}

function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...rest] = items;
  return [...subsets(rest, k - 1).map((s) => [head!, ...s]), ...subsets(rest, k)];
}

/**
 * Does an assignment staffing every target of `ts` exist, given fixed partial teams? `pairOk(t, p)` may forbid more
 * pairs (`pairOk`: a neighbouring inspector for a target restricted to local ones).
 */
export function exists(
  ts: readonly MatchTarget[],
  pool: readonly Inspector[],
  o: MatchOptions,
  fixed: ReadonlyMap<string, readonly string[]> = new Map(),
  pairOk: (t: MatchTarget, p: Inspector) => boolean = () => true,
): boolean {
  const cap = o.maxTargetsPerInspector ?? Infinity;
  const k = o.teamSize ?? 2;
  const load = new Map<string, number>();
  const memo = new Set<string>();
  const rec = (j: number): boolean => {
    if (j === ts.length) return true;
    const key = `${j}|${pool.map((p) => load.get(p.id) ?? 0).join(',')}`;
    if (memo.has(key)) return false;
    const t = ts[j]!;
    const must = fixed.get(t.id) ?? [];
    const mustP = pool.filter((p) => must.includes(p.id));
    const others = pool.filter((p) => !must.includes(p.id));
    for (const extra of subsets(others, k - mustP.length)) {
      const team = [...mustP, ...extra];
      if (!validTeam(t, team, o) || team.some((p) => (load.get(p.id) ?? 0) >= cap || !pairOk(t, p))) continue;
      for (const p of team) load.set(p.id, (load.get(p.id) ?? 0) + 1);
      const ok = rec(j + 1);
      for (const p of team) load.set(p.id, load.get(p.id)! - 1);
      if (ok) return true;
    }
    memo.add(key);
    return false;
  };
  return rec(0);
}
