/**
 * The random-priority procedure (docs/spec.md §M6): phase 1 keeps targets in ascending ticket order
 * while the kept set stays feasible; phase 2 fixes, target by target in ticket order, the first inspectors
 * of the target's candidate order that keep a complete assignment possible.
 */
import { ShuangsuijiError } from '../../errors.js';
import { OrderSource } from './candidate-order.js';
import { FlowEngine, SearchEngine, type Engine, type Stage } from './engines.js';
import { Status } from './eligibility.js';
import type { Prepared } from './prepare.js';
import { buildTree, type PoolView, type TeamTree } from './team-tree.js';

export interface Member {
  /** Index into `Prepared.inspectors`. */
  readonly inspector: number;
  readonly rank: number;
}

export interface StageContext {
  readonly stageNo: 1 | 2;
  /** k, the team size. */
  readonly teamSize: number;
  /** Pool index → index into `Prepared.inspectors`. */
  readonly poolAll: readonly number[];
  readonly stage: Stage;
}

/** The stage's pool and its views; `neighbourAllowed(t)` says whether t may use neighbouring inspectors. */
export function makeStage(p: Prepared, stageNo: 1 | 2, neighbourAllowed: (t: number) => boolean): StageContext {
  const poolAll: number[] = [];
  for (let i = 0; i < p.inspectors.length; i++) {
    if (p.status[i] !== Status.Eligible) continue;
    if (stageNo === 1 && p.isNeighbour[i] === 1) continue;
    poolAll.push(i);
  }
  const pool: PoolView = {
    size: poolAll.length,
    department: (i) => p.inspectors[poolAll[i]!]!.department,
    hasExpertise: (i, s) => p.inspectors[poolAll[i]!]!.expertise.includes(s),
  };
  const trees = new Map<string, TeamTree>();
  const orders = new OrderSource(p.seed, p.label);
  const size = poolAll.length;
  // Per pool index: the inspector's index, unit and whether it is a neighbour, as flat arrays.
  const all = Int32Array.from(poolAll);
  const unitOf = new Int32Array(size);
  const neighbour = new Uint8Array(size);
  let anyNeighbour = false;
  for (let i = 0; i < size; i++) {
    unitOf[i] = p.inspectorUnit[all[i]!]!;
    neighbour[i] = p.isNeighbour[all[i]!]!;
    if (neighbour[i] === 1) anyNeighbour = true;
  }
  const crossUnit = p.rules.crossUnit;
  const { recStart, recInspector, targetUnit } = p;
  const stage: Stage = {
    poolSize: size,
    capacity: p.capacity,
    targetCount: p.targets.length,
    pool,
    tree(t) {
      const expertise = p.expertise[t]!;
      const key = expertise.join('\u0000');
      let tree = trees.get(key);
      if (tree === undefined) {
        tree = buildTree(pool, p.rules.departmentMinimums, expertise, p.teamSize);
        trees.set(key, tree);
      }
      return tree;
    },
    allowed(t, i) {
      if (anyNeighbour && neighbour[i] === 1 && !neighbourAllowed(t)) return false;
      if (crossUnit) {
        const unit = unitOf[i]!;
        if (unit >= 0 && unit === targetUnit[t]) return false;
      }
      // Binary search of the inspector among t's recused inspectors (every recusal bit forbids the pair).
      const a = all[i]!;
      let lo = recStart[t]!, hi = recStart[t + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const v = recInspector[mid]!;
        if (v < a) lo = mid + 1;
        else if (v > a) hi = mid;
        else return false;
      }
      return true;
    },
    order(t) {
      return orders.order(p.targetIdBytes[t]!, size);
    },
  };
  return { stageNo, teamSize: p.teamSize, poolAll, stage };
}

export interface StageOutcome {
  readonly context: StageContext;
  /** Team per target index (members in ascending rank). */
  readonly teams: ReadonlyMap<number, readonly Member[]>;
  /** Targets that could not be kept, in the order they were tried. */
  readonly rejected: readonly number[];
}

/**
 * Which kept targets may use neighbouring inspectors (run 2, docs/spec.md §M6 step 3): `allowed[t]` is 1 for every
 * target on entry; between the phases each kept target, in `order`, is restricted to local inspectors (set to 0)
 * when the kept set stays feasible.
 */
export interface NeighbourRestriction {
  readonly allowed: Uint8Array;
  readonly order: readonly number[];
}

export function runStage(
  context: StageContext,
  addOrder: readonly number[],
  lockOrder: readonly number[],
  budget: number,
  restriction?: NeighbourRestriction,
): StageOutcome {
  const { stage, poolAll } = context;
  if (stage.poolSize < context.teamSize) {
    // Fewer eligible inspectors than one team needs: no target can be kept (and no engine sized by k is built).
    return { context, teams: new Map(), rejected: [...addOrder] };
  }
  const laminar = addOrder.every((t) => stage.tree(t).laminar);
  const engine: Engine = laminar ? new FlowEngine(stage, addOrder) : new SearchEngine(stage, budget);
  const kept = new Uint8Array(stage.targetCount);
  const rejected: number[] = [];
  for (const t of addOrder) {
    if (engine.tryAdd(t)) kept[t] = 1;
    else rejected.push(t);
  }
  if (restriction !== undefined) {
    const allowed = restriction.allowed;
    for (const t of restriction.order) {
      if (kept[t] !== 1) continue;
      engine.tryRestrict(t, () => { allowed[t] = 0; }, () => { allowed[t] = 1; });
    }
  }
  const teams = new Map<number, Member[]>();
  for (const t of lockOrder) {
    if (kept[t] !== 1) continue;
    const k = stage.tree(t).k;
    const order = stage.order(t);
    const team: Member[] = [];
    for (let rank = 0; team.length < k; rank++) {
      const i = order.at(rank);
      if (i < 0) throw new ShuangsuijiError('MATCH_INTERNAL', '匹配内部错误：候选人耗尽', 'internal matcher error: candidates exhausted');
      if (stage.allowed(t, i) && engine.tryLock(t, i)) team.push({ inspector: poolAll[i]!, rank });
    }
    teams.set(t, team);
  }
  return { context, teams, rejected };
}
