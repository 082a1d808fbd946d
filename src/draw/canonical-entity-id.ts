import { canonicalIdOrThrow } from './internals/bytes.js';

/**
 * 标识规范化 — the canonical form of an entity id as hashed by the draw: Unicode NFC; empty ids, control
 * characters (U+0000–U+001F, U+007F–U+009F), lone surrogates and ids over 1024 UTF-8 bytes throw `INVALID_ID`.
 *
 * @example
 * ```ts
 * console.log(canonicalEntityId('Cafe\u0301') === 'Caf\u00e9'); // true
 * ```
 */
export function canonicalEntityId(id: string): string {
  return canonicalIdOrThrow(id, ['id']);
}
