import type { Entity } from '../models/entity.js';
import type { AsyncRegisterSource, VerifyDrawOptions } from './draw-options.js';
import type { DrawRecord } from './draw-record.js';
import { runAsync } from './internals/drive.js';
import { compare, historyOption, prepareVerification, recomputeFailed, RowWatcher } from './internals/verify.js';
import type { VerifyResult } from './verify-result.js';

async function* watch(rows: Iterable<Entity> | AsyncIterable<Entity>, watcher: RowWatcher): AsyncGenerator<Entity> {
  for await (const e of rows) { watcher.see(e); yield e; }
}

/**
 * {@link verifyDraw} over a stream (async iterable, or a function returning one for two-pass draws).
 *
 * @example
 * ```ts
 * declare const record: DrawRecord;
 * declare function rows(): AsyncIterable<Entity>;
 * const v = await verifyDrawAsync(record, () => rows());
 * console.log(v.ok);
 * ```
 */
export async function verifyDrawAsync(record: DrawRecord, register: AsyncRegisterSource, options: VerifyDrawOptions = {}): Promise<VerifyResult> {
  const engine = prepareVerification(record, historyOption(options));
  if (!('row' in engine)) return engine;
  const watcher = new RowWatcher(record);
  let first = true;
  const open = (): Iterable<Entity> | AsyncIterable<Entity> => (typeof register === 'function' ? register() : register);
  const reiterable = typeof register === 'function' || Array.isArray(register);
  const source = (): AsyncIterable<Entity> | Iterable<Entity> => { const rows = open(); if (first) { first = false; return watch(rows, watcher); } return rows; };
  try {
    const again = await runAsync(engine, (reiterable ? source : source()) as AsyncRegisterSource);
    return compare(record, again, watcher);
  } catch (error) {
    return recomputeFailed(error);
  }
}
