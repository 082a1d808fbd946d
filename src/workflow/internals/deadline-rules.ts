/** Department names and the rules of a policy for one department (the lookup behind `resolveDeadlineRules`). */
import { ShuangsuijiError } from '../../errors.js';
import type { DeadlinePolicy } from '../deadline-policy.js';
import type { DeadlineRule } from '../deadline-rule.js';
import type { WorkCalendarLike } from '../work-calendar-like.js';
import { shown } from './arguments.js';
import { calendarDate } from './calendar-like.js';
import { isPadded } from './shapes.js';

/** Refuses a department name that is not a non-empty string, or that has white space at either end. */
export function checkDepartment(department: unknown, path: readonly (string | number)[]): asserts department is string {
  if (typeof department !== 'string' || department.length === 0) {
    throw new ShuangsuijiError('INVALID_ARGUMENT', `部门名称应为非空字符串，收到 ${shown(department)}`, `the department must be a non-empty string, got ${shown(department)}`, { path });
  }
  if (isPadded(department)) {
    throw new ShuangsuijiError(
      'DEPARTMENT_NAME_WHITESPACE',
      `部门名称首尾不得有空白字符：${shown(department)}（部门按名称精确匹配，带空白的名称不会匹配任何部门）`,
      `the department name ${shown(department)} starts or ends with white space (departments are matched exactly; a padded name would match none)`,
      { path },
    );
  }
}

/** The rules of a checked policy for a checked department name. */
export function rulesFor(policy: DeadlinePolicy, department: string): DeadlineRule[] {
  const own = policy.byDepartment?.find((d) => d.department === department);
  if (own === undefined) return [...policy.rules];
  if (own.replace === true) return [...own.rules];
  const out = policy.rules.map((rule) => own.rules.find((r) => r.id === rule.id) ?? rule);
  for (const rule of own.rules) if (!out.some((r) => r.id === rule.id)) out.push(rule);
  return out;
}

/** The due date of a checked rule started on a checked date, with the calendar's answer checked. */
export function dueDate(start: string, rule: DeadlineRule, calendar: WorkCalendarLike, path: readonly (string | number)[]): string {
  return rule.unit === 'working-days'
    ? calendarDate(calendar.addWorkdays(start, rule.amount), 'addWorkdays', path)
    : calendarDate(calendar.calendarDayDeadline(start, rule.amount), 'calendarDayDeadline', path);
}
