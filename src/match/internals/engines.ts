/**
 * Two exact feasibility oracles behind the same random-priority procedure (docs/spec-match.md §6):
 *
 * - {@link FlowEngine}: an incremental max-flow (augmenting paths over a lazily enumerated residual
 *   graph) for instances whose per-target composition rules are laminar. Exact for that class.
 * - {@link SearchEngine}: an exhaustive depth-first search with memoisation for any instance, bounded by a
 *   step budget. Used when some target's rules are not laminar.
 */
import { ShuangsuijiError } from '../../errors.js';
import type { CandidateOrder } from './candidate-order.js';
import { extendable, teamValid, type PoolView, type TeamTree } from './team-tree.js';

export interface Stage {
  readonly poolSize: number;
  readonly capacity: number;
  readonly targetCount: number;
  readonly pool: PoolView;
  tree(t: number): TeamTree;
  allowed(t: number, i: number): boolean;
  order(t: number): CandidateOrder;
}

export interface Engine {
  /** Adds target t to the set to staff if the set stays feasible; otherwise leaves the state as it was. */
  tryAdd(t: number): boolean;
  /** Fixes inspector i in t's team if a complete assignment with every fixed pair still exists. */
  tryLock(t: number, i: number): boolean;
}

const NONE = -3;
const FROM_SOURCE = -1;

export class FlowEngine implements Engine {
  private readonly n: number;
  private readonly load: Int32Array;
  private readonly holders: number[][];
  private readonly memberInsp: (number[] | undefined)[];
  private readonly memberNode: number[][];
  private readonly memberLocked: boolean[][];
  private readonly base: Int32Array;
  private readonly ownerOf: Int32Array;
  private readonly dedFlow: Int32Array;
  private readonly upFlow: Int32Array;
  private readonly trees: (TeamTree | undefined)[];
  private readonly stamp: Int32Array;
  private readonly prev: Int32Array;
  private readonly queue: Int32Array;
  private epoch = 0;

  constructor(private readonly stage: Stage, targets: readonly number[]) {
    const n = (this.n = stage.poolSize);
    this.load = new Int32Array(n);
    this.holders = Array.from({ length: n }, () => []);
    const T = stage.targetCount;
    this.memberInsp = new Array<number[] | undefined>(T).fill(undefined);
    this.memberNode = new Array<number[]>(T);
    this.memberLocked = new Array<boolean[]>(T);
    this.trees = new Array<TeamTree | undefined>(T).fill(undefined);
    this.base = new Int32Array(T + 1).fill(-1);
    let total = 0;
    for (const t of targets) {
      const tree = stage.tree(t);
      this.trees[t] = tree;
      this.base[t] = total;
      total += tree.size;
    }
    this.ownerOf = new Int32Array(total);
    for (const t of targets) for (let x = 0; x < this.trees[t]!.size; x++) this.ownerOf[this.base[t]! + x] = t;
    this.dedFlow = new Int32Array(total);
    this.upFlow = new Int32Array(total);
    const nodes = n + 1 + total;
    this.stamp = new Int32Array(nodes);
    this.prev = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
  }

  private treeNode(t: number, x: number): number {
    return this.n + 1 + this.base[t]! + x;
  }

  private addMember(t: number, i: number, x: number): void {
    this.memberInsp[t]!.push(i);
    this.memberNode[t]!.push(x);
    this.memberLocked[t]!.push(false);
    this.holders[i]!.push(t);
  }

  private removeMember(t: number, i: number): void {
    const list = this.memberInsp[t]!;
    const at = list.indexOf(i);
    list.splice(at, 1);
    this.memberNode[t]!.splice(at, 1);
    this.memberLocked[t]!.splice(at, 1);
    const h = this.holders[i]!;
    h.splice(h.indexOf(t), 1);
  }

  private removeTarget(t: number): void {
    for (const i of this.memberInsp[t]!) {
      this.load[i]!--;
      const h = this.holders[i]!;
      h.splice(h.indexOf(t), 1);
    }
    this.memberInsp[t] = undefined;
    const tree = this.trees[t]!;
    for (let x = 0; x < tree.size; x++) {
      this.dedFlow[this.base[t]! + x] = 0;
      this.upFlow[this.base[t]! + x] = 0;
    }
  }

  tryAdd(t: number): boolean {
    const tree = this.trees[t]!;
    this.memberInsp[t] = [];
    this.memberNode[t] = [];
    this.memberLocked[t] = [];
    if (tree.impossible) {
      this.removeTarget(t);
      return false;
    }
    const order = this.stage.order(t);
    for (let unit = 0; unit < tree.k; unit++) {
      if (!this.augmentDirect(t, tree, order) && !this.search(t, -1, -1)) {
        this.removeTarget(t);
        return false;
      }
    }
    return true;
  }

  /** A one-inspector augmenting path inside t's tree, preferring t's candidate order. */
  private augmentDirect(t: number, tree: TeamTree, order: CandidateOrder): boolean {
    const b = this.base[t]!;
    const from = new Int32Array(tree.size).fill(NONE);
    const q: number[] = [];
    for (let x = 0; x < tree.size; x++) if (this.dedFlow[b + x]! < tree.ded[x]!) { from[x] = FROM_SOURCE; q.push(x); }
    for (let h = 0; h < q.length; h++) {
      const x = q[h]!;
      for (const c of tree.children[x]!) if (from[c] === NONE) { from[c] = x; q.push(c); }
      const p = tree.parent[x]!;
      if (p >= 0 && this.upFlow[b + x]! > 0 && from[p] === NONE) { from[p] = x; q.push(p); }
    }
    if (q.length === 0) return false;
    const members = this.memberInsp[t]!;
    for (let rank = 0; ; rank++) {
      const i = order.at(rank);
      if (i < 0) return false;
      if (this.load[i]! >= this.stage.capacity) continue;
      const x = tree.leaf[i]!;
      if (from[x] === NONE || members.includes(i) || !this.stage.allowed(t, i)) continue;
      this.addMember(t, i, x);
      this.load[i]!++;
      let y = x;
      while (from[y] !== FROM_SOURCE) {
        const p = from[y]!;
        if (tree.parent[y] === p) this.upFlow[b + y]!++;
        else this.upFlow[b + p]!--;
        y = p;
      }
      this.dedFlow[b + y]!++;
      return true;
    }
  }

  /**
   * Breadth-first search in the residual graph. Phase 1 (`start < 0`): from t's unsaturated source edges
   * to the sink. Phase 2: from inspector `start` back to t's tree node `goal`, forming a cycle with the
   * forced edge goal → start. Applies the path when found.
   */
  private search(t: number, start: number, goalX: number): boolean {
    const n = this.n;
    const sink = n;
    const epoch = ++this.epoch;
    const { stamp, prev, queue } = this;
    let head = 0, tail = 0;
    const visit = (v: number, from: number): void => {
      stamp[v] = epoch;
      prev[v] = from;
      queue[tail++] = v;
    };
    let goal: number;
    if (start < 0) {
      goal = sink;
      const tree = this.trees[t]!;
      for (let x = 0; x < tree.size; x++) if (this.dedFlow[this.base[t]! + x]! < tree.ded[x]!) visit(this.treeNode(t, x), FROM_SOURCE);
    } else {
      goal = this.treeNode(t, goalX);
      visit(start, NONE);
    }
    const cap = this.stage.capacity;
    let found = false;
    while (head < tail && !found) {
      const v = queue[head++]!;
      if (v < n) {
        if (this.load[v]! < cap && stamp[sink] !== epoch) {
          visit(sink, v);
          if (sink === goal) { found = true; break; }
        }
        for (const u of this.holders[v]!) {
          const at = this.memberInsp[u]!.indexOf(v);
          if (this.memberLocked[u]![at]) continue;
          const w = this.treeNode(u, this.memberNode[u]![at]!);
          if (stamp[w] !== epoch) {
            visit(w, v);
            if (w === goal) { found = true; break; }
          }
        }
      } else if (v === sink) {
        for (let j = 0; j < n; j++) {
          if (this.load[j]! > 0 && stamp[j] !== epoch) visit(j, sink);
        }
      } else {
        const local = v - n - 1;
        const u = this.ownerOf[local]!;
        const x = local - this.base[u]!;
        const tree = this.trees[u]!;
        for (const c of tree.children[x]!) {
          const w = v - x + c;
          if (stamp[w] !== epoch) {
            visit(w, v);
            if (w === goal) { found = true; break; }
          }
        }
        if (found) break;
        const p = tree.parent[x]!;
        if (p >= 0 && this.upFlow[local]! > 0) {
          const w = v - x + p;
          if (stamp[w] !== epoch) {
            visit(w, v);
            if (w === goal) { found = true; break; }
          }
        }
        const members = this.memberInsp[u]!;
        for (const i of tree.nodeMembers[x]!) {
          if (stamp[i] === epoch || members.includes(i) || !this.stage.allowed(u, i)) continue;
          visit(i, v);
        }
      }
    }
    if (!found) return false;
    // Apply the path backwards from the goal.
    let v = goal;
    while (prev[v] !== NONE) {
      const from = prev[v]!;
      if (from === FROM_SOURCE) {
        this.dedFlow[v - n - 1]!++;
        break;
      }
      this.applyEdge(from, v);
      v = from;
    }
    return true;
  }

  private applyEdge(a: number, b: number): void {
    const n = this.n;
    if (a < n) {
      if (b === n) this.load[a]!++;
      else {
        const u = this.ownerOf[b - n - 1]!;
        this.removeMember(u, a);
      }
    } else if (a === n) {
      this.load[b]!--;
    } else {
      const la = a - n - 1;
      const u = this.ownerOf[la]!;
      const xa = la - this.base[u]!;
      if (b < n) {
        this.addMember(u, b, xa);
      } else {
        const xb = b - n - 1 - this.base[u]!;
        const tree = this.trees[u]!;
        if (tree.parent[xb] === xa) this.upFlow[b - n - 1]!++;
        else this.upFlow[la]!--;
      }
    }
  }

  tryLock(t: number, i: number): boolean {
    const members = this.memberInsp[t]!;
    const at = members.indexOf(i);
    if (at >= 0) {
      this.memberLocked[t]![at] = true;
      return true;
    }
    const tree = this.trees[t]!;
    const leaves: number[] = [tree.leaf[i]!];
    members.forEach((_, j) => { if (this.memberLocked[t]![j]) leaves.push(this.memberNode[t]![j]!); });
    if (!extendable(tree, leaves)) return false;
    if (this.load[i]! >= this.stage.capacity) {
      let movable = false;
      for (const u of this.holders[i]!) {
        if (!this.memberLocked[u]![this.memberInsp[u]!.indexOf(i)]) { movable = true; break; }
      }
      if (!movable) return false;
    }
    const x = tree.leaf[i]!;
    if (!this.search(t, i, x)) return false;
    this.addMember(t, i, x);
    this.memberLocked[t]![this.memberInsp[t]!.length - 1] = true;
    return true;
  }
}

/** Exhaustive, memoised search: exact for every instance, bounded by a step budget. */
export class SearchEngine implements Engine {
  private readonly kept: number[] = [];
  private readonly locks: number[][] = [];
  private readonly eligible: number[][] = [];
  private steps = 0;

  constructor(private readonly stage: Stage, private readonly budget: number) {}

  private eligibleOf(t: number): number[] {
    let list = this.eligible[t];
    if (list === undefined) {
      list = [];
      for (let i = 0; i < this.stage.poolSize; i++) if (this.stage.allowed(t, i)) list.push(i);
      this.eligible[t] = list;
    }
    return list;
  }

  tryAdd(t: number): boolean {
    this.locks[t] = [];
    if (!this.feasible([...this.kept, t])) return false;
    this.kept.push(t);
    return true;
  }

  tryLock(t: number, i: number): boolean {
    const locks = this.locks[t]!;
    locks.push(i);
    const tree = this.stage.tree(t);
    if (locks.length > tree.k || !this.feasible(this.kept)) {
      locks.pop();
      return false;
    }
    return true;
  }

  private feasible(list: readonly number[]): boolean {
    const load = new Int32Array(this.stage.poolSize);
    const failed = new Set<string>();
    const cap = this.stage.capacity;
    const rec = (depth: number): boolean => {
      if (depth === list.length) return true;
      const key = `${depth}|${load.join(',')}`;
      if (failed.has(key)) return false;
      const t = list[depth]!;
      const tree = this.stage.tree(t);
      const fixed = this.locks[t]!;
      for (const i of fixed) if (load[i]! >= cap) { failed.add(key); return false; }
      const pool = this.eligibleOf(t).filter((i) => !fixed.includes(i) && load[i]! < cap);
      const need = tree.k - fixed.length;
      const pick: number[] = [];
      const choose = (from: number): boolean => {
        if (++this.steps > this.budget) {
          throw new ShuangsuijiError(
            'MATCH_SEARCH_LIMIT',
            `精确搜索超过步数上限 ${this.budget}：请提高 searchBudget，或使各项业务专长要求与部门要求互不交叉`,
            `the exact search exceeded its budget of ${this.budget} steps: raise searchBudget, or make expertise and department requirements nested`,
          );
        }
        if (pick.length === need) {
          const team = [...fixed, ...pick];
          if (!teamValid(tree, this.stage.pool, team)) return false;
          for (const i of team) load[i]!++;
          const ok = rec(depth + 1);
          for (const i of team) load[i]!--;
          return ok;
        }
        for (let j = from; j <= pool.length - (need - pick.length); j++) {
          pick.push(pool[j]!);
          if (choose(j + 1)) return true;
          pick.pop();
        }
        return false;
      };
      if (choose(0)) return true;
      failed.add(key);
      return false;
    };
    return rec(0);
  }
}
