import { dayNumberOf } from '../internals/plain-date.js';
import type { DeadlineRule } from './deadline-rule.js';
import { parseArgument } from './internals/arguments.js';
import { requireCalendar } from './internals/calendar-like.js';
import { dueDate } from './internals/deadline-rules.js';
import { DeadlineRuleSchema } from './internals/shapes.js';
import type { WorkCalendarLike } from './work-calendar-like.js';

/**
 * 截止日期 — the last day allowed by a rule whose clock started on `start`: for working days the
 * `amount`-th working day after `start` (the starting day is not counted); for calendar days `start` +
 * `amount` days, extended to the next working day when that day is a rest day (民法典 art. 201, 203).
 *
 * Refuses, with coded errors and paths: a `start` that is not a real date (`INVALID_DATE`); a rule that is not a
 * {@link DeadlineRule} — an unknown key (`UNKNOWN_FIELD`), a missing or mistyped field, an amount that is not a
 * positive integer (`DEADLINE_AMOUNT_INVALID`), a unit other than `working-days` / `calendar-days`
 * (`DEADLINE_UNIT_INVALID`); a calendar without the methods of {@link WorkCalendarLike}, or one answering with
 * something other than a date (`INVALID_CALENDAR`); and whatever the calendar refuses (`CALENDAR_OUT_OF_RANGE`).
 *
 * @param start - the day the clock started, `YYYY-MM-DD` (not counted itself)
 * @param rule - 时限规则: the amount and unit (`working-days` or `calendar-days`) of the deadline ({@link DeadlineRule})
 * @param calendar - 工作日历: the working-day calendar, e.g. `createWorkCalendar()` ({@link WorkCalendarLike})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
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
  const checked = parseArgument<DeadlineRule>(DeadlineRuleSchema, rule, ['rule'], { zh: '时限规则', en: 'deadline rule' });
  const cal = requireCalendar(calendar, ['calendar']);
  return dueDate(start, checked, cal, ['calendar']);
}
