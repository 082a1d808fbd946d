import type { PastInspection } from './draw-record.js';
import { historyDigest } from './internals/digest.js';
import { checkHistoryList } from './internals/engine.js';

/**
 * 去重记录摘要 — the order-independent digest of an inspection history (as `record.exclusion.digest`).
 *
 * @param history - 往期检查记录: the past inspections a draw's annual de-duplication reads ({@link PastInspection}); their
 * order does not matter
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * console.log(exclusionDigest([]).length); // 64
 * ```
 */
export function exclusionDigest(history: readonly PastInspection[]): string {
  return historyDigest(checkHistoryList(history));
}
