import type { ParseResult } from '../errors.js';
import { buildWorkCalendar } from './internals/build-work-calendar.js';
import { resolveWorkCalendarOptions } from './internals/resolve-options.js';
import type { WorkCalendar } from './work-calendar.js';
import type { WorkCalendarIssueCode } from './work-calendar-issue-code.js';
import type { WorkCalendarOptions } from './work-calendar-options.js';

/**
 * Like {@link createWorkCalendar}, but returns every data problem instead of throwing: use it when the
 * year data or overrides come from a file or a user. Accepts `unknown` (e.g. parsed JSON).
 *
 * @param options - the options of {@link createWorkCalendar}, possibly untrusted (e.g. parsed JSON): every problem is
 * returned, nothing thrown for the data
 * @group Calendar
 *
 * @example
 * ```ts
 * const placeholder = { year: 2027, papers: [], days: [] }; // holiday-cn's empty 2027.json
 * const result = safeCreateWorkCalendar({ years: [placeholder] });
 * if (!result.success) {
 *   for (const issue of result.issues) console.log(issue.code, issue.path.join('.'), issue.messageZh);
 *   // YEAR_PAPERS_MISSING years.0.papers …
 *   // YEAR_EMPTY years.0.days …
 * }
 * ```
 */
export function safeCreateWorkCalendar(
  options?: WorkCalendarOptions | unknown,
): ParseResult<WorkCalendar, WorkCalendarIssueCode> {
  const resolved = resolveWorkCalendarOptions(options);
  if (!resolved.success) return resolved;
  return { success: true, data: buildWorkCalendar(resolved.data) };
}
