import { isShuangsuijiError } from '../errors.js';
import type { Inspector } from '../models/inspector.js';
import { buildResult, matchCore } from './internals/core.js';
import { checkOptionKeys } from './internals/option-keys.js';
import { normaliseRules } from './internals/prepare.js';
import { firstDifference } from './internals/first-difference.js';
import { recordShapeProblem } from './internals/record-shape.js';
import type { ResolvedMatchOptions } from './internals/resolve-seed.js';
import type { MatchFacts, MatchOptions } from './match-options.js';
import type { MatchRecord } from './match-record.js';
import type { MatchResult } from './match-result.js';
import type { MatchTarget } from './match-target.js';
import { redrawForRecusal } from './redraw-for-recusal.js';

/**
 * 核验结果 — `ok`, or the first divergence between a record and a recomputation, with a stable code.
 *
 * Codes: `UNSUPPORTED_ALGORITHM`, `RECORD_MALFORMED`, `RULES_INVALID`, `RULES_NOT_NORMALISED`, `TARGETS_DIGEST_MISMATCH`,
 * `INSPECTORS_DIGEST_MISMATCH`, `NEIGHBOUR_DIGEST_MISMATCH`, `RECUSALS_DIGEST_MISMATCH`,
 * `ASSIGNMENT_MISMATCH`, `UNSTAFFABLE_MISMATCH`, `REDRAW_INVALID`, `REDRAW_MISMATCH`.
 *
 * @example
 * ```ts
 * const show = (v: MatchVerification) => (v.ok ? 'ok' : `${v.code} at ${v.path.join('.')}: ${v.messageEn}`);
 * ```
 */
export type MatchVerification =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: string;
      /** Where in the record the divergence is. */
      readonly path: readonly (string | number)[];
      readonly messageZh: string;
      readonly messageEn: string;
      /** The recomputed value. */
      readonly expected?: unknown;
      /** The recorded value. */
      readonly actual?: unknown;
    };


/**
 * 核验匹配记录 — recomputes a match from the record's seed, label and rules plus the inputs, and compares
 * the input digests, every team (with its 专家 when the record asks for experts), every unstaffable target and
 * every re-draw, in that order.
 *
 * @param record - the published record
 * @param targets - the targets as matched (any order)
 * @param inspectors - the local inspector register as matched (any order)
 * @param facts - the recusal facts and neighbouring pool as matched; the match options without `seed` and
 * `label` may be passed as they are (their rules are ignored: the record's rules apply)
 * @throws ShuangsuijiError `INVALID_MATCH_OPTIONS` for a key of `facts` that is neither a fact nor a rule (path
 * `[key]`), and the input errors of {@link matchInspectors} for malformed targets, inspectors or facts
 *
 * @example
 * ```ts
 * const inspector = (id: string) => ({
 *   id, name: id, department: '市场监管局', expertise: [], status: 'active', isExpert: false,
 *   certificate: { number: `Z-${id}` },
 * }) as const;
 * const pool = ['I-1', 'I-2', 'I-3'].map(inspector);
 * const { record } = matchInspectors([{ id: 'T-1' }], pool, { seed: '7', label: 'L', date: '2025-07-01', department: '市场监管局' });
 * console.log(verifyMatch(record, [{ id: 'T-1' }], pool).ok); // true
 *
 * // With experts the record lists them per target; a tampered list is named by its path.
 * const expert = (id: string) => ({ id, name: id, department: '市场监管局', expertise: [], status: 'active', isExpert: true }) as const;
 * const withExperts = [...pool, expert('E-1'), expert('E-2')];
 * const r2 = matchInspectors([{ id: 'T-1' }], withExperts, { seed: '7', label: 'L', date: '2025-07-01', department: '市场监管局', expertsPerTarget: 1 });
 * const tampered = { ...r2.record, assignments: [{ ...r2.record.assignments[0]!, expertIds: ['E-9'] }] };
 * const v = verifyMatch(tampered, [{ id: 'T-1' }], withExperts);
 * if (!v.ok) console.log(v.code, v.path); // ASSIGNMENT_MISMATCH ['assignments', 0, 'expertIds', 0]
 * ```
 */
export function verifyMatch(
  record: MatchRecord,
  targets: readonly MatchTarget[],
  inspectors: readonly Inspector[],
  facts: MatchFacts = {},
): MatchVerification {
  checkOptionKeys(facts, 'facts');
  const fail = (code: string, path: (string | number)[], zh: string, en: string, expected?: unknown, actual?: unknown): MatchVerification => ({
    ok: false, code, path, messageZh: zh, messageEn: en,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
  });
  const algorithm: unknown = record.algorithm;
  if (algorithm !== 'shuangsuiji-match' || record.version !== 1) {
    return fail('UNSUPPORTED_ALGORITHM', ['algorithm'], `不支持的算法：${String(record.algorithm)} v${String(record.version)}`, `unsupported algorithm: ${String(record.algorithm)} v${String(record.version)}`);
  }
  // An untrusted record is checked for shape first, so that replaying it below fails only with the library's own
  // errors; anything else thrown while replaying is a bug and propagates instead of passing for a bad record.
  const malformed = recordShapeProblem(record);
  if (malformed !== undefined) {
    return fail('RECORD_MALFORMED', malformed, `匹配记录格式错误（${malformed.join('.') || '记录'}）`, `the match record is malformed (at ${malformed.join('.') || 'the top level'})`);
  }
  const r = record.rules;
  const options: ResolvedMatchOptions = {
    ...facts,
    seed: record.seed,
    label: record.label,
    date: r.date,
    department: r.department,
    cooperatingDepartments: r.cooperatingDepartments,
    departmentMinimums: Object.fromEntries(r.departmentMinimums),
    teamSize: r.teamSize,
    requiredExpertise: r.requiredExpertise,
    maxTargetsPerInspector: r.maxTargetsPerInspector,
    crossUnit: r.crossUnit,
    rotationYears: r.rotationYears,
    // Set even when the record has none, so that expert rules passed with the facts never apply.
    expertsPerTarget: r.expertsPerTarget,
    requiredExpertExpertise: r.requiredExpertExpertise,
  };
  try {
    const d = firstDifference(normaliseRules(options), r, ['rules']);
    if (d) return fail('RULES_NOT_NORMALISED', d.path, '记录中的规则不是规范形式', 'the recorded rules are not in normal form', d.expected, d.actual);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    const zh = error.messageZh;
    const en = error.messageEn;
    return fail('RULES_INVALID', ['rules'], `记录中的规则无效：${zh}`, `the recorded rules are invalid: ${en}`);
  }
  const core = matchCore(targets, inspectors, options);
  const names: [keyof MatchRecord['digests'], string, string, string][] = [
    ['targets', 'TARGETS_DIGEST_MISMATCH', '检查对象', 'targets'],
    ['inspectors', 'INSPECTORS_DIGEST_MISMATCH', '执法检查人员名录', 'inspector register'],
    ['neighbourInspectors', 'NEIGHBOUR_DIGEST_MISMATCH', '相邻区域人员名录', 'neighbouring inspectors'],
    ['recusals', 'RECUSALS_DIGEST_MISMATCH', '回避信息', 'recusal facts'],
  ];
  for (const [key, code, zh, en] of names) {
    if (core.p.digests[key] !== record.digests[key]) {
      return fail(code, ['digests', key], `${zh}摘要不一致：所给输入与记录时不同`, `${en} digest differs: the inputs are not those recorded`, core.p.digests[key], record.digests[key]);
    }
  }
  let result: MatchResult = buildResult(core, undefined, []);
  const assignments = firstDifference(result.record.assignments, record.assignments, ['assignments']);
  if (assignments) return fail('ASSIGNMENT_MISMATCH', assignments.path, '检查组分配与重新计算的结果不一致', 'a team differs from the recomputation', assignments.expected, assignments.actual);
  const unstaffable = firstDifference(result.record.unstaffable, record.unstaffable, ['unstaffable']);
  if (unstaffable) return fail('UNSTAFFABLE_MISMATCH', unstaffable.path, '无法选派的检查对象与重新计算的结果不一致', 'the unstaffable targets differ from the recomputation', unstaffable.expected, unstaffable.actual);
  for (let j = 0; j < record.redraws.length; j++) {
    const redraw = record.redraws[j]!;
    try {
      result = redrawForRecusal(result, targets, inspectors, redraw, options);
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      const en = error.messageEn;
      const zh = error.messageZh;
      return fail('REDRAW_INVALID', ['redraws', j], `第 ${j + 1} 次重新抽取无法重放：${zh}`, `re-draw ${j + 1} cannot be replayed: ${en}`);
    }
    const d = firstDifference(result.record.redraws[j], redraw, ['redraws', j]);
    if (d) return fail('REDRAW_MISMATCH', d.path, `第 ${j + 1} 次重新抽取与重新计算的结果不一致`, `re-draw ${j + 1} differs from the recomputation`, d.expected, d.actual);
  }
  return { ok: true };
}
