import { canonicalIdOrThrow } from './internals/bytes.js';

/**
 * 标识规范化 — the canonical form of an entity id as hashed by the draw: Unicode NFC; empty ids, control
 * characters (U+0000–U+001F, U+007F–U+009F), lone surrogates and ids over 1024 UTF-8 bytes throw `INVALID_ID`.
 *
 * @param id - 检查对象标识: an entity id as written in the register (e.g. a 统一社会信用代码)
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * console.log(canonicalEntityId('Cafe\u0301') === 'Caf\u00e9'); // true
 * ```
 */
export function canonicalEntityId(id: string): string {
  return canonicalIdOrThrow(id, ['id']);
}
