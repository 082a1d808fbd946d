import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberOf,
  firstDayOfYear,
  lastDayOfYear,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  mondayToFridayAt,
  mondayToFridayBefore,
  plainDateOf,
  tryDayNumber,
  weekdayOf,
} from '../../src/internals/plain-date.js';
import { isShuangsuijiError } from '../../src/errors.js';

describe('plain dates', () => {
  it('knows fixed points', () => {
    expect(tryDayNumber('1970-01-01')).toBe(0);
    expect(tryDayNumber('2000-03-01')).toBe(11017);
    expect(plainDateOf(20454)).toBe('2026-01-01');
    expect(weekdayOf(dayNumberOf('2026-11-22'))).toBe(0); // a Sunday
    expect(weekdayOf(dayNumberOf('2024-10-08'))).toBe(2); // a Tuesday
  });

  it('rejects malformed and unreal dates with INVALID_DATE', () => {
    for (const bad of ['2025-02-30', '2025-2-3', '2023-02-29', '2025-13-01', '0000-01-01', '2025/01/01', '', 20250101, null, undefined]) {
      expect(tryDayNumber(bad)).toBeUndefined();
      let thrown: unknown;
      try { dayNumberOf(bad, ['date']); } catch (e) { thrown = e; }
      expect(isShuangsuijiError(thrown, 'INVALID_DATE')).toBe(true);
    }
    expect(tryDayNumber('2024-02-29')).toBe(19782);
  });

  it('round-trips and agrees with UTC Date arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        const text = plainDateOf(day);
        expect(tryDayNumber(text)).toBe(day);
        // Cross-check with Date in UTC only (never the host zone).
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(text);
        expect(weekdayOf(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('plain-date additions for the calendar', () => {
  it('knows year bounds', () => {
    expect(plainDateOf(firstDayOfYear(2024))).toBe('2024-01-01');
    expect(plainDateOf(lastDayOfYear(2024))).toBe('2024-12-31');
    expect(lastDayOfYear(2024) - firstDayOfYear(2024)).toBe(365);
    expect(plainDateOf(MIN_DAY_NUMBER)).toBe('0001-01-01');
    expect(plainDateOf(MAX_DAY_NUMBER)).toBe('9999-12-31');
  });

  it('counts Monday–Friday days in closed form, matching a loop, and inverts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 60 }), (a, len) => {
        let loop = 0;
        for (let d = a; d < a + len; d++) {
          const wd = weekdayOf(d);
          if (wd !== 0 && wd !== 6) {
            expect(mondayToFridayAt(mondayToFridayBefore(d))).toBe(d);
            loop++;
          }
        }
        expect(mondayToFridayBefore(a + len) - mondayToFridayBefore(a)).toBe(loop);
        const k = mondayToFridayBefore(a);
        const w = weekdayOf(mondayToFridayAt(k));
        expect(w >= 1 && w <= 5).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(mondayToFridayBefore(dayNumberOf('1970-01-05'))).toBe(0);
    expect(mondayToFridayBefore(dayNumberOf('1970-01-12'))).toBe(5);
  });
});
