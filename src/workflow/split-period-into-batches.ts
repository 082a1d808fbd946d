import { ShuangsuijiError } from '../errors.js';
import { dayNumberOf, plainDateOf } from '../internals/plain-date.js';
import type { PlanBatch } from '../models/spot-check-plan.js';

/**
 * Options of {@link splitPeriodIntoBatches}.
 *
 * @example
 * ```ts
 * const options: SplitPeriodOptions = { labelPrefix: '第' };
 * ```
 */
export interface SplitPeriodOptions {
  /**
   * Text before the 1-based batch number in each label.
   * @defaultValue `'B'`
   */
  readonly labelPrefix?: string;
}

/**
 * Splits a period (inclusive dates) into `count` consecutive batches of near-equal length — how a 抽查频次
 * of several times a year becomes batches through the year. Batch k (0-based) starts on day
 * `start + floor(k × D / count)` where D is the number of days; integer arithmetic only.
 *
 * @example
 * ```ts
 * splitPeriodIntoBatches({ start: '2025-01-01', end: '2025-12-31' }, 2);
 * // [{ label: 'B1', start: '2025-01-01', end: '2025-07-01' }, { label: 'B2', start: '2025-07-02', end: '2025-12-31' }]
 * ```
 */
export function splitPeriodIntoBatches(
  period: { readonly start: string; readonly end: string },
  count: number,
  options: SplitPeriodOptions = {},
): PlanBatch[] {
  const start = dayNumberOf(period.start, ['start']);
  const end = dayNumberOf(period.end, ['end']);
  const days = end - start + 1;
  if (!Number.isInteger(count) || count < 1 || count > days) {
    throw new ShuangsuijiError(
      'BATCH_COUNT_INVALID',
      `批次数 ${String(count)} 无效：应为 1 到期间天数 ${Math.max(days, 0)} 之间的整数`,
      `batch count ${String(count)} is invalid: expected an integer from 1 to the ${Math.max(days, 0)} days of the period`,
      { path: ['count'] },
    );
  }
  const prefix = options.labelPrefix ?? 'B';
  const batches: PlanBatch[] = [];
  for (let k = 0; k < count; k += 1) {
    const first = start + Math.floor((k * days) / count);
    const last = start + Math.floor(((k + 1) * days) / count) - 1;
    batches.push({ label: `${prefix}${k + 1}`, start: plainDateOf(first), end: plainDateOf(last) });
  }
  return batches;
}
