import { compareCodePoints } from '../../internals/compare.js';
/** Seed derivations (see docs/spec.md "Seeds"). */
import { ShuangsuijiError } from '../../errors.js';
import { sha256 } from '../../internals/sha256.js';
import type { DrawSeed, SeedOrigin } from '../draw-record.js';
import { ByteWriter, hex32 } from './bytes.js';
import { utf8LengthChecked } from '../../internals/canonical-row.js';
import { hexOf } from './digest.js';

export const MIN_DICE_DIGITS = 20;

function weak(zh: string, en: string, path: readonly (string | number)[] = []): never {
  throw new ShuangsuijiError('SEED_TOO_WEAK', zh, en, { path });
}

/** Recomputes the seed of an origin (throws on invalid or weak origins). */
export function deriveSeedFromOrigin(origin: SeedOrigin): DrawSeed {
  if (typeof origin !== 'object' || origin === null || Array.isArray(origin)) throw new ShuangsuijiError('INVALID_SEED', '种子来源须为对象 { method, … }', 'a seed origin must be an object { method, … }', { path: [] });
  const method: unknown = (origin as { method?: unknown }).method;
  const keys = typeof method === 'string' && Object.hasOwn(ORIGIN_KEYS, method) ? ORIGIN_KEYS[method] : undefined;
  if (keys === undefined) throw new ShuangsuijiError('INVALID_SEED', '未知的种子来源（应为 dice、contributions 或 beacon）', 'unknown seed origin (expected dice, contributions or beacon)', { path: ['method'] });
  for (const key of Object.keys(origin).sort(compareCodePoints)) {
    if (!keys.includes(key)) throw new ShuangsuijiError('INVALID_SEED', `种子来源含未知字段 ${key}`, `unknown key ${key} in the seed origin`, { path: [key] });
  }
  const w = new ByteWriter(256);
  if (origin.method === 'dice') {
    const d = origin.digits;
    if (typeof d !== 'string' || !/^[0-9]*$/.test(d)) throw new ShuangsuijiError('INVALID_DICE_DIGITS', '骰子读数只能是数字 0–9（十面骰）', 'dice digits must be the digits 0–9 only (ten-sided dice)', { path: ['digits'] });
    if (d.length < MIN_DICE_DIGITS) weak(`骰子读数至少 ${MIN_DICE_DIGITS} 位，收到 ${d.length} 位`, `at least ${MIN_DICE_DIGITS} dice digits are needed, got ${d.length}`, ['digits']);
    w.ascii('shuangsuiji/seed/dice/v1');
    w.byte(0);
    w.ascii(d);
    return { seed: hexOf(sha256(w.view())), origin: { method: 'dice', digits: d } };
  }
  if (origin.method === 'contributions') {
    const list = origin.contributions;
    if (!Array.isArray(list) || list.length === 0) weak('至少需要一份种子贡献', 'at least one contribution is needed', ['contributions']);
    const parties = new Set<string>();
    let total = 0;
    w.ascii('shuangsuiji/seed/contributions/v1');
    w.byte(0);
    w.u32(list.length);
    list.forEach((c, i) => {
      if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new ShuangsuijiError('INVALID_SEED', `第 ${i} 份贡献须为 { party, value }`, `contribution ${i} must be { party, value }`, { path: ['contributions', i] });
      for (const key of Object.keys(c)) if (key !== 'party' && key !== 'value') throw new ShuangsuijiError('INVALID_SEED', `第 ${i} 份贡献含未知字段 ${key}`, `contribution ${i} has an unknown key ${key}`, { path: ['contributions', i, key] });
      if (typeof c.party !== 'string' || c.party.length === 0 || typeof c.value !== 'string' || c.value.length === 0) throw new ShuangsuijiError('INVALID_SEED', `第 ${i} 份贡献缺少参与方或取值`, `contribution ${i} lacks a party or a value`, { path: ['contributions', i] });
      wellFormed(c.party, ['contributions', i, 'party']);
      wellFormed(c.value, ['contributions', i, 'value']);
      if (parties.has(c.party)) throw new ShuangsuijiError('INVALID_SEED', `参与方重复：${c.party}`, `duplicate party: ${c.party}`, { path: ['contributions', i, 'party'] });
      parties.add(c.party);
      total += c.value.length;
      w.lp(c.party);
      w.lp(c.value);
    });
    if (total < MIN_DICE_DIGITS) weak(`种子贡献合计至少 ${MIN_DICE_DIGITS} 个字符`, `contributions must total at least ${MIN_DICE_DIGITS} characters`, ['contributions']);
    return { seed: hexOf(sha256(w.view())), origin: { method: 'contributions', contributions: list.map((c) => ({ party: c.party, value: c.value })) } };
  }
  if (origin.method === 'beacon') {
    const { source, round, value } = origin;
    if (typeof source !== 'string' || source.length === 0 || typeof round !== 'string' || round.length === 0) throw new ShuangsuijiError('INVALID_SEED', '信标须注明来源和轮次', 'a beacon needs a source and a round', {});
    wellFormed(source, ['source']);
    wellFormed(round, ['round']);
    if (typeof value !== 'string' || !/^[0-9a-fA-F]+$/.test(value)) throw new ShuangsuijiError('INVALID_SEED', '信标值须为十六进制', 'the beacon value must be hexadecimal', { path: ['value'] });
    if (value.length < 32) weak('信标值至少 32 个十六进制字符（128 位）', 'the beacon value needs at least 32 hex characters (128 bits)', ['value']);
    const v = value.toLowerCase();
    w.ascii('shuangsuiji/seed/beacon/v1');
    w.byte(0);
    w.lp(source);
    w.lp(round);
    w.lp(v);
    return { seed: hexOf(sha256(w.view())), origin: { method: 'beacon', source, round, value: v } };
  }
  throw new ShuangsuijiError('INVALID_SEED', '未知的种子来源', 'unknown seed origin', {});
}

/** The keys of each origin method (any other key is refused). */
const ORIGIN_KEYS: Readonly<Record<string, readonly string[]>> = {
  dice: ['method', 'digits'],
  contributions: ['method', 'contributions'],
  beacon: ['method', 'source', 'round', 'value'],
};

/** Text hashed into a seed must be well-formed: a lone surrogate would be hashed as U+FFFD, like a real U+FFFD. */
function wellFormed(text: string, path: readonly (string | number)[]): void {
  if (utf8LengthChecked(text) < 0) throw new ShuangsuijiError('INVALID_SEED', '含不成对的代理项（不是合法的 Unicode 文本）', 'contains a lone surrogate (not well-formed Unicode text)', { path });
}

/** Commitment: SHA-256(tag ‖ 0x00 ‖ lp(seed hex) ‖ lp(salt)), hex. */
export function commitmentOf(seedHex: string, salt: string): string {
  const w = new ByteWriter(128);
  w.ascii('shuangsuiji/commit/v1');
  w.byte(0);
  w.lp(seedHex);
  w.lp(salt);
  return hexOf(sha256(w.view()));
}

/** Reads a seed argument: 64 lower-case hex characters or a DrawSeed. */
export function readSeed(seed: unknown): { bytes: Uint8Array; hex: string; origin: SeedOrigin | null } {
  if (typeof seed === 'object' && seed !== null) {
    const keys = Object.keys(seed);
    const origin = (seed as { origin?: unknown }).origin;
    if (Array.isArray(seed) || keys.length !== 2 || !keys.includes('seed') || !keys.includes('origin') || typeof origin !== 'object' || origin === null) {
      throw new ShuangsuijiError('INVALID_SEED', '种子须为 seedFromDice 等返回的 { seed, origin }，或 64 个小写十六进制字符', 'a seed must be the { seed, origin } that seedFromDice and the like return, or 64 lower-case hex characters', { path: ['seed'] });
    }
  }
  const hex = typeof seed === 'string' ? seed : typeof seed === 'object' && seed !== null ? (seed as DrawSeed).seed : undefined;
  const bytes = hex32(hex);
  if (bytes === undefined || hex === undefined) {
    throw new ShuangsuijiError('INVALID_SEED', '种子须为 64 个小写十六进制字符（256 位），请用 seedFromDice 等生成', 'a seed must be 64 lower-case hex characters (256 bits); make one with seedFromDice or the like', { path: ['seed'] });
  }
  const origin = typeof seed === 'object' && seed !== null ? (seed as DrawSeed).origin : null;
  if (origin !== null) {
    const again = deriveSeedFromOrigin(origin);
    if (again.seed !== hex) throw new ShuangsuijiError('SEED_ORIGIN_MISMATCH', '种子与其来源不符', 'the seed does not match its origin', { path: ['seed'] });
  }
  return { bytes, hex, origin };
}
