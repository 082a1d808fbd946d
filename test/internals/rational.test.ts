// The one exact decimal reader (src/internals/rational.ts), shared by the draw (`readRatio`, `readPositive`) and
// the workflow (`exactFraction`): checked against exact BigInt arithmetic, with known answers for both callers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmp, rat, readDecimal, type Rational } from '../../src/internals/rational.js';
import { readPositive, readRatio } from '../../src/draw/internals/rational.js';
import { atLeast, exactFraction, ratioPercent } from '../../src/workflow/internals/exact.js';
import { sampleSize } from '../../src/draw/index.js';

/** n/d equals num/den exactly (cross-multiplication; denominators positive). */
const same = (r: Rational | undefined, num: bigint, den: bigint): boolean => r !== undefined && r.n * den === num * r.d;

/** The exact value of a double, from its IEEE 754 bits: sign × mantissa × 2^exponent. */
function bitsOf(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
function fromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}
function exactDouble(x: number): Rational {
  const bits = bitsOf(x);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  const signed = bits >> 63n === 1n ? -mantissa : mantissa;
  return exponent >= 0 ? rat(signed << BigInt(exponent)) : rat(signed, 1n << BigInt(-exponent));
}
/** The next double above x. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  return fromBits(x > 0 ? bitsOf(x) + 1n : bitsOf(x) - 1n);
}
/** |a − b| as a rational. */
function distance(a: Rational, b: Rational): Rational {
  const n = a.n * b.d - b.n * a.d;
  return rat(n < 0n ? -n : n, a.d * b.d);
}

/** A decimal as digits and a scale: value = (−1)^negative × digits / 10^scale, with its plain text. */
const decimalArb = fc
  .record({ negative: fc.boolean(), digits: fc.bigInt({ min: 0n, max: 10n ** 40n }), scale: fc.integer({ min: 0, max: 40 }) })
  .map(({ negative, digits, scale }) => {
    const padded = digits.toString().padStart(scale + 1, '0');
    const text = scale === 0 ? padded : `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
    return { num: negative ? -digits : digits, den: 10n ** BigInt(scale), text: `${negative ? '-' : ''}${text}`, digits, scale, negative };
  });

describe('readDecimal — the shared exact reader', () => {
  it('known answers: numbers by their shortest round-trip string, and the string forms', () => {
    expect(readDecimal(0.07)).toEqual({ n: 7n, d: 100n });
    expect(readDecimal('0.07')).toEqual({ n: 7n, d: 100n });
    expect(readDecimal('7%')).toEqual({ n: 7n, d: 100n });
    expect(readDecimal('7/100')).toEqual({ n: 7n, d: 100n });
    expect(readDecimal(' 3.5% ')).toEqual({ n: 7n, d: 200n });
    expect(readDecimal('7e-2')).toEqual({ n: 7n, d: 100n });
    expect(readDecimal(0.1 + 0.2)).toEqual(rat(30000000000000004n, 10n ** 17n)); // 0.30000000000000004, not 3/10
    expect(readDecimal(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(readDecimal(1e-7)).toEqual({ n: 1n, d: 10n ** 7n });
    expect(readDecimal(-0)).toEqual({ n: 0n, d: 1n });
    expect(readDecimal(-2.5)).toEqual({ n: -5n, d: 2n });
    for (const bad of [Number.NaN, Infinity, -Infinity, '', 'abc', '.5', '1/0', '1/-2', '0x10', '1,5', null, undefined, {}, 7n]) {
      expect(readDecimal(bad), String(bad)).toBeUndefined();
    }
  });

  it('reads every decimal string exactly: plain, exponent, percent and fraction forms', () => {
    fc.assert(
      fc.property(decimalArb, ({ num, den, text, digits, scale, negative }) => {
        expect(same(readDecimal(text), num, den)).toBe(true);
        expect(same(readDecimal(`${negative ? '-' : ''}${digits}e-${scale}`), num, den)).toBe(true);
        expect(same(readDecimal(`${text}%`), num, den * 100n)).toBe(true);
        if (!negative) expect(same(readDecimal(`${digits}/${den}`), num, den)).toBe(true);
        const r = readDecimal(text)!;
        expect(r.d > 0n).toBe(true);
        expect(r).toEqual(rat(r.n, r.d)); // reduced
      }),
    );
  });

  it('reads a number written with at most 15 significant digits as exactly that decimal', () => {
    const arb = fc.record({ digits: fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), scale: fc.integer({ min: 0, max: 30 }), negative: fc.boolean() });
    fc.assert(
      fc.property(arb, ({ digits, scale, negative }) => {
        const x = Number(`${negative ? '-' : ''}${digits}e-${scale}`);
        const num = negative ? -digits : digits;
        expect(same(readDecimal(x), num, 10n ** BigInt(scale))).toBe(true);
        if (!negative) expect(exactFraction(x)).toEqual(readDecimal(x));
      }),
    );
  });

  it('reads any finite double as a decimal that rounds back to it (within half a gap of its exact binary value)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = readDecimal(x)!;
        const exact = exactDouble(x);
        const side = cmp(r, exact);
        if (side === 0) return;
        // The neighbouring double on r's side; past the largest double, the gap the next binade would have.
        const neighbour = side > 0 ? nextUp(x) : -nextUp(-x);
        const gap = Number.isFinite(neighbour) ? distance(exactDouble(neighbour), exact) : rat(1n << 971n);
        // 2·|r − x| ≤ gap: r lies in x's round-to-nearest interval.
        const d = distance(r, exact);
        expect(cmp(rat(2n * d.n, d.d), gap) <= 0, String(x)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the draw and the workflow read through it', () => {
  it('the draw: ratios in (0, 1] (numbers and strings), weights positive; INVALID_RATIO / NON_POSITIVE_WEIGHT otherwise', () => {
    expect(readRatio('7%', ['ratio'])).toEqual({ n: 7n, d: 100n });
    expect(readRatio(1, ['ratio'])).toEqual({ n: 1n, d: 1n });
    for (const bad of [0, -0.1, 1.01, '101%', 'x', Number.NaN]) {
      expect(() => readRatio(bad, ['size', 'ratio'])).toThrow(expect.objectContaining({ code: 'INVALID_RATIO', path: ['size', 'ratio'] }));
    }
    expect(readPositive('3/2', ['w'])).toEqual({ n: 3n, d: 2n });
    expect(readPositive(0, ['w'], true)).toEqual({ n: 0n, d: 1n });
    expect(() => readPositive(0, ['w'])).toThrow(expect.objectContaining({ code: 'NON_POSITIVE_WEIGHT' }));
    expect(sampleSize(1000, { ratio: 0.07 })).toBe(70); // 1000 × 7/100 exactly, not 70.00000000000001
  });

  it('the workflow: numbers only, non-negative and finite; INVALID_RATIO otherwise; the same value as the draw reads', () => {
    expect(exactFraction(0.07)).toEqual({ n: 7n, d: 100n });
    expect(exactFraction(0.25)).toEqual({ n: 1n, d: 4n });
    expect(exactFraction(0)).toEqual({ n: 0n, d: 1n });
    expect(exactFraction(20)).toEqual({ n: 20n, d: 1n });
    for (const bad of [-0.01, Number.NaN, Infinity, '0.07' as unknown as number]) {
      expect(() => exactFraction(bad, ['items', 0, 'ratio'])).toThrow(expect.objectContaining({ code: 'INVALID_RATIO', path: ['items', 0, 'ratio'] }));
    }
    expect(ratioPercent(0.035)).toBe('3.5%');
    expect(ratioPercent(1)).toBe('100%');
    expect(atLeast(7, 100, exactFraction(0.07))).toBe(true);
    expect(atLeast(69, 1000, exactFraction(0.07))).toBe(false);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (x) => {
        const r = readDecimal(x)!;
        expect(exactFraction(x)).toEqual(r);
        if (x > 0) expect(readRatio(x, [])).toEqual(r);
      }),
    );
  });
});

describe('readDecimal refuses values that would build enormous numbers', () => {
  it('answers undefined quickly for huge exponents or texts, and still reads the extremes of doubles', () => {
    for (const text of ['1e-999999999', '1e999999999', '5e401', '5e-401', `0.${'1'.repeat(500)}`, `${'9'.repeat(401)}/1`]) {
      expect(readDecimal(text), text).toBeUndefined();
    }
    expect(readDecimal(Number.MIN_VALUE)).toBeDefined();
    expect(readDecimal(Number.MAX_VALUE)).toBeDefined();
    expect(readDecimal('5e-324')).toEqual(readDecimal(Number.MIN_VALUE));
  });
});
