import type { RegisterSource, VerifyDrawOptions } from './draw-options.js';
import type { DrawRecord } from './draw-record.js';
import { runSync } from './internals/drive.js';
import { compare, historyOption, prepareVerification, recomputeFailed, RowWatcher, isObject } from './internals/verify.js';
import type { VerifyResult } from './verify-result.js';

/**
 * 核验抽取 — recomputes a draw from its record, the register and the history, and returns ok or the first
 * divergence (seed vs its origin or commitment, history changed, register changed — naming the drawn ids
 * removed or changed —, population, strata, selection at position i) in Chinese and English.
 *
 * @param record - 抽取记录: the published record of the draw ({@link DrawRecord}), e.g. parsed from its JSON
 * @param register - 检查对象名录库: the entity register the draw claims to have used, in any order ({@link RegisterSource})
 * @param options - the inspection history the draw's de-duplication read, when it had one ({@link VerifyDrawOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link VerifyDrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const register = ['A', 'B', 'C'].map((id) => ({ id, name: id, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0 }));
 * const { record } = drawTargets(register, { label: 'x', size: { count: 1 } }, { seed: seedFromDice('12345678901234567890') });
 * console.log(verifyDraw(record, register).ok); // true
 * console.log(verifyDraw(record, register.slice(1)).ok); // false
 * ```
 */
export function verifyDraw(record: DrawRecord, register: RegisterSource, options: VerifyDrawOptions = {}): VerifyResult {
  const watcher = isObject(record) && Array.isArray((record as { selected?: unknown }).selected) ? new RowWatcher(record) : undefined;
  const engine = prepareVerification(record, historyOption(options), watcher);
  if (!('row' in engine)) return engine;
  try {
    const again = runSync(engine, register);
    return compare(record, again, watcher!);
  } catch (error) {
    return recomputeFailed(error);
  }
}
