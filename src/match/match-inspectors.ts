import type { Inspector } from '../models/inspector.js';
import { buildResult, matchCore } from './internals/core.js';
import { checkOptionKeys } from './internals/option-keys.js';
import type { MatchOptions } from './match-options.js';
import type { MatchResult } from './match-result.js';
import type { MatchTarget } from './match-target.js';

/**
 * 随机选派执法检查人员 — matches inspectors to drawn targets at random, honouring every rule: team size,
 * certificates valid on the date, departments (joint inspections with per-department minimums),
 * expertise, recusal (declared conflicts, relatives, the entity's requests, 所所交叉, rotation), workload
 * limits and, for targets the local pool cannot staff, a neighbouring pool.
 *
 * Deterministic and order-independent; complete over the pool the rules allow (whenever an assignment over the
 * local and neighbouring inspectors staffs every target, every target is staffed); otherwise staffs a maximal set
 * of targets and explains each one left out. Neighbouring inspectors are drawn only for targets that need them
 * (docs/spec.md §M6). Ids are canonicalised by the draw's rule (NFC), and fact rows naming no target or inspector
 * of this match are reported in `unmatchedFacts` rather than dropped without notice. With
 * `expertsPerTarget` ≥ 1, each staffed team is then joined by that many 专家 drawn at random (they never count
 * toward the team size); a target that cannot get them all keeps its team and carries an `expertShortfall`.
 * The procedure and its distribution are defined in docs/spec.md (Part II).
 *
 * @param targets - the drawn targets (entities of the register fit {@link MatchTarget})
 * @param inspectors - the 执法检查人员名录库 (local pool)
 * @param options - seed, label, rules and recusal facts
 * @throws {@link ShuangsuijiError} with a code of {@link MatchErrorCode}
 * @throws ShuangsuijiError `INVALID_MATCH_OPTIONS` (a rule, or an unknown option key, path `[key]`),
 * `INVALID_SEED`, `INVALID_DICE_DIGITS`, `SEED_TOO_WEAK`, `SEED_ORIGIN_MISMATCH` (the seed, by the draw's rules),
 * `INVALID_LABEL` (the draw's label rule), `INVALID_MATCH_INPUT` (a target, inspector or fact row of the wrong
 * shape, type or vocabulary), `INVALID_ID`, `DUPLICATE_ID` (after NFC), `INVALID_DATE` (paths such as
 * `['inspectors', 3, 'certificate', 'validTo']` point into the arguments), `MATCH_SEARCH_LIMIT` — the full list
 * with conditions is docs/spec.md §M12
 * @group Match
 *
 * @example
 * ```ts
 * const inspector = (id: string, unit: string) => ({
 *   id, name: id, department: '市场监管局', unit, expertise: [], status: 'active', isExpert: false,
 *   certificate: { number: `Z-${id}`, validTo: '2026-12-31' },
 * }) as const;
 * const result = matchInspectors(
 *   [{ id: 'T-1', supervisingUnit: '城关所' }, { id: 'T-2', supervisingUnit: '东区所' }],
 *   [inspector('I-1', '城关所'), inspector('I-2', '东区所'), inspector('I-3', '城关所'), inspector('I-4', '东区所')],
 *   { seed: '20250701314159265358', label: '2025-1', date: '2025-07-01', department: '市场监管局', crossUnit: true },
 * );
 * console.log(result.complete, result.assignments.map((a) => a.members.map((m) => m.inspectorId)));
 *
 * // One 特种设备 expert per target (experts need no 执法证 and never count toward the two inspectors):
 * const expert = (id: string, expertise: string[]) => ({
 *   id, name: id, department: '市场监管局', expertise, status: 'active', isExpert: true,
 * }) as const;
 * const withExperts = matchInspectors(
 *   [{ id: 'T-1' }, { id: 'T-2' }],
 *   [inspector('I-1', '城关所'), inspector('I-2', '东区所'), expert('E-1', ['特种设备']), expert('E-2', ['食品'])],
 *   { seed: '20250701314159265358', label: '2025-1', date: '2025-07-01', department: '市场监管局',
 *     expertsPerTarget: 1, requiredExpertExpertise: ['特种设备'] },
 * );
 * for (const a of withExperts.assignments) console.log(a.targetId, a.experts?.map((m) => m.inspectorId)); // E-1 each
 *
 * // A conflict naming a target outside this task (or a misspelt id) is reported, never dropped without notice:
 * const typo = matchInspectors([{ id: 'T-1' }], [inspector('I-1', '城关所'), inspector('I-2', '东区所')], {
 *   seed: '20250701314159265358', label: '2025-1', date: '2025-07-01', department: '市场监管局',
 *   conflicts: [{ inspectorId: 'I-1', entityId: 'T-l', ground: 'interest' }],
 * });
 * console.log(typo.unmatchedFacts.facts); // [{ path: ['conflicts', 0], entityId: 'T-l', inspectorId: 'I-1', unknownTarget: true, … }]
 * ```
 */
export function matchInspectors(
  targets: readonly MatchTarget[],
  inspectors: readonly Inspector[],
  options: MatchOptions,
): MatchResult {
  checkOptionKeys(options, 'options');
  return buildResult(matchCore(targets, inspectors, options), undefined, []);
}
