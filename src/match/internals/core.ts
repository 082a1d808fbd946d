/** The two runs of the match (local pool; then, when it leaves a target out, local and neighbouring pools with the neighbouring one kept to the targets that need it — docs/spec.md §M6) and result assembly. */
import type { Inspector } from '../../models/inspector.js';
import type { MatchOptions } from '../match-options.js';
import type { MatchRecord, RecordedAssignment, RecordedRedraw } from '../match-record.js';
import type { MatchResult, TeamAssignment, UnstaffableTarget } from '../match-result.js';
import type { UnstaffableReason } from '../unstaffable-reason.js';
import type { MatchTarget } from '../match-target.js';
import type { ExpertShortfall } from '../expert-shortfall.js';
import { explain } from './explain.js';
import { assignExperts, explainExperts, makeExpertPool } from './experts.js';
import { prepare, type Prepared } from './prepare.js';
import type { DayRecusal } from './recusals.js';
import { makeStage, runStage, type Member } from './run.js';

export interface CoreMatch {
  readonly p: Prepared;
  readonly stageNo: 1 | 2;
  /** Per target index: 1 when neighbouring inspectors were allowed. */
  readonly neighbourAllowed: Uint8Array;
  readonly teams: Map<number, readonly Member[]>;
  /** Target index → true when it became unstaffable by a re-draw. */
  readonly unstaffable: Map<number, boolean>;
  /** 专家 per staffed target (ascending expert rank); undefined when `expertsPerTarget` is 0. */
  readonly experts: Map<number, readonly Member[]> | undefined;
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
    // Run 2 (docs/spec.md §M6 step 3): phase 1 over local and neighbouring inspectors with every target allowed
    // both, run 1's targets first; then each kept target, in that order, is restricted to local inspectors when
    // the kept set stays feasible; phase 2 as in run 1.
    const rejected = new Uint8Array(T);
    for (const t of first.rejected) rejected[t] = 1;
    neighbourAllowed.fill(1);
    const addOrder = [...p.ticketOrder.filter((t) => rejected[t] === 0), ...first.rejected];
    outcome = runStage(makeStage(p, 2, (t) => neighbourAllowed[t] === 1), addOrder, p.ticketOrder, budget, { allowed: neighbourAllowed, order: addOrder });
    stageNo = 2;
  }
  const unstaffable = new Map<number, boolean>();
  for (const t of outcome.rejected) unstaffable.set(t, false);
  let experts: Map<number, readonly Member[]> | undefined;
  if (p.expertsPerTarget > 0) {
    // Experts come after the enforcement teams are fixed and never change them (§M11).
    const pool = makeExpertPool(p, stageNo, (t) => neighbourAllowed[t] === 1);
    experts = assignExperts(p, pool, p.ticketOrder.filter((t) => outcome.teams.has(t)));
  }
  return { p, stageNo, neighbourAllowed, teams: new Map(outcome.teams), unstaffable, experts };
}

/** Expert assists per inspector index. */
export function expertLoadsOf(p: Prepared, experts: ReadonlyMap<number, readonly Member[]>): Int32Array {
  const load = new Int32Array(p.inspectors.length);
  for (const list of experts.values()) for (const m of list) load[m.inspector]!++;
  return load;
}

/** The expert shortfall of every staffed target short of experts (empty when no experts were requested). */
function expertShortfallsOf(core: CoreMatch): Map<number, ExpertShortfall> {
  const out = new Map<number, ExpertShortfall>();
  if (core.experts === undefined) return out;
  const load = expertLoadsOf(core.p, core.experts);
  for (const [t, list] of core.experts) {
    if (!core.teams.has(t)) continue;
    const s = explainExperts(core.p, t, core.stageNo, core.neighbourAllowed[t] === 1, list, load);
    if (s !== undefined) out.set(t, s);
  }
  return out;
}

const idsAndRanks = (p: Prepared, list: readonly Member[]): { ids: string[]; ranks: number[] } => ({
  ids: list.map((m) => p.inspectors[m.inspector]!.id),
  ranks: list.map((m) => m.rank),
});

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

export function recordedAssignments(core: CoreMatch, shortfalls: ReadonlyMap<number, ExpertShortfall>): RecordedAssignment[] {
  const out: RecordedAssignment[] = [];
  for (const t of core.p.ticketOrder) {
    const team = core.teams.get(t);
    if (team === undefined) continue;
    // Expert keys only when experts were requested, so records without experts keep their exact bytes.
    let expertFields = {};
    if (core.experts !== undefined) {
      const { ids, ranks } = idsAndRanks(core.p, core.experts.get(t) ?? []);
      const short = shortfalls.get(t);
      expertFields = { expertIds: ids, expertRanks: ranks, ...(short === undefined ? {} : { expertShortfall: short.code }) };
    }
    out.push({
      targetId: core.p.targets[t]!.id,
      targetTicket: core.p.tickets[t]!,
      stage: core.stageNo,
      neighbourAllowed: core.neighbourAllowed[t] === 1,
      inspectorIds: team.map((m) => core.p.inspectors[m.inspector]!.id),
      ranks: team.map((m) => m.rank),
      ...expertFields,
    });
  }
  return out;
}

/** The expert fields of a re-draw entry for target `t` (none when no experts were requested). */
export function recordedExperts(core: CoreMatch, t: number): { expertIds?: string[]; expertRanks?: number[] } {
  if (core.experts === undefined) return {};
  const { ids, ranks } = idsAndRanks(core.p, core.experts.get(t) ?? []);
  return { expertIds: ids, expertRanks: ranks };
}

/**
 * Assembles the result. After a re-draw, `initial` is the record's first assignments, `earlierReasons` the
 * unstaffable reasons to keep and `earlierShortfalls` the expert shortfalls to keep (by target id, `null` = none);
 * targets absent from them are explained afresh.
 */
export function buildResult(
  core: CoreMatch,
  initial: readonly RecordedAssignment[] | undefined,
  redraws: readonly RecordedRedraw[],
  earlierReasons: ReadonlyMap<string, UnstaffableReason> = new Map(),
  earlierShortfalls: ReadonlyMap<string, ExpertShortfall | null> = new Map(),
): MatchResult {
  const { p } = core;
  const load = loadsOf(p, core.teams);
  const considered = consideredOf(p, core.stageNo);
  const shortfalls = expertShortfallsOf(core);
  let expertsComplete = true;
  const assignments: TeamAssignment[] = [];
  const unstaffable: UnstaffableTarget[] = [];
  const recordUnstaffable: { targetId: string; targetTicket: string; code: string }[] = [];
  for (const t of p.ticketOrder) {
    const team = core.teams.get(t);
    const targetId = p.targets[t]!.id;
    const targetTicket = p.tickets[t]!;
    if (team !== undefined) {
      const member = (m: Member) => Object.freeze({
        inspectorId: p.inspectors[m.inspector]!.id,
        department: p.inspectors[m.inspector]!.department,
        rank: m.rank,
        neighbour: p.isNeighbour[m.inspector] === 1,
      });
      let expertFields = {};
      if (core.experts !== undefined) {
        const list = core.experts.get(t) ?? [];
        const short = earlierShortfalls.has(targetId) ? earlierShortfalls.get(targetId) ?? undefined : shortfalls.get(t);
        if (list.length < p.expertsPerTarget) expertsComplete = false;
        expertFields = { experts: Object.freeze(list.map(member)), ...(short === undefined ? {} : { expertShortfall: short }) };
      }
      assignments.push(Object.freeze({
        targetId,
        targetTicket,
        usedNeighbourPool: core.neighbourAllowed[t] === 1,
        members: Object.freeze(team.map(member)),
        ...expertFields,
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
    assignments: initial ?? recordedAssignments(core, shortfalls),
    unstaffable: recordUnstaffable,
    redraws,
  };
  return Object.freeze({
    complete: unstaffable.length === 0,
    assignments: Object.freeze(assignments),
    unstaffable: Object.freeze(unstaffable),
    unmatchedFacts: p.unmatchedFacts,
    record,
    ...(core.experts === undefined ? {} : { expertsComplete }),
  });
}
