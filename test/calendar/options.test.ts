import { describe, expect, it } from 'vitest';
import { createWorkCalendar, safeCreateWorkCalendar, type HolidayYear, type WorkCalendarOptions } from '../../src/calendar/index.js';
import { expectError } from './helpers.js';

// A synthetic 2027 notice (the real one was not available when the data was taken): New Year, plus a
// make-up working Saturday in late December 2026 such as the 2008/2012/2019 notices set.
const synthetic2027: HolidayYear = {
  year: 2027,
  papers: ['synthetic: 国务院办公厅关于2027年部分节假日安排的通知（测试用）'],
  days: [
    { name: '元旦', date: '2026-12-26', isOffDay: false },
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: true },
    { name: '春节', date: '2027-02-07', isOffDay: true },
    { name: '春节', date: '2027-02-08', isOffDay: true },
    { name: '春节', date: '2027-02-13', isOffDay: false },
  ],
};

function issuesOf(options: unknown): { code: string; path: readonly (string | number)[] }[] {
  const result = safeCreateWorkCalendar(options);
  if (result.success) return [];
  return result.issues.map((i) => ({ code: i.code, path: i.path }));
}

describe('supplied years', () => {
  it('extends coverage to the end of a newer year and merges its late-December days', () => {
    const cal = createWorkCalendar({ years: [synthetic2027] });
    expect(cal.coverage).toEqual({ first: '2007-01-01', last: '2027-12-31', firstYear: 2007, lastYear: 2027 });
    expect(cal.sources[cal.sources.length - 1]).toEqual({ year: 2027, papers: synthetic2027.papers, origin: 'supplied' });
    expect(cal.isWorkday('2026-12-26')).toBe(true); // a Saturday made a working day by the 2027 notice
    expect(cal.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect(cal.addWorkdays('2027-02-05', 1)).toBe('2027-02-09'); // Fri → Tue
    expect(cal.isWorkday('2027-02-13')).toBe(true);
    expect(cal.describeDay('2027-01-01')).toMatchObject({ kind: 'holiday', name: '元旦', source: 'notice' });
    expect(cal.countWorkdays('2026-12-25', '2027-01-04')).toBe(6); // 12-26, 28, 29, 30, 31, 01-04
    expectError(() => cal.isWorkday('2028-01-03'), 'CALENDAR_OUT_OF_RANGE');
    // The default calendar is untouched.
    expect(createWorkCalendar().isWorkday('2026-12-26')).toBe(false);
  });

  it('accepts a built-in year again when it agrees (same notice), and reports DAY_CONFLICT when not', () => {
    const again = safeCreateWorkCalendar({ years: [{ year: 2024, papers: ['x'], days: [{ name: '国庆节', date: '2024-10-01', isOffDay: true }] }] });
    expect(again.success).toBe(true);
    const clash = safeCreateWorkCalendar({ years: [{ year: 2024, papers: ['x'], days: [{ name: '国庆节', date: '2024-10-01', isOffDay: false }] }] });
    expect(clash.success).toBe(false);
    if (!clash.success) {
      expect(clash.issues).toHaveLength(1);
      expect(clash.issues[0]).toMatchObject({ code: 'DAY_CONFLICT', path: ['years', 0, 'days', 0, 'isOffDay'] });
      expect(clash.issues[0]!.messageZh).toContain('2024-10-01');
    }
  });

  it('reports conflicts inside one notice and across notices', () => {
    expect(issuesOf({ years: [{ ...synthetic2027, days: [...synthetic2027.days, { name: '元旦', date: '2027-01-01', isOffDay: false }] }] }))
      .toEqual([{ code: 'DAY_CONFLICT', path: ['years', 0, 'days', 6, 'isOffDay'] }]);
    // A December 2026 day the 2026 notice does not name may be set by the 2027 notice …
    expect(issuesOf({ years: [{ ...synthetic2027, days: [{ name: 'x', date: '2026-12-07', isOffDay: true }, ...synthetic2027.days] }] }))
      .toEqual([]);
    // … but no notice may contradict a day another one set (2026-10-10 was a working Saturday).
    expect(issuesOf({ years: [{ year: 2026, papers: ['x'], days: [{ name: '国庆节', date: '2026-10-10', isOffDay: true }] }] }))
      .toEqual([{ code: 'DAY_CONFLICT', path: ['years', 0, 'days', 0, 'isOffDay'] }]);
  });

  it('defines a complete year: papers, days, dates within the notice span, contiguous coverage', () => {
    expect(issuesOf({ years: [{ year: 2027, papers: [], days: [] }] })).toEqual([
      { code: 'YEAR_PAPERS_MISSING', path: ['years', 0, 'papers'] },
      { code: 'YEAR_EMPTY', path: ['years', 0, 'days'] },
    ]);
    expect(issuesOf({ years: [{ ...synthetic2027, year: 2028 }] })).toContainEqual({ code: 'YEAR_NOT_CONTIGUOUS', path: ['years', 0, 'year'] });
    expect(issuesOf({ years: [{ ...synthetic2027, days: [{ name: '国庆节', date: '2026-10-01', isOffDay: true }] }] }))
      .toEqual([{ code: 'DAY_OUTSIDE_NOTICE_YEAR', path: ['years', 0, 'days', 0, 'date'] }]);
    expect(issuesOf({ years: [{ ...synthetic2027, days: [{ name: 'x', date: '2028-01-01', isOffDay: true }] }] }))
      .toEqual([{ code: 'DAY_OUTSIDE_NOTICE_YEAR', path: ['years', 0, 'days', 0, 'date'] }]);
    expect(issuesOf({ years: [synthetic2027, synthetic2027] })).toEqual([{ code: 'YEAR_DUPLICATE', path: ['years', 1, 'year'] }]);
    expect(issuesOf({ years: [{ ...synthetic2027, year: 2027.5 }] })).toEqual([{ code: 'YEAR_INVALID', path: ['years', 0, 'year'] }]);
    expect(issuesOf({ years: ['2027'] })).toEqual([{ code: 'YEAR_INVALID', path: ['years', 0] }]);
    // Prepending a year before 2007 is allowed when it is contiguous.
    const with2006 = createWorkCalendar({ years: [{ year: 2006, papers: ['synthetic'], days: [{ name: '国庆节', date: '2006-10-02', isOffDay: true }] }] });
    expect(with2006.coverage.first).toBe('2006-01-01');
    expect(with2006.isWorkday('2006-10-02')).toBe(false);
    expect(with2006.isWorkday('2006-12-30')).toBe(true); // a Saturday made a working day by the 2007 notice
  });

  it('reports every malformed day with its path (INVALID_DATE, DAY_INVALID)', () => {
    const bad = {
      year: 2027,
      papers: ['x'],
      days: [
        { name: '元旦', date: '2027-1-1', isOffDay: true },
        { name: '元旦', date: '2027-02-30', isOffDay: true },
        { name: '', date: '2027-01-02', isOffDay: true },
        { name: '元旦', date: '2027-01-03', isOffDay: 'yes' },
        null,
      ],
    };
    expect(issuesOf({ years: [bad] })).toEqual([
      { code: 'INVALID_DATE', path: ['years', 0, 'days', 0, 'date'] },
      { code: 'INVALID_DATE', path: ['years', 0, 'days', 1, 'date'] },
      { code: 'DAY_INVALID', path: ['years', 0, 'days', 2, 'name'] },
      { code: 'DAY_INVALID', path: ['years', 0, 'days', 3, 'isOffDay'] },
      { code: 'DAY_INVALID', path: ['years', 0, 'days', 4] },
    ]);
  });

  it('createWorkCalendar throws the first problem with its code and path, and lists all in details', () => {
    const error = expectError(() => createWorkCalendar({ years: [{ year: 2027, papers: [], days: [] }] }), 'YEAR_PAPERS_MISSING');
    expect(error.path).toEqual(['years', 0, 'papers']);
    expect((error.details?.['issues'] as unknown[]).length).toBe(2);
    expect(JSON.parse(JSON.stringify(error.details))).toEqual(error.details);
  });

  it('builds from supplied years only with builtIn: false', () => {
    const only = createWorkCalendar({ builtIn: false, years: [{ year: 2030, papers: ['synthetic'], days: [{ name: '元旦', date: '2030-01-01', isOffDay: true }] }] });
    expect(only.coverage).toMatchObject({ first: '2030-01-01', last: '2030-12-31' });
    expect(only.addWorkdays('2030-01-01', 1)).toBe('2030-01-02');
    expectError(() => only.isWorkday('2026-01-05'), 'CALENDAR_OUT_OF_RANGE');
    expect(issuesOf({ builtIn: false })).toEqual([{ code: 'NO_DATA', path: ['years'] }]);
  });
});

describe('overrides', () => {
  it('applies a local rest day and a local working day, described as overrides', () => {
    const cal = createWorkCalendar({
      overrides: [
        { date: '2025-04-01', isOffDay: true, name: '本地节日' }, // a Tuesday
        { date: '2025-04-05', isOffDay: false, name: '本地补班' }, // Saturday, but 清明节 in the notice
      ],
    });
    expect(cal.isWorkday('2025-04-01')).toBe(false);
    expect(cal.addWorkdays('2025-03-31', 1)).toBe('2025-04-02');
    expect(cal.describeDay('2025-04-01')).toMatchObject({ kind: 'holiday', name: '本地节日', source: 'override' });
    expect(cal.describeDay('2025-04-05')).toMatchObject({ kind: 'makeup-workday', name: '本地补班', source: 'override', isWorkday: true });
    expect(createWorkCalendar().isWorkday('2025-04-01')).toBe(true);
  });

  it('rejects overrides outside coverage, conflicting or malformed', () => {
    expect(issuesOf({ overrides: [{ date: '2027-01-05', isOffDay: true, name: 'x' }] })).toEqual([{ code: 'OVERRIDE_OUT_OF_RANGE', path: ['overrides', 0, 'date'] }]);
    expect(issuesOf({ overrides: [{ date: '2025-04-01', isOffDay: true, name: 'x' }, { date: '2025-04-01', isOffDay: false, name: 'y' }] }))
      .toEqual([{ code: 'OVERRIDE_CONFLICT', path: ['overrides', 1, 'isOffDay'] }]);
    expect(issuesOf({ overrides: [{ date: '2025-04-01', isOffDay: true, name: 'x' }, { date: '2025-04-01', isOffDay: true, name: 'x' }] })).toEqual([]);
    expect(issuesOf({ overrides: [{ date: '2025-04-01', isOffDay: 1, name: 'x' }] })).toEqual([{ code: 'OVERRIDE_INVALID', path: ['overrides', 0, 'isOffDay'] }]);
    expect(issuesOf({ overrides: [{ date: '2025/04/01', isOffDay: true, name: 'x' }] })).toEqual([{ code: 'INVALID_DATE', path: ['overrides', 0, 'date'] }]);
    // An override inside a supplied year is fine.
    expect(issuesOf({ years: [synthetic2027], overrides: [{ date: '2027-01-05', isOffDay: true, name: 'x' }] })).toEqual([]);
  });

  it('makes an extension past the last covered day throw', () => {
    const cal = createWorkCalendar({ overrides: [{ date: '2026-12-31', isOffDay: true, name: '本地节日' }] });
    expectError(() => cal.calendarDayDeadline('2026-12-30', 1), 'CALENDAR_OUT_OF_RANGE');
    expectError(() => cal.nextWorkday('2026-12-30'), 'CALENDAR_OUT_OF_RANGE');
  });
});

describe('options object', () => {
  it('reports unknown keys, bad policies and non-objects', () => {
    expect(issuesOf({ year: [] })).toEqual([{ code: 'UNKNOWN_OPTION', path: ['year'] }]);
    expect(issuesOf({ unknownYears: 'weekdays' })).toEqual([{ code: 'INVALID_OPTION', path: ['unknownYears'] }]);
    expect(issuesOf({ builtIn: 'no' })).toEqual([{ code: 'INVALID_OPTION', path: ['builtIn'] }]);
    expect(issuesOf({ years: {} })).toEqual([{ code: 'INVALID_OPTION', path: ['years'] }]);
    expect(issuesOf('2027')).toEqual([{ code: 'OPTIONS_NOT_OBJECT', path: [] }]);
    expect(safeCreateWorkCalendar(undefined).success).toBe(true);
    expect(safeCreateWorkCalendar({}).success).toBe(true);
  });

  it('never mutates its inputs', () => {
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    const options: WorkCalendarOptions = deepFreeze({
      years: [structuredClone(synthetic2027)],
      overrides: [{ date: '2025-04-01', isOffDay: true, name: 'x' }],
    });
    const before = JSON.stringify(options);
    const cal = createWorkCalendar(options);
    expect(cal.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect(JSON.stringify(options)).toBe(before);
  });
});

describe("unknownYears: 'weekdays-only' (explicit opt-in)", () => {
  const cal = createWorkCalendar({ unknownYears: 'weekdays-only' });
  it('treats days outside coverage as Monday–Friday and says so', () => {
    expect(cal.unknownYears).toBe('weekdays-only');
    expect(cal.isWorkday('2027-01-01')).toBe(true); // a Friday; the real notice will make it a holiday
    expect(cal.addWorkdays('2026-12-30', 5)).toBe('2027-01-06');
    expect(cal.countWorkdays('2026-12-30', '2027-01-06')).toBe(5);
    expect(cal.addWorkdays('2007-01-05', -10)).toBe('2006-12-19');
    expect(cal.calendarDayDeadline('2027-01-01', 1)).toBe('2027-01-04');
    expect(cal.describeDay('2027-01-02')).toMatchObject({ kind: 'weekend', source: 'assumed' });
    expect(cal.describeDay('2027-01-02').descriptionEn).toContain('assumed');
    // Inside coverage nothing changes.
    expect(cal.addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
  });
  it('still rejects results beyond year 9999', () => {
    expectError(() => cal.addWorkdays('9999-12-30', 5), 'CALENDAR_OUT_OF_RANGE');
  });
});
