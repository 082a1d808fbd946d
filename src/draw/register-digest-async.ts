import type { Entity } from '../models/entity.js';
import { ShuangsuijiError } from '../errors.js';
import type { AsyncRegisterSource } from './draw-options.js';
import { RegisterDigester } from './internals/digest.js';

/** Feeds every row of a sync or async iterable to `visit`; closes the iterator if `visit` throws. */
async function eachRow(rows: Iterable<Entity> | AsyncIterable<Entity>, visit: (e: Entity, i: number) => void): Promise<'one-shot' | 'reiterable'> {
  if (rows !== null && typeof rows === 'object' && typeof (rows as AsyncIterable<Entity>)[Symbol.asyncIterator] === 'function') {
    const it = (rows as AsyncIterable<Entity>)[Symbol.asyncIterator]();
    let i = 0;
    // for await … of closes the iterator (a database cursor, a file) when visit throws.
    for await (const e of { [Symbol.asyncIterator]: () => it }) visit(e, i++);
    return (it as unknown) === rows ? 'one-shot' : 'reiterable';
  }
  if (rows === null || typeof rows !== 'object' || typeof (rows as Iterable<Entity>)[Symbol.iterator] !== 'function') {
    throw new ShuangsuijiError('INVALID_REGISTER', '名录库须为数组、可迭代对象、异步可迭代对象或返回它们的函数', 'the register must be an array, an iterable, an async iterable or a function returning one', { path: ['register'] });
  }
  const it = (rows as Iterable<Entity>)[Symbol.iterator]();
  let i = 0;
  for (const e of { [Symbol.iterator]: () => it }) visit(e, i++);
  return !Array.isArray(rows) && (it as unknown) === rows ? 'one-shot' : 'reiterable';
}

/**
 * 名录库摘要（流式） — {@link registerDigest} over an asynchronous source: a database cursor, a file read as a
 * stream, rows arriving from a worker. Same digest, same row checks (`INVALID_ID`, `INVALID_ENTITY` with the path
 * `[row, field]`), same refusal of duplicate ids (`DUPLICATE_ID`; docs/spec.md §4.5), constant memory but 8 bytes
 * a row for the duplicate guard. Pass a function returning a fresh iterable when the source can be read again: it
 * is re-read only in the rare case that two id fingerprints collide (a one-shot source is then refused with
 * `ID_FINGERPRINT_COLLISION`, about n²/2^65).
 *
 * @param register - 检查对象名录库: an array, an iterable, an async iterable, or a function returning a fresh one
 * (order does not matter)
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const e = (id: string) => ({ id, name: id, kind: 'enterprise' as const, status: 'active' as const, lists: [], tags: [], complaintCount: 0 });
 * async function* rows() { yield e('A'); yield e('B'); }
 * const streamed = await registerDigestAsync(() => rows());
 * console.log(streamed.digest === registerDigest([e('B'), e('A')]).digest); // true
 * ```
 */
export async function registerDigestAsync(register: AsyncRegisterSource): Promise<{ readonly digest: string; readonly size: number }> {
  const open = (): Iterable<Entity> | AsyncIterable<Entity> => (typeof register === 'function' ? register() : register);
  const digester = new RegisterDigester();
  const kind = await eachRow(open(), (e, i) => digester.add(e, i));
  if (digester.close()) {
    if (kind === 'one-shot' && typeof register !== 'function') throw digester.unconfirmable();
    await eachRow(open(), (e, i) => digester.confirm(e, i));
  }
  return digester.result();
}
