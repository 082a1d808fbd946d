/**
 * `shuangsuiji seed --dice <digits> [--salt <salt>]`: the seed made from ten-sided dice rolled in public, as
 * `seedFromDice` makes it, and with a salt the commitment (`commitSeed`) to publish before the reveal.
 */
import { commitSeed } from '../../draw/commit-seed.js';
import type { DrawSeed } from '../../draw/draw-record.js';
import { seedFromDice } from '../../draw/seed-from-dice.js';
import { isShuangsuijiError } from '../../errors.js';
import { onlyOptions, type CommandContext, type CommandResult } from './command-context.js';
import { reportError } from './problems.js';

/** Salts shorter than this draw a warning: the commitment of 20 dice digits could then be brute-forced. */
const SHORT_SALT = 16;

/** Runs `seed` with the positional arguments after the command name (there must be none). */
export function seedCommand(ctx: CommandContext, args: readonly string[]): CommandResult {
  const { io, flags, language, say } = ctx;
  if (args.length > 0 || flags.dice === undefined || !onlyOptions(flags, ['dice', 'salt'])) return 'usage';
  // Digits are often read aloud and written in groups: white space between them is dropped.
  const digits = flags.dice.replace(/\s+/g, '');
  let seed: DrawSeed;
  try {
    seed = seedFromDice(digits);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    // The library's path names its argument (`digits`), not an option of the command: not shown.
    return reportError(io, flags.json, language, { code: error.code, messageZh: error.messageZh, messageEn: error.messageEn });
  }
  const salt = flags.salt;
  if (salt === '') {
    return reportError(io, flags.json, language, {
      code: 'EMPTY_SALT',
      messageZh: '盐不能为空：不加盐的承诺值可由骰子读数穷举得出（不需要承诺值时请省略 --salt）',
      messageEn: 'the salt must not be empty: an unsalted commitment can be brute-forced from the dice digits (omit --salt when no commitment is needed)',
    });
  }
  const commitment = salt === undefined ? undefined : { hash: commitSeed(seed.seed, { salt }), salt };
  if (salt !== undefined && salt.length < SHORT_SALT) {
    io.stderr(say(
      `注意：盐只有 ${salt.length} 个字符，建议用 ${SHORT_SALT} 个字符以上的随机文本，否则承诺值可能被穷举。`,
      `Note: the salt has only ${salt.length} characters; use ${SHORT_SALT}+ random characters or the commitment could be brute-forced.`,
    ));
  }
  if (flags.json) {
    io.stdout(JSON.stringify({ ok: true, seed: seed.seed, origin: seed.origin, ...(commitment === undefined ? {} : { commitment }) }, null, 2));
    return 0;
  }
  io.stdout(say(`种子（seed）：${seed.seed}`, `Seed (seed): ${seed.seed}`));
  io.stdout(say(
    `种子来源（seedOrigin）：${JSON.stringify(seed.origin)}（十面骰读数 ${digits.length} 位）`,
    `Seed origin (seedOrigin): ${JSON.stringify(seed.origin)} (${digits.length} ten-sided dice digits)`,
  ));
  if (commitment === undefined) {
    io.stdout(say(
      '抽取时使用此种子；抽取记录中的 seed 与 seedOrigin 与上列相同，任何人可由骰子读数重算。',
      'Draw with this seed; the draw record carries the same seed and seedOrigin, and anyone can recompute it from the digits.',
    ));
    return 0;
  }
  io.stdout(say(`种子承诺值（seedCommitment.hash）：${commitment.hash}`, `Seed commitment (seedCommitment.hash): ${commitment.hash}`));
  io.stdout(say(`盐（seedCommitment.salt）：${commitment.salt}`, `Salt (seedCommitment.salt): ${commitment.salt}`));
  io.stdout(say(
    '先只公布承诺值，骰子读数和盐保密；揭晓时一并公布，任何人可用同一命令重算核对。',
    'Publish only the commitment now and keep the digits and the salt secret; reveal both later and anyone can recompute and check it with this same command.',
  ));
  return 0;
}
