import { ShuangsuijiError } from '../errors.js';
import { dayNumberOf } from '../internals/plain-date.js';
import type { DeadlineRule } from './deadline-rule.js';
import type { WorkCalendarLike } from './work-calendar-like.js';

/**
 * 截止日期 — the last day allowed by a rule whose clock started on `start`: for working days the
 * `amount`-th working day after `start` (the starting day is not counted); for calendar days `start` +
 * `amount` days, extended to the next working day when that day is a rest day (民法典 art. 201, 203).
 *
 * @example
 * ```ts
 * const calendar = createWorkCalendar();
 * computeDeadline('2025-01-20', DEFAULT_DEADLINE_RULES[0]!, calendar); // '2025-02-21' (Spring Festival skipped)
 * computeDeadline('2024-09-25', { ...DEFAULT_DEADLINE_RULES[0]!, amount: 7 }, calendar); // '2024-10-10'
 * ```
 */
export function computeDeadline(start: string, rule: DeadlineRule, calendar: WorkCalendarLike): string {
  dayNumberOf(start, ['start']);
  if (!Number.isInteger(rule.amount) || rule.amount < 1) {
    throw new ShuangsuijiError(
      'DEADLINE_AMOUNT_INVALID',
      `时限规则 ${rule.id} 的天数无效：${String(rule.amount)}`,
      `deadline rule ${rule.id} has an invalid number of days: ${String(rule.amount)}`,
      { path: ['amount'] },
    );
  }
  if (rule.unit === 'working-days') return calendar.addWorkdays(start, rule.amount);
  if (rule.unit === 'calendar-days') return calendar.calendarDayDeadline(start, rule.amount);
  throw new ShuangsuijiError(
    'DEADLINE_UNIT_INVALID',
    `时限规则 ${rule.id} 的单位无效：${String(rule.unit)}`,
    `deadline rule ${rule.id} has an invalid unit: ${String(rule.unit)}`,
    { path: ['unit'] },
  );
}
