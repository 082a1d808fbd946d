import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDateInShanghai } from '../../src/calendar/index.js';

// China's summer time 1986–1991, from the IANA tz database (file `asia`, zone Asia/Shanghai follows the
// rules named PRC from 1949; these lines since tzdata 2018f, after P Chan's 2018-05-07 note citing the
// State Council notices of 1986-04-12, 1987-02-15 and 1987-09-09):
//
//   Rule  PRC  1986  only  -  May  4        2:00  1:00  D
//   Rule  PRC  1986  1991  -  Sep  Sun>=11  2:00  0     S
//   Rule  PRC  1987  1991  -  Apr  Sun>=11  2:00  1:00  D
//
// i.e. clocks went from 02:00 UTC+8 to 03:00 UTC+9 on the start day and from 02:00 UTC+9 back to 01:00
// UTC+8 on the end day. The days below are those rules worked out by hand (checked to be Sundays, and the
// first Sunday on or after the 11th, in the first test). The expected dates are computed from this table
// alone, not from Intl or date-fns; plainDateInShanghai reads the runtime's Intl data (Node 20: ICU tz
// 2025c), so a runtime with tz data older than 2018f (transitions at 00:00, April Sun>=10) fails here.
const SUMMERS: readonly (readonly [year: number, start: string, end: string])[] = [
  [1986, '1986-05-04', '1986-09-14'],
  [1987, '1987-04-12', '1987-09-13'],
  [1988, '1988-04-17', '1988-09-11'],
  [1989, '1989-04-16', '1989-09-17'],
  [1990, '1990-04-15', '1990-09-16'],
  [1991, '1991-04-14', '1991-09-15'],
];

const HOUR = 3_600_000;
const utcMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);
/** The start instant: 02:00 at UTC+8 on the start day. */
const startOf = (date: string): number => utcMidnight(date) + 2 * HOUR - 8 * HOUR;
/** The end instant: 02:00 at UTC+9 on the end day. */
const endOf = (date: string): number => utcMidnight(date) + 2 * HOUR - 9 * HOUR;

/** The Beijing date of `ms` by the table: UTC+9 inside a summer, UTC+8 otherwise (for 1985–1992). */
function expectedDate(ms: number): string {
  const summer = SUMMERS.some(([, start, end]) => ms >= startOf(start) && ms < endOf(end));
  return new Date(ms + (summer ? 9 : 8) * HOUR).toISOString().slice(0, 10);
}

describe('plainDateInShanghai in the summer time of 1986–1991 (UTC+9)', () => {
  it('the hand table is what the rules say: Sundays, May 4 in 1986, else the first Sunday on or after April 11 / September 11', () => {
    for (const [year, start, end] of SUMMERS) {
      for (const day of [start, end]) expect(new Date(utcMidnight(day)).getUTCDay()).toBe(0);
      expect(Number(end.slice(8))).toBeGreaterThanOrEqual(11);
      expect(Number(end.slice(8))).toBeLessThan(18);
      if (year === 1986) expect(start).toBe('1986-05-04');
      else expect([Number(start.slice(5, 7)), Number(start.slice(8))]).toSatisfy(([m, d]: number[]) => m === 4 && d! >= 11 && d! < 18);
    }
  });

  it('known answers: 23:30 at UTC+8 on a summer day is 00:30 of the next day', () => {
    expect(plainDateInShanghai(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02');
    expect(plainDateInShanghai(new Date('1988-07-01T14:59:59.999Z'))).toBe('1988-07-01');
    // 1986: the evening before the start (still UTC+8) and of the start day (already UTC+9).
    expect(plainDateInShanghai(new Date('1986-05-03T15:30:00Z'))).toBe('1986-05-03');
    expect(plainDateInShanghai(new Date('1986-05-04T15:30:00Z'))).toBe('1986-05-05');
    // 1991: the last summer midnight (Saturday 15:00Z is Sunday 00:00 UTC+9), then UTC+8 again.
    expect(plainDateInShanghai(new Date('1991-09-14T15:00:00Z'))).toBe('1991-09-15');
    expect(plainDateInShanghai(new Date('1991-09-15T15:30:00Z'))).toBe('1991-09-15');
    expect(plainDateInShanghai(new Date('1991-09-15T16:00:00Z'))).toBe('1991-09-16');
    // 1992: no summer time any more.
    expect(plainDateInShanghai(new Date('1992-07-01T15:30:00Z'))).toBe('1992-07-01');
  });

  it('around each start, end and the midnights next to them, every year', () => {
    const instants: number[] = [];
    for (const [, start, end] of SUMMERS) {
      const s = startOf(start);
      const e = endOf(end);
      const july = utcMidnight(`${start.slice(0, 4)}-07-01`);
      instants.push(
        // the transitions themselves
        s - 1, s, s + 1, s + HOUR, e - 1, e, e + 1, e + HOUR,
        // the midnights of the day before the start (UTC+8), of the start day and the next (UTC+9)
        s - 3 * HOUR + 30 * 60_000, s - 2 * HOUR, s + 21 * HOUR - 1, s + 21 * HOUR, s + 21 * HOUR + 30 * 60_000, s + 22 * HOUR - 1, s + 22 * HOUR,
        // the last summer midnight (the night into the end day) and the first one after it
        e - 2 * HOUR - 1, e - 2 * HOUR, e - 2 * HOUR + 30 * 60_000, e - HOUR, e + 22 * HOUR - 1, e + 22 * HOUR, e + 23 * HOUR - 1, e + 23 * HOUR,
        // midsummer
        july + 15 * HOUR - 1, july + 15 * HOUR, july + 15 * HOUR + 30 * 60_000, july + 16 * HOUR - 1, july + 16 * HOUR,
      );
    }
    let nextDay = 0;
    for (const ms of instants) {
      const expected = expectedDate(ms);
      expect(plainDateInShanghai(new Date(ms)), new Date(ms).toISOString()).toBe(expected);
      if (expected !== new Date(ms + 8 * HOUR).toISOString().slice(0, 10)) nextDay++;
    }
    // Instants where reading at a fixed UTC+8 would give the previous day are among them (the old caveat).
    expect(nextDay).toBe(6 * 8);
  });

  it('agrees with the table for any instant from 1985 to 1992', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(1993, 0, 1) }), (ms) => {
        expect(plainDateInShanghai(new Date(ms))).toBe(expectedDate(ms));
      }),
      { numRuns: 3000 },
    );
    // And for instants in the first hour of a summer day, 00:00–01:00 at UTC+9 (where a fixed UTC+8 gave the
    // previous day): the start day's midnight is 21 hours after the start instant.
    fc.assert(
      fc.property(fc.constantFrom(...SUMMERS), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: HOUR - 1 }), ([, start], days, within) => {
        const ms = startOf(start) + 21 * HOUR + days * 24 * HOUR + within;
        expect(plainDateInShanghai(new Date(ms))).toBe(expectedDate(ms));
        expect(expectedDate(ms)).not.toBe(new Date(ms + 8 * HOUR).toISOString().slice(0, 10));
      }),
      { numRuns: 1000 },
    );
  });
});
