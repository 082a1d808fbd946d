/**
 * A refusal of the library (a `ShuangsuijiError`: `INVALID_SPEC`, `SEED_TOO_WEAK`, `INVALID_MATCH_OPTIONS` …) printed
 * as bad input (exit 2) with its code, its path inside the input and the file or option the input came from.
 */
import type { IssuePath, ShuangsuijiError } from '../../errors.js';
import type { CommandContext } from './command-context.js';
import { reportError } from './problems.js';

/**
 * Prints `error` naming `source` (a file name or an option such as `--dice`), with `path` (default: the error's
 * own path) as the place inside it; returns exit code 2.
 *
 * @example
 * ```ts
 * // const code = reportRefusal(ctx, error, 'spec.json', error.path);
 * ```
 */
export function reportRefusal(ctx: CommandContext, error: ShuangsuijiError, source: string | undefined, path: IssuePath = error.path): number {
  const { io, flags, language } = ctx;
  return reportError(io, flags.json, language, {
    code: error.code,
    messageZh: source === undefined ? error.messageZh : `${source}：${error.messageZh}`,
    messageEn: source === undefined ? error.messageEn : `${source}: ${error.messageEn}`,
    path,
    details: source === undefined ? undefined : { source },
  });
}
