/**
 * 检查组构成 — the composition rules of one team (k members, ≥ m_d per department, ≥ 1 holder of each
 * required specialty) as a family of lower-bounded sets over a pool. When the family is laminar (any two
 * sets disjoint or nested) it is a tree and a max-flow over the tree is exact (docs/spec.md §M6).
 */

export interface PoolView {
  readonly size: number;
  department(i: number): string;
  hasExpertise(i: number, s: string): boolean;
}

export interface TeamTree {
  readonly k: number;
  readonly laminar: boolean;
  /** Σ of top-level lower bounds exceeds k: no team can exist. */
  readonly impossible: boolean;
  readonly size: number;
  readonly parent: Int32Array;
  readonly lower: Int32Array;
  readonly ded: Int32Array;
  readonly children: readonly (readonly number[])[];
  /** Deepest node of each pool index. */
  readonly leaf: Int32Array;
  /** Pool indices whose deepest node is each node, ascending. */
  readonly nodeMembers: readonly (readonly number[])[];
  /** Minimums per department and the specialties (for the direct validity test). */
  readonly minimums: readonly (readonly [string, number])[];
  readonly expertise: readonly string[];
}

interface RawSet {
  members: Uint8Array;
  count: number;
  lower: number;
}

export function buildTree(pool: PoolView, minimums: readonly (readonly [string, number])[], expertise: readonly string[], k: number): TeamTree {
  const n = pool.size;
  const sets: RawSet[] = [];
  const addSet = (test: (i: number) => boolean, lower: number): void => {
    const members = new Uint8Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) if (test(i)) { members[i] = 1; count++; }
    for (const s of sets) {
      if (s.count === count && count > 0) {
        let same = true;
        for (let i = 0; i < n && same; i++) if (s.members[i] !== members[i]) same = false;
        if (same) { s.lower = Math.max(s.lower, lower); return; }
      }
    }
    sets.push({ members, count, lower });
  };
  for (const [d, m] of minimums) addSet((i) => pool.department(i) === d, m);
  for (const s of expertise) addSet((i) => pool.hasExpertise(i, s), 1);

  let laminar = true;
  for (let a = 0; a < sets.length && laminar; a++) {
    for (let b = a + 1; b < sets.length && laminar; b++) {
      const A = sets[a]!, B = sets[b]!;
      let inter = 0;
      for (let i = 0; i < n; i++) inter += A.members[i]! & B.members[i]!;
      if (inter !== 0 && inter !== A.count && inter !== B.count) laminar = false;
    }
  }
  // Node 0 is the root (the whole pool, lower bound k); sets follow in descending size (stable).
  const order = sets.map((_, j) => j).sort((a, b) => sets[b]!.count - sets[a]!.count || a - b);
  const size = sets.length + 1;
  const parent = new Int32Array(size).fill(-1);
  const lower = new Int32Array(size);
  lower[0] = k;
  const nodeSet: RawSet[] = [];
  order.forEach((j, pos) => {
    const s = sets[j]!;
    const node = pos + 1;
    nodeSet.push(s);
    lower[node] = s.lower;
    let best = 0, bestCount = Infinity;
    if (s.count > 0 && laminar) {
      for (let q = 0; q < pos; q++) {
        const c = nodeSet[q]!;
        if (c.count >= s.count && c.count < bestCount) {
          let inside = true;
          for (let i = 0; i < n && inside; i++) if (s.members[i] === 1 && c.members[i] === 0) inside = false;
          if (inside) { best = q + 1; bestCount = c.count; }
        }
      }
    }
    parent[node] = best;
  });
  const children: number[][] = Array.from({ length: size }, () => []);
  for (let x = 1; x < size; x++) children[parent[x]!]!.push(x);
  // Normalise lower bounds bottom-up (children have larger node numbers than their parents).
  for (let x = size - 1; x >= 0; x--) {
    let sum = 0;
    for (const c of children[x]!) sum += lower[c]!;
    if (x !== 0) lower[x] = Math.max(lower[x]!, sum);
  }
  let top = 0;
  for (const c of children[0]!) top += lower[c]!;
  const ded = new Int32Array(size);
  for (let x = 0; x < size; x++) {
    let sum = 0;
    for (const c of children[x]!) sum += lower[c]!;
    ded[x] = lower[x]! - sum;
  }
  const leaf = new Int32Array(n);
  const nodeMembers: number[][] = Array.from({ length: size }, () => []);
  for (let i = 0; i < n; i++) {
    let node = 0;
    if (laminar) for (let x = 1; x < size; x++) if (nodeSet[x - 1]!.members[i] === 1) node = x;
    leaf[i] = node;
    nodeMembers[node]!.push(i);
  }
  return { k, laminar, impossible: laminar && top > k, size, parent, lower, ded, children, leaf, nodeMembers, minimums, expertise };
}

/**
 * Whether a partial team (given by the deepest nodes of its members) can still be completed to k members
 * meeting every lower bound, ignoring who is available (laminar trees only).
 */
export function extendable(tree: TeamTree, leaves: readonly number[]): boolean {
  const count = new Int32Array(tree.size);
  for (const x of leaves) count[x]!++;
  const need = new Int32Array(tree.size);
  for (let x = tree.size - 1; x >= 0; x--) {
    let sumNeed = 0;
    for (const c of tree.children[x]!) { sumNeed += need[c]!; count[x]! += count[c]!; }
    need[x] = Math.max(tree.lower[x]! - count[x]!, sumNeed);
  }
  return leaves.length <= tree.k && need[0]! <= tree.k - leaves.length;
}

/** Direct test of the composition rules for a complete team of pool indices. */
export function teamValid(tree: TeamTree, pool: PoolView, team: readonly number[]): boolean {
  if (team.length !== tree.k) return false;
  for (const [d, m] of tree.minimums) {
    let c = 0;
    for (const i of team) if (pool.department(i) === d) c++;
    if (c < m) return false;
  }
  for (const s of tree.expertise) if (!team.some((i) => pool.hasExpertise(i, s))) return false;
  return true;
}
