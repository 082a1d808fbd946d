import * as z from 'zod';
import { ShuangsuijiError } from '../errors.js';
import { dayNumberOf, plainDateOf } from '../internals/plain-date.js';
import type { PlanBatch } from '../models/spot-check-plan.js';
import { PlainDateStringSchema } from '../models/vocabulary.js';
import { parseArgument, parseOptions, shown } from './internals/arguments.js';
import { OptionsSchemas } from './internals/option-schemas.js';

/** The most batches one period is split into (a batch a day for more than 27 years). */
const MAX_BATCH_COUNT = 10_000;

const PeriodSchema = /* @__PURE__ */ z
  .object({ start: PlainDateStringSchema, end: PlainDateStringSchema })
  .strict()
  .refine((p) => p.start <= p.end, { message: 'the period ends before it starts', path: ['end'], params: { code: 'PERIOD_INVALID', zh: '期间的结束日期早于开始日期' } });

/**
 * Options of {@link splitPeriodIntoBatches}.
 *
 * @group Workflow
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
 * `start + floor(k × D / count)` where D is the number of days; integer arithmetic only. `count` is an integer
 * from 1 to the number of days and at most 10 000 (`BATCH_COUNT_INVALID`); the period is `{ start, end }` with
 * real dates, `start` ≤ `end` (`INVALID_DATE`, `PERIOD_INVALID`, `UNKNOWN_FIELD`).
 *
 * @param period - the plan's period, `{ start, end }` as `YYYY-MM-DD`, both days included
 * @param count - how many batches (批次), a whole number from 1 to the number of days
 * @param options - the prefix of the batch labels ({@link SplitPeriodOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
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
  const checked = parseArgument<{ start: string; end: string }>(PeriodSchema, period, ['period'], { zh: '期间', en: 'period' });
  const { labelPrefix } = parseOptions<SplitPeriodOptions>(OptionsSchemas.splitPeriod, options, { zh: '分批选项', en: 'batch options' });
  const start = dayNumberOf(checked.start, ['period', 'start']);
  const end = dayNumberOf(checked.end, ['period', 'end']);
  const days = end - start + 1;
  const most = Math.min(days, MAX_BATCH_COUNT);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > most) {
    throw new ShuangsuijiError(
      'BATCH_COUNT_INVALID',
      `批次数 ${shown(count)} 无效：应为 1 到 ${Math.max(most, 0)} 之间的整数（不超过期间天数，且至多 ${MAX_BATCH_COUNT} 批）`,
      `batch count ${shown(count)} is invalid: expected an integer from 1 to ${Math.max(most, 0)} (at most the days of the period, and at most ${MAX_BATCH_COUNT})`,
      { path: ['count'] },
    );
  }
  const prefix = labelPrefix ?? 'B';
  const batches: PlanBatch[] = [];
  for (let k = 0; k < count; k += 1) {
    const first = start + Math.floor((k * days) / count);
    const last = start + Math.floor(((k + 1) * days) / count) - 1;
    batches.push({ label: `${prefix}${k + 1}`, start: plainDateOf(first), end: plainDateOf(last) });
  }
  return batches;
}
