/** Input validation helpers shared by the audit's public functions. */
import { ShuangsuijiError } from '../../errors.js';
import type { MonteCarloOptions } from '../monte-carlo-options.js';
import type { ResolvedMonteCarlo } from './inclusion.js';

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
