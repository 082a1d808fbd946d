import { ShuangsuijiError } from '../errors.js';
import { buildWorkCalendar } from './internals/build-work-calendar.js';
import { resolveWorkCalendarOptions } from './internals/resolve-options.js';
import type { WorkCalendar } from './work-calendar.js';
import type { WorkCalendarOptions } from './work-calendar-options.js';

/**
 * 创建工作日历 — a Chinese working-day calendar: weekends are rest days unless a State Council notice
 * makes them 调休 working days, and notice rest days are rest days. By default it holds the built-in
 * notices 2007–2026 (holiday-cn copy of 2026-11-22); `years` adds newer notices, `overrides` local days.
 * Cheap to call: the lookup tables are built on first use.
 *
 * Invalid options throw a {@link ShuangsuijiError} whose `code` and `path` are those of the first
 * problem (a {@link WorkCalendarIssueCode}, e.g. `DAY_CONFLICT`) and whose `details.issues` lists every
 * problem. Use {@link safeCreateWorkCalendar} to get the problems as a result instead.
 *
 * @param options - newer 国务院 notice years, local overrides, the policy for uncovered years and whether to include the
 * built-in notices ({@link WorkCalendarOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link CalendarErrorCode}
 * @group Calendar
 *
 * @example
 * ```ts
 * const cal = createWorkCalendar();
 * cal.addWorkdays('2024-09-30', 1); // '2024-10-08'
 *
 * // A region's own holiday, and a newer notice in the holiday-cn JSON shape:
 * const local = createWorkCalendar({
 *   overrides: [{ date: '2026-04-20', isOffDay: true, name: '本地节日' }],
 * });
 * local.isWorkday('2026-04-20'); // false
 * ```
 */
export function createWorkCalendar(options?: WorkCalendarOptions): WorkCalendar {
  const resolved = resolveWorkCalendarOptions(options);
  if (!resolved.success) {
    const [firstIssue] = resolved.issues;
    const more = resolved.issues.length > 1 ? resolved.issues.length - 1 : 0;
    throw new ShuangsuijiError(
      firstIssue!.code,
      `工作日历数据无效：${firstIssue!.messageZh}${more ? `（另有 ${more} 个问题，见 details.issues）` : ''}`,
      `invalid work calendar data: ${firstIssue!.messageEn}${more ? ` (and ${more} more problems, see details.issues)` : ''}`,
      { path: firstIssue!.path, details: { issues: resolved.issues } },
    );
  }
  return buildWorkCalendar(resolved.data);
}
