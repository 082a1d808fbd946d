import { isShuangsuijiError } from '../errors.js';
import type { Inspector } from '../models/inspector.js';
import { buildResult, matchCore } from './internals/core.js';
import { checkOptionKeys } from './internals/option-keys.js';
import { firstDifference } from './internals/first-difference.js';
import { recordShapeProblem } from './internals/record-shape.js';
import { normaliseRules } from './internals/rules.js';
import { readMatchLabel, readMatchSeed } from './internals/seed-label.js';
import type { MatchFacts, MatchOptions } from './match-options.js';
import type { MatchRecord } from './match-record.js';
import type { MatchResult } from './match-result.js';
import type { MatchTarget } from './match-target.js';
import { redrawForRecusal } from './redraw-for-recusal.js';
import type { UnmatchedFacts } from './unmatched-facts.js';
import type { VerifyMatchCode } from './verify-match-code.js';

/**
 * 核验结果 — `ok`, or the first divergence between a record and a recomputation, with a stable code. Once the
 * inputs have been read (from the digest comparison on), it also reports the fact rows naming no target or
 * inspector of the match (`unmatchedFacts`), as {@link matchInspectors} does.
 *
 * Codes: `UNSUPPORTED_ALGORITHM`, `RECORD_MALFORMED`, `RULES_INVALID`, `RULES_NOT_NORMALISED`, `TARGETS_DIGEST_MISMATCH`,
 * `INSPECTORS_DIGEST_MISMATCH`, `NEIGHBOUR_DIGEST_MISMATCH`, `RECUSALS_DIGEST_MISMATCH`,
 * `ASSIGNMENT_MISMATCH`, `UNSTAFFABLE_MISMATCH`, `REDRAW_INVALID`, `REDRAW_MISMATCH`.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const show = (v: MatchVerification) => (v.ok ? 'ok' : `${v.code} at ${v.path.join('.')}: ${v.messageEn}`);
 * const typos = (v: MatchVerification) => v.unmatchedFacts?.facts.map((f) => f.path.join('.')) ?? [];
 * ```
 */
export type MatchVerification =
  | {
      readonly ok: true;
      /** Fact rows naming no target or inspector of the match (counts and paths). */
      readonly unmatchedFacts: UnmatchedFacts;
    }
  | {
      readonly ok: false;
      readonly code: VerifyMatchCode;
      /** Where in the record the divergence is. */
      readonly path: readonly (string | number)[];
      readonly messageZh: string;
      readonly messageEn: string;
      /** The recomputed value. */
      readonly expected?: unknown;
      /** The recorded value. */
      readonly actual?: unknown;
      /** Fact rows naming no target or inspector of the match; present once the inputs have been read. */
      readonly unmatchedFacts?: UnmatchedFacts;
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
 * @throws {@link ShuangsuijiError} with a code of {@link MatchErrorCode}
 * @throws ShuangsuijiError `INVALID_MATCH_OPTIONS` for a key of `facts` that is neither a fact nor a rule (path
 * `[key]`), and the input errors of {@link matchInspectors} for malformed targets, inspectors or facts
 * @group Match
 *
 * @example
 * ```ts
 * const inspector = (id: string) => ({
 *   id, name: id, department: '市场监管局', expertise: [], status: 'active', isExpert: false,
 *   certificate: { number: `Z-${id}`, validTo: 'open-ended' },
 * }) as const;
 * const pool = ['I-1', 'I-2', 'I-3'].map(inspector);
 * const { record } = matchInspectors([{ id: 'T-1' }], pool, { seed: '77777777777777777777', label: 'L', date: '2025-07-01', department: '市场监管局' });
 * console.log(verifyMatch(record, [{ id: 'T-1' }], pool).ok); // true
 * // A conflict naming a target that is not in this match (a typo, or another task's) is reported, not lost:
 * const v0 = verifyMatch(record, [{ id: 'T-1' }], pool, { conflicts: [{ inspectorId: 'I-1', entityId: 'T-9', ground: 'interest' }] });
 * console.log(v0.unmatchedFacts?.facts[0]?.path); // ['conflicts', 0] (and RECUSALS_DIGEST_MISMATCH is not raised: T-9 is not here)
 *
 * // With experts the record lists them per target; a tampered list is named by its path.
 * const expert = (id: string) => ({ id, name: id, department: '市场监管局', expertise: [], status: 'active', isExpert: true }) as const;
 * const withExperts = [...pool, expert('E-1'), expert('E-2')];
 * const r2 = matchInspectors([{ id: 'T-1' }], withExperts, { seed: '77777777777777777777', label: 'L', date: '2025-07-01', department: '市场监管局', expertsPerTarget: 1 });
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
  let unmatchedFacts: UnmatchedFacts | undefined;
  const fail = (code: VerifyMatchCode, path: (string | number)[], zh: string, en: string, expected?: unknown, actual?: unknown): MatchVerification => ({
    ok: false, code, path, messageZh: zh, messageEn: en,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
    ...(unmatchedFacts === undefined ? {} : { unmatchedFacts }),
  });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail('RECORD_MALFORMED', [], '匹配记录须为对象', 'a match record must be an object');
  }
  const algorithm: unknown = record.algorithm;
  const version: unknown = record.version;
  if (algorithm !== 'shuangsuiji-match' || version !== 1) {
    // Shown safely: an untrusted record may hold anything (an object without a prototype cannot become a string).
    const show = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : typeof v);
    return fail('UNSUPPORTED_ALGORITHM', ['algorithm'], `不支持的算法：${show(algorithm)} v${show(version)}`, `unsupported algorithm: ${show(algorithm)} v${show(version)}`);
  }
  // An untrusted record is checked for shape first, so that replaying it below fails only with the library's own
  // errors; anything else thrown while replaying is a bug and propagates instead of passing for a bad record.
  const malformed = recordShapeProblem(record);
  if (malformed !== undefined) {
    return fail('RECORD_MALFORMED', malformed, `匹配记录格式错误（${malformed.join('.') || '记录'}）`, `the match record is malformed (at ${malformed.join('.') || 'the top level'})`);
  }
  // The seed and label by the rules a match applies to them (the label in NFC, as a match writes it).
  for (const [key, read] of [['seed', readMatchSeed], ['label', readMatchLabel]] as const) {
    let problem: string | undefined;
    try {
      if (read(record[key]) !== record[key]) problem = key === 'label' ? 'not in NFC / 不是 NFC 规范形式' : 'not as a match writes it';
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      problem = `${error.code}: ${error.messageEn} / ${error.messageZh}`;
    }
    if (problem !== undefined) return fail('RECORD_MALFORMED', [key], `匹配记录的 ${key} 无效（${problem}）`, `the ${key} of the match record is invalid (${problem})`);
  }
  const r = record.rules;
  const options: MatchOptions = {
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
  unmatchedFacts = core.p.unmatchedFacts;
  const names: [keyof MatchRecord['digests'], VerifyMatchCode, string, string][] = [
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
      const { targetId, inspectorId, ground, note } = redraw;
      result = redrawForRecusal(result, targets, inspectors, { targetId, inspectorId, ground, ...(note === undefined ? {} : { note }) }, options);
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      const en = error.messageEn;
      const zh = error.messageZh;
      return fail('REDRAW_INVALID', ['redraws', j], `第 ${j + 1} 次重新抽取无法重放：${zh}`, `re-draw ${j + 1} cannot be replayed: ${en}`);
    }
    const d = firstDifference(result.record.redraws[j], redraw, ['redraws', j]);
    if (d) return fail('REDRAW_MISMATCH', d.path, `第 ${j + 1} 次重新抽取与重新计算的结果不一致`, `re-draw ${j + 1} differs from the recomputation`, d.expected, d.actual);
  }
  return { ok: true, unmatchedFacts: core.p.unmatchedFacts };
}
