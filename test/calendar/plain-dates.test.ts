import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainDate, parsePlainDate, plainDateInShanghai } from '../../src/calendar/index.js';
import { expectError } from './helpers.js';

describe('parsePlainDate / isPlainDate', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(parsePlainDate('2024-02-29')).toBe('2024-02-29');
    expect(isPlainDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-2-3', '2025-02-03 ', '20250203', 20250203, null, new Date(0)]) {
      expect(isPlainDate(bad)).toBe(false);
      expectError(() => parsePlainDate(bad), 'INVALID_DATE');
    }
  });
});

describe('plainDateInShanghai (Asia/Shanghai whatever the host zone; the 1986–1991 summers: plain-date-in-shanghai-dst.test.ts)', () => {
  it('reads instants at Beijing time', () => {
    expect(plainDateInShanghai(new Date('2024-09-30T15:59:59.999Z'))).toBe('2024-09-30');
    expect(plainDateInShanghai(new Date('2024-09-30T16:00:00.000Z'))).toBe('2024-10-01');
    expect(plainDateInShanghai(new Date('2024-10-01T00:00:00+08:00'))).toBe('2024-10-01');
    expect(plainDateInShanghai(new Date('2024-10-01T23:59:59+08:00'))).toBe('2024-10-01');
    expect(plainDateInShanghai(new Date('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expectError(() => plainDateInShanghai(new Date(Number.NaN)), 'INVALID_DATE');
    expectError(() => plainDateInShanghai('2024-10-01' as unknown as Date), 'INVALID_DATE');
    // The years 0001–9999 in Beijing, and no further.
    expect(plainDateInShanghai(new Date('9999-12-31T15:59:59.999Z'))).toBe('9999-12-31');
    expectError(() => plainDateInShanghai(new Date('9999-12-31T16:00:00Z')), 'INVALID_DATE');
    expect(plainDateInShanghai(new Date('0001-01-01T00:00:00Z'))).toBe('0001-01-01');
    expectError(() => plainDateInShanghai(new Date('0000-12-31T12:00:00Z')), 'INVALID_DATE');
    expectError(() => plainDateInShanghai(new Date(8.64e15)), 'INVALID_DATE');
  });
  it('agrees with Intl in Asia/Shanghai, the summer times included (1901 to 2100)', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1901, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
      expect(plainDateInShanghai(new Date(ms))).toBe(`${parts['year']}-${parts['month']}-${parts['day']}`);
    }), { numRuns: 1000 });
  });
});
