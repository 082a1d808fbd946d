import type { Entity } from '../models/entity.js';
import { RegisterAccumulator } from './internals/digest.js';

/**
 * 名录库摘要 — the order-independent digest of a register, to publish **before** the seed exists. Covers every
 * field a draw can read (id, kind, status, riskClass, industry, scale, regionCode, registrationAuthority,
 * supervisingUnit, lists, tags, complaintCount) of every row, and the row count. Streaming, constant memory:
 * a 2048-bit sum of per-row hashes (see docs/spec.md "Register digest" for the security argument). Equals
 * `record.register.digest` of any draw over the same rows.
 *
 * @example
 * ```ts
 * const e = (id: string) => ({ id, name: id, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0 });
 * console.log(registerDigest([e('A'), e('B')]).digest === registerDigest([e('B'), e('A')]).digest); // true
 * ```
 */
export function registerDigest(register: Iterable<Entity>): { readonly digest: string; readonly size: number } {
  const acc = new RegisterAccumulator();
  let i = 0;
  for (const e of register) acc.addEntity(e, i++);
  return { digest: acc.digest(), size: acc.count };
}
