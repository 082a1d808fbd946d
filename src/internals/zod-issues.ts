/**
 * Zod problems as the library's {@link DataIssue}s, in Chinese and in English. Zod gives one language per parse,
 * so a failed input is parsed once more with each locale passed per call (never through zod's global config,
 * which belongs to the application); both runs report the same issues in the same order.
 */
import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { DataIssue, IssuePath, ParseResult } from '../errors.js';

/** Parameters a schema may attach to a custom check (`refine(…, { params })`) to name its code and Chinese text. */
export interface IssueParams {
  readonly code?: string;
  readonly zh?: string;
}

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly params?: IssueParams;
}

/** The stable library code of a zod issue (zod's own codes are not part of this library's contract). */
function codeOf(issue: RawIssue, hasInput: boolean): string {
  if (issue.params?.code !== undefined) return issue.params.code;
  switch (issue.code) {
    case 'invalid_type':
      return hasInput && issue.input !== undefined ? 'INVALID_TYPE' : 'MISSING_FIELD';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    default:
      return 'INVALID_VALUE';
  }
}

const pathOf = (prefix: IssuePath, path: readonly PropertyKey[]): (string | number)[] => [
  ...prefix,
  ...path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
];

/**
 * Parses `input` with `schema`; on failure returns every problem with a stable code (`MISSING_FIELD`,
 * `INVALID_TYPE`, `UNKNOWN_FIELD` — one per unknown key —, `INVALID_VALUE`, or the `params.code` of a custom
 * check), the path below `prefix`, and messages in both languages. Never mutates `input`.
 */
export function safeParseBilingual<T>(schema: z.ZodType<T>, input: unknown, prefix: IssuePath = []): ParseResult<T> {
  const zh = schema.safeParse(input, { error: zhCN().localeError, reportInput: true });
  if (zh.success) return { success: true, data: zh.data };
  const english = schema.safeParse(input, { error: en().localeError });
  const enIssues = english.success ? [] : (english.error.issues as readonly RawIssue[]);
  const issues: DataIssue[] = [];
  (zh.error.issues as readonly RawIssue[]).forEach((issue, i) => {
    const messageEn = enIssues[i]?.message ?? issue.message;
    const messageZh = issue.params?.zh ?? issue.message;
    if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
      for (const key of issue.keys) {
        issues.push({ code: 'UNKNOWN_FIELD', path: pathOf(prefix, [...issue.path, key]), messageZh: `未知字段：${key}`, messageEn: `unknown field: ${key}` });
      }
      return;
    }
    const hasInput = 'input' in issue;
    const base = { code: codeOf(issue, hasInput), path: pathOf(prefix, issue.path), messageZh, messageEn };
    issues.push(hasInput && issue.input !== undefined && (typeof issue.input !== 'object' || issue.input === null) ? { ...base, received: issue.input } : base);
  });
  return { success: false, issues };
}
