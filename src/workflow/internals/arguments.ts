/**
 * Argument checks shared by the workflow's public functions: every argument is read through a schema (strict:
 * unknown keys, wrong types and unknown vocabulary are refused) from a detached copy, and a refusal throws a
 * {@link ShuangsuijiError} with a stable code, the path to the bad field and messages in Chinese and English.
 *
 * @module
 */
import type * as z from 'zod';
import { ShuangsuijiError, type DataIssue, type IssuePath, type ParseResult } from '../../errors.js';
import { safeParseBilingual } from '../../internals/zod-issues.js';
import { detach, type DetachIssueCode } from './detach.js';
import type { WorkflowErrorCode } from '../workflow-error-code.js';

/** What an argument is, for messages. */
export interface ArgumentLabel {
  readonly zh: string;
  readonly en: string;
}

/** At most this many problems are kept in `details.issues` of a thrown error. */
const MAX_LISTED_ISSUES = 50;

/** A value shown in a message: never throws (symbols, null-prototype objects, BigInts …), never long. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** The error for the first of `issues` (all of them, capped, in `details.issues`). */
export function errorOf(issues: readonly DataIssue<WorkflowErrorCode>[], what: ArgumentLabel): ShuangsuijiError<WorkflowErrorCode> {
  const first = issues[0]!;
  const more = issues.length > 1 ? issues.length - 1 : 0;
  return new ShuangsuijiError(
    first.code,
    `${what.zh}无效：${first.messageZh}${more ? `（另有 ${more} 个问题，见 details.issues）` : ''}`,
    `invalid ${what.en}: ${first.messageEn}${more ? ` (and ${more} more problems, see details.issues)` : ''}`,
    { path: first.path, details: { issues: issues.slice(0, MAX_LISTED_ISSUES).map(jsonSafe) } },
  );
}

/** An issue whose `received` is JSON-serialisable (details of errors must be). */
function jsonSafe<Code extends string>(issue: DataIssue<Code>): DataIssue<Code> {
  const r = issue.received;
  const scalar = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  if (r === undefined || scalar(r)) return issue;
  if (typeof r === 'object' && !Array.isArray(r) && Object.getPrototypeOf(r) === Object.prototype && Object.values(r as object).every(scalar)) return issue;
  const { received, ...rest } = issue;
  void received;
  return rest;
}

/**
 * Parses a detached copy of `value`; returns the problems instead of throwing. `Code` names the codes `schema` can
 * give (shape codes and its custom `params.code`s); test/meta's never-crash tests check them at run time.
 */
export function safeParseArgument<T, Code extends WorkflowErrorCode = WorkflowErrorCode>(schema: z.ZodType, value: unknown, path: IssuePath): ParseResult<T, Code | DetachIssueCode> {
  const detached = detach(value, path);
  if (!detached.ok) return { success: false, issues: [detached.issue] };
  // The workflow's schemas give shape codes and the custom codes of internals/shapes.ts, all workflow codes.
  const parsed = safeParseBilingual<unknown, Code>(schema, detached.value, path);
  return parsed.success ? { success: true, data: parsed.data as T } : parsed;
}

/** Parses a detached copy of `value` with `schema` and returns the parsed copy, or throws the first problem. */
export function parseArgument<T>(schema: z.ZodType, value: unknown, path: IssuePath, what: ArgumentLabel): T {
  const parsed = safeParseArgument<T>(schema, value, path);
  if (!parsed.success) throw errorOf(parsed.issues, what);
  return parsed.data;
}

/** An options argument: `undefined` means `{}`; anything else goes through `schema`. */
export function parseOptions<T>(schema: z.ZodType, value: unknown, what: ArgumentLabel, path: IssuePath = []): T {
  return parseArgument<T>(schema, value === undefined ? {} : value, path, what);
}

/**
 * An input object read field by field (so that a large part, such as a register, is not copied): a plain object
 * with only the `known` keys (`UNKNOWN_FIELD`), and every key in `required` present (`MISSING_FIELD`).
 */
export function inputObject(value: unknown, known: readonly string[], required: readonly string[], what: ArgumentLabel): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShuangsuijiError('INVALID_TYPE', `${what.zh}应为对象，收到 ${shown(value)}`, `the ${what.en} must be an object, got ${shown(value)}`, { path: [] });
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    if (!known.includes(key)) {
      throw new ShuangsuijiError('UNKNOWN_FIELD', `${what.zh}中有未知字段 ${shown(key)}（可用：${known.join('、')}）`, `unknown field ${shown(key)} in the ${what.en} (known: ${known.join(', ')})`, { path: [key] });
    }
  }
  for (const key of required) {
    if (record[key] === undefined) throw new ShuangsuijiError('MISSING_FIELD', `${what.zh}缺少 ${key}`, `the ${what.en} lacks ${key}`, { path: [key] });
  }
  return record;
}
