import * as z from 'zod';
import { isShuangsuijiError, ShuangsuijiError } from '../errors.js';
import { dayNumberOf } from '../internals/plain-date.js';
import type { DeadlineSubject } from './collect-milestones.js';
import type { DeadlinePolicy } from './deadline-policy.js';
import { DEFAULT_DEADLINE_RULES } from './default-deadline-rules.js';
import { parseArgument, parseOptions, shown } from './internals/arguments.js';
import { calendarCount, calendarDate, requireCalendar } from './internals/calendar-like.js';
import { dueDate, rulesFor } from './internals/deadline-rules.js';
import { compareCodeUnits } from './internals/exact.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { DeadlineSubjectSchema } from './internals/shapes.js';
import type { WorkCalendarLike } from './work-calendar-like.js';

/**
 * 时限状态 — 未开始计时 `not-started`, 办理中 `open`, 即将到期 `due-soon`, 已逾期 `overdue` (no stop event
 * after the due date), 按时完成 `on-time`, 逾期完成 `late`.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const state: DeadlineState = 'due-soon';
 * ```
 */
export type DeadlineState = 'not-started' | 'open' | 'due-soon' | 'overdue' | 'on-time' | 'late';

/**
 * The state of one rule for one subject, as of a date.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const subjects: readonly DeadlineSubject[]; // from collectMilestones
 * const calendar = createWorkCalendar();
 * for (const s of evaluateDeadlines(subjects, { asOf: '2025-03-01', calendar })) if (s.state === 'late') console.log(s.taskId, s.due, s.stop, s.workdaysLate);
 * ```
 */
export interface DeadlineStatus {
  /** The task. */
  readonly taskId: string;
  /** The target, for per-target rules. */
  readonly targetId?: string;
  /** The department whose rules applied. */
  readonly department: string;
  /** The rule. */
  readonly ruleId: string;
  /** 时限状态. */
  readonly state: DeadlineState;
  /** When the clock started (absent when `not-started`). */
  readonly start?: string;
  /** 截止日期 — last allowed day (absent when `not-started`). */
  readonly due?: string;
  /** When the stop event happened (`on-time`, `late`). */
  readonly stop?: string;
  /** Calendar days after `due`: of the stop for `late`, of `asOf` for `overdue`. */
  readonly daysLate?: number;
  /** Working days after `due` (in (due, stop] or (due, asOf]), for `late` and `overdue`. */
  readonly workdaysLate?: number;
}

/**
 * Options of {@link evaluateDeadlines}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: EvaluateDeadlinesOptions = { asOf: '2025-02-18', calendar: createWorkCalendar(), dueSoonWorkdays: 5 };
 * ```
 */
export interface EvaluateDeadlinesOptions {
  /** 截至日期 — the date the evaluation is "as of" (never "now"); events after it are ignored. */
  readonly asOf: string;
  /** The working-day calendar. */
  readonly calendar: WorkCalendarLike;
  /**
   * The deadline rules.
   * @defaultValue `{ rules: DEFAULT_DEADLINE_RULES }`
   */
  readonly policy?: DeadlinePolicy;
  /**
   * An open deadline is `due-soon` when it falls within this many working days after `asOf` (or on it).
   * @defaultValue `3`
   */
  readonly dueSoonWorkdays?: number;
}

const STATE_ORDER: Readonly<Record<DeadlineState, number>> = { overdue: 0, 'due-soon': 1, open: 2, late: 3, 'on-time': 4, 'not-started': 5 };

/**
 * Last day that counts as due soon. Near the end of the calendar's coverage that day may lie beyond it; then
 * every due date the calendar can compute (all inside its coverage) is before it, so no limit applies.
 */
function dueSoonLimit(asOf: string, window: number, calendar: WorkCalendarLike): number {
  // asOf itself must lie inside the calendar: that error is not swallowed below.
  calendarDate(calendar.addWorkdays(asOf, 0), 'addWorkdays', ['calendar']);
  try {
    return dayNumberOf(calendarDate(calendar.addWorkdays(asOf, window), 'addWorkdays', ['calendar']));
  } catch (error) {
    if (isShuangsuijiError(error) && error.code === 'CALENDAR_OUT_OF_RANGE') return Number.POSITIVE_INFINITY;
    throw error;
  }
}

/**
 * Evaluates every applicable rule (per task or per target) for every subject, as of `asOf`:
 * events dated after `asOf` are treated as not yet happened, so the same inputs give the same answer on
 * any day they are run. Sorted by state (overdue first), then due date, task, target and rule.
 *
 * Everything is checked first, with coded errors and paths: the subjects (the shape `collectMilestones` returns;
 * unknown keys, a padded department `DEPARTMENT_NAME_WHITESPACE`, an event twice `MILESTONE_DUPLICATE`), the
 * options (unknown keys, `asOf` `INVALID_DATE`, `dueSoonWorkdays` `DUE_SOON_WINDOW_INVALID`, the policy as in
 * `resolveDeadlineRules`) and the calendar (`INVALID_CALENDAR`); an `asOf` outside the calendar is
 * `CALENDAR_OUT_OF_RANGE`.
 *
 * @param subjects - 时限对象: tasks and targets with their dated events, as {@link collectMilestones} returns them
 * @param options - the day to evaluate on (`asOf`), the working-day calendar, the deadline policy and the due-soon
 * window ({@link EvaluateDeadlinesOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * const calendar = createWorkCalendar();
 * const statuses = evaluateDeadlines(collectMilestones(tasks, results), { asOf: '2025-03-20', calendar });
 * for (const s of statuses) console.log(s.taskId, s.targetId ?? '', s.ruleId, s.state, s.due ?? '');
 * ```
 */
export function evaluateDeadlines(subjects: readonly DeadlineSubject[], options: EvaluateDeadlinesOptions): DeadlineStatus[] {
  const list = parseArgument<readonly DeadlineSubject[]>(z.array(DeadlineSubjectSchema), subjects, ['subjects'], { zh: '时限对象', en: 'deadline subjects' });
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ShuangsuijiError('INVALID_TYPE', `选项应为对象（含 asOf 和 calendar），收到 ${shown(options)}`, `the options must be an object with asOf and calendar, got ${shown(options)}`, { path: [] });
  }
  const { calendar: rawCalendar, ...rest } = options;
  const checked = parseOptions<{ asOf: string; policy?: DeadlinePolicy; dueSoonWorkdays?: number }>(OptionsSchemas.evaluateDeadlines, rest, { zh: '时限评估选项', en: 'deadline evaluation options' });
  const calendar = requireCalendar(rawCalendar, ['calendar']);
  const asOf = dayNumberOf(checked.asOf, ['asOf']);
  const window = checked.dueSoonWorkdays ?? 3;
  const policy = checked.policy ?? { rules: DEFAULT_DEADLINE_RULES };
  const soonLimit = dueSoonLimit(checked.asOf, window, calendar);
  const out: DeadlineStatus[] = [];
  for (const subject of list) {
    const per = subject.targetId === undefined ? 'task' : 'target';
    const at = (event: string): string | undefined => {
      const m = subject.milestones.find((x) => x.event === event);
      return m !== undefined && dayNumberOf(m.date) <= asOf ? m.date : undefined;
    };
    for (const rule of rulesFor(policy, subject.department)) {
      if (rule.per !== per) continue;
      const base = {
        taskId: subject.taskId,
        ...(subject.targetId !== undefined ? { targetId: subject.targetId } : {}),
        department: subject.department,
        ruleId: rule.id,
      };
      const start = at(rule.start);
      if (start === undefined) {
        out.push({ ...base, state: 'not-started' });
        continue;
      }
      const due = dueDate(start, rule, calendar, ['calendar']);
      const dueDay = dayNumberOf(due);
      const stop = at(rule.stop);
      if (stop !== undefined) {
        const stopDay = dayNumberOf(stop);
        out.push(stopDay <= dueDay ? { ...base, state: 'on-time', start, due, stop } : { ...base, state: 'late', start, due, stop, daysLate: stopDay - dueDay, workdaysLate: calendarCount(calendar.countWorkdays(due, stop), 'countWorkdays', ['calendar']) });
      } else if (asOf > dueDay) {
        out.push({ ...base, state: 'overdue', start, due, daysLate: asOf - dueDay, workdaysLate: calendarCount(calendar.countWorkdays(due, checked.asOf), 'countWorkdays', ['calendar']) });
      } else {
        out.push({ ...base, state: dueDay <= soonLimit ? 'due-soon' : 'open', start, due });
      }
    }
  }
  return out.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      compareCodeUnits(a.due ?? '', b.due ?? '') ||
      compareCodeUnits(a.taskId, b.taskId) ||
      compareCodeUnits(a.targetId ?? '', b.targetId ?? '') ||
      compareCodeUnits(a.ruleId, b.ruleId),
  );
}
