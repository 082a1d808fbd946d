/** The two-stage match (local pool, then neighbouring pool for what the local pool cannot staff) and result assembly. */
import type { Inspector } from '../../models/inspector.js';
import type { ResolvedMatchOptions as MatchOptions } from './resolve-seed.js';
import type { MatchRecord, RecordedAssignment, RecordedRedraw } from '../match-record.js';
import type { MatchResult, TeamAssignment, UnstaffableTarget } from '../match-result.js';
import type { UnstaffableReason } from '../unstaffable-reason.js';
import type { MatchTarget } from '../match-target.js';
import { explain } from './explain.js';
import { prepare, type DayRecusal, type Prepared } from './prepare.js';
import { makeStage, runStage, type Member } from './run.js';

export interface CoreMatch {
  readonly p: Prepared;
  readonly stageNo: 1 | 2;
  /** Per target index: 1 when neighbouring inspectors were allowed. */
  readonly neighbourAllowed: Uint8Array;
  readonly teams: Map<number, readonly Member[]>;
  /** Target index → true when it became unstaffable by a re-draw. */
  readonly unstaffable: Map<number, boolean>;
}

export const DEFAULT_SEARCH_BUDGET = 1_000_000;

export function matchCore(
  targets: readonly MatchTarget[],
  inspectors: readonly Inspector[],
  options: MatchOptions,
  dayRecusals: readonly DayRecusal[] = [],
): CoreMatch {
  const p = prepare(targets, inspectors, options, dayRecusals);
  const budget = options.searchBudget ?? DEFAULT_SEARCH_BUDGET;
  const T = p.targets.length;
  const neighbourAllowed = new Uint8Array(T);
  const first = runStage(makeStage(p, 1, () => false), p.ticketOrder, p.ticketOrder, budget);
  let outcome = first;
  let stageNo: 1 | 2 = 1;
  if (first.rejected.length > 0 && p.isNeighbour.some((x) => x === 1)) {
    const rejected = new Uint8Array(T);
    for (const t of first.rejected) rejected[t] = 1;
    for (const t of first.rejected) neighbourAllowed[t] = 1;
    const addOrder = [...p.ticketOrder.filter((t) => rejected[t] === 0), ...first.rejected];
    outcome = runStage(makeStage(p, 2, (t) => neighbourAllowed[t] === 1), addOrder, p.ticketOrder, budget);
    stageNo = 2;
  }
  const unstaffable = new Map<number, boolean>();
  for (const t of outcome.rejected) unstaffable.set(t, false);
  return { p, stageNo, neighbourAllowed, teams: new Map(outcome.teams), unstaffable };
}

export function loadsOf(p: Prepared, teams: ReadonlyMap<number, readonly Member[]>): Int32Array {
  const load = new Int32Array(p.inspectors.length);
  for (const team of teams.values()) for (const m of team) load[m.inspector]!++;
  return load;
}

export function consideredOf(p: Prepared, stageNo: 1 | 2): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.inspectors.length; i++) if (stageNo === 2 || p.isNeighbour[i] === 0) out.push(i);
  return out;
}

export function recordedAssignments(core: CoreMatch): RecordedAssignment[] {
  const out: RecordedAssignment[] = [];
  for (const t of core.p.ticketOrder) {
    const team = core.teams.get(t);
    if (team === undefined) continue;
    out.push({
      targetId: core.p.targets[t]!.id,
      targetTicket: core.p.tickets[t]!,
      stage: core.stageNo,
      neighbourAllowed: core.neighbourAllowed[t] === 1,
      inspectorIds: team.map((m) => core.p.inspectors[m.inspector]!.id),
      ranks: team.map((m) => m.rank),
    });
  }
  return out;
}

export function buildResult(
  core: CoreMatch,
  initial: readonly RecordedAssignment[] | undefined,
  redraws: readonly RecordedRedraw[],
  earlierReasons: ReadonlyMap<string, UnstaffableReason> = new Map(),
): MatchResult {
  const { p } = core;
  const load = loadsOf(p, core.teams);
  const considered = consideredOf(p, core.stageNo);
  const assignments: TeamAssignment[] = [];
  const unstaffable: UnstaffableTarget[] = [];
  const recordUnstaffable: { targetId: string; targetTicket: string; code: string }[] = [];
  for (const t of p.ticketOrder) {
    const team = core.teams.get(t);
    const targetId = p.targets[t]!.id;
    const targetTicket = p.tickets[t]!;
    if (team !== undefined) {
      assignments.push(Object.freeze({
        targetId,
        targetTicket,
        usedNeighbourPool: core.neighbourAllowed[t] === 1,
        members: Object.freeze(team.map((m) => Object.freeze({
          inspectorId: p.inspectors[m.inspector]!.id,
          department: p.inspectors[m.inspector]!.department,
          rank: m.rank,
          neighbour: p.isNeighbour[m.inspector] === 1,
        }))),
      }));
    } else {
      const after = core.unstaffable.get(t) === true;
      const reason = earlierReasons.get(targetId) ?? explain(p, t, considered, load, after);
      unstaffable.push(Object.freeze({ targetId, targetTicket, reason }));
      if (!after) recordUnstaffable.push({ targetId, targetTicket, code: reason.code });
    }
  }
  const record: MatchRecord = {
    algorithm: 'shuangsuiji-match',
    version: 1,
    seed: p.seed,
    label: p.label,
    rules: p.rules,
    digests: { ...p.digests },
    assignments: initial ?? recordedAssignments(core),
    unstaffable: recordUnstaffable,
    redraws,
  };
  return Object.freeze({ complete: unstaffable.length === 0, assignments: Object.freeze(assignments), unstaffable: Object.freeze(unstaffable), record });
}
