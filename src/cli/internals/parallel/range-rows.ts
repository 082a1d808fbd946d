/**
 * The entities of one byte range of a register file, read in a worker thread exactly as the single-thread path
 * reads the whole file (`locatedRows` in `problems.ts`): the same register reader over `head ‖ range`, the same
 * column mapping (`RegisterReading`, rebuilt from the command's reading options), the same batched parser
 * (`parseEntityRegister` with the reading's parser options). The first problem of any kind ends the reading with a
 * {@link RangeProblem}: the command then reads the file with one thread, which reports every problem with its line.
 */
import { open } from 'node:fs/promises';
import type { Entity } from '../../../models/entity.js';
import { parseEntityRegister } from '../../../models/parse-entity-register.js';
import { RegisterRowReader, type RegisterRow } from '../../../readers/register-row-reader.js';
import { MAX_BATCH_BYTES, MAX_BATCH_FIELDS } from '../limits.js';
import { BATCH } from '../problems.js';
import { RegisterReading, type ColumnUse, type ReadingChoices } from '../register-reading.js';
import { fileChunks, type ByteRangePlan } from './byte-ranges.js';

/**
 * The first problem found in a range (its line counts from the range's start, so it is not shown: the
 * single-thread reading names it).
 *
 * @example
 * ```ts
 * const p = new RangeProblem('CSV_FIELD_COUNT');
 * console.log(p.code); // 'CSV_FIELD_COUNT'
 * ```
 */
export class RangeProblem extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Progress of a range: rows read, bytes of the range read.
 *
 * @example
 * ```ts
 * const onProgress: RangeProgress = (rows, bytes) => console.log(rows, bytes);
 * ```
 */
export type RangeProgress = (rows: number, bytes: number) => void;

/** Rows between progress reports of a range. */
const PROGRESS_ROWS = 16_384;

/**
 * Yields the rows of range `index` of `plan` as the command's reading maps them (unknown and ignored columns taken
 * out), before parsing; throws {@link RangeProblem} at the first problem. `reading` is the range's own reading
 * (built from the command's reading options), attached here to the range's reader.
 *
 * @example
 * ```ts
 * for await (const row of rangeRows(plan, 1, reading, () => {})) console.log(row.row);
 * ```
 */
export async function* rangeRows(plan: ByteRangePlan, index: number, reading: RegisterReading, onProgress: RangeProgress): AsyncGenerator<RegisterRow> {
  const range = plan.ranges[index]!;
  const handle = await open(plan.file, 'r');
  try {
    const bytes = async function* (): AsyncGenerator<Uint8Array> {
      yield* fileChunks(handle, 0, plan.head);
      yield* fileChunks(handle, range[0], range[1]);
    };
    const reader = new RegisterRowReader(bytes(), { format: plan.format, encoding: plan.encoding, onProblem: fail });
    reading.attach(reader);
    let rows = 0;
    for await (const source of reader) {
      yield reading.mapRow(source, fail);
      if (++rows % PROGRESS_ROWS === 0) onProgress(rows, Math.max(0, reader.bytesRead - plan.head));
    }
    reading.finish(fail);
    onProgress(rows, range[1] - range[0]);
  } finally {
    await handle.close();
  }
}

function fail(problem: { readonly code: string }): never {
  throw new RangeProblem(problem.code);
}

/**
 * Yields the entities of range `index` of `plan`, parsed in batches as `locatedRows` parses them; throws
 * {@link RangeProblem} at the first problem. At the end, `onColumns` gets the columns the range's rows used, in
 * the order first seen (JSON Lines rows name their own).
 *
 * @example
 * ```ts
 * for await (const entity of rangeEntities(plan, 1, choices, () => {}, () => {})) console.log(entity.id);
 * ```
 */
export async function* rangeEntities(
  plan: ByteRangePlan,
  index: number,
  choices: ReadingChoices,
  onProgress: RangeProgress,
  onColumns: (columns: readonly ColumnUse[]) => void,
): AsyncGenerator<Entity> {
  const reading = RegisterReading.create(plan.file, 'entity', choices);
  if (!(reading instanceof RegisterReading)) throw new RangeProblem(reading.code);
  let batch: RegisterRow[] = [];
  let batchBytes = 0;
  let batchFields = 0;
  const parse = function* (): Generator<Entity> {
    if (batch.length === 0) return;
    const result = parseEntityRegister(batch.map((r) => r.row), reading.parserOptions);
    if (!result.success) fail(result.issues[0]!);
    else yield* result.data;
    batch = [];
    batchBytes = 0;
    batchFields = 0;
  };
  for await (const row of rangeRows(plan, index, reading, onProgress)) {
    batch.push(row);
    batchBytes += row.bytes;
    batchFields += row.fields;
    if (batch.length >= BATCH || batchBytes >= MAX_BATCH_BYTES || batchFields >= MAX_BATCH_FIELDS) yield* parse();
  }
  yield* parse();
  onColumns(reading.summary().columns);
}
