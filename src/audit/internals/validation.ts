/**
 * Input validation helpers shared by the audit's public functions: options read strictly (unknown keys, wrong
 * types and unknown vocabulary throw `AUDIT_BAD_OPTION` with the path), the Monte-Carlo effort bounded, and data
 * parsed from a detached copy (so a failed parse never freezes or otherwise touches the caller's objects).
 *
 * @module
 */
import type * as z from 'zod';
import { ShuangsuijiError, type DataIssue, type IssuePath, type ParseResult } from '../../errors.js';
import type { AuditIssueCode } from '../audit-issue-code.js';
import { safeParseBilingual } from '../../internals/zod-issues.js';
import { detach } from '../../workflow/internals/detach.js';
import type { AuditDrawFunction } from '../audit-draw-function.js';
import { AuditFieldSchema, type AuditField } from '../audit-field.js';
import type { AuditOptions } from '../audit-options.js';
import type { MonteCarloOptions } from '../monte-carlo-options.js';
import type { ResolvedMonteCarlo } from './inclusion.js';

/**
 * The most Monte-Carlo replications per draw: the standard error of an estimated probability is then below
 * 0.0005; more only burns time (the work is replications × population).
 */
export const MAX_REPLICATIONS = 1_000_000;

/** The longest seed string of the replications. */
const MAX_SEED_LENGTH = 1024;

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function bad(path: IssuePath, zh: string, en: string): never {
  throw new ShuangsuijiError('AUDIT_BAD_OPTION', zh, en, { path });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses a value that is not a plain object, and any own key outside `known`. */
function checkKeys(value: unknown, known: readonly string[], path: IssuePath, what: { zh: string; en: string }): Record<string, unknown> {
  if (!isRecord(value)) bad(path, `${what.zh}应为对象，收到 ${shown(value)}`, `${what.en} must be an object, got ${shown(value)}`);
  for (const key of Object.keys(value).sort()) {
    if (!known.includes(key)) {
      bad([...path, key], `${what.zh}中有未知字段 ${shown(key)}（可用：${known.join('、')}）`, `unknown key ${shown(key)} in ${what.en} (known: ${known.join(', ')})`);
    }
  }
  return value;
}

/** Monte-Carlo options with defaults, checked (`path` is where they sit in the caller's arguments). */
export function resolveMonteCarlo(options: MonteCarloOptions | undefined, path: IssuePath = []): ResolvedMonteCarlo {
  const raw = options === undefined ? {} : checkKeys(options, ['replications', 'seed', 'drawFunction'], path, { zh: '蒙特卡洛设置', en: 'the Monte-Carlo options' });
  const replications = raw['replications'] ?? 1000;
  if (typeof replications !== 'number' || !Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) {
    bad([...path, 'replications'], `replications 必须是 1 至 ${MAX_REPLICATIONS} 之间的整数`, `replications must be an integer from 1 to ${MAX_REPLICATIONS}`);
  }
  const seed = raw['seed'] ?? 'shuangsuiji-audit';
  if (typeof seed !== 'string' || seed.length > MAX_SEED_LENGTH) {
    bad([...path, 'seed'], `seed 必须是不超过 ${MAX_SEED_LENGTH} 个字符的字符串`, `seed must be a string of at most ${MAX_SEED_LENGTH} characters`);
  }
  const drawFunction = raw['drawFunction'];
  if (drawFunction !== undefined && typeof drawFunction !== 'function') {
    bad([...path, 'drawFunction'], 'drawFunction 必须是函数', 'drawFunction must be a function');
  }
  return { replications, seed, drawFunction: drawFunction as AuditDrawFunction | undefined };
}

/** {@link AuditOptions} with defaults, every field checked. */
export interface ResolvedAuditOptions {
  readonly alpha: number;
  readonly correction: 'holm' | 'benjamini-hochberg';
  readonly fields: readonly AuditField[];
  readonly focusGroups: readonly { readonly label: string; readonly ids: readonly string[] }[];
  readonly minExpectedCount: number;
  readonly monteCarlo: ResolvedMonteCarlo;
}

const OPTION_KEYS: Readonly<Record<keyof AuditOptions, true>> = {
  alpha: true,
  correction: true,
  fields: true,
  focusGroups: true,
  minExpectedCount: true,
  monteCarlo: true,
};

/** The options of `auditDrawHistory`, checked; the first problem throws `AUDIT_BAD_OPTION` with its path. */
export function resolveAuditOptions(options: unknown): ResolvedAuditOptions {
  const raw = options === undefined ? {} : checkKeys(options, Object.keys(OPTION_KEYS), [], { zh: '审计设置', en: 'the audit options' });
  const alpha = raw['alpha'] ?? 0.05;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) bad(['alpha'], 'alpha 必须在 0 与 1 之间', 'alpha must be between 0 and 1');
  const correction = raw['correction'] ?? 'holm';
  if (correction !== 'holm' && correction !== 'benjamini-hochberg') {
    bad(['correction'], 'correction 只能是 holm 或 benjamini-hochberg', 'correction must be holm or benjamini-hochberg');
  }
  const fields = raw['fields'] ?? ['regionCode', 'supervisingUnit', 'industry'];
  if (!Array.isArray(fields)) bad(['fields'], 'fields 必须是字段名数组', 'fields must be an array of field names');
  fields.forEach((field: unknown, i: number) => {
    if (!AuditFieldSchema.safeParse(field).success) bad(['fields', i], `未知字段 ${shown(field)}`, `unknown field ${shown(field)}`);
  });
  const min = raw['minExpectedCount'] ?? 5;
  if (typeof min !== 'number' || !(min > 0) || !Number.isFinite(min)) bad(['minExpectedCount'], 'minExpectedCount 必须为正数', 'minExpectedCount must be positive');
  const groups = raw['focusGroups'] ?? [];
  if (!Array.isArray(groups)) bad(['focusGroups'], 'focusGroups 必须是数组', 'focusGroups must be an array');
  groups.forEach((group: unknown, g: number) => {
    const entry = checkKeys(group, ['label', 'ids'], ['focusGroups', g], { zh: '重点名单', en: 'a focus group' });
    const ids = entry['ids'];
    if (typeof entry['label'] !== 'string' || entry['label'].length === 0 || !Array.isArray(ids)) {
      bad(['focusGroups', g], '重点名单需要 label 与 ids', 'a focus group needs a label and ids');
    }
    ids.forEach((id: unknown, k: number) => {
      if (typeof id !== 'string' || id.length === 0) bad(['focusGroups', g, 'ids', k], `重点名单中的编号无效：${shown(id)}`, `invalid id in a focus group: ${shown(id)}`);
    });
  });
  return {
    alpha,
    correction,
    fields: fields as AuditField[],
    focusGroups: groups as { label: string; ids: string[] }[],
    minExpectedCount: min,
    monteCarlo: resolveMonteCarlo(raw['monteCarlo'] as MonteCarloOptions | undefined, ['monteCarlo']),
  };
}

/**
 * `safeParseBilingual` on a detached copy of `input` (JSON data only; nesting and cycles bounded): the caller's
 * objects are never frozen or touched, and a value zod cannot take (a typed array, a `Date` …) is a coded problem.
 */
export function safeParseDetached<T, Code extends AuditIssueCode>(schema: z.ZodType<T>, input: unknown, prefix: IssuePath, code: Code): ParseResult<T, Code> {
  const detached = detach(input, prefix);
  if (!detached.ok) {
    const issue: DataIssue<Code> = { ...detached.issue, code };
    return { success: false, issues: [issue] };
  }
  return safeParseBilingual(schema, detached.value, prefix, code);
}

/** The ids a draw function returned, or `AUDIT_DRAW_FUNCTION_INVALID` when it is not an array of strings. */
export function drawnIds(value: unknown): readonly string[] {
  if (Array.isArray(value) && value.every((id) => typeof id === 'string')) return value as readonly string[];
  throw new ShuangsuijiError(
    'AUDIT_DRAW_FUNCTION_INVALID',
    `抽取函数应返回编号（字符串）数组，实际返回 ${shown(value)}`,
    `the draw function must return an array of ids (strings), got ${shown(value)}`,
  );
}
