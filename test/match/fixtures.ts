import { expect } from 'vitest';
import { isShuangsuijiError, type ShuangsuijiError } from '../../src/errors.js';
import type { Inspector } from '../../src/models/inspector.js';

/** A synthetic inspector (names are placeholders, never real people). */
export function inspector(id: string, extra: Partial<Omit<Inspector, 'id'>> = {}): Inspector {
  return {
    id,
    name: `人员${id}`,
    department: '市场监管局',
    expertise: [],
    status: 'active',
    isExpert: false,
    certificate: { number: `Z-${id}`, validFrom: '2020-01-01', validTo: '2027-12-31' },
    ...extra,
  };
}

/** The error a call throws (fails the test when it does not throw a ShuangsuijiError). */
export function thrown(call: () => unknown): ShuangsuijiError {
  try {
    call();
  } catch (error) {
    if (isShuangsuijiError(error)) return error;
    throw error;
  }
  return expect.unreachable('expected a ShuangsuijiError');
}

/** A reversed and rotated copy of `xs` (a fixed permutation chosen by `salt`), for order-independence tests. */
export function rotated<T>(xs: readonly T[], salt: number): T[] {
  const out = [...xs].reverse();
  const s = out.length === 0 ? 0 : salt % out.length;
  return [...out.slice(s), ...out.slice(0, s)];
}
