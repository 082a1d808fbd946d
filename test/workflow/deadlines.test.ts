import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { dayNumberOf, plainDateOf } from '../../src/internals/plain-date.js';
import { collectMilestones, type DeadlineSubject } from '../../src/workflow/collect-milestones.js';
import { computeDeadline } from '../../src/workflow/compute-deadline.js';
import { DEADLINE_RULE_PRESETS } from '../../src/workflow/deadline-rule-presets.js';
import type { DeadlineRule } from '../../src/workflow/deadline-rule.js';
import { DEFAULT_DEADLINE_RULES } from '../../src/workflow/default-deadline-rules.js';
import { deriveTasks } from '../../src/workflow/derive-tasks.js';
import { evaluateDeadlines } from '../../src/workflow/evaluate-deadlines.js';
import { listDueSoon } from '../../src/workflow/list-due-soon.js';
import { listOverdue } from '../../src/workflow/list-overdue.js';
import { resolveDeadlineRules } from '../../src/workflow/resolve-deadline-rules.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { transitionTask } from '../../src/workflow/transition-task.js';
import type { WorkCalendarLike } from '../../src/workflow/work-calendar-like.js';
import { DEPT_A, DEPT_B, item, plan, result } from './fixtures.js';

const calendar: WorkCalendarLike = createWorkCalendar();
const publish20 = DEFAULT_DEADLINE_RULES[0]!;
const wd = (amount: number): DeadlineRule => ({ ...publish20, amount });
const cd = (amount: number): DeadlineRule => ({ ...publish20, amount, unit: 'calendar-days' });

describe('computeDeadline with the real working-day calendar', () => {
  it('20 working days from 2025-01-20 cross the Spring Festival (1-28 … 2-4 off, 1-26 and 2-8 worked)', () => {
    expect(computeDeadline('2025-01-20', publish20, calendar)).toBe('2025-02-21');
  });
  it('7 working days from 2024-09-25 cross National Day (10-1 … 10-7 off, 9-29 worked)', () => {
    expect(computeDeadline('2024-09-25', wd(7), calendar)).toBe('2024-10-10');
  });
  it('every preset gives its known answer from one start', () => {
    const start = '2024-09-25';
    const got = Object.fromEntries(Object.entries(DEADLINE_RULE_PRESETS).map(([name, rule]) => [name, computeDeadline(start, rule, calendar)]));
    expect(got).toEqual({
      publishWithin20WorkingDays: '2024-10-28', // 9-26,27, 9-29 (worked Sunday), 9-30, then 10-8 … with Saturday 10-12 worked: 20th is 10-28
      publishWithin10WorkingDaysOfCompletion: '2024-10-14', // the 调休 Saturday 10-12 is the 9th working day
      recordWithin7WorkingDays: '2024-10-10',
      reportWithin7Days: '2024-10-08', // 10-2 is a holiday → first working day after it
      recordWithin3WorkingDaysOfReport: '2024-09-29', // Sunday 9-29 is a make-up working day
      summaryWithin10WorkingDays: '2024-10-14',
    });
  });
  it('calendar-day periods end on the day itself when it is a working day, rest days inside not deducted', () => {
    expect(computeDeadline('2025-01-20', cd(7), calendar)).toBe('2025-01-27');
    expect(computeDeadline('2025-01-24', cd(7), calendar)).toBe('2025-02-05'); // 1-31 in the Spring Festival
    expect(computeDeadline('2024-09-24', cd(7), calendar)).toBe('2024-10-08');
  });
  it('refuses bad rules and dates with codes', () => {
    expect(() => computeDeadline('2025-01-20', wd(0), calendar)).toThrow(/DEADLINE_AMOUNT_INVALID/);
    expect(() => computeDeadline('2025-01-20', wd(1.5), calendar)).toThrow(/DEADLINE_AMOUNT_INVALID/);
    expect(() => computeDeadline('2025-01-20', { ...publish20, unit: 'weeks' as never }, calendar)).toThrow(/DEADLINE_UNIT_INVALID/);
    expect(() => computeDeadline('2025-13-01', publish20, calendar)).toThrow(/INVALID_DATE/);
  });
  it('property: a working-day due date is a working day, exactly `amount` working days after the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 3 }), fc.constantFrom(3, 7, 10, 20), (offset, amount) => {
        const start = plainDateOf(dayNumberOf('2023-01-01') + offset);
        const due = computeDeadline(start, wd(amount), calendar);
        expect(calendar.isWorkday(due)).toBe(true);
        expect(calendar.countWorkdays(start, due)).toBe(amount);
      }),
    );
  });
});

/** A task walked to `recorded` with results on `inspectionDate`, published on `publishedOn` when given. */
function taskWithResults(inspectionDate: string, recordedOn: string, publishedOn?: string, department = DEPT_A): { task: SpotCheckTask; results: ReturnType<typeof result>[] } {
  const derived = deriveTasks([plan('P', ['I1'], { initiatingDepartment: department, period: { start: '2024-01-01', end: '2025-12-31' }, batches: [{ label: 'B1', start: '2024-01-01', end: '2025-12-31' }] })], [item('I1', department)]);
  if (!derived.success) throw new Error('fixture');
  let task = derived.data.tasks[0]!;
  const early = plainDateOf(dayNumberOf(inspectionDate) - 10);
  task = transitionTask(task, { to: 'drawn', date: early, targetIds: ['E1', 'E2'] });
  task = transitionTask(task, { to: 'matched', date: early, assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'X2'] }, { targetId: 'E2', inspectorIds: ['X1', 'X2'] }] });
  task = transitionTask(task, { to: 'inspecting', date: early });
  const results = [result(task.id, 'E1', 'I1', { inspectionDate }), result(task.id, 'E2', 'I1', { inspectionDate: early, resultDate: inspectionDate })];
  task = transitionTask(task, { to: 'recorded', date: recordedOn, results });
  if (publishedOn !== undefined) task = transitionTask(task, { to: 'published', date: publishedOn });
  return { task, results };
}

describe('collectMilestones', () => {
  it('dates task and target events; a target is inspected once all its items have a result', () => {
    const { task, results } = taskWithResults('2025-01-20', '2025-01-22', '2025-02-10');
    const subjects = collectMilestones([task], results, { extra: [{ taskId: task.id, targetId: 'E1', event: 'report-submitted', date: '2025-01-21' }] });
    expect(subjects.map((s) => s.targetId ?? 'task')).toEqual(['task', 'E1', 'E2']);
    const ev = (s: DeadlineSubject): Record<string, string> => Object.fromEntries(s.milestones.map((m) => [m.event, m.date]));
    expect(ev(subjects[0]!)).toEqual({ drawn: '2025-01-10', matched: '2025-01-10', 'inspection-started': '2025-01-10', 'inspection-finished': '2025-01-20', 'result-recorded': '2025-01-22', published: '2025-02-10' });
    expect(ev(subjects[1]!)['report-submitted']).toBe('2025-01-21');
    expect(ev(subjects[2]!)).toMatchObject({ inspected: '2025-01-10', 'result-formed': '2025-01-20' });
    // Joint task of two items: a target lacking one item's result has no inspected/result-formed event.
    const partial = collectMilestones([{ ...task, itemIds: ['I1', 'I2'] }], results);
    expect(partial.every((s) => !s.milestones.some((m) => m.event === 'inspected' || m.event === 'inspection-finished'))).toBe(true);
  });
  it('skips cancelled tasks and refuses extra events for unknown tasks', () => {
    const { task, results } = taskWithResults('2025-01-20', '2025-01-22');
    expect(collectMilestones([{ ...task, state: 'cancelled' }], results)).toEqual([]);
    expect(() => collectMilestones([task], results, { extra: [{ taskId: 'nope', event: 'x', date: '2025-01-01' }] })).toThrow(/MILESTONE_TASK_UNKNOWN/);
  });
});

describe('evaluateDeadlines (asOf, never now)', () => {
  it('publication within 20 working days of the result: on time, late, overdue, due soon, open, not started', () => {
    const onTime = taskWithResults('2025-01-20', '2025-01-22', '2025-02-21');
    const late = taskWithResults('2025-01-20', '2025-01-22', '2025-02-24');
    const states = (t: typeof onTime, asOf: string): string[] =>
      evaluateDeadlines(collectMilestones([t.task], t.results), { asOf, calendar }).map((s) => `${s.targetId}:${s.state}:${s.due ?? ''}`);
    expect(states(onTime, '2025-03-31')).toEqual(['E1:on-time:2025-02-21', 'E2:on-time:2025-02-21']);
    expect(states(late, '2025-03-31')).toEqual(['E1:late:2025-02-21', 'E2:late:2025-02-21']);
    // As of 2025-02-24 morning the publication of 2025-02-24 counts; as of 2025-02-22 it has not happened.
    expect(states(late, '2025-02-22')).toEqual(['E1:overdue:2025-02-21', 'E2:overdue:2025-02-21']);
    expect(states(late, '2025-02-18')).toEqual(['E1:due-soon:2025-02-21', 'E2:due-soon:2025-02-21']);
    expect(states(late, '2025-02-14')).toEqual(['E1:open:2025-02-21', 'E2:open:2025-02-21']);
    expect(states(late, '2025-01-15')).toEqual(['E1:not-started:', 'E2:not-started:']);
    const lateStatus = evaluateDeadlines(collectMilestones([late.task], late.results), { asOf: '2025-03-01', calendar })[0]!;
    expect(lateStatus).toMatchObject({ state: 'late', stop: '2025-02-24', daysLate: 3, workdaysLate: 1 });
    const overdue = listOverdue(collectMilestones([late.task], late.results), { asOf: '2025-02-23', calendar });
    expect(overdue.map((s) => [s.targetId, s.daysLate, s.workdaysLate])).toEqual([['E1', 2, 0], ['E2', 2, 0]]);
    expect(listDueSoon(collectMilestones([late.task], late.results), { asOf: '2025-02-14', calendar, dueSoonWorkdays: 5 })).toHaveLength(2);
    expect(listDueSoon(collectMilestones([late.task], late.results), { asOf: '2025-02-14', calendar })).toHaveLength(0);
  });

  it('works in the last days of the calendar (the due-soon window may reach past its coverage)', () => {
    // The built-in table ends on 2026-12-31: three working days after 2026-12-29 lie beyond it.
    expect(evaluateDeadlines([], { asOf: '2026-12-29', calendar })).toEqual([]);
    // Results of 2026-12-01 are due for publication by 2026-12-29 (20 working days): due soon as of that day.
    const t = taskWithResults('2026-12-01', '2026-12-03');
    const states = evaluateDeadlines(collectMilestones([t.task], t.results), { asOf: '2026-12-29', calendar });
    expect(states.map((s) => `${s.targetId}:${s.state}:${s.due ?? ''}`)).toEqual(['E1:due-soon:2026-12-29', 'E2:due-soon:2026-12-29']);
    // An asOf outside the calendar, and a due date the calendar cannot compute, are still errors.
    for (const asOf of ['2040-01-01', '2006-06-01']) expect(() => evaluateDeadlines([], { asOf, calendar })).toThrow(/CALENDAR_OUT_OF_RANGE/);
    const late = taskWithResults('2026-12-21', '2026-12-22');
    expect(() => evaluateDeadlines(collectMilestones([late.task], late.results), { asOf: '2026-12-23', calendar })).toThrow(/CALENDAR_OUT_OF_RANGE/);
  });

  it('applies per-department rules: Kunming-style 10 working days per task, entry within 7 working days', () => {
    const t = taskWithResults('2024-09-25', '2024-10-11', '2024-10-12', DEPT_B);
    const policy = {
      rules: DEFAULT_DEADLINE_RULES,
      byDepartment: [{ department: DEPT_B, rules: [DEADLINE_RULE_PRESETS.publishWithin10WorkingDaysOfCompletion, DEADLINE_RULE_PRESETS.recordWithin7WorkingDays] }],
    };
    expect(resolveDeadlineRules(policy, DEPT_B).map((r) => `${r.id}/${r.amount}/${r.per}`)).toEqual(['publish-results/10/task', 'record-results/7/task']);
    expect(resolveDeadlineRules(policy, DEPT_A).map((r) => r.id)).toEqual(['publish-results']);
    expect(resolveDeadlineRules({ rules: DEFAULT_DEADLINE_RULES, byDepartment: [{ department: DEPT_A, rules: [DEADLINE_RULE_PRESETS.recordWithin7WorkingDays], replace: true }] }, DEPT_A).map((r) => r.id)).toEqual(['record-results']);
    const statuses = evaluateDeadlines(collectMilestones([t.task], t.results), { asOf: '2024-12-31', calendar, policy });
    expect(statuses.map((s) => [s.ruleId, s.targetId ?? 'task', s.state, s.due])).toEqual([
      ['record-results', 'task', 'late', '2024-10-10'],
      ['publish-results', 'task', 'on-time', '2024-10-14'],
    ]);
  });

  it('calendar-day rules with extra milestones (7-day report)', () => {
    const t = taskWithResults('2024-09-24', '2024-10-09');
    const subjects = collectMilestones([t.task], t.results, { extra: [{ taskId: t.task.id, targetId: 'E1', event: 'report-submitted', date: '2024-10-08' }] });
    const statuses = evaluateDeadlines(subjects, { asOf: '2024-10-09', calendar, policy: { rules: [DEADLINE_RULE_PRESETS.reportWithin7Days] } });
    expect(statuses.map((s) => [s.targetId, s.state, s.due])).toEqual([
      ['E2', 'overdue', '2024-09-23'], // E2 inspected 2024-09-14; +7 days is Saturday 9-21, a rest day → Monday
      ['E1', 'on-time', '2024-10-08'],
    ]);
  });

  it('property: the same answer whatever the order of subjects, and on-time exactly when the stop is not after the due date', () => {
    const pool = [
      taskWithResults('2025-01-20', '2025-01-22', '2025-02-21'),
      taskWithResults('2025-01-20', '2025-01-22', '2025-02-24'),
      taskWithResults('2024-09-25', '2024-09-30'),
    ];
    const subjects = pool.flatMap((t) => collectMilestones([t.task], t.results));
    fc.assert(
      fc.property(fc.shuffledSubarray(subjects, { minLength: subjects.length }), fc.integer({ min: 0, max: 200 }), (shuffled, offset) => {
        const asOf = plainDateOf(dayNumberOf('2024-09-20') + offset);
        const a = evaluateDeadlines(subjects, { asOf, calendar });
        expect(evaluateDeadlines(shuffled, { asOf, calendar })).toEqual(a);
        for (const s of a) {
          if (s.state === 'on-time' || s.state === 'late') expect(s.state === 'on-time').toBe(dayNumberOf(s.stop!) <= dayNumberOf(s.due!));
          if (s.state === 'overdue') expect(dayNumberOf(asOf)).toBeGreaterThan(dayNumberOf(s.due!));
        }
      }),
    );
  });

  it('refuses a bad asOf or window', () => {
    expect(() => evaluateDeadlines([], { asOf: 'today', calendar })).toThrow(/INVALID_DATE/);
    expect(() => evaluateDeadlines([], { asOf: '2025-01-01', calendar, dueSoonWorkdays: -1 })).toThrow(/DUE_SOON_WINDOW_INVALID/);
  });
});
