import type { PastInspection, DrawRecord } from '../../draw/draw-record.js';
import { verifyDrawAsync } from '../../draw/verify-draw-async.js';
import type { VerifyResult } from '../../draw/verify-result.js';
import type { Entity } from '../../models/entity.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { ShuangsuijiError } from '../../errors.js';
import { parallelVerifyDraw } from '../internals/parallel/parallel-draw.js';
import { ProblemList, typedRows } from '../internals/problems.js';
import { checkFileOptions, fileParallelChoice, fileProblems, fileReading } from './internals/register-file.js';
import type { RegisterFileOptions } from './register-file-options.js';

/**
 * Options of {@link verifyDrawOfFile}: how to read the file, and the history the draw read.
 *
 * @group Node
 *
 * @example
 * ```ts
 * const options: VerifyDrawOfFileOptions = { workers: 2, history: [] };
 * ```
 */
export interface VerifyDrawOfFileOptions extends RegisterFileOptions {
  /**
   * 往期检查记录: the inspection history the draw's annual de-duplication read.
   *
   * @defaultValue `[]` (no history)
   */
  readonly history?: readonly PastInspection[];
}

/**
 * 核验 a draw record against a register file — what `shuangsuiji verify <record> <file> [history]` decides:
 * `verifyDrawAsync` over the rows of the file read as the command reads it (every row checked first, so a broken
 * file is an error naming its lines, not a divergence), with one worker thread per core on large files (the same
 * verdict with any number).
 *
 * @param record - 抽取记录: the published record ({@link DrawRecord})
 * @param path - the register file (检查对象名录库) it was drawn from
 * @param options - the file options and `history`, the inspection history the draw's de-duplication read
 *   ({@link VerifyDrawOfFileOptions})
 * @returns the verdict: `{ ok: true, provenance }` or the first divergence with its code
 * @throws `REGISTER_FILE_INVALID` when the file has problems (`details.problems`, with lines); `INVALID_OPTION`
 * @group Node
 *
 * @example
 * ```ts
 * import { verifyDrawOfFile } from 'shuangsuiji/node';
 * declare const record: DrawRecord;
 * const verdict = await verifyDrawOfFile(record, '检查对象名录库.csv', { workers: 2 });
 * console.log(verdict.ok ? '核验通过' : verdict.code);
 * ```
 */
export async function verifyDrawOfFile(record: DrawRecord, path: string, options?: VerifyDrawOfFileOptions): Promise<VerifyResult> {
  const o = checkFileOptions(options, ['history']);
  const history = o['history'] ?? [];
  if (!Array.isArray(history)) throw new ShuangsuijiError('INVALID_OPTION', 'history 应为往期检查记录数组', 'history must be an array of past inspections', { path: ['options', 'history'] });
  const reading = fileReading(path, o);
  const parallel = await parallelVerifyDraw(path, reading, fileParallelChoice(o), () => {}, record, history as readonly PastInspection[]);
  if (parallel.ok) return parallel.value.verdict;
  // One thread, as `shuangsuiji verify --workers 1`: every row read and checked, then the verification.
  const problems = new ProblemList();
  const parse = (rows: readonly unknown[]) => parseEntityRegister(rows, reading.parserOptions);
  for await (const _ of typedRows<Entity>(path, parse, problems, () => {}, reading)) { /* every row checked */ }
  if (problems.length > 0) throw fileProblems(path, problems);
  return verifyDrawAsync(record, () => typedRows<Entity>(path, parse, new ProblemList(), () => {}, reading), { history: history as readonly PastInspection[] });
}
