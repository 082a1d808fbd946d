import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { dayNumberOf, plainDateOf } from '../../src/internals/plain-date.js';

const cal = createWorkCalendar();
const lenient = createWorkCalendar({ unknownYears: 'weekdays-only' });
const FIRST = dayNumberOf('2007-01-01');
const LAST = dayNumberOf('2026-12-31');

// Start days leave room for 600 working days (≈ 2.5 years) either way inside the covered range.
const innerDate = fc.integer({ min: FIRST + 900, max: LAST - 900 }).map(plainDateOf);
const anyCoveredDate = fc.integer({ min: FIRST, max: LAST }).map(plainDateOf);
const steps = fc.integer({ min: 0, max: 300 });

describe('working-day arithmetic properties', () => {
  it('countWorkdays(d, addWorkdays(d, n)) === n, for n ≥ 0 and n < 0', () => {
    fc.assert(fc.property(innerDate, fc.integer({ min: -600, max: 600 }), (d, n) => {
      expect(cal.countWorkdays(d, cal.addWorkdays(d, n))).toBe(n);
    }), { numRuns: 500 });
  });

  it('addWorkdays(addWorkdays(d, a), b) === addWorkdays(d, a + b) for a, b ≥ 0', () => {
    fc.assert(fc.property(innerDate, steps, steps, (d, a, b) => {
      expect(cal.addWorkdays(cal.addWorkdays(d, a), b)).toBe(cal.addWorkdays(d, a + b));
    }), { numRuns: 500 });
  });

  it('results of addWorkdays (n ≠ 0), nextWorkday and previousWorkday are working days, strictly after/before', () => {
    fc.assert(fc.property(innerDate, fc.integer({ min: 1, max: 600 }), (d, n) => {
      const forward = cal.addWorkdays(d, n);
      const backward = cal.addWorkdays(d, -n);
      expect(cal.isWorkday(forward) && cal.isWorkday(backward)).toBe(true);
      expect(forward > d && backward < d).toBe(true);
      const next = cal.nextWorkday(d);
      const previous = cal.previousWorkday(d);
      expect(cal.isWorkday(next) && cal.isWorkday(previous)).toBe(true);
      // Nothing in between is a working day.
      for (let x = dayNumberOf(d) + 1; x < dayNumberOf(next); x++) expect(cal.isWorkday(plainDateOf(x))).toBe(false);
      for (let x = dayNumberOf(previous) + 1; x < dayNumberOf(d); x++) expect(cal.isWorkday(plainDateOf(x))).toBe(false);
    }), { numRuns: 300 });
  });

  it('is monotonic: more working days never give an earlier date, later starts never an earlier result', () => {
    fc.assert(fc.property(innerDate, innerDate, steps, steps, (d1, d2, a, b) => {
      const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const [m, n] = a <= b ? [a, b] : [b, a];
      expect(cal.addWorkdays(lo, m) <= cal.addWorkdays(lo, n)).toBe(true);
      expect(cal.addWorkdays(lo, n) <= cal.addWorkdays(hi, n)).toBe(true);
      expect(cal.countWorkdays(lo, hi)).toBeGreaterThanOrEqual(0);
      expect(cal.countWorkdays(hi, lo)).toBeLessThanOrEqual(0);
    }), { numRuns: 300 });
  });

  it('countWorkdays is additive along the way and matches isWorkday', () => {
    fc.assert(fc.property(innerDate, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, x, y) => {
      const b = plainDateOf(dayNumberOf(a) + x);
      const c = plainDateOf(dayNumberOf(b) + y);
      expect(cal.countWorkdays(a, c)).toBe(cal.countWorkdays(a, b) + cal.countWorkdays(b, c));
      const step = cal.countWorkdays(a, plainDateOf(dayNumberOf(a) + 1));
      expect(step).toBe(cal.isWorkday(plainDateOf(dayNumberOf(a) + 1)) ? 1 : 0);
    }), { numRuns: 300 });
  });

  it('calendarDayDeadline is never before date + days, never a rest day, and no working day is skipped', () => {
    fc.assert(fc.property(innerDate, fc.integer({ min: 0, max: 400 }), (d, days) => {
      const end = plainDateOf(dayNumberOf(d) + days);
      const deadline = cal.calendarDayDeadline(d, days);
      expect(deadline >= end).toBe(true);
      expect(cal.isRestDay(deadline)).toBe(false);
      for (let x = dayNumberOf(end); x < dayNumberOf(deadline); x++) expect(cal.isRestDay(plainDateOf(x))).toBe(true);
    }), { numRuns: 500 });
  });

  it('n = 0 is the identity and isWorkday / isRestDay are complements on every covered day', () => {
    fc.assert(fc.property(anyCoveredDate, (d) => {
      expect(cal.addWorkdays(d, 0)).toBe(d);
      expect(cal.isWorkday(d)).toBe(!cal.isRestDay(d));
      expect(cal.describeDay(d).isWorkday).toBe(cal.isWorkday(d));
    }), { numRuns: 500 });
  });
});

describe("unknownYears: 'weekdays-only'", () => {
  // Dates from 1990 to 2050: crossing both ends of the covered range.
  const wide = fc.integer({ min: dayNumberOf('1990-01-01'), max: dayNumberOf('2050-12-31') }).map(plainDateOf);

  it('keeps the round trip and composition across the edges of coverage', () => {
    fc.assert(fc.property(wide, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (d, n, b) => {
      const r = lenient.addWorkdays(d, n);
      expect(lenient.countWorkdays(d, r)).toBe(n);
      expect(lenient.isWorkday(r) || n === 0).toBe(true);
      if (n >= 0) expect(lenient.addWorkdays(r, b)).toBe(lenient.addWorkdays(d, n + b));
    }), { numRuns: 500 });
  });

  it('agrees with the strict calendar inside coverage and is Monday–Friday outside', () => {
    fc.assert(fc.property(wide, (d) => {
      const day = dayNumberOf(d);
      if (day >= FIRST && day <= LAST) {
        expect(lenient.isWorkday(d)).toBe(cal.isWorkday(d));
      } else {
        const wd = new Date(day * 86_400_000).getUTCDay();
        expect(lenient.isWorkday(d)).toBe(wd !== 0 && wd !== 6);
        expect(lenient.describeDay(d).source).toBe('assumed');
      }
    }), { numRuns: 500 });
  });
});
