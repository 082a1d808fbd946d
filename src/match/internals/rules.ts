/**
 * Step 1 of the preparation — the rules: validated and normalised into what the record holds (docs/spec.md §M1).
 * Every rule is checked with a coded error and the path of the option; nothing is defaulted from a wrong value.
 */
import { ShuangsuijiError } from '../../errors.js';
import { dayNumberOf } from '../../internals/plain-date.js';
import type { MatchRules } from '../match-options.js';
import type { NormalisedMatchRules } from '../match-record.js';
import { compareCodePoints, sortedUnique } from './encoding.js';

type Path = readonly (string | number)[];

function fail(zh: string, en: string, path: Path): never {
  throw new ShuangsuijiError('INVALID_MATCH_OPTIONS', zh, en, { path });
}

function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * Upper bound of a team size, a department minimum and `expertsPerTarget` (a sanity bound, far above any real
 * 检查组, that keeps every sum exact and every table small).
 */
export const MAX_TEAM = 1000;

const shown = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : String(v));

/** An optional list of non-empty strings (each entry checked with its path). */
function stringList(value: unknown, key: string, zh: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${zh}必须是字符串数组，收到 ${shown(value)}`, `${key} must be an array of strings, got ${shown(value)}`, [key]);
  // By index, not forEach: a hole in a sparse array is a missing value, refused like any other.
  for (let k = 0; k < value.length; k++) {
    const s: unknown = value[k];
    if (typeof s !== 'string' || s.length === 0) fail(`${zh}必须是非空字符串，第 ${k + 1} 项是 ${shown(s)}`, `${key} must hold non-empty strings; entry ${k} is ${shown(s)}`, [key, k]);
  }
  return value as string[];
}

/**
 * Validates the rules of `options` (its other keys are not looked at) and returns them normalised. Throws
 * `INVALID_MATCH_OPTIONS` or `INVALID_DATE` with the path of the offending option.
 */
export function normaliseRules(options: MatchRules): NormalisedMatchRules {
  if (typeof options !== 'object' || options === null) throw new ShuangsuijiError('INVALID_MATCH_OPTIONS', '缺少匹配选项', 'match options are missing');
  dayNumberOf(options.date, ['date']);
  const department: unknown = options.department;
  if (typeof department !== 'string' || department.length === 0) fail('发起部门必须是非空字符串', 'department must be a non-empty string', ['department']);
  const cooperating = sortedUnique(stringList(options.cooperatingDepartments, 'cooperatingDepartments', '配合部门').filter((d) => d !== department));
  const given: unknown = options.teamSize;
  if (given !== undefined && (!isNonNegativeInt(given) || given < 2 || given > MAX_TEAM)) fail(`每组执法人员人数 teamSize 须为 2–${MAX_TEAM} 的整数（执法人员不得少于两人），收到 ${shown(given)}`, `teamSize must be an integer from 2 to ${MAX_TEAM}, got ${shown(given)}`, ['teamSize']);
  const allowed = new Set([department, ...cooperating]);
  const minimums = readMinimums(options.departmentMinimums, department, cooperating, allowed);
  const sum = minimums.reduce((s, [, v]) => s + v, 0);
  // Default team size: 2, or the sum of the department minimums when larger (a joint inspection of three
  // departments needs three). Only a team size the caller set can be too small.
  const teamSize = (given as number | undefined) ?? Math.max(2, sum);
  if (sum > teamSize) {
    const defaulted = options.departmentMinimums === undefined;
    const whyZh = defaulted ? `（联合抽查默认每个部门至少 1 人，共 ${minimums.length} 个部门）` : '';
    const whyEn = defaulted ? ` (a joint inspection needs at least 1 per department by default, ${minimums.length} departments)` : '';
    fail(
      `所设每组人数 teamSize ${teamSize} 小于各部门最少人数之和 ${sum}${whyZh}：请增大 teamSize、不设 teamSize（默认取 ${Math.max(2, sum)}）或减少 departmentMinimums`,
      `the teamSize ${teamSize} you set is smaller than the sum ${sum} of the department minimums${whyEn}: raise teamSize, leave it out (the default is then ${Math.max(2, sum)}) or lower departmentMinimums`,
      defaulted ? ['teamSize'] : ['departmentMinimums'],
    );
  }
  if (teamSize > MAX_TEAM) fail(`各部门最少人数之和 ${sum} 超过每组人数上限 ${MAX_TEAM}`, `the department minimums add up to ${sum}, more than the largest team size ${MAX_TEAM}`, ['departmentMinimums']);
  const cap: unknown = options.maxTargetsPerInspector ?? null;
  if (cap !== null && (!isNonNegativeInt(cap) || cap < 1)) fail(`工作量上限必须是正整数或 null，收到 ${shown(cap)}`, `maxTargetsPerInspector must be a positive integer or null, got ${shown(cap)}`, ['maxTargetsPerInspector']);
  const crossUnit: unknown = options.crossUnit ?? false;
  if (typeof crossUnit !== 'boolean') fail(`所所交叉 crossUnit 必须是 true 或 false，收到 ${shown(crossUnit)}`, `crossUnit must be true or false, got ${shown(crossUnit)}`, ['crossUnit']);
  const rotationYears: unknown = options.rotationYears ?? 0;
  if (!isNonNegativeInt(rotationYears) || rotationYears > 100) fail(`轮换年限必须是 0–100 的整数，收到 ${shown(rotationYears)}`, `rotationYears must be an integer 0–100, got ${shown(rotationYears)}`, ['rotationYears']);
  const expertise = sortedUnique(stringList(options.requiredExpertise, 'requiredExpertise', '业务专长要求'));
  const experts: unknown = options.expertsPerTarget ?? 0;
  if (!isNonNegativeInt(experts) || experts > MAX_TEAM) fail(`每个检查对象的专家人数 expertsPerTarget 须为 0–${MAX_TEAM} 的整数，收到 ${shown(experts)}`, `expertsPerTarget must be an integer from 0 to ${MAX_TEAM}, got ${shown(experts)}`, ['expertsPerTarget']);
  const expertSpecialties = sortedUnique(stringList(options.requiredExpertExpertise, 'requiredExpertExpertise', '专家业务专长要求'));
  if (expertSpecialties.length > 0 && experts === 0) {
    fail('设置了专家业务专长 requiredExpertExpertise，但未要求专家（expertsPerTarget 为 0）', 'requiredExpertExpertise is set but no expert is requested (expertsPerTarget is 0)', ['requiredExpertExpertise']);
  }
  // Expert keys only when experts are requested: a record without experts is byte-identical to one written
  // before the option existed (docs/spec.md §M11).
  return {
    date: options.date,
    department,
    cooperatingDepartments: cooperating,
    departmentMinimums: minimums,
    teamSize,
    requiredExpertise: expertise,
    maxTargetsPerInspector: cap as number | null,
    crossUnit,
    rotationYears,
    ...(experts > 0 ? { expertsPerTarget: experts } : {}),
    ...(expertSpecialties.length > 0 ? { requiredExpertExpertise: expertSpecialties } : {}),
  };
}

/**
 * `departmentMinimums`: an object keyed by department (pairs, as the record writes them, are refused: the input
 * and the record are different forms), each key a department of this inspection, each value an integer ≥ 0
 * (0 = no minimum, dropped). Absent: 1 for every department of a joint inspection, none otherwise.
 */
function readMinimums(value: unknown, department: string, cooperating: readonly string[], allowed: ReadonlySet<string>): [string, number][] {
  if (value === undefined) return cooperating.length === 0 ? [] : [...allowed].sort(compareCodePoints).map((d) => [d, 1]);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(
      `部门最少人数 departmentMinimums 必须是以部门为键的对象（如 { "${department}": 1 }），收到 ${shown(value)}`,
      `departmentMinimums must be an object keyed by department (e.g. { "${department}": 1 }), got ${shown(value)}`,
      ['departmentMinimums'],
    );
  }
  const out: [string, number][] = [];
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    const m: unknown = (value as Record<string, unknown>)[key];
    if (!allowed.has(key)) fail(`部门最少人数中的部门不在本次抽查部门内：${key}`, `departmentMinimums names a department not in the inspection: ${key}`, ['departmentMinimums', key]);
    if (!isNonNegativeInt(m) || m > MAX_TEAM) fail(`部门最少人数须为 0–${MAX_TEAM} 的整数：${key} 为 ${shown(m)}`, `a department minimum must be an integer from 0 to ${MAX_TEAM}: ${key} is ${shown(m)}`, ['departmentMinimums', key]);
    if (m > 0) out.push([key, m]);
  }
  return out;
}
