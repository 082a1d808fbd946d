/**
 * A caller's working-day calendar, checked before use and its answers checked after: any object with the four
 * methods of {@link WorkCalendarLike} works, but a missing method or an answer that is not a date (or a count)
 * is a coded `INVALID_CALENDAR`, never a `TypeError` or a silently wrong deadline.
 *
 * @module
 */
import { ShuangsuijiError, type IssuePath } from '../../errors.js';
import { isPlainDateString } from '../../internals/plain-date.js';
import type { WorkCalendarLike } from '../work-calendar-like.js';
import { shown } from './arguments.js';

const METHODS = ['isWorkday', 'addWorkdays', 'calendarDayDeadline', 'countWorkdays'] as const;

/** `value` as a calendar, or `INVALID_CALENDAR` naming the missing method. */
export function requireCalendar(value: unknown, path: IssuePath): WorkCalendarLike {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    throw new ShuangsuijiError(
      'INVALID_CALENDAR',
      `工作日历应为对象（如 createWorkCalendar() 的返回值），收到 ${shown(value)}`,
      `the working-day calendar must be an object (e.g. from createWorkCalendar()), got ${shown(value)}`,
      { path },
    );
  }
  for (const method of METHODS) {
    if (typeof (value as Record<string, unknown>)[method] !== 'function') {
      throw new ShuangsuijiError('INVALID_CALENDAR', `工作日历缺少方法 ${method}`, `the working-day calendar has no method ${method}`, { path: [...path, method] });
    }
  }
  return value as WorkCalendarLike;
}

/** A date the calendar answered, or `INVALID_CALENDAR` when it is not a real `YYYY-MM-DD`. */
export function calendarDate(answer: unknown, method: string, path: IssuePath): string {
  if (isPlainDateString(answer)) return answer;
  throw new ShuangsuijiError(
    'INVALID_CALENDAR',
    `工作日历的 ${method} 返回了无效日期：${shown(answer)}`,
    `the working-day calendar's ${method} returned an invalid date: ${shown(answer)}`,
    { path: [...path, method] },
  );
}

/** A count the calendar answered, or `INVALID_CALENDAR` when it is not a safe integer. */
export function calendarCount(answer: unknown, method: string, path: IssuePath): number {
  if (typeof answer === 'number' && Number.isSafeInteger(answer)) return answer;
  throw new ShuangsuijiError(
    'INVALID_CALENDAR',
    `工作日历的 ${method} 返回了无效的天数：${shown(answer)}`,
    `the working-day calendar's ${method} returned an invalid count: ${shown(answer)}`,
    { path: [...path, method] },
  );
}
