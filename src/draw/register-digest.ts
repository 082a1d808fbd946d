import type { Entity } from '../models/entity.js';
import { ShuangsuijiError } from '../errors.js';
import { RegisterDigester } from './internals/digest.js';

/**
 * 名录库摘要 — the order-independent digest of a register, to publish **before** the seed exists. Covers every
 * field a draw can read (id, kind, status, riskClass, industry, scale, regionCode, registrationAuthority,
 * supervisingUnit, lists, tags, complaintCount) of every row, and the row count. Streaming, constant memory:
 * a 2048-bit sum of per-row hashes (see docs/spec.md "Register digest" for the security argument). Equals
 * `record.register.digest` of any draw over the same rows.
 *
 * Every row is checked as a draw checks it (`INVALID_ID`, `INVALID_ENTITY` with the path `[row, field]`) and no
 * two rows may share a canonical id (`DUPLICATE_ID`, naming both rows; see docs/spec.md §4.5). A one-shot
 * iterable is read once; an array or re-iterable is read again only in the rare case that two id fingerprints
 * collide.
 *
 * @param register - 检查对象名录库: the entity register as the draw will read it (an array or any iterable; order does not
 * matter)
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const e = (id: string) => ({ id, name: id, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0 });
 * console.log(registerDigest([e('A'), e('B')]).digest === registerDigest([e('B'), e('A')]).digest); // true
 * ```
 */
export function registerDigest(register: Iterable<Entity>): { readonly digest: string; readonly size: number } {
  if (register === null || typeof register !== 'object' || typeof (register as Iterable<Entity>)[Symbol.iterator] !== 'function') {
    throw new ShuangsuijiError('INVALID_REGISTER', `名录库须为数组或可迭代对象，收到 ${register === null ? 'null' : typeof register}`, `the register must be an array or an iterable; received ${register === null ? 'null' : typeof register}`, { path: ['register'] });
  }
  const digester = new RegisterDigester();
  const first = register[Symbol.iterator]();
  const oneShot = !Array.isArray(register) && (first as unknown) === register;
  let i = 0;
  for (let r = first.next(); !r.done; r = first.next()) digester.add(r.value, i++);
  if (digester.close()) {
    if (oneShot) throw digester.unconfirmable();
    let j = 0;
    for (const e of register) digester.confirm(e, j++);
  }
  return digester.result();
}
