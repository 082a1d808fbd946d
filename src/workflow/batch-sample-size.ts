import { ShuangsuijiError } from '../errors.js';

/**
 * 分批抽取数量 — the number of targets batch `index` (0-based) of `count` draws when one round's total is
 * spread over several time batches (seed 000 五(三)): `floor(total / count)`, plus one for the first
 * `total mod count` batches. The batch sizes add up to the total exactly.
 *
 * @example
 * ```ts
 * [0, 1, 2].map((index) => batchSampleSize(10, { index, count: 3 })); // [4, 3, 3]
 * ```
 */
export function batchSampleSize(total: number, batch: { readonly index: number; readonly count: number }): number {
  if (!Number.isInteger(total) || total < 0) {
    throw new ShuangsuijiError('INVALID_SIZE', `抽取总数无效：${String(total)}`, `invalid total: ${String(total)}`, { path: ['total'] });
  }
  if (!Number.isInteger(batch.count) || batch.count < 1 || !Number.isInteger(batch.index) || batch.index < 0 || batch.index >= batch.count) {
    throw new ShuangsuijiError('BATCH_INDEX_INVALID', '批次序号或批次数无效', 'invalid batch index or count', { path: ['batch'] });
  }
  return Math.floor(total / batch.count) + (batch.index < total % batch.count ? 1 : 0);
}
