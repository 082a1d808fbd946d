import type { DataIssue, ParseResult } from '../errors.js';
import { USCC_CHARSET, usccCheckValue, usccValue } from './internals/uscc-core.js';

/**
 * Issue codes of {@link parseUscc} (also used by the register parsers for the `creditCode` field).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const code: UsccIssueCode = 'USCC_CHECK_CHARACTER';
 * ```
 */
export type UsccIssueCode = 'USCC_NOT_STRING' | 'USCC_LENGTH' | 'USCC_INVALID_CHARACTER' | 'USCC_REGION_NOT_DIGITS' | 'USCC_CHECK_CHARACTER';

/**
 * The parts of a valid 统一社会信用代码 (GB 32100-2015).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const parts = parseUscc('91350100M000100Y43');
 * if (parts.success) parts.data.organisationCode; // 'M000100Y4'
 * ```
 */
export interface UsccParts {
  /** The whole 18-character code. */
  readonly code: string;
  /** 第1位 登记管理部门代码 — e.g. `1` 机构编制, `5` 民政, `9` 市场监管, `Y` 其他 (an open set). */
  readonly registrationDepartment: string;
  /** 第2位 机构类别代码 — for department `9`: `1` 企业, `2` 个体工商户, `3` 农民专业合作社. */
  readonly organisationCategory: string;
  /** 第3–8位 登记管理机关行政区划码 (GB/T 2260). */
  readonly regionCode: string;
  /** 第9–17位 主体标识码（组织机构代码, GB 11714）. */
  readonly organisationCode: string;
  /** 第18位 校验码. */
  readonly checkCharacter: string;
}

function problem(code: UsccIssueCode, messageZh: string, messageEn: string, received: unknown): DataIssue<UsccIssueCode> {
  return Object.freeze({ code, path: Object.freeze([]), messageZh, messageEn, received });
}

/**
 * Checks a value as a 统一社会信用代码 and collects every problem (code `USCC_NOT_STRING`, `USCC_LENGTH`,
 * `USCC_INVALID_CHARACTER`, `USCC_REGION_NOT_DIGITS`, `USCC_CHECK_CHARACTER`; issue paths are empty).
 * `USCC_CHECK_CHARACTER` is only reported when the first 17 characters are valid, because the check
 * character cannot be computed otherwise. Nothing is trimmed or upper-cased.
 *
 * @param code - 统一社会信用代码: the value to check, of any type
 * @group Models
 *
 * @example
 * ```ts
 * const result = parseUscc('91350100M000100Y43');
 * if (result.success) console.log(result.data.regionCode); // '350100'
 * const bad = parseUscc('91350100M000100Y4A');
 * if (!bad.success) console.log(bad.issues[0]?.code); // 'USCC_CHECK_CHARACTER'
 * ```
 */
export function parseUscc(code: unknown): ParseResult<UsccParts, UsccIssueCode> {
  if (typeof code !== 'string') {
    return {
      success: false,
      issues: Object.freeze([problem('USCC_NOT_STRING', '统一社会信用代码应为字符串', 'the unified social credit code must be a string', typeof code)]),
    };
  }
  const issues: DataIssue<UsccIssueCode>[] = [];
  const shown = JSON.stringify(code);
  if (code.length !== 18) {
    issues.push(problem('USCC_LENGTH', `统一社会信用代码应为 18 位，${shown} 为 ${code.length} 位`, `a unified social credit code has 18 characters; ${shown} has ${code.length}`, code));
  }
  const bad: string[] = [];
  for (let i = 0; i < code.length; i++) {
    if (usccValue(code.charCodeAt(i)) < 0) bad.push(`${i + 1}:${JSON.stringify(code.charAt(i))}`);
  }
  if (bad.length > 0) {
    issues.push(problem(
      'USCC_INVALID_CHARACTER',
      `统一社会信用代码含非法字符（位置:字符 ${bad.join(', ')}）；只允许 0-9 及除 I、O、S、V、Z 外的大写字母`,
      `the unified social credit code has characters outside the charset (position:character ${bad.join(', ')}); only 0-9 and upper-case letters except I, O, S, V, Z are allowed`,
      code,
    ));
  }
  const regionEnd = Math.min(8, code.length);
  for (let i = 2; i < regionEnd; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) {
      issues.push(problem('USCC_REGION_NOT_DIGITS', `统一社会信用代码第 3–8 位（行政区划码）应为数字：${shown}`, `positions 3–8 (the region code) of a unified social credit code must be digits: ${shown}`, code));
      break;
    }
  }
  if (code.length === 18) {
    const check = usccCheckValue(code);
    if (check >= 0 && usccValue(code.charCodeAt(17)) >= 0 && usccValue(code.charCodeAt(17)) !== check) {
      const expected = USCC_CHARSET.charAt(check);
      issues.push(problem(
        'USCC_CHECK_CHARACTER',
        `统一社会信用代码校验码错误：${shown} 的第 18 位应为 ${expected}`,
        `wrong check character in unified social credit code ${shown}: position 18 should be ${expected}`,
        code,
      ));
    }
  }
  if (issues.length > 0) return { success: false, issues: Object.freeze(issues) };
  return {
    success: true,
    data: Object.freeze({
      code,
      registrationDepartment: code.charAt(0),
      organisationCategory: code.charAt(1),
      regionCode: code.slice(2, 8),
      organisationCode: code.slice(8, 17),
      checkCharacter: code.charAt(17),
    }),
  };
}
