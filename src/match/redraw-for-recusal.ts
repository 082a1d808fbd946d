import { ShuangsuijiError } from '../errors.js';
import type { Inspector } from '../models/inspector.js';
import { DEFAULT_SEARCH_BUDGET, buildResult, expertLoadsOf, loadsOf, recordedExperts, type CoreMatch } from './internals/core.js';
import { makeExpertPool } from './internals/experts.js';
import type { ExpertShortfall } from './expert-shortfall.js';
import { compareCodePoints } from './internals/encoding.js';
import { firstDifference } from './internals/first-difference.js';
import { checkOptionKeys } from './internals/option-keys.js';
import { prepare } from './internals/prepare.js';
import { resultShapeProblem } from './internals/record-shape.js';
import { normaliseRules } from './internals/rules.js';
import { readMatchLabel, readMatchSeed } from './internals/seed-label.js';
import { makeStage, type Member } from './internals/run.js';
import { teamValid } from './internals/team-tree.js';
import { ExpertStatus, Status } from './internals/eligibility.js';
import { readDayOfRecusal } from './internals/validate.js';
import type { MatchOptions, RecusalGround } from './match-options.js';
import type { RecordedRedraw } from './match-record.js';
import type { MatchResult } from './match-result.js';
import type { MatchTarget } from './match-target.js';

/**
 * 现场回避 — an inspector's recusal declared after matching (on the day of inspection).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const r: DayOfRecusal = { targetId: 'T-1', inspectorId: 'I-2', ground: 'interest' };
 * const asked: DayOfRecusal = { targetId: 'T-1', inspectorId: 'I-3', ground: 'request', note: '当事人当场书面申请' };
 * ```
 */
export interface DayOfRecusal {
  /** The target whose team the inspector leaves (canonicalised like every id: NFC). */
  readonly targetId: string;
  /** The inspector who recuses. */
  readonly inspectorId: string;
  /**
   * 回避事由, from a fixed vocabulary: a declared ground ({@link RecusalGround}: `close-relative` 近亲属, `interest`
   * 利害关系, `former-employment` 曾任职, `other` 其他) or `request` 当事人申请. Any other value is refused
   * (`INVALID_MATCH_INPUT`, path `['recusal', 'ground']`); free text goes into `note`.
   */
  readonly ground: RecusalGround | 'request';
  /**
   * 说明 — optional free text recorded with the re-draw (1–2000 characters, no control characters other than tab
   * and line breaks). It never changes a result.
   */
  readonly note?: string | undefined;
}

/**
 * 回避后重新抽取 — replaces an inspector (or a 专家) who recuses after matching, keeping every other assignment.
 *
 * The replacement is the first inspector in the target's candidate order (the same order as the match)
 * who is eligible, not recused (including every earlier day-of recusal), below the workload limit and
 * keeps the team valid. When no single replacement keeps the team valid, the whole team of that target is
 * re-drawn: the first valid team in candidate order among inspectors with workload to spare. When no team
 * can be formed, the target moves to `unstaffable` with code `RECUSED_AFTER_MATCH` (its experts are released).
 * When the one recusing is one of the target's experts, the team stays and the expert is replaced by the first
 * expert of the target's expert order who is not assisting it already, not recused and below the workload
 * limit; when there is none, the target keeps one expert fewer and carries an `expertShortfall`. The re-draw is
 * appended to `record.redraws`; {@link verifyMatch} replays it.
 *
 * @param result - the current result (from {@link matchInspectors} or an earlier re-draw)
 * @param targets - the same targets as matched
 * @param inspectors - the same inspectors as matched
 * @param recusal - who recuses from which target, and why
 * @param options - the same options as matched
 * @throws {@link ShuangsuijiError} with a code of {@link MatchErrorCode}
 * @throws ShuangsuijiError `INVALID_MATCH_OPTIONS` for an unknown option key (path `[key]`) and the input errors of
 * {@link matchInspectors}; `INVALID_MATCH_INPUT` for a `result` of the wrong shape or naming inspectors the inputs do
 * not have (path under `['result']`) and for a recusal of the wrong shape, an unknown key or a ground outside the
 * vocabulary (path under `['recusal']`), `INVALID_ID` for a bad id in it; `MATCH_OPTIONS_MISMATCH` when the seed,
 * label or rules differ from the record's (path `[the first differing key]`); `REDRAW_NOT_ASSIGNED` when the target
 * is not a target of the match, has no team (it is unstaffable) or the inspector is neither on its team nor among
 * its experts (path `['recusal', 'targetId' | 'inspectorId']`)
 * @group Match
 *
 * @example
 * ```ts
 * const inspector = (id: string) => ({
 *   id, name: id, department: '市场监管局', expertise: [], status: 'active', isExpert: false,
 *   certificate: { number: `Z-${id}`, validTo: 'open-ended' },
 * }) as const;
 * const pool = ['I-1', 'I-2', 'I-3'].map(inspector);
 * const options = { seed: '42424242424242424242', label: 'L', date: '2025-07-01', department: '市场监管局' };
 * const first = matchInspectors([{ id: 'T-1' }], pool, options);
 * const leaving = first.assignments[0]!.members[0]!.inspectorId;
 * const after = redrawForRecusal(first, [{ id: 'T-1' }], pool, { targetId: 'T-1', inspectorId: leaving, ground: 'interest' }, options);
 * console.log(after.record.redraws.length); // 1
 *
 * // A 专家 who recuses is replaced from the target's expert order; the enforcement team stays.
 * const expert = (id: string) => ({ id, name: id, department: '市场监管局', expertise: ['特种设备'], status: 'active', isExpert: true }) as const;
 * const withExperts = [...pool, expert('E-1'), expert('E-2')];
 * const expertOptions = { ...options, expertsPerTarget: 1 };
 * const matched = matchInspectors([{ id: 'T-1' }], withExperts, expertOptions);
 * const assisting = matched.assignments[0]!.experts![0]!.inspectorId;
 * const replaced = redrawForRecusal(matched, [{ id: 'T-1' }], withExperts, { targetId: 'T-1', inspectorId: assisting, ground: 'interest' }, expertOptions);
 * console.log(replaced.assignments[0]!.experts!.map((m) => m.inspectorId)); // the other expert
 * ```
 */
export function redrawForRecusal(
  result: MatchResult,
  targets: readonly MatchTarget[],
  inspectors: readonly Inspector[],
  recusal: DayOfRecusal,
  options: MatchOptions,
): MatchResult {
  checkOptionKeys(options, 'options');
  const dayOf = readDayOfRecusal(recusal);
  const shape = resultShapeProblem(result);
  if (shape !== undefined) {
    throw new ShuangsuijiError('INVALID_MATCH_INPUT', `匹配结果格式错误（${['result', ...shape].join('.')}）`, `the match result is malformed (at ${['result', ...shape].join('.')})`, { path: ['result', ...shape] });
  }
  const record = result.record;
  const rules = normaliseRules(options);
  const seed = readMatchSeed(options.seed);
  const label = readMatchLabel(options.label);
  // The first differing key, over the own keys of both (a key only the record has differs too).
  const differing =
    seed !== record.seed ? 'seed'
    : label !== record.label ? 'label'
    : firstDifference(rules, record.rules, [])?.path[0];
  if (differing !== undefined) {
    throw new ShuangsuijiError(
      'MATCH_OPTIONS_MISMATCH',
      `选项与匹配记录中的种子、标签或规则不一致：${differing}`,
      `the options differ from the seed, label or rules of the match record: ${differing}`,
      { path: [differing] },
    );
  }
  const dayRecusals = [...record.redraws.map((r) => ({ targetId: r.targetId, inspectorId: r.inspectorId })), dayOf];
  const p = prepare(targets, inspectors, options, dayRecusals);
  // Every id the result names must be one of the inputs' (the result comes from the caller).
  const known = (list: 'assignments' | 'unstaffable', j: number, field: string, id: string, index: ReadonlyMap<string, number>, k?: number): void => {
    if (index.has(id)) return;
    const path = ['result', list, j, field, ...(k === undefined ? [] : [k, 'inspectorId'])];
    throw new ShuangsuijiError('INVALID_MATCH_INPUT', `匹配结果中的 ${id} 不在所给的输入中（${path.join('.')}）`, `the match result names ${id}, which the inputs do not have (${path.join('.')})`, { path });
  };
  result.assignments.forEach((a, j) => {
    known('assignments', j, 'targetId', a.targetId, p.targetIndex);
    a.members.forEach((m, k) => known('assignments', j, 'members', m.inspectorId, p.inspectorIndex, k));
    (a.experts ?? []).forEach((m, k) => known('assignments', j, 'experts', m.inspectorId, p.inspectorIndex, k));
  });
  result.unstaffable.forEach((u, j) => known('unstaffable', j, 'targetId', u.targetId, p.targetIndex));
  // Every team member and expert the result names must be eligible under these inputs (a result that does not
  // belong to them — an inspector since suspended, a certificate since expired — is refused, never re-drawn from).
  const ineligible = (j: number, field: 'members' | 'experts', k: number, id: string): never => {
    const path = ['result', 'assignments', j, field, k, 'inspectorId'];
    throw new ShuangsuijiError('INVALID_MATCH_INPUT', `匹配结果中的 ${id} 按所给的输入不具备选派资格（${path.join('.')}）：结果与输入不符`, `the match result names ${id}, who is not eligible under the inputs given (${path.join('.')}): the result does not belong to them`, { path });
  };
  result.assignments.forEach((a, j) => {
    a.members.forEach((m, k) => { if (p.status[p.inspectorIndex.get(m.inspectorId)!] !== Status.Eligible) ineligible(j, 'members', k, m.inspectorId); });
    (a.experts ?? []).forEach((m, k) => { if (p.expertStatus[p.inspectorIndex.get(m.inspectorId)!] !== ExpertStatus.Eligible) ineligible(j, 'experts', k, m.inspectorId); });
  });
  for (const [j, a] of record.assignments.entries()) {
    if (!p.targetIndex.has(a.targetId)) {
      throw new ShuangsuijiError('INVALID_MATCH_INPUT', `匹配记录中的检查对象 ${a.targetId} 不在所给的输入中`, `the match record names target ${a.targetId}, which the inputs do not have`, { path: ['result', 'record', 'assignments', j, 'targetId'] });
    }
  }
  const t = p.targetIndex.get(dayOf.targetId);
  const current = result.assignments.find((a) => a.targetId === dayOf.targetId);
  const initial = record.assignments.find((a) => a.targetId === dayOf.targetId);
  const onTeam = current?.members.some((m) => m.inspectorId === dayOf.inspectorId) === true;
  const asExpert = p.expertsPerTarget > 0 && current?.experts?.some((m) => m.inspectorId === dayOf.inspectorId) === true;
  if (t === undefined || current === undefined || initial === undefined || !(onTeam || asExpert)) {
    const { targetId, inspectorId } = dayOf;
    const [field, zh, en] =
      t === undefined ? ['targetId', `${targetId} 不是本次匹配的检查对象`, `${targetId} is not a target of this match`]
      : current === undefined || initial === undefined ? ['targetId', `检查对象 ${targetId} 没有检查组（无法选派），无需回避`, `target ${targetId} has no team (it is unstaffable): nobody can recuse from it`]
      : ['inspectorId', `人员 ${inspectorId} 不在检查对象 ${targetId} 的检查组中，也不是其专家`, `inspector ${inspectorId} is neither on the team of target ${targetId} nor one of its experts`];
    throw new ShuangsuijiError('REDRAW_NOT_ASSIGNED', zh, en, { path: ['recusal', field] });
  }
  const teams = new Map<number, readonly Member[]>();
  const neighbourAllowed = new Uint8Array(p.targets.length);
  for (const a of record.assignments) neighbourAllowed[p.targetIndex.get(a.targetId)!] = a.neighbourAllowed ? 1 : 0;
  for (const a of result.assignments) {
    teams.set(p.targetIndex.get(a.targetId)!, a.members.map((m) => ({ inspector: p.inspectorIndex.get(m.inspectorId)!, rank: m.rank })));
  }
  const unstaffable = new Map<number, boolean>();
  for (const u of result.unstaffable) unstaffable.set(p.targetIndex.get(u.targetId)!, u.reason.code === 'RECUSED_AFTER_MATCH');
  // 专家 as they stand, and the expert shortfalls to keep (every target's but the one whose experts change).
  let experts: Map<number, readonly Member[]> | undefined;
  const earlierShortfalls = new Map<string, ExpertShortfall | null>();
  if (p.expertsPerTarget > 0) {
    experts = new Map();
    for (const a of result.assignments) {
      experts.set(p.targetIndex.get(a.targetId)!, (a.experts ?? []).map((m) => ({ inspector: p.inspectorIndex.get(m.inspectorId)!, rank: m.rank })));
      earlierShortfalls.set(a.targetId, a.expertShortfall ?? null);
    }
  }
  const earlier = new Map(result.unstaffable.map((u) => [u.targetId, u.reason] as const));
  if (asExpert && experts !== undefined) {
    // An expert recuses: the enforcement team stays; the first expert of t's expert order (same run) who is not
    // already assisting t, not recused (this and every earlier recusal on the day) and below the workload limit
    // takes the place; when there is none, t keeps one expert fewer and reports the shortfall.
    const pool = makeExpertPool(p, initial.stage, (x) => neighbourAllowed[x] === 1);
    const leaving = p.inspectorIndex.get(dayOf.inspectorId)!;
    const remaining = experts.get(t)!.filter((m) => m.inspector !== leaving);
    experts.set(t, remaining);
    const load = expertLoadsOf(p, experts);
    const order = pool.order(t);
    for (let rank = 0; ; rank++) {
      const x = order.at(rank);
      if (x < 0) break;
      const i = pool.all[x]!;
      if (remaining.some((m) => m.inspector === i) || !pool.allowed(t, x) || load[i]! >= p.capacity) continue;
      experts.set(t, [...remaining, { inspector: i, rank }].sort((a, b) => a.rank - b.rank));
      break;
    }
    earlierShortfalls.delete(dayOf.targetId);
    const core: CoreMatch = { p, stageNo: initial.stage, neighbourAllowed, teams, unstaffable, experts };
    return withRedraw(core, t, teams.get(t)!, dayOf, record, earlier, earlierShortfalls);
  }
  const context = makeStage(p, initial.stage, (x) => neighbourAllowed[x] === 1);
  const { stage, poolAll } = context;
  const poolIndex = new Map<number, number>();
  poolAll.forEach((a, i) => poolIndex.set(a, i));
  teams.delete(t);
  const load = loadsOf(p, teams);
  const tree = stage.tree(t);
  const order = stage.order(t);
  const leaving = p.inspectorIndex.get(dayOf.inspectorId)!;
  const remaining = current.members.map((m) => ({ inspector: p.inspectorIndex.get(m.inspectorId)!, rank: m.rank })).filter((m) => m.inspector !== leaving);
  const usable = (i: number): boolean => stage.allowed(t, i) && load[poolAll[i]!]! < p.capacity;
  let team: Member[] | undefined;
  const remainingPool = remaining.map((m) => poolIndex.get(m.inspector)!);
  for (let rank = 0; team === undefined; rank++) {
    const i = order.at(rank);
    if (i < 0) break;
    if (remainingPool.includes(i) || !usable(i)) continue;
    if (teamValid(tree, stage.pool, [...remainingPool, i])) team = [...remaining, { inspector: poolAll[i]!, rank }];
  }
  if (team === undefined) {
    // Re-draw the whole team: the first valid team in candidate order (lexicographic by rank).
    const candidates: { i: number; rank: number }[] = [];
    for (let rank = 0; ; rank++) {
      const i = order.at(rank);
      if (i < 0) break;
      if (usable(i)) candidates.push({ i, rank });
    }
    const budget = options.searchBudget ?? DEFAULT_SEARCH_BUDGET;
    let steps = 0;
    const pick: { i: number; rank: number }[] = [];
    const choose = (from: number): boolean => {
      if (++steps > budget) throw new ShuangsuijiError('MATCH_SEARCH_LIMIT', `重新抽取超过步数上限 ${budget}`, `the re-draw exceeded its budget of ${budget} steps`);
      if (pick.length === tree.k) return teamValid(tree, stage.pool, pick.map((c) => c.i));
      for (let j = from; j <= candidates.length - (tree.k - pick.length); j++) {
        pick.push(candidates[j]!);
        if (choose(j + 1)) return true;
        pick.pop();
      }
      return false;
    };
    if (choose(0)) team = pick.map((c) => ({ inspector: poolAll[c.i]!, rank: c.rank }));
  }
  if (team === undefined) {
    unstaffable.set(t, true);
    // A target left without a team needs no experts: they are released.
    experts?.delete(t);
  } else teams.set(t, [...team].sort((a, b) => a.rank - b.rank));
  const core: CoreMatch = { p, stageNo: initial.stage, neighbourAllowed, teams, unstaffable, experts };
  const sorted = team === undefined ? [] : [...team].sort((a, b) => a.rank - b.rank || compareCodePoints(p.inspectors[a.inspector]!.id, p.inspectors[b.inspector]!.id));
  return withRedraw(core, t, sorted, dayOf, record, earlier, earlierShortfalls);
}

/** The result after a re-draw of target `t`, whose team is now `team` (ascending rank): one more record entry. */
function withRedraw(
  core: CoreMatch,
  t: number,
  team: readonly { readonly inspector: number; readonly rank: number }[],
  recusal: DayOfRecusal,
  record: MatchResult['record'],
  earlier: Parameters<typeof buildResult>[3],
  earlierShortfalls: Parameters<typeof buildResult>[4],
): MatchResult {
  const entry: RecordedRedraw = {
    targetId: recusal.targetId,
    inspectorId: recusal.inspectorId,
    ground: recusal.ground,
    ...(recusal.note === undefined ? {} : { note: recusal.note }),
    inspectorIds: team.map((m) => core.p.inspectors[m.inspector]!.id),
    ranks: team.map((m) => m.rank),
    ...recordedExperts(core, t),
  };
  return buildResult(core, record.assignments, [...record.redraws, entry], earlier, earlierShortfalls);
}
