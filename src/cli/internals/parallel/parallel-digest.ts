/**
 * The register digest of a file read by several threads: each range's sum A and row count, added mod 2^2048 —
 * the digest of one pass over the file (docs/spec.md §4.3: A is a sum over the rows, in any order) — with every
 * id's fingerprint checked for duplicates across all ranges.
 */
import { digestOfSum } from '../../../draw/internals/digest.js';
import type { ProgressCallback } from '../problems.js';
import type { RegisterReading } from '../register-reading.js';
import { addSums, anyDuplicate, roundFailed, withRanges, type Parallel, type ParallelChoice } from './parallel-reading.js';

/**
 * `{ digest, size }` of `file` as `shuangsuiji digest` computes it with one thread, or why it must be.
 *
 * @example
 * ```ts
 * const r = await parallelDigest('register.csv', reading, { workers: 2, minBytes: 0 }, () => {});
 * if (r.ok) console.log(r.value.digest);
 * ```
 */
export function parallelDigest(file: string, reading: RegisterReading, choice: ParallelChoice, onProgress: ProgressCallback): Promise<Parallel<{ readonly digest: string; readonly size: number }>> {
  return withRanges(file, reading, choice, onProgress, async (session) => {
    const outcome = await session.round({ kind: 'digest' });
    if (!outcome.ok) return roundFailed(outcome);
    const { results } = outcome;
    if (anyDuplicate(results.map((r) => r.ids))) return { reason: 'duplicate' };
    const size = results.reduce((n, r) => n + r.rows, 0);
    const sum = addSums(results.map((r) => r.sum ?? []));
    return { value: { digest: digestOfSum(sum, size), size }, results };
  });
}
