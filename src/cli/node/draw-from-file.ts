import type { DrawOptions } from '../../draw/draw-options.js';
import type { DrawResult } from '../../draw/draw-record.js';
import type { DrawSpec } from '../../draw/draw-spec.js';
import { drawTargetsAsync } from '../../draw/draw-targets-async.js';
import type { Entity } from '../../models/entity.js';
import { parseEntityRegister } from '../../models/parse-entity-register.js';
import { parallelDraw } from '../internals/parallel/parallel-draw.js';
import { ProblemList, typedRows } from '../internals/problems.js';
import { checkFileOptions, fileParallelChoice, fileProblems, fileReading } from './internals/register-file.js';
import type { RegisterFileOptions } from './register-file-options.js';

/**
 * 抽取 over a register file — what `shuangsuiji draw <file> --spec …` computes: `drawTargets` over the rows of a
 * CSV, JSON, JSON Lines or `.xlsx` entity register read as the command reads it, with one worker thread per core
 * on large files, each summarising its byte range as a shard (the same record with any number of threads).
 *
 * @param path - the register file (检查对象名录库)
 * @param spec - 抽取规则 ({@link DrawSpec})
 * @param drawOptions - the seed, its commitment and the history, as for `drawTargets` ({@link DrawOptions})
 * @param fileOptions - how to read the file: threads, encoding, column mapping ({@link RegisterFileOptions})
 * @returns the draw's result: the selected targets and the record to publish
 * @throws `REGISTER_FILE_INVALID` when the file has problems (`details.problems`, with lines), and what
 *   `drawTargets` throws (`DUPLICATE_ID`, `POPULATION_TOO_SMALL`, `INVALID_SPEC` …)
 * @group Node
 *
 * @example
 * ```ts
 * import { seedFromDice } from 'shuangsuiji';
 * import { drawFromFile } from 'shuangsuiji/node';
 * const { record } = await drawFromFile('检查对象名录库.csv', { label: '2026 第一批', size: { count: 30 } }, { seed: seedFromDice('31415926535897932384') });
 * console.log(record.selected.length);
 * ```
 */
export async function drawFromFile(path: string, spec: DrawSpec, drawOptions: DrawOptions, fileOptions?: RegisterFileOptions): Promise<DrawResult> {
  const o = checkFileOptions(fileOptions);
  const reading = fileReading(path, o);
  const parallel = await parallelDraw(path, reading, fileParallelChoice(o), () => {}, spec, drawOptions);
  if (parallel.ok) return parallel.value;
  // One thread, as `shuangsuiji draw --workers 1`: each read with its own problem list.
  const reads: ProblemList[] = [];
  const parse = (rows: readonly unknown[]) => parseEntityRegister(rows, reading.parserOptions);
  const open = (): AsyncIterable<Entity> => {
    const list = new ProblemList();
    const failed = reads.some((r) => r.length > 0);
    reads.push(list);
    return failed ? (async function* (): AsyncGenerator<Entity> {})() : typedRows<Entity>(path, parse, list, () => {}, reading);
  };
  let result: DrawResult;
  try {
    result = await drawTargetsAsync(open, spec, drawOptions);
  } catch (error) {
    const found = reads.find((r) => r.length > 0);
    if (found !== undefined) throw fileProblems(path, found);
    throw error;
  }
  const found = reads.find((r) => r.length > 0);
  if (found !== undefined) throw fileProblems(path, found);
  return result;
}
