import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, plainDateOf, tryDayNumber, weekdayOf } from '../../src/internals/plain-date.js';
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
