import type { AsyncRegisterSource, VerifyDrawOptions } from './draw-options.js';
import type { DrawRecord } from './draw-record.js';
import { runAsync } from './internals/drive.js';
import { compare, historyOption, prepareVerification, recomputeFailed, RowWatcher, isObject } from './internals/verify.js';
import type { VerifyResult } from './verify-result.js';

/**
 * {@link verifyDraw} over a stream (async iterable, or a function returning one for two-pass draws).
 *
 * @param record - 抽取记录: the published record of the draw ({@link DrawRecord})
 * @param register - 检查对象名录库 as a stream: an async iterable or a function returning one ({@link AsyncRegisterSource})
 * @param options - the inspection history the draw's de-duplication read ({@link VerifyDrawOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link VerifyDrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * declare const record: DrawRecord;
 * declare function rows(): AsyncIterable<Entity>;
 * const v = await verifyDrawAsync(record, () => rows());
 * console.log(v.ok);
 * ```
 */
export async function verifyDrawAsync(record: DrawRecord, register: AsyncRegisterSource, options: VerifyDrawOptions = {}): Promise<VerifyResult> {
  const watcher = isObject(record) && Array.isArray((record as { selected?: unknown }).selected) ? new RowWatcher(record) : undefined;
  const engine = prepareVerification(record, historyOption(options), watcher);
  if (!('row' in engine)) return engine;
  try {
    const again = await runAsync(engine, register);
    return compare(record, again, watcher!);
  } catch (error) {
    return recomputeFailed(error);
  }
}
