import type { Entity } from '../../models/entity.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { parallelDigest } from '../internals/parallel/parallel-digest.js';
import { locatedRows, ProblemList } from '../internals/problems.js';
import { RegisterDigestStream } from '../internals/register-digest-stream.js';
import { checkFileOptions, fileParallelChoice, fileProblems, fileReading } from './internals/register-file.js';
import type { RegisterFileOptions } from './register-file-options.js';

/**
 * 名录库摘要 of a register file — what `shuangsuiji digest <file>` prints: the order-independent register digest
 * and row count of a CSV, JSON, JSON Lines or `.xlsx` entity register, read as the command reads it, with one
 * worker thread per core on large files (the same result with any number). Equals `registerDigest(rows)` and the
 * `register.digest` of a draw over the same file.
 *
 * @param path - the register file (检查对象名录库)
 * @param options - how to read it: threads, encoding, column mapping ({@link RegisterFileOptions})
 * @returns `{ digest, size }`
 * @throws `REGISTER_FILE_INVALID` when the file has problems (`details.problems`, with lines), `DUPLICATE_ID`
 *   named by the rows, `INVALID_OPTION` for bad options
 * @group Node
 *
 * @example
 * ```ts
 * import { registerDigestOfFile } from 'shuangsuiji/node';
 * const { digest, size } = await registerDigestOfFile('检查对象名录库.csv', { workers: 2 });
 * console.log(digest, size);
 * ```
 */
export async function registerDigestOfFile(path: string, options?: RegisterFileOptions): Promise<{ readonly digest: string; readonly size: number }> {
  const o = checkFileOptions(options);
  const reading = fileReading(path, o);
  const parallel = await parallelDigest(path, reading, fileParallelChoice(o), () => {});
  if (parallel.ok) return parallel.value;
  // One thread, as `shuangsuiji digest --workers 1`.
  const problems = new ProblemList();
  const stream = new RegisterDigestStream();
  const parse = (rows: readonly unknown[]) => parseEntityRegister(rows, reading.parserOptions);
  for await (const row of locatedRows<Entity>(path, parse, problems, () => {}, reading)) {
    if (problems.length === 0) stream.add(row.value, row.record - 1);
  }
  if (problems.length > 0) throw fileProblems(path, problems);
  if (stream.close()) {
    for await (const row of locatedRows<Entity>(path, parse, problems, () => {}, reading)) stream.confirm(row.value, row.record - 1);
    if (problems.length > 0) throw fileProblems(path, problems);
  }
  return stream.result();
}

