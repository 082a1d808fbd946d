import { ShuangsuijiError } from '../errors.js';
import { shown } from './internals/arguments.js';

/**
 * 分批抽取数量 — the number of targets batch `index` (0-based) of `count` draws when one round's total is
 * spread over several time batches (seed 000 五(三)): `floor(total / count)`, plus one for the first
 * `total mod count` batches. The batch sizes add up to the total exactly.
 *
 * `total` must be a safe integer ≥ 0 (`INVALID_SIZE`); `batch` an object with only `index` and `count`, integers
 * with 0 ≤ index < count (`BATCH_INDEX_INVALID`, `UNKNOWN_FIELD`).
 *
 * @param total - the round's total number of targets, a whole number ≥ 0
 * @param batch - 批次: which batch, `{ index, count }` with 0 ≤ `index` < `count`
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * [0, 1, 2].map((index) => batchSampleSize(10, { index, count: 3 })); // [4, 3, 3]
 * ```
 */
export function batchSampleSize(total: number, batch: { readonly index: number; readonly count: number }): number {
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new ShuangsuijiError('INVALID_SIZE', `抽取总数无效：${shown(total)}`, `invalid total: ${shown(total)}`, { path: ['total'] });
  }
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) {
    throw new ShuangsuijiError('BATCH_INDEX_INVALID', `批次应为 { index, count } 对象，收到 ${shown(batch)}`, `the batch must be an object { index, count }, got ${shown(batch)}`, { path: ['batch'] });
  }
  for (const key of Object.keys(batch).sort()) {
    if (key !== 'index' && key !== 'count') {
      throw new ShuangsuijiError('UNKNOWN_FIELD', `批次中有未知字段 ${shown(key)}`, `unknown field ${shown(key)} in the batch`, { path: ['batch', key] });
    }
  }
  const { index, count } = batch;
  if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(index) || index < 0 || index >= count) {
    throw new ShuangsuijiError('BATCH_INDEX_INVALID', '批次序号或批次数无效', 'invalid batch index or count', { path: ['batch'] });
  }
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}
