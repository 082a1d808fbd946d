/**
 * Two exact feasibility oracles behind the same random-priority procedure (docs/spec.md §M6):
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
  /**
   * Between the phases: calls `restrict()` (which takes pairs of t out of {@link Stage.allowed}) and keeps it when
   * the kept targets stay feasible; otherwise calls `unrestrict()` (which puts them back) and returns false, the
   * state again feasible.
   */
  tryRestrict(t: number, restrict: () => void, unrestrict: () => void): boolean;
}

const NONE = -3;
const FROM_SOURCE = -1;

/**
 * Residual-graph nodes: pool inspectors `0 … n-1`, the sink `n`, then every tree node of every target
 * (`n + 1 + base[t] + x`). Team membership lives in fixed slots `t·k … t·k+k-1` (inspector, tree node,
 * locked) and each inspector's slots form a doubly linked list in insertion order (its holders).
 */
export class FlowEngine implements Engine {
  private readonly n: number;
  private readonly k: number;
  private readonly cap: number;
  private readonly load: Int32Array;
  /** Inspectors with load below the capacity. */
  private free: number;
  private readonly slotInsp: Int32Array;
  private readonly slotNode: Int32Array;
  private readonly slotLocked: Uint8Array;
  private readonly slotNext: Int32Array;
  private readonly slotPrev: Int32Array;
  private readonly holderHead: Int32Array;
  private readonly holderTail: Int32Array;
  private readonly base: Int32Array;
  private readonly ownerOf: Int32Array;
  private readonly dedFlow: Int32Array;
  private readonly upFlow: Int32Array;
  private readonly trees: (TeamTree | undefined)[];
  private readonly stamp: Int32Array;
  private readonly prev: Int32Array;
  private readonly queue: Int32Array;
  private epoch = 0;
  /**
   * Nodes known unable to reach the goal: `dead[v] === deadStamp` (phase 1: the sink). A failed search
   * marks everything it visited; the set stays closed under residual edges while the flow only grows by
   * augmenting paths (which cannot pass through it), so it is dropped only when a target is removed
   * after part of its flow was routed. Phase 2 keeps one such set per goal node, dropped on each new cycle.
   */
  private readonly dead: Int32Array;
  private deadStamp = 1;
  private nextStamp = 1;
  private readonly goalStamps = new Map<number, number>();
  private readonly fromScratch: Int32Array;
  private readonly queueScratch: Int32Array;
  private readonly path: Int32Array;

  constructor(private readonly stage: Stage, targets: readonly number[]) {
    const n = (this.n = stage.poolSize);
    this.cap = stage.capacity;
    this.load = new Int32Array(n);
    this.free = n;
    const T = stage.targetCount;
    this.trees = new Array<TeamTree | undefined>(T).fill(undefined);
    this.base = new Int32Array(T + 1).fill(-1);
    let total = 0, k = 0, widest = 1;
    for (const t of targets) {
      const tree = stage.tree(t);
      this.trees[t] = tree;
      this.base[t] = total;
      total += tree.size;
      k = Math.max(k, tree.k);
      widest = Math.max(widest, tree.size);
    }
    this.k = k;
    this.slotInsp = new Int32Array(T * k).fill(-1);
    this.slotNode = new Int32Array(T * k);
    this.slotLocked = new Uint8Array(T * k);
    this.slotNext = new Int32Array(T * k);
    this.slotPrev = new Int32Array(T * k);
    this.holderHead = new Int32Array(n).fill(-1);
    this.holderTail = new Int32Array(n).fill(-1);
    this.ownerOf = new Int32Array(total);
    for (const t of targets) for (let x = 0; x < this.trees[t]!.size; x++) this.ownerOf[this.base[t]! + x] = t;
    this.dedFlow = new Int32Array(total);
    this.upFlow = new Int32Array(total);
    const nodes = n + 1 + total;
    this.stamp = new Int32Array(nodes);
    this.prev = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.dead = new Int32Array(nodes);
    this.path = new Int32Array(nodes);
    this.fromScratch = new Int32Array(widest);
    this.queueScratch = new Int32Array(widest);
  }

  private treeNode(t: number, x: number): number {
    return this.n + 1 + this.base[t]! + x;
  }

  private addLoad(i: number, delta: number): void {
    const before = this.load[i]!;
    const after = (this.load[i] = before + delta);
    if (before < this.cap && after >= this.cap) this.free--;
    else if (before >= this.cap && after < this.cap) this.free++;
  }

  /** The slot of inspector i in t's team, or -1. */
  private slotOf(t: number, i: number): number {
    const k = this.k;
    for (let s = t * k, end = s + k; s < end; s++) if (this.slotInsp[s] === i) return s;
    return -1;
  }

  private addMember(t: number, i: number, x: number): number {
    const k = this.k;
    let s = t * k;
    while (this.slotInsp[s] !== -1) s++;
    this.slotInsp[s] = i;
    this.slotNode[s] = x;
    this.slotLocked[s] = 0;
    const tail = this.holderTail[i]!;
    this.slotPrev[s] = tail;
    this.slotNext[s] = -1;
    if (tail < 0) this.holderHead[i] = s;
    else this.slotNext[tail] = s;
    this.holderTail[i] = s;
    return s;
  }

  private removeSlot(s: number): void {
    const i = this.slotInsp[s]!;
    const p = this.slotPrev[s]!, q = this.slotNext[s]!;
    if (p < 0) this.holderHead[i] = q;
    else this.slotNext[p] = q;
    if (q < 0) this.holderTail[i] = p;
    else this.slotPrev[q] = p;
    this.slotInsp[s] = -1;
    this.slotLocked[s] = 0;
  }

  private removeTarget(t: number): void {
    const k = this.k;
    let routed = false;
    for (let s = t * k, end = s + k; s < end; s++) {
      const i = this.slotInsp[s]!;
      if (i < 0) continue;
      routed = true;
      this.addLoad(i, -1);
      this.removeSlot(s);
    }
    // Freed capacity may reconnect nodes marked dead: forget them.
    if (routed) this.deadStamp = ++this.nextStamp;
    const tree = this.trees[t]!;
    for (let x = 0; x < tree.size; x++) {
      this.dedFlow[this.base[t]! + x] = 0;
      this.upFlow[this.base[t]! + x] = 0;
    }
  }

  tryAdd(t: number): boolean {
    const tree = this.trees[t]!;
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
    if (this.free === 0) return false;
    const b = this.base[t]!;
    const from = this.fromScratch;
    const q = this.queueScratch;
    from.fill(NONE, 0, tree.size);
    let tail = 0;
    for (let x = 0; x < tree.size; x++) if (this.dedFlow[b + x]! < tree.ded[x]!) { from[x] = FROM_SOURCE; q[tail++] = x; }
    for (let h = 0; h < tail; h++) {
      const x = q[h]!;
      for (const c of tree.children[x]!) if (from[c] === NONE) { from[c] = x; q[tail++] = c; }
      const p = tree.parent[x]!;
      if (p >= 0 && this.upFlow[b + x]! > 0 && from[p] === NONE) { from[p] = x; q[tail++] = p; }
    }
    if (tail === 0) return false;
    const cap = this.cap;
    for (let rank = 0; ; rank++) {
      const i = order.at(rank);
      if (i < 0) return false;
      if (this.load[i]! >= cap) continue;
      const x = tree.leaf[i]!;
      if (from[x] === NONE || this.slotOf(t, i) >= 0 || !this.stage.allowed(t, i)) continue;
      this.addMember(t, i, x);
      this.addLoad(i, 1);
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
    const { stamp, prev, queue, dead, slotInsp, slotNode, slotLocked, slotNext, holderHead, load, k } = this;
    let head = 0, tail = 0;
    let goal: number;
    let deadStamp: number;
    if (start < 0) {
      goal = sink;
      deadStamp = this.deadStamp;
      const tree = this.trees[t]!;
      for (let x = 0; x < tree.size; x++) {
        if (this.dedFlow[this.base[t]! + x]! < tree.ded[x]!) {
          const v = this.treeNode(t, x);
          stamp[v] = epoch; prev[v] = FROM_SOURCE; queue[tail++] = v;
        }
      }
    } else {
      goal = this.treeNode(t, goalX);
      let s = this.goalStamps.get(goal);
      if (s === undefined) this.goalStamps.set(goal, (s = ++this.nextStamp));
      deadStamp = s;
      if (dead[start] === deadStamp) return false;
      stamp[start] = epoch; prev[start] = NONE; queue[tail++] = start;
    }
    const cap = this.cap;
    let found = false;
    search: while (head < tail) {
      const v = queue[head++]!;
      if (v < n) {
        if (load[v]! < cap && stamp[sink] !== epoch) {
          stamp[sink] = epoch; prev[sink] = v; queue[tail++] = sink;
          if (sink === goal) { found = true; break; }
        }
        for (let s = holderHead[v]!; s >= 0; s = slotNext[s]!) {
          if (slotLocked[s] === 1) continue;
          const w = this.treeNode((s / k) | 0, slotNode[s]!);
          if (stamp[w] !== epoch && dead[w] !== deadStamp) {
            stamp[w] = epoch; prev[w] = v; queue[tail++] = w;
            if (w === goal) { found = true; break search; }
          }
        }
      } else if (v === sink) {
        for (let j = 0; j < n; j++) {
          if (load[j]! > 0 && stamp[j] !== epoch && dead[j] !== deadStamp) { stamp[j] = epoch; prev[j] = sink; queue[tail++] = j; }
        }
      } else {
        const local = v - n - 1;
        const u = this.ownerOf[local]!;
        const x = local - this.base[u]!;
        const tree = this.trees[u]!;
        for (const c of tree.children[x]!) {
          const w = v - x + c;
          if (stamp[w] !== epoch && dead[w] !== deadStamp) {
            stamp[w] = epoch; prev[w] = v; queue[tail++] = w;
            if (w === goal) { found = true; break search; }
          }
        }
        const p = tree.parent[x]!;
        if (p >= 0 && this.upFlow[local]! > 0) {
          const w = v - x + p;
          if (stamp[w] !== epoch && dead[w] !== deadStamp) {
            stamp[w] = epoch; prev[w] = v; queue[tail++] = w;
            if (w === goal) { found = true; break search; }
          }
        }
        const from = u * k, to = from + k;
        for (const i of tree.nodeMembers[x]!) {
          if (stamp[i] === epoch || dead[i] === deadStamp) continue;
          let member = false;
          for (let s = from; s < to; s++) if (slotInsp[s] === i) { member = true; break; }
          if (member || !this.stage.allowed(u, i)) continue;
          stamp[i] = epoch; prev[i] = v; queue[tail++] = i;
        }
      }
    }
    if (!found) {
      // Nothing visited can reach the goal while the residual graph only changes as described above.
      for (let j = 0; j < tail; j++) dead[queue[j]!] = deadStamp;
      return false;
    }
    if (start >= 0) this.goalStamps.clear();
    // Apply the path from its start to the goal, so that a team on the path loses its old member before it
    // gains the new one (a team never holds more than k members, even in passing).
    const path = this.path;
    let length = 0;
    let v = goal;
    for (;;) {
      path[length++] = v;
      const from = prev[v]!;
      if (from === NONE || from === FROM_SOURCE) break;
      v = from;
    }
    if (prev[v] === FROM_SOURCE) this.dedFlow[v - n - 1]!++;
    for (let j = length - 1; j > 0; j--) this.applyEdge(path[j]!, path[j - 1]!);
    return true;
  }

  private applyEdge(a: number, b: number): void {
    const n = this.n;
    if (a < n) {
      if (b === n) this.addLoad(a, 1);
      else {
        const u = this.ownerOf[b - n - 1]!;
        this.removeSlot(this.slotOf(u, a));
      }
    } else if (a === n) {
      this.addLoad(b, -1);
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

  /**
   * The members of t that are no longer allowed lose their unit of flow (back along t's tree to a source edge),
   * then t's tree is re-saturated by augmenting paths; when that fails the pairs are allowed again and the missing
   * units are routed as before (which must succeed: the flow was feasible with them).
   */
  tryRestrict(t: number, restrict: () => void, unrestrict: () => void): boolean {
    restrict();
    const tree = this.trees[t]!;
    const k = this.k;
    let missing = 0;
    for (let s = t * k, end = s + k; s < end; s++) {
      const i = this.slotInsp[s]!;
      if (i < 0 || this.stage.allowed(t, i)) continue;
      this.removeUnit(t, s);
      missing++;
    }
    if (missing === 0) return true;
    // Capacity was freed: nodes marked dead may reach the sink again.
    this.deadStamp = ++this.nextStamp;
    const order = this.stage.order(t);
    while (missing > 0 && (this.augmentDirect(t, tree, order) || this.search(t, -1, -1))) missing--;
    if (missing === 0) return true;
    unrestrict();
    this.deadStamp = ++this.nextStamp;
    for (; missing > 0; missing--) {
      if (!this.augmentDirect(t, tree, order) && !this.search(t, -1, -1)) {
        throw new ShuangsuijiError('MATCH_INTERNAL', '匹配内部错误：撤销限制后无法恢复', 'internal matcher error: the flow could not be restored after a restriction was undone');
      }
    }
    return false;
  }

  /** Removes the member in slot s of t and one unit of flow into its tree node, back to a source edge. */
  private removeUnit(t: number, s: number): void {
    const i = this.slotInsp[s]!;
    let x = this.slotNode[s]!;
    this.addLoad(i, -1);
    this.removeSlot(s);
    const b = this.base[t]!;
    const parent = this.trees[t]!.parent;
    // Conservation at each tree node: dedicated inflow + inflow from the parent = flow to children + members.
    for (;;) {
      if (this.dedFlow[b + x]! > 0) {
        this.dedFlow[b + x]!--;
        return;
      }
      this.upFlow[b + x]!--;
      x = parent[x]!;
    }
  }

  tryLock(t: number, i: number): boolean {
    const at = this.slotOf(t, i);
    if (at >= 0) {
      this.slotLocked[at] = 1;
      return true;
    }
    const tree = this.trees[t]!;
    const leaves: number[] = [tree.leaf[i]!];
    const k = this.k;
    for (let s = t * k, end = s + k; s < end; s++) if (this.slotInsp[s]! >= 0 && this.slotLocked[s] === 1) leaves.push(this.slotNode[s]!);
    if (!extendable(tree, leaves)) return false;
    if (this.load[i]! >= this.cap) {
      let movable = false;
      for (let s = this.holderHead[i]!; s >= 0; s = this.slotNext[s]!) {
        if (this.slotLocked[s] === 0) { movable = true; break; }
      }
      if (!movable) return false;
    }
    const x = tree.leaf[i]!;
    if (!this.search(t, i, x)) return false;
    const s = this.addMember(t, i, x);
    this.slotLocked[s] = 1;
    return true;
  }
}

/** Exhaustive, memoised search: exact for every instance, bounded by a step budget. */
export class SearchEngine implements Engine {
  private readonly kept: number[] = [];
  private readonly locks: number[][] = [];
  private readonly eligible: (number[] | undefined)[] = [];
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

  tryRestrict(t: number, restrict: () => void, unrestrict: () => void): boolean {
    restrict();
    this.eligible[t] = undefined;
    if (this.feasible(this.kept)) return true;
    unrestrict();
    this.eligible[t] = undefined;
    return false;
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
