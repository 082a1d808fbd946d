import type { DrawSeed } from './draw-record.js';
import { canonicalIdOrThrow } from './internals/bytes.js';
import { canonicalLabel } from './internals/plan.js';
import { ticketHex, ticketPrefix } from './internals/digest.js';
import { readSeed } from './internals/seed.js';

/**
 * 签号 — the ticket of one entity: SHA-256(P ‖ UTF-8(NFC id)) with P = "shuangsuiji/ticket/v1" ‖ 0x00 ‖ seed (32
 * bytes) ‖ u32be(label length) ‖ label ‖ zeros to a multiple of 64 bytes; 64 hex characters (a 256-bit
 * big-endian integer). Lets anyone check a single entity's ticket by hand.
 *
 * @param seed - 随机种子: the draw's seed, a {@link DrawSeed} or its 64-hex-character `seed` string
 * @param label - the draw's label (抽取批次标识), as in `spec.label` of the record
 * @param id - 检查对象标识: the entity's id as the register gives it (normalised to NFC before hashing)
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * const seed = seedFromDice('31415926535897932384');
 * console.log(computeTicket(seed, '2025-第一批', '91350100M000100Y43'));
 * ```
 */
export function computeTicket(seed: DrawSeed | string, label: string, id: string): string {
  const s = readSeed(seed);
  // The same label rules as a draw spec (throws INVALID_LABEL).
  return ticketHex(ticketPrefix(s.bytes, canonicalLabel(label, ['label'])), canonicalIdOrThrow(id, ['id']));
}
