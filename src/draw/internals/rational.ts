/**
 * The draw's ratio and weight readers, over the exact rationals and decimal reader of `src/internals/rational.ts`
 * (shared with the workflow and the audit).
 */
import { ShuangsuijiError } from '../../errors.js';
import { readDecimal, type Rational } from '../../internals/rational.js';


/** A value for a message (never throws, e.g. on a BigInt). */
function show(v: unknown): string {
  try { return JSON.stringify(v) ?? typeof v; } catch { return typeof v; }
}

/** Reads a ratio in (0, 1] or throws `INVALID_RATIO`. */
export function readRatio(value: unknown, path: readonly (string | number)[]): Rational {
  const r = readDecimal(value);
  if (r === undefined || r.n <= 0n || r.n > r.d) {
    throw new ShuangsuijiError('INVALID_RATIO', `抽查比例须在 (0, 1] 之内：${show(value)}`, `a ratio must lie in (0, 1]: ${show(value)}`, { path });
  }
  return r;
}

/** Reads a positive weight or throws `NON_POSITIVE_WEIGHT`. */
export function readPositive(value: unknown, path: readonly (string | number)[], allowZero = false): Rational {
  const r = readDecimal(value);
  if (r === undefined || r.n < 0n || (!allowZero && r.n === 0n)) {
    throw new ShuangsuijiError('NON_POSITIVE_WEIGHT', `权重须为正数：${show(value)}`, `a weight must be a positive number: ${show(value)}`, { path });
  }
  return r;
}
