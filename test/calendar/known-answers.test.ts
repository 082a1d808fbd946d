// Known answers written by hand from the State Council notices (国务院办公厅关于XXXX年部分节假日安排的通知).
import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  calendarDayDeadline,
  countWorkdays,
  createWorkCalendar,
  defaultWorkCalendar,
  describeDay,
  isRestDay,
  isWorkday,
  nextWorkday,
  previousWorkday,
} from '../../src/calendar/index.js';
import { expectError } from './helpers.js';

const cal = createWorkCalendar();

describe('coverage and sources', () => {
  it('covers 2007-01-01..2026-12-31 with one source per notice year', () => {
    expect(cal.coverage).toEqual({ first: '2007-01-01', last: '2026-12-31', firstYear: 2007, lastYear: 2026 });
    expect(cal.sources.map((s) => s.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(cal.sources.every((s) => s.origin === 'built-in' && s.takenOn === '2026-11-22' && s.papers.length >= 1)).toBe(true);
    expect(cal.sources.find((s) => s.year === 2020)?.papers).toEqual([
      'http://www.gov.cn/zhengce/zhengceku/2019-11/21/content_5454164.htm',
      'http://www.gov.cn/zhengce/zhengceku/2020-01/27/content_5472352.htm',
    ]);
    expect(cal.unknownYears).toBe('error');
    expect(Object.isFrozen(cal)).toBe(true);
  });
});

describe('National Day 2024 (国庆节 10-01..10-07, 调休上班 Sun 09-29 and Sat 10-12)', () => {
  it('2024-09-30 + 1 working day = 2024-10-08', () => {
    expect(cal.addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
    expect(cal.nextWorkday('2024-09-30')).toBe('2024-10-08');
    expect(cal.countWorkdays('2024-09-30', '2024-10-08')).toBe(1);
    expect(cal.previousWorkday('2024-10-08')).toBe('2024-09-30');
    expect(cal.addWorkdays('2024-10-08', -2)).toBe('2024-09-29');
    expect(cal.countWorkdays('2024-10-08', '2024-09-29')).toBe(-2);
  });

  it('starts on the 调休 working Sunday 2024-09-29', () => {
    expect(cal.isWorkday('2024-09-29')).toBe(true);
    expect(cal.addWorkdays('2024-09-29', 1)).toBe('2024-09-30');
    expect(cal.addWorkdays('2024-09-29', 2)).toBe('2024-10-08');
    expect(cal.countWorkdays('2024-09-28', '2024-09-29')).toBe(1);
    expect(cal.addWorkdays('2024-09-29', -1)).toBe('2024-09-27');
    expect(cal.addWorkdays('2024-09-28', 1)).toBe('2024-09-29'); // from an ordinary Saturday
  });

  it('gives 3/7/10/20 working-day deadlines from Friday 2024-09-20', () => {
    expect(cal.addWorkdays('2024-09-20', 3)).toBe('2024-09-25');
    expect(cal.addWorkdays('2024-09-20', 7)).toBe('2024-09-30'); // 09-29 (Sunday) counts
    expect(cal.addWorkdays('2024-09-20', 10)).toBe('2024-10-10');
    expect(cal.addWorkdays('2024-09-20', 20)).toBe('2024-10-23'); // 10-12 (Saturday) counts
    expect(cal.countWorkdays('2024-09-20', '2024-10-23')).toBe(20);
  });

  it('describes the days', () => {
    expect(cal.describeDay('2024-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', isWorkday: false, weekday: 2, source: 'notice' });
    expect(cal.describeDay('2024-10-12')).toMatchObject({ kind: 'makeup-workday', name: '国庆节', isWorkday: true, weekday: 6 });
    expect(cal.describeDay('2024-10-13')).toEqual({
      date: '2024-10-13', weekday: 0, isWorkday: false, kind: 'weekend', source: 'weekly-rule',
      descriptionZh: '周末休息日（星期日）', descriptionEn: 'weekend rest day (Sunday)',
    });
    const plain = cal.describeDay('2024-10-15');
    expect(plain).toMatchObject({ kind: 'workday', isWorkday: true, source: 'weekly-rule' });
    expect('name' in plain).toBe(false);
    expect(cal.describeDay('2024-10-01').descriptionZh).toContain('国庆节');
    expect(JSON.parse(JSON.stringify(cal.describeDay('2024-09-29')))).toEqual(cal.describeDay('2024-09-29'));
  });
});

describe('Spring Festival', () => {
  it('2024: starting inside the holiday (02-10..02-17 off, 02-18 Sunday working day)', () => {
    expect(cal.isRestDay('2024-02-12')).toBe(true);
    expect(cal.addWorkdays('2024-02-12', 1)).toBe('2024-02-18');
    expect(cal.addWorkdays('2024-02-12', 2)).toBe('2024-02-19');
    expect(cal.previousWorkday('2024-02-12')).toBe('2024-02-09');
    expect(cal.countWorkdays('2024-02-09', '2024-02-18')).toBe(1);
    expect(cal.describeDay('2024-02-12')).toMatchObject({ kind: 'holiday', name: '春节' });
  });

  it('2020: the extension to 02-02 and Monday 02-03 listed as a working day', () => {
    expect(cal.addWorkdays('2020-01-23', 1)).toBe('2020-02-03');
    expect(cal.isWorkday('2020-01-31')).toBe(false); // a Friday, rest day by the extension notice
    expect(cal.isWorkday('2020-01-19')).toBe(true); // a Sunday, 调休上班
    expect(cal.describeDay('2020-02-03')).toMatchObject({ kind: 'workday', name: '春节', isWorkday: true, weekday: 1, source: 'notice' });
  });

  it('2026: 02-14 (Sat) working, 02-15..02-23 off, 02-28 (Sat) working', () => {
    expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.addWorkdays('2026-02-13', 20)).toBe('2026-03-19');
    expect(cal.countWorkdays('2026-02-13', '2026-03-19')).toBe(20);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
  });
});

describe('first (2007) and last (2026) covered years', () => {
  it('2007', () => {
    expect(cal.isRestDay('2007-01-01')).toBe(true);
    expect(cal.addWorkdays('2007-01-01', 1)).toBe('2007-01-04');
    expect(cal.addWorkdays('2007-02-16', 1)).toBe('2007-02-17'); // Saturday, 调休上班
    expect(cal.addWorkdays('2007-02-17', 1)).toBe('2007-02-25'); // Sunday, 调休上班
    expect(cal.countWorkdays('2007-02-16', '2007-02-26')).toBe(3);
    expect(cal.describeDay('2007-05-01')).toMatchObject({ kind: 'holiday', name: '“五一”' });
  });

  it('2026', () => {
    expect(cal.isRestDay('2026-01-02')).toBe(true);
    expect(cal.isWorkday('2026-01-04')).toBe(true); // Sunday, 调休上班
    expect(cal.countWorkdays('2026-12-01', '2026-12-31')).toBe(22);
    expect(cal.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
    expect(cal.describeDay('2026-09-25')).toMatchObject({ kind: 'holiday', name: '中秋节', weekday: 5 });
  });
});

describe('deadlines crossing New Year between two notices', () => {
  it('2022 → 2023 (2022-12-31 listed by the 2023 notice)', () => {
    expect(cal.addWorkdays('2022-12-30', 1)).toBe('2023-01-03');
    expect(cal.countWorkdays('2022-12-30', '2023-01-03')).toBe(1);
    expect(cal.describeDay('2022-12-31')).toMatchObject({ kind: 'holiday', name: '元旦' });
  });
  it('2018 → 2019 (Saturday 2018-12-29 made a working day by the 2019 notice)', () => {
    expect(cal.addWorkdays('2018-12-28', 1)).toBe('2018-12-29');
    expect(cal.addWorkdays('2018-12-29', 1)).toBe('2019-01-02');
    expect(cal.isRestDay('2018-12-31')).toBe(true); // a Monday
    expect(cal.countWorkdays('2018-12-27', '2019-01-02')).toBe(3);
  });
  it('2007 → 2008 and 2011 → 2012', () => {
    expect(cal.addWorkdays('2007-12-28', 1)).toBe('2007-12-29');
    expect(cal.addWorkdays('2007-12-29', 1)).toBe('2008-01-02');
    expect(cal.addWorkdays('2011-12-30', 2)).toBe('2012-01-04'); // 2011-12-31 (Sat) working
  });
});

describe('calendar-day deadlines (民法典 art. 203)', () => {
  it('extends a deadline landing on a holiday to the next working day', () => {
    expect(cal.calendarDayDeadline('2024-09-24', 7)).toBe('2024-10-08');
    expect(cal.calendarDayDeadline('2026-09-18', 7)).toBe('2026-09-28'); // 中秋节 09-25 + weekend
  });
  it('does not extend a deadline landing on a 调休 working Saturday or Sunday', () => {
    expect(cal.calendarDayDeadline('2024-10-05', 7)).toBe('2024-10-12');
    expect(cal.calendarDayDeadline('2026-09-13', 7)).toBe('2026-09-20');
  });
  it('extends past an ordinary weekend, keeps a working day, counts rest days inside', () => {
    expect(cal.calendarDayDeadline('2024-11-02', 7)).toBe('2024-11-11');
    expect(cal.calendarDayDeadline('2024-09-30', 10)).toBe('2024-10-10'); // the holiday is inside
    expect(cal.calendarDayDeadline('2024-10-01', 0)).toBe('2024-10-08');
    expect(cal.calendarDayDeadline('2024-10-10', 0)).toBe('2024-10-10');
  });
});

describe('n = 0 and negative n', () => {
  it('returns the date itself for n = 0, even on a rest day', () => {
    expect(cal.addWorkdays('2024-10-01', 0)).toBe('2024-10-01');
    expect(cal.countWorkdays('2024-10-01', '2024-10-01')).toBe(0);
  });
  it('counts backwards', () => {
    expect(cal.addWorkdays('2024-10-03', -1)).toBe('2024-09-30');
    expect(cal.countWorkdays('2024-10-03', '2024-09-30')).toBe(-1);
  });
});

describe('out of range: CALENDAR_OUT_OF_RANGE', () => {
  it('rejects dates outside 2007..2026 with a message naming the range and the years option', () => {
    for (const fn of [
      () => cal.isWorkday('2027-01-04'),
      () => cal.isRestDay('2006-12-29'),
      () => cal.describeDay('2027-01-01'),
      () => cal.addWorkdays('2027-01-04', 1),
      () => cal.addWorkdays('2027-01-04', 0),
      () => cal.addWorkdays('2027-01-04', -10),
      () => cal.countWorkdays('2026-12-01', '2027-01-04'),
      () => cal.countWorkdays('2006-12-01', '2007-01-04'),
      () => cal.calendarDayDeadline('2026-12-20', 20),
    ]) {
      const error = expectError(fn, 'CALENDAR_OUT_OF_RANGE');
      expect(error.messageZh).toContain('2007-01-01 至 2026-12-31');
      expect(error.messageEn).toContain('2007-01-01 to 2026-12-31');
      expect(error.messageEn).toContain('years');
      expect(error.messageZh).toContain('years');
      expect(error.details).toMatchObject({ first: '2007-01-01', last: '2026-12-31' });
    }
  });
  it('rejects results leaving the range', () => {
    expectError(() => cal.nextWorkday('2026-12-31'), 'CALENDAR_OUT_OF_RANGE');
    expectError(() => cal.addWorkdays('2026-12-20', 20), 'CALENDAR_OUT_OF_RANGE');
    expectError(() => cal.previousWorkday('2007-01-04'), 'CALENDAR_OUT_OF_RANGE');
    expect(cal.calendarDayDeadline('2026-12-26', 5)).toBe('2026-12-31'); // a Thursday
    expectError(() => cal.calendarDayDeadline('2026-12-26', 6), 'CALENDAR_OUT_OF_RANGE');
    // The start must be covered too, as for countWorkdays: a period starting before 2007 is refused even though it ends inside.
    expectError(() => cal.calendarDayDeadline('2006-12-25', 10), 'CALENDAR_OUT_OF_RANGE');
    expectError(() => cal.countWorkdays('2006-12-25', '2007-01-04'), 'CALENDAR_OUT_OF_RANGE');
  });
});

describe('input validation', () => {
  it('throws INVALID_DATE for malformed and unreal dates, non-strings and Date objects', () => {
    for (const bad of ['2025-02-30', '2025-2-3', '2025-02-03T00:00', ' 2025-02-03', '', 20250203, null, undefined, new Date(Date.UTC(2025, 1, 3))]) {
      expectError(() => cal.isWorkday(bad as string), 'INVALID_DATE');
      expectError(() => cal.addWorkdays(bad as string, 1), 'INVALID_DATE');
      expectError(() => cal.countWorkdays('2025-02-03', bad as string), 'INVALID_DATE');
      expectError(() => cal.calendarDayDeadline(bad as string, 1), 'INVALID_DATE');
      expectError(() => cal.describeDay(bad as string), 'INVALID_DATE');
    }
    expect(expectError(() => cal.countWorkdays('2025-02-03', '2025-2-3'), 'INVALID_DATE').path).toEqual(['to']);
    expect(expectError(() => cal.isWorkday(new Date() as unknown as string), 'INVALID_DATE').messageEn).toContain('plainDateInShanghai');
  });
  it('throws INVALID_ARGUMENT for non-integer counts', () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', 2 ** 53]) {
      expectError(() => cal.addWorkdays('2025-02-03', bad as number), 'INVALID_ARGUMENT');
      expectError(() => cal.calendarDayDeadline('2025-02-03', bad as number), 'INVALID_ARGUMENT');
    }
    expectError(() => cal.calendarDayDeadline('2025-02-03', -1), 'INVALID_ARGUMENT');
  });
});

describe('standalone functions use the default calendar', () => {
  it('agree with the calendar methods', () => {
    expect(defaultWorkCalendar()).toBe(defaultWorkCalendar());
    expect(addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
    expect(countWorkdays('2024-09-30', '2024-10-08')).toBe(1);
    expect(isWorkday('2024-09-29')).toBe(true);
    expect(isRestDay('2024-10-01')).toBe(true);
    expect(nextWorkday('2024-09-30')).toBe('2024-10-08');
    expect(previousWorkday('2024-10-08')).toBe('2024-09-30');
    expect(calendarDayDeadline('2024-09-24', 7)).toBe('2024-10-08');
    expect(describeDay('2024-09-29').kind).toBe('makeup-workday');
    expectError(() => addWorkdays('2027-03-01', 1), 'CALENDAR_OUT_OF_RANGE');
  });
  it('works detached from the calendar object', () => {
    const { addWorkdays: add } = cal;
    expect(add('2024-09-30', 1)).toBe('2024-10-08');
  });
});
