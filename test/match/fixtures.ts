import { expect } from 'vitest';
import { isShuangsuijiError, type ShuangsuijiError } from '../../src/errors.js';
import type { Inspector } from '../../src/models/inspector.js';
import type { MatchResult } from '../../src/match/index.js';

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

/**
 * A valid match seed for the integer `n` (the draw's dice rule: at least 20 decimal digits), distinct per `n`;
 * `salt` (0–9) gives another family of seeds.
 */
export function diceSeed(n: number, salt = 1): string {
  return (BigInt(salt) * 10n ** 20n + 10n ** 19n + BigInt(n)).toString();
}

/**
 * A result as JSON with its `unmatchedFacts` reduced to what does not depend on the order of the input lists:
 * the counts and the multiset of (list, ids, flags) — the paths are positions in the lists as given, the only
 * part of a result a reordering of the inputs changes (docs/spec.md §M2.1).
 */
export function orderFree(result: MatchResult): string {
  const { unmatchedFacts, ...rest } = result;
  const facts = unmatchedFacts.facts
    .map((f) => JSON.stringify([f.path[0], f.entityId ?? null, f.inspectorId, f.unknownTarget, f.unknownInspector]))
    .sort();
  return JSON.stringify({ ...rest, unmatchedFacts: { total: unmatchedFacts.total, counts: unmatchedFacts.counts, facts } });
}
