/** Input validation helpers shared by the audit's public functions. */
import type { z } from 'zod';
import type { DataIssue, IssuePath } from '../../errors.js';
import { ShuangsuijiError } from '../../errors.js';
import type { MonteCarloOptions } from '../monte-carlo-options.js';
import type { ResolvedMonteCarlo } from './inclusion.js';

/** Every zod issue as a {@link DataIssue} with code `INVALID_INPUT`. */
export function zodIssues(error: z.ZodError, prefix: IssuePath): DataIssue[] {
  return error.issues.map((issue) => ({
    code: 'INVALID_INPUT',
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    messageZh: `输入不符合格式：${issue.message}`,
    messageEn: `invalid input: ${issue.message}`,
  }));
}

/** Monte-Carlo options with defaults, checked. */
export function resolveMonteCarlo(options: MonteCarloOptions | undefined): ResolvedMonteCarlo {
  const replications = options?.replications ?? 1000;
  if (!Number.isInteger(replications) || replications < 1) {
    throw new ShuangsuijiError('AUDIT_BAD_OPTION', 'replications 必须是正整数', 'replications must be a positive integer', {
      path: ['monteCarlo', 'replications'],
    });
  }
  return { replications, seed: options?.seed ?? 'shuangsuiji-audit', drawFunction: options?.drawFunction };
}
