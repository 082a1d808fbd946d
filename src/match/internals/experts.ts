/**
 * 专家 draw (docs/spec.md §M11): after the enforcement teams are fixed, each staffed target in ascending ticket
 * walks its own expert order and fixes an expert when some expert assignment of maximum total size still
 * contains every fixed pair and this one (random priority that never strands a later target's expert place).
 *
 * The maximum is kept as one flow — source → target (capacity expertsPerTarget) → expert (1, when allowed) →
 * sink (capacity W) — and fixing (t, x) is possible exactly when the residual graph, with fixed edges frozen,
 * holds a path from x back to t (the cycle through t → x keeps the value). The flow and the paths searched are
 * internal: only the answers of that test decide the output.
 */
import { ShuangsuijiError } from '../../errors.js';
import type { ExpertShortfall } from '../expert-shortfall.js';
import { OrderSource, type CandidateOrder } from './candidate-order.js';
import { ExpertStatus } from './eligibility.js';
import { recusalBits, type Prepared } from './prepare.js';
import type { Member } from './run.js';

export const EXPERT_ORDER_TAG = 'shuangsuiji/match/v1/expert-order';

/** The expert pool of a run: eligible experts (local; in run 2 also neighbouring) sorted by id. */
export interface ExpertPool {
  readonly size: number;
  /** Pool index → index into `Prepared.inspectors`. */
  readonly all: Int32Array;
  /** Whether expert `x` (pool index) may assist target `t`: not recused, and a neighbour only where allowed. */
  allowed(t: number, x: number): boolean;
  /** The expert order of target `t` (memoised). */
  order(t: number): CandidateOrder;
}

export function makeExpertPool(p: Prepared, stageNo: 1 | 2, neighbourAllowed: (t: number) => boolean): ExpertPool {
  const list: number[] = [];
  for (let i = 0; i < p.inspectors.length; i++) {
    if (p.expertStatus[i] !== ExpertStatus.Eligible) continue;
    if (stageNo === 1 && p.isNeighbour[i] === 1) continue;
    list.push(i);
  }
  const all = Int32Array.from(list);
  const source = new OrderSource(p.seed, p.label, EXPERT_ORDER_TAG);
  const orders = new Map<number, CandidateOrder>();
  return {
    size: all.length,
    all,
    allowed(t, x) {
      const i = all[x]!;
      if (p.isNeighbour[i] === 1 && !neighbourAllowed(t)) return false;
      return recusalBits(p, t, i) === 0;
    },
    order(t) {
      let order = orders.get(t);
      if (order === undefined) orders.set(t, (order = source.order(p.targetIdBytes[t]!, all.length)));
      return order;
    },
  };
}

/** Experts per staffed target (`staffed` in ascending ticket), members in ascending expert rank. */
export function assignExperts(p: Prepared, pool: ExpertPool, staffed: readonly number[]): Map<number, Member[]> {
  const e = p.expertsPerTarget;
  const out = new Map<number, Member[]>();
  if (p.capacity >= staffed.length || pool.size === 0) {
    // The workload limit cannot bind (nobody can assist more targets than there are): every partial choice
    // extends to a maximum assignment, so each target takes the first e allowed experts of its order.
    for (const t of staffed) {
      const order = pool.order(t);
      const team: Member[] = [];
      for (let rank = 0; team.length < e; rank++) {
        const x = order.at(rank);
        if (x < 0) break;
        if (pool.allowed(t, x)) team.push({ inspector: pool.all[x]!, rank });
      }
      out.set(t, team);
    }
    return out;
  }
  return new ExpertFlow(p, pool, staffed).run(out);
}

/** Max-flow state of the expert assignment: targets 0…m-1 (ticket order), experts m…m+n-1, source, sink. */
class ExpertFlow {
  private readonly m: number;
  private readonly n: number;
  private readonly e: number;
  private readonly W: number;
  private readonly allowedPair: Uint8Array;
  private readonly flow: Uint8Array;
  private readonly fixed: Uint8Array;
  /** Experts per target (flow source → target). */
  private readonly fs: Int32Array;
  /** Targets per expert (flow expert → sink), and of those the fixed ones. */
  private readonly fk: Int32Array;
  private readonly fixedLoad: Int32Array;
  /** Targets already walked: their experts are final and they take part in no further path. */
  private readonly closed: Uint8Array;
  private readonly S: number;
  private readonly K: number;
  private readonly parent: Int32Array;
  private readonly seen: Int32Array;
  private readonly dead: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;
  /** Bumped whenever the flow changes or the goal changes: nodes marked dead with it cannot reach the goal. */
  private epoch = 1;

  constructor(
    private readonly p: Prepared,
    private readonly pool: ExpertPool,
    private readonly targets: readonly number[],
  ) {
    const m = (this.m = targets.length);
    const n = (this.n = pool.size);
    this.e = p.expertsPerTarget;
    this.W = p.capacity;
    this.allowedPair = new Uint8Array(m * n);
    for (let a = 0; a < m; a++) for (let x = 0; x < n; x++) if (pool.allowed(targets[a]!, x)) this.allowedPair[a * n + x] = 1;
    this.flow = new Uint8Array(m * n);
    this.fixed = new Uint8Array(m * n);
    this.fs = new Int32Array(m);
    this.fk = new Int32Array(n);
    this.fixedLoad = new Int32Array(n);
    this.closed = new Uint8Array(m);
    this.S = m + n;
    this.K = m + n + 1;
    const size = m + n + 2;
    this.parent = new Int32Array(size);
    this.seen = new Int32Array(size);
    this.dead = new Int32Array(size);
    this.queue = new Int32Array(size);
  }

  run(out: Map<number, Member[]>): Map<number, Member[]> {
    const { m, n, e, W, pool, targets } = this;
    // A first flow: each target greedily along its own order (mostly what phase 2 keeps), then augmenting paths.
    for (let a = 0; a < m; a++) {
      const order = pool.order(targets[a]!);
      for (let rank = 0; this.fs[a]! < e; rank++) {
        const x = order.at(rank);
        if (x < 0) break;
        if (this.allowedPair[a * n + x] === 1 && this.fk[x]! < W) {
          this.flow[a * n + x] = 1;
          this.fs[a]!++;
          this.fk[x]!++;
        }
      }
    }
    this.epoch++;
    while (this.search(this.S, this.K)) {
      this.apply(this.K);
      this.epoch++;
    }
    // Fix, target by target in ticket order, the first experts of its order that keep the maximum.
    for (let a = 0; a < m; a++) {
      this.epoch++;
      const order = pool.order(targets[a]!);
      const team: Member[] = [];
      for (let rank = 0; team.length < e; rank++) {
        const x = order.at(rank);
        if (x < 0) break;
        const pair = a * n + x;
        if (this.allowedPair[pair] !== 1 || this.fixedLoad[x]! >= W) continue;
        if (this.flow[pair] !== 1) {
          if (!this.search(m + x, a)) continue;
          this.apply(a);
          this.flow[pair] = 1;
          this.epoch++;
        }
        this.fixed[pair] = 1;
        this.fixedLoad[x]!++;
        team.push({ inspector: pool.all[x]!, rank });
      }
      if (this.fs[a] !== team.length) {
        throw new ShuangsuijiError('MATCH_INTERNAL', '匹配内部错误：专家分配不一致', 'internal matcher error: inconsistent expert assignment');
      }
      this.closed[a] = 1;
      out.set(targets[a]!, team);
    }
    return out;
  }

  /** Breadth-first search of the residual graph from `from` to `goal`; parents are left in `parent`. */
  private search(from: number, goal: number): boolean {
    const { m, n, e, W, S, K, parent, seen, dead, queue, flow, fixed, allowedPair, closed, fs, fk } = this;
    const stamp = ++this.stamp;
    const epoch = this.epoch;
    let head = 0, tail = 0;
    seen[from] = stamp;
    parent[from] = -1;
    queue[tail++] = from;
    const visit = (u: number, v: number): boolean => {
      if (seen[v] === stamp || dead[v] === epoch) return false;
      seen[v] = stamp;
      parent[v] = u;
      if (v === goal) return true;
      queue[tail++] = v;
      return false;
    };
    while (head < tail) {
      const u = queue[head++]!;
      if (u === S) {
        for (let a = 0; a < m; a++) if (closed[a] === 0 && fs[a]! < e && visit(u, a)) return true;
      } else if (u === K) {
        for (let x = 0; x < n; x++) if (fk[x]! > 0 && visit(u, m + x)) return true;
      } else if (u < m) {
        if (fs[u]! > 0 && visit(u, S)) return true;
        const row = u * n;
        for (let x = 0; x < n; x++) if (allowedPair[row + x] === 1 && flow[row + x] === 0 && visit(u, m + x)) return true;
      } else {
        const x = u - m;
        if (fk[x]! < W && visit(u, K)) return true;
        for (let a = 0; a < m; a++) {
          const pair = a * n + x;
          if (flow[pair] === 1 && fixed[pair] === 0 && closed[a] === 0 && visit(u, a)) return true;
        }
      }
    }
    // Everything this search reached cannot reach the goal while the flow stays as it is.
    for (let k = 0; k < tail; k++) dead[queue[k]!] = epoch;
    return false;
  }

  /** Pushes one unit along the path the last search found, ending at `goal`. */
  private apply(goal: number): void {
    const { m, n, S, K, parent, flow, fs, fk } = this;
    for (let v = goal; parent[v]! >= 0; ) {
      const u = parent[v]!;
      if (u === S) fs[v]!++;
      else if (v === S) fs[u]!--;
      else if (v === K) fk[u - m]!++;
      else if (u === K) fk[v - m]!--;
      else if (u < m) flow[u * n + (v - m)] = 1;
      else flow[v * n + (u - m)] = 0;
      v = u;
    }
  }
}

/**
 * Why target `t` has fewer experts than requested (docs/spec.md §M11), or undefined when it has them all.
 * `load` counts expert assists per inspector index over the current assignment.
 */
export function explainExperts(
  p: Prepared,
  t: number,
  stageNo: 1 | 2,
  neighbourAllowed: boolean,
  assigned: readonly Member[],
  load: Int32Array,
): ExpertShortfall | undefined {
  const requested = p.expertsPerTarget;
  if (assigned.length >= requested) return undefined;
  let considered = 0, wrongDepartment = 0, suspended = 0, lackingExpertise = 0, recused = 0, eligible = 0, atWorkloadLimit = 0;
  for (let i = 0; i < p.inspectors.length; i++) {
    const s = p.expertStatus[i]!;
    if (s === ExpertStatus.NotExpert) continue;
    if (p.isNeighbour[i] === 1 && !(stageNo === 2 && neighbourAllowed)) continue;
    considered++;
    if (s === ExpertStatus.WrongDepartment) wrongDepartment++;
    else if (s === ExpertStatus.Suspended) suspended++;
    else if (s === ExpertStatus.LacksExpertise) lackingExpertise++;
    else if (recusalBits(p, t, i) !== 0) recused++;
    else {
      eligible++;
      if (!assigned.some((m) => m.inspector === i) && load[i]! >= p.capacity) atWorkloadLimit++;
    }
  }
  const code: ExpertShortfall['code'] = eligible < requested ? 'TOO_FEW_EXPERTS' : 'EXPERT_WORKLOAD_EXHAUSTED';
  const id = p.targets[t]!.id;
  const zh: string[] = [];
  const en: string[] = [];
  const both = (k: number, z: string, e: string): void => {
    if (k > 0) { zh.push(z); en.push(e); }
  };
  const specialties = p.rules.requiredExpertExpertise ?? [];
  both(wrongDepartment, `${wrongDepartment} 名不属于本次抽查部门`, `${wrongDepartment} of another department`);
  both(suspended, `${suspended} 名暂停`, `${suspended} suspended`);
  both(lackingExpertise, `${lackingExpertise} 名不具备专家业务专长（${specialties.join('、')}）`, `${lackingExpertise} without the expert specialty (${specialties.join(', ')})`);
  both(recused, `${recused} 名需回避`, `${recused} recused`);
  both(atWorkloadLimit, `${atWorkloadLimit} 名已达工作量上限`, `${atWorkloadLimit} at the workload limit`);
  const [tailZh, tailEn] = code === 'TOO_FEW_EXPERTS'
    ? [`符合条件且无需回避的专家仅 ${eligible} 名`, `only ${eligible} eligible expert(s) not recused`]
    : [`其余符合条件的专家均已达工作量上限 ${p.capacity}`, `every other eligible expert is at the workload limit of ${p.capacity}`];
  return {
    code,
    requested,
    assigned: assigned.length,
    counts: { considered, wrongDepartment, suspended, lackingExpertise, recused, eligible, atWorkloadLimit },
    messageZh: `检查对象 ${id} 需要 ${requested} 名专家，仅抽到 ${assigned.length} 名（检查组不受影响）：在 ${considered} 名专家中，${zh.length > 0 ? zh.join('，') + '；' : ''}${tailZh}。`,
    messageEn: `target ${id} needs ${requested} expert(s) but got ${assigned.length} (the team stands): of ${considered} experts, ${en.length > 0 ? en.join(', ') + '; ' : ''}${tailEn}.`,
  };
}
