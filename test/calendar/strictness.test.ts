// Issue 12 §5 for the calendar: unknown keys inside year, day and override objects are refused (never ignored),
// the holiday-cn files still load as they are, and calendarDayDeadline refuses a start outside the calendar
// exactly as countWorkdays does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDayDeadline, countWorkdays, createWorkCalendar, safeCreateWorkCalendar } from '../../src/calendar/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import { dayNumberOf, plainDateOf } from '../../src/internals/plain-date.js';
import { expectError } from './helpers.js';

const year2027 = { year: 2027, papers: ['synthetic: 2027 notice (test)'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] };

function issuesOf(options: unknown): { code: string; path: readonly (string | number)[] }[] {
  const result = safeCreateWorkCalendar(options);
  return result.success ? [] : result.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe('unknown keys inside calendar data', () => {
  it('refuses an unknown key in a year, naming it', () => {
    expect(issuesOf({ years: [{ ...year2027, paper: ['typo'] }] })).toEqual([{ code: 'UNKNOWN_FIELD', path: ['years', 0, 'paper'] }]);
    const error = expectError(() => createWorkCalendar({ years: [{ ...year2027, dayz: [] } as never] }), 'UNKNOWN_FIELD');
    expect(error.path).toEqual(['years', 0, 'dayz']);
    expect(error.messageZh).toContain('dayz');
    expect(error.messageEn).toContain('dayz');
  });

  it('refuses an unknown key in a day and does not apply that day', () => {
    const bad = { ...year2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true, offDay: false }] };
    expect(issuesOf({ years: [bad] })).toEqual([{ code: 'UNKNOWN_FIELD', path: ['years', 0, 'days', 0, 'offDay'] }]);
  });

  it('refuses an unknown key in an override', () => {
    expect(issuesOf({ overrides: [{ date: '2026-03-03', isOffDay: true, name: '本地节日', region: '示例' }] })).toEqual([
      { code: 'UNKNOWN_FIELD', path: ['overrides', 0, 'region'] },
    ]);
  });

  it('reports every unknown key, in code-unit order, with the other problems', () => {
    const bad = { ...year2027, z: 1, a: 2, days: [{ name: '', date: '2027-01-01', isOffDay: true, x: 1 }] };
    expect(issuesOf({ years: [bad] })).toEqual([
      { code: 'UNKNOWN_FIELD', path: ['years', 0, 'a'] },
      { code: 'UNKNOWN_FIELD', path: ['years', 0, 'z'] },
      { code: 'UNKNOWN_FIELD', path: ['years', 0, 'days', 0, 'x'] },
      { code: 'DAY_INVALID', path: ['years', 0, 'days', 0, 'name'] },
    ]);
  });

  it('still loads a holiday-cn file as it is ($schema and $id are part of the shape), and checks those markers', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'holiday-cn', '2024.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file)).toContain('$schema');
    const cal = createWorkCalendar({ years: [file as never] });
    expect(cal.isWorkday('2024-09-29')).toBe(true);
    expect(issuesOf({ years: [{ ...year2027, $schema: 5 }] })).toEqual([{ code: 'YEAR_INVALID', path: ['years', 0, '$schema'] }]);
  });

  it('a notice paper that is not text is a problem, not a crash (even one that cannot be turned into text)', () => {
    expect(issuesOf({ years: [{ ...year2027, papers: [Object.create(null)] }] })).toEqual([{ code: 'YEAR_PAPERS_MISSING', path: ['years', 0, 'papers'] }]);
  });
});

describe('calendarDayDeadline and countWorkdays agree on the covered range', () => {
  const cal = createWorkCalendar();

  it('refuses calendarDayDeadline("2006-12-31", 7) with CALENDAR_OUT_OF_RANGE, as countWorkdays refuses the same start', () => {
    const deadline = expectError(() => calendarDayDeadline('2006-12-31', 7), 'CALENDAR_OUT_OF_RANGE');
    expect(deadline.path).toEqual(['date']);
    expect(deadline.details).toMatchObject({ date: '2006-12-31', first: '2007-01-01', last: '2026-12-31' });
    expectError(() => countWorkdays('2006-12-31', '2007-01-07'), 'CALENDAR_OUT_OF_RANGE');
    expectError(() => cal.calendarDayDeadline('2006-12-31', 7), 'CALENDAR_OUT_OF_RANGE');
  });

  it('still answers when the start is covered, and under weekdays-only for any start', () => {
    expect(calendarDayDeadline('2007-01-01', 7)).toBe('2007-01-08');
    const lenient = createWorkCalendar({ unknownYears: 'weekdays-only' });
    expect(lenient.calendarDayDeadline('2006-12-31', 7)).toBe('2007-01-08'); // 01-07 is a Sunday
  });

  it('property: for any start and period, calendarDayDeadline refuses the start exactly when countWorkdays does', () => {
    const first = dayNumberOf('2007-01-01');
    const last = dayNumberOf('2026-12-31');
    const refusesStart = (f: () => unknown): boolean => {
      try {
        f();
        return false;
      } catch (error) {
        if (!isShuangsuijiError(error, 'CALENDAR_OUT_OF_RANGE')) throw error;
        return error.path[0] === 'date' || error.path[0] === 'from';
      }
    };
    fc.assert(
      fc.property(fc.integer({ min: first - 400, max: last + 400 }), fc.integer({ min: 0, max: 60 }), (startDay, days) => {
        const start = plainDateOf(startDay);
        const inside = plainDateOf(Math.min(Math.max(startDay, first), last));
        expect(refusesStart(() => cal.calendarDayDeadline(start, days))).toBe(refusesStart(() => cal.countWorkdays(start, inside)));
      }),
      { seed: 20261122, numRuns: 400 },
    );
  });
});
