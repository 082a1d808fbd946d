/**
 * The one list of the option keys the matcher accepts, tied to the `MatchRules`, `MatchFacts` and
 * `MatchOptions` interfaces by the compiler: each table is typed `Record<keyof …, true>`, so a key added to
 * or removed from an interface without the table (or the reverse) fails to compile. Unknown keys are
 * rejected at the public entry points (like the draw's `normalizeSpec`), so a misspelled rule such as
 * `crossunit` is never silently ignored.
 */
import { ShuangsuijiError } from '../../errors.js';
import type { MatchFacts, MatchOptions, MatchRules } from '../match-options.js';
import { compareCodePoints } from './encoding.js';

const RULE_KEYS: Readonly<Record<keyof MatchRules, true>> = {
  date: true,
  department: true,
  cooperatingDepartments: true,
  departmentMinimums: true,
  teamSize: true,
  requiredExpertise: true,
  maxTargetsPerInspector: true,
  crossUnit: true,
  rotationYears: true,
  expertsPerTarget: true,
  requiredExpertExpertise: true,
};

const FACT_KEYS: Readonly<Record<keyof MatchFacts, true>> = {
  conflicts: true,
  relatives: true,
  recusalRequests: true,
  history: true,
  neighbourInspectors: true,
  searchBudget: true,
};

/** The keys `MatchOptions` adds to the rules and facts. */
const OWN_KEYS: Readonly<Record<Exclude<keyof MatchOptions, keyof MatchRules | keyof MatchFacts>, true>> = {
  seed: true,
  label: true,
};

/**
 * Which keys an argument may hold: `options` — every key of `MatchOptions` (matchInspectors,
 * redrawForRecusal); `facts` — the keys of `MatchFacts` and, because the options minus seed and label may be
 * passed as they are, of `MatchRules` (verifyMatch, where the record's rules apply).
 */
export type OptionKeySet = 'options' | 'facts';

function known(key: string, set: OptionKeySet): boolean {
  return Object.hasOwn(RULE_KEYS, key) || Object.hasOwn(FACT_KEYS, key) || (set === 'options' && Object.hasOwn(OWN_KEYS, key));
}

/** Throws `INVALID_MATCH_OPTIONS` (path `[key]`) for the first own key, in code-point order, that the set does not allow. */
export function checkOptionKeys(value: unknown, set: OptionKeySet): void {
  const what = set === 'options' ? ['匹配选项', 'match options'] : ['匹配事实', 'match facts'];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShuangsuijiError('INVALID_MATCH_OPTIONS', `${what[0]}必须是对象`, `the ${what[1]} must be an object`);
  }
  const unknown = Object.keys(value).filter((key) => !known(key, set));
  if (unknown.length === 0) return;
  const key = unknown.reduce((a, b) => (compareCodePoints(b, a) < 0 ? b : a));
  const names = [...Object.keys(RULE_KEYS), ...Object.keys(FACT_KEYS), ...(set === 'options' ? Object.keys(OWN_KEYS) : [])];
  const near = names.find((name) => name.toLowerCase() === key.toLowerCase());
  const hintZh = near === undefined ? '' : `（是否应为 ${near}？）`;
  const hintEn = near === undefined ? '' : ` (did you mean ${near}?)`;
  const seedHint = set === 'facts' && Object.hasOwn(OWN_KEYS, key) ? ['；种子和标签取自记录', '; the seed and label come from the record'] : ['', ''];
  throw new ShuangsuijiError(
    'INVALID_MATCH_OPTIONS',
    `${what[0]}含未知字段 ${key}${hintZh}${seedHint[0]}`,
    `unknown key ${key} in the ${what[1]}${hintEn}${seedHint[1]}`,
    { path: [key] },
  );
}
