/**
 * `--workers <n>` of `digest`, `draw` and `verify`: how many threads read the register. Without it, one per core
 * the process may use (`os.availableParallelism()`), for files of at least {@link DEFAULT_MIN_PARALLEL_BYTES}
 * (below, starting threads costs more than they save); with it, that many whatever the size; `--workers 1` is the
 * single-thread reading.
 */
import { availableParallelism } from 'node:os';
import type { CommandContext } from '../command-context.js';
import { reportError } from '../problems.js';
import type { ParallelChoice } from './parallel-reading.js';

/** Files from this size are read by several threads by default: 8 MiB, about 30,000 rows of a typical export. */
export const DEFAULT_MIN_PARALLEL_BYTES = 8 * 1024 * 1024;

/** The most threads `--workers` takes. */
export const MAX_WORKERS = 64;

/**
 * The command's choice of threads, or the exit code of a bad `--workers` (reported: `INVALID_WORKERS`, exit 2).
 *
 * @example
 * ```ts
 * const choice = parallelChoice(ctx);
 * if (typeof choice === 'number') return choice;
 * ```
 */
export function parallelChoice(ctx: CommandContext): ParallelChoice | number {
  const given = ctx.flags.workers;
  if (given === undefined) return { workers: Math.max(1, Math.min(MAX_WORKERS, availableParallelism())), minBytes: DEFAULT_MIN_PARALLEL_BYTES };
  const text = given.trim();
  const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= MAX_WORKERS)) {
    return reportError(ctx.io, ctx.flags.json, ctx.language, {
      code: 'INVALID_WORKERS',
      messageZh: `--workers 应为 1 至 ${MAX_WORKERS} 之间的整数（读取名录库的线程数；1 为单线程），收到 ${JSON.stringify(given)}`,
      messageEn: `--workers must be a whole number from 1 to ${MAX_WORKERS} (threads reading the register; 1 is one thread), got ${JSON.stringify(given)}`,
    });
  }
  return { workers: n, minBytes: 0 };
}
