/**
 * Zod problems as the library's {@link DataIssue}s, in Chinese and in English. Zod gives one language per parse,
 * so a failed input is parsed once more with each locale passed per call (never through zod's global config,
 * which belongs to the application); both runs report the same issues in the same order.
 */
import type * as z from 'zod';
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
  readonly expected?: string;
  readonly params?: IssueParams;
  /** invalid_union: the issues of each alternative. */
  readonly errors?: readonly (readonly RawIssue[])[];
}

/** The stable library code of a zod issue (zod's own codes are not part of this library's contract). */
function codeOf(issue: RawIssue, hasInput: boolean): string {
  if (issue.params?.code !== undefined) return issue.params.code;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'INVALID_VALUE';
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

/** The codes {@link safeParseBilingual} gives zod's own problems. */
export type ZodShapeIssueCode = 'MISSING_FIELD' | 'INVALID_TYPE' | 'UNKNOWN_FIELD' | 'INVALID_VALUE';

/**
 * Parses `input` with `schema`; on failure returns every problem with a stable code (`MISSING_FIELD`,
 * `INVALID_TYPE`, `UNKNOWN_FIELD` — one per unknown key —, `INVALID_VALUE`, or the `params.code` of a custom
 * check), the path below `prefix`, and messages in both languages; `code`, when given, replaces every code
 * (for callers that document one code for all shape problems). Never mutates `input`.
 *
 * `Code` is the caller's statement of the codes its schema can give — {@link ZodShapeIssueCode} and the
 * `params.code` of its custom checks, or the one `code` given — which no compiler can see through zod; the
 * never-crash tests (test/meta) check every returned issue against the parser's declared codes.
 */
export function safeParseBilingual<T, Code extends string = string>(schema: z.ZodType<T>, input: unknown, prefix: IssuePath = [], code?: Code): ParseResult<T, Code> {
  const zh = schema.safeParse(input, { error: zhCN().localeError, reportInput: true });
  if (zh.success) return { success: true, data: zh.data };
  const english = schema.safeParse(input, { error: en().localeError });
  const enIssues = english.success ? [] : (english.error.issues as readonly RawIssue[]);
  const issues: DataIssue[] = [];
  const zhIssues = zh.error.issues as readonly RawIssue[];
  zhIssues.forEach((issue, i) => collect(issue, enIssues[i], pathOf(prefix, []), issues));
  return { success: false, issues: (code === undefined ? issues : issues.map((issue) => ({ ...issue, code }))) as readonly DataIssue<string>[] as readonly DataIssue<Code>[] };
}

/**
 * Adds the issues of one zod issue (its Chinese and English runs) to `out`. A failed union is reported through
 * the alternative that came closest (fewest problems; the first on a tie) rather than as a bare "invalid input",
 * so that `{ field: 'kind', op: 'startsWith' }` says which fields `startsWith` accepts.
 */
function collect(zh: RawIssue, en: RawIssue | undefined, base: (string | number)[], out: DataIssue[]): void {
  if (zh.code === 'invalid_union' && zh.errors !== undefined && zh.errors.length > 0) {
    let best = 0;
    zh.errors.forEach((branch, b) => { if (branch.length < zh.errors![best]!.length) best = b; });
    const enBranch = en?.errors?.[best] ?? [];
    const at = pathOf(base, zh.path);
    zh.errors[best]!.forEach((issue, i) => collect(issue, enBranch[i], at, out));
    return;
  }
  if (zh.code === 'unrecognized_keys' && zh.keys !== undefined) {
    for (const key of zh.keys) {
      out.push({ code: 'UNKNOWN_FIELD', path: pathOf(base, [...zh.path, key]), messageZh: `未知字段：${key}`, messageEn: `unknown field: ${key}` });
    }
    return;
  }
  const hasInput = 'input' in zh;
  const isInt = zh.code === 'invalid_type' && zh.expected === 'int';
  const messageZh = zh.params?.zh ?? (isInt ? '应为整数' : zh.message);
  const messageEn = isInt ? 'expected an integer' : (en?.message ?? zh.message);
  const entry = { code: codeOf(zh, hasInput), path: pathOf(base, zh.path), messageZh, messageEn };
  out.push(hasInput && zh.input !== undefined && (typeof zh.input !== 'object' || zh.input === null) ? { ...entry, received: zh.input } : entry);
}
