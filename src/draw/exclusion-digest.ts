import type { PastInspection } from './draw-record.js';
import { historyDigest } from './internals/digest.js';
import { checkHistoryList } from './internals/engine.js';

/**
 * 去重记录摘要 — the order-independent digest of an inspection history (as `record.exclusion.digest`).
 *
 * @example
 * ```ts
 * console.log(exclusionDigest([]).length); // 64
 * ```
 */
export function exclusionDigest(history: readonly PastInspection[]): string {
  return historyDigest(checkHistoryList(history));
}
