// Independent check of the shipped table against the reference holiday-cn JSON files, with naive logic
// (UTC Date arithmetic, day-by-day loops) that shares no code with the library's engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtInHolidayData, createWorkCalendar, safeCreateWorkCalendar } from '../../src/calendar/index.js';

interface RefDay { name: string; date: string; isOffDay: boolean }
interface RefYear { year: number; papers: string[]; days: RefDay[] }

const dir = fileURLToPath(new URL('../../../shared/reference/holiday-cn/', import.meta.url));
const files: RefYear[] = [];
for (let y = 2007; y <= 2027; y++) files.push(JSON.parse(readFileSync(`${dir}${y}.json`, 'utf8')) as RefYear);

// Naive merge: every file, one map date → entry; a second entry for the same date would be a conflict.
const listed = new Map<string, RefDay>();
for (const f of files) for (const d of f.days) {
  expect(listed.has(d.date)).toBe(false);
  listed.set(d.date, d);
}

const MS_PER_DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const naiveIsWorkday = (ms: number): boolean => {
  const entry = listed.get(iso(ms));
  if (entry) return !entry.isOffDay;
  const wd = new Date(ms).getUTCDay();
  return wd !== 0 && wd !== 6;
};
const START = Date.UTC(2007, 0, 1);
const END = Date.UTC(2026, 11, 31);

describe('shipped table vs ../shared/reference/holiday-cn', () => {
  const cal = createWorkCalendar();

  it('agrees on every day 2007-01-01..2026-12-31 (status and holiday name)', () => {
    let days = 0;
    let rest = 0;
    const mismatches: string[] = [];
    for (let ms = START; ms <= END; ms += MS_PER_DAY) {
      const date = iso(ms);
      const expected = naiveIsWorkday(ms);
      if (cal.isWorkday(date) !== expected || cal.isRestDay(date) === expected) mismatches.push(date);
      const described = cal.describeDay(date);
      if (described.name !== listed.get(date)?.name || described.weekday !== new Date(ms).getUTCDay()) mismatches.push(`${date} name/weekday`);
      days++;
      if (!expected) rest++;
    }
    expect(mismatches).toEqual([]);
    expect(days).toBe(7305);
    expect(rest).toBeGreaterThan(2300);
  });

  it('keeps every entry, name and paper of every file (the 2027 placeholder is empty)', () => {
    const { source, years } = builtInHolidayData();
    expect(source).toMatchObject({ dataset: 'holiday-cn', takenOn: '2026-11-22', firstYear: 2007, lastYear: 2026 });
    expect(years.map((y) => y.year)).toEqual(files.filter((f) => f.days.length > 0).map((f) => f.year));
    for (const y of years) {
      const file = files.find((f) => f.year === y.year)!;
      expect(y.papers).toEqual(file.papers);
      const sort = (a: RefDay, b: RefDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
      expect([...y.days].map((d) => ({ ...d }))).toEqual([...file.days].sort(sort).map((d) => ({ name: d.name, date: d.date, isOffDay: d.isOffDay })));
    }
    expect(files[files.length - 1]!.days).toEqual([]);
    expect(Object.isFrozen(years) && Object.isFrozen(years[0]) && Object.isFrozen(years[0]!.days)).toBe(true);
  });

  it('agrees with a naive day loop for addWorkdays and countWorkdays (every 7th start, n = ±1, 3, 7, 10, 20)', () => {
    const naiveAdd = (ms: number, n: number): string => {
      const step = n > 0 ? MS_PER_DAY : -MS_PER_DAY;
      let left = Math.abs(n);
      let at = ms;
      while (left > 0) {
        at += step;
        if (naiveIsWorkday(at)) left--;
      }
      return iso(at);
    };
    const naiveCount = (fromMs: number, toMs: number): number => {
      let count = 0;
      for (let at = fromMs + MS_PER_DAY; at <= toMs; at += MS_PER_DAY) if (naiveIsWorkday(at)) count++;
      return count;
    };
    let checked = 0;
    for (let ms = START + 40 * MS_PER_DAY; ms <= END - 40 * MS_PER_DAY; ms += 7 * MS_PER_DAY) {
      const date = iso(ms);
      for (const n of [1, 3, 7, 10, 20, -1, -3, -20]) {
        expect(cal.addWorkdays(date, n)).toBe(naiveAdd(ms, n));
      }
      const to = ms + 30 * MS_PER_DAY;
      expect(cal.countWorkdays(date, iso(to))).toBe(naiveCount(ms, to));
      let expectedDeadline = ms + 7 * MS_PER_DAY;
      while (!naiveIsWorkday(expectedDeadline)) expectedDeadline += MS_PER_DAY;
      expect(cal.calendarDayDeadline(date, 7)).toBe(iso(expectedDeadline));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('accepts the reference files themselves as supplied years, and rejects the 2027 placeholder', () => {
    const rebuilt = safeCreateWorkCalendar({ builtIn: false, years: files.filter((f) => f.days.length > 0) });
    expect(rebuilt.success).toBe(true);
    if (rebuilt.success) {
      expect(rebuilt.data.coverage).toEqual(cal.coverage);
      expect(rebuilt.data.addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
      expect(rebuilt.data.sources.every((s) => s.origin === 'supplied')).toBe(true);
    }
    const placeholder = safeCreateWorkCalendar({ years: [files[files.length - 1]] });
    expect(placeholder.success).toBe(false);
    if (!placeholder.success) expect(placeholder.issues.map((i) => i.code)).toEqual(['YEAR_PAPERS_MISSING', 'YEAR_EMPTY']);
  });
});
