/**
 * Prepares a match (docs/spec.md §M1–§M5), step by step: the rules ({@link normaliseRules}), the seed and label
 * ({@link readMatchSeed}, {@link readMatchLabel}), the inputs ({@link readTargets}, {@link readInspectors}), the
 * index by canonical id ({@link indexById}), eligibility ({@link statusOf}), recusals and the facts naming nobody
 * ({@link collectRecusals}), then tickets and digests. Every check throws before anything is computed from it.
 */
import { ShuangsuijiError } from '../../errors.js';
import { dayNumberOf } from '../../internals/plain-date.js';
import type { Inspector } from '../../models/inspector.js';
import type { MatchOptions } from '../match-options.js';
import type { NormalisedMatchRules } from '../match-record.js';
import type { MatchTarget } from '../match-target.js';
import type { UnmatchedFacts } from '../unmatched-facts.js';
import { inspectorsDigest, targetsDigest, targetTickets } from './digests.js';
import { ExpertStatus, expertStatusOf, statusOf } from './eligibility.js';
import { compareCodePoints, sortedUnique, utf8 } from './encoding.js';
import type { Path } from './ids.js';
import { collectRecusals, type DayRecusal } from './recusals.js';
import { normaliseRules } from './rules.js';
import { readMatchLabel, readMatchSeed } from './seed-label.js';
import { readInspectors, readTargets, type CheckedRow } from './validate.js';

export interface Prepared {
  /** The seed text hashed (a `DrawSeed` reduced to its 64 hex digits). */
  readonly seed: string;
  /** The label in NFC. */
  readonly label: string;
  readonly rules: NormalisedMatchRules;
  readonly dateDay: number;
  /** Targets sorted by canonical id (code-point order), ids canonical. */
  readonly targets: readonly MatchTarget[];
  readonly targetIndex: ReadonlyMap<string, number>;
  /** Ticket hex per target index. */
  readonly tickets: readonly string[];
  /** Target indices in ascending ticket. */
  readonly ticketOrder: readonly number[];
  /** Required specialties per target (sorted, unique, including the rules' own). */
  readonly expertise: readonly (readonly string[])[];
  /** All inspectors (local and neighbouring) sorted by canonical id, ids canonical. */
  readonly inspectors: readonly Inspector[];
  readonly inspectorIndex: ReadonlyMap<string, number>;
  readonly isNeighbour: Uint8Array;
  readonly status: Uint8Array;
  /** {@link ExpertStatus} of each inspector (as a 专家 who might assist). */
  readonly expertStatus: Uint8Array;
  /** `rules.expertsPerTarget`, 0 when absent. */
  readonly expertsPerTarget: number;
  /** UTF-8 bytes of each target id. */
  readonly targetIdBytes: readonly Uint8Array[];
  /**
   * Recusal pairs (declared facts and day-of recusals) by target: the recused inspectors of target t are
   * `recInspector[recStart[t] … recStart[t+1])`, ascending, with their ground bits in `recBits`.
   */
  readonly recStart: Int32Array;
  readonly recInspector: Int32Array;
  readonly recBits: Uint8Array;
  /** Interned units for 所所交叉: per inspector (-1 none) and per target's supervising unit (-1 none or unknown). */
  readonly inspectorUnit: Int32Array;
  readonly targetUnit: Int32Array;
  readonly teamSize: number;
  readonly capacity: number;
  /** Department → minimum (only minimums ≥ 1). */
  readonly minimums: ReadonlyMap<string, number>;
  readonly digests: { targets: string; inspectors: string; neighbourInspectors: string; recusals: string };
  /** Fact rows naming no target or no inspector of this match. */
  readonly unmatchedFacts: UnmatchedFacts;
}

/**
 * Sorts checked rows by canonical id (code-point order) and indexes them; two rows with one canonical id (an NFC
 * and an NFD spelling, say) are `DUPLICATE_ID` at the later row's path.
 */
function indexById<R extends CheckedRow<{ readonly id: string }>>(rows: readonly R[], zh: string, en: string): { sorted: R[]; index: Map<string, number> } {
  const firstAt = new Map<string, Path>();
  for (const r of rows) {
    const id = r.row.id;
    const earlier = firstAt.get(id);
    if (earlier !== undefined) {
      throw new ShuangsuijiError('DUPLICATE_ID', `重复的${zh} id：${id}（已见于 ${earlier.join('.')}；按 NFC 规范形式比较）`, `duplicate ${en} id: ${id} (already at ${earlier.join('.')}; compared in NFC form)`, { path: [...r.path, 'id'] });
    }
    firstAt.set(id, r.path);
  }
  const sorted = [...rows].sort((a, b) => compareCodePoints(a.row.id, b.row.id));
  const index = new Map<string, number>();
  sorted.forEach((r, i) => index.set(r.row.id, i));
  return { sorted, index };
}

export function prepare(
  targetsIn: readonly MatchTarget[],
  inspectorsIn: readonly Inspector[],
  options: MatchOptions,
  dayRecusals: readonly DayRecusal[] = [],
): Prepared {
  // 1. Rules, seed, label.
  const rules = normaliseRules(options);
  const seed = readMatchSeed(options.seed);
  const label = readMatchLabel(options.label);
  const day = dayNumberOf(rules.date);
  // 2–3. Inputs, indexed by canonical id.
  const { sorted: targetRows, index: targetIndex } = indexById(readTargets(targetsIn), '检查对象', 'target');
  const { sorted: inspectorRows, index: inspectorIndex } = indexById(readInspectors(inspectorsIn, options.neighbourInspectors), '执法检查人员', 'inspector');
  const targets = targetRows.map((r) => r.row);
  const inspectors = inspectorRows.map((r) => r.row);
  // 4. Eligibility on the date.
  const N = inspectors.length;
  const isNeighbour = new Uint8Array(N);
  const status = new Uint8Array(N);
  const expertStatus = new Uint8Array(N).fill(ExpertStatus.NotExpert);
  const allowed = new Set([rules.department, ...rules.cooperatingDepartments]);
  const expertSpecialties = rules.requiredExpertExpertise ?? [];
  for (let i = 0; i < N; i++) {
    isNeighbour[i] = inspectorRows[i]!.neighbour ? 1 : 0;
    status[i] = statusOf(inspectorRows[i]!, allowed, day);
    // Independent of the enforcement status (which reports a wrong department before expertness).
    expertStatus[i] = expertStatusOf(inspectors[i]!, allowed, expertSpecialties);
  }
  // 5. Recusals (facts are read, checked and canonicalised here) and the facts naming nobody.
  const recusals = collectRecusals(options, targets, targetIndex, inspectorIndex, day, rules.rotationYears, dayRecusals);
  // Units for 所所交叉 (compared as given, like every string that is not an id).
  const units = new Map<string, number>();
  const inspectorUnit = new Int32Array(N).fill(-1);
  for (let i = 0; i < N; i++) {
    const unit = inspectors[i]!.unit;
    if (unit === undefined) continue;
    let u = units.get(unit);
    if (u === undefined) units.set(unit, (u = units.size));
    inspectorUnit[i] = u;
  }
  const T = targets.length;
  const targetUnit = new Int32Array(T).fill(-1);
  for (let t = 0; t < T; t++) {
    const unit = targets[t]!.supervisingUnit;
    if (unit !== undefined) targetUnit[t] = units.get(unit) ?? -1;
  }
  // 6. Tickets and digests.
  const targetIdBytes = targets.map((t) => utf8(t.id));
  const { tickets, ticketOrder } = targetTickets(seed, label, targetIdBytes);
  const expertise = targets.map((t) => {
    const own = t.requiredExpertise ?? [];
    return own.length === 0 ? rules.requiredExpertise : sortedUnique([...own, ...rules.requiredExpertise]);
  });
  return {
    seed,
    label,
    rules,
    dateDay: day,
    targets,
    targetIndex,
    tickets,
    ticketOrder,
    expertise,
    inspectors,
    inspectorIndex,
    isNeighbour,
    status,
    expertStatus,
    expertsPerTarget: rules.expertsPerTarget ?? 0,
    targetIdBytes,
    recStart: recusals.recStart,
    recInspector: recusals.recInspector,
    recBits: recusals.recBits,
    inspectorUnit,
    targetUnit,
    teamSize: rules.teamSize,
    capacity: rules.maxTargetsPerInspector ?? Math.max(1, targets.length),
    minimums: new Map(rules.departmentMinimums),
    digests: {
      targets: targetsDigest(targets, targetIdBytes),
      inspectors: inspectorsDigest(inspectors.filter((_, i) => isNeighbour[i] === 0)),
      neighbourInspectors: inspectorsDigest(inspectors.filter((_, i) => isNeighbour[i] === 1)),
      recusals: recusals.digest,
    },
    unmatchedFacts: recusals.unmatched,
  };
}

/** The recusal bits of a pair including the rule-based 所所交叉 (bit 256). */
export function recusalBits(p: Prepared, t: number, i: number): number {
  const rec = p.recInspector;
  let lo = p.recStart[t]!, hi = p.recStart[t + 1]!;
  let bits = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = rec[mid]!;
    if (v < i) lo = mid + 1;
    else if (v > i) hi = mid;
    else { bits = p.recBits[mid]!; break; }
  }
  if (p.rules.crossUnit) {
    const unit = p.inspectorUnit[i]!;
    if (unit >= 0 && unit === p.targetUnit[t]) bits |= 256;
  }
  return bits;
}
