/**
 * The seed of `draw` and `match`, from exactly one of: `--dice <digits>` (ten-sided dice rolled in public, as
 * `seedFromDice`), `--contributions <file.json>` (several parties' values in a stated order, as
 * `seedFromContributions`), `--beacon-source S --beacon-round R --beacon-value HEX` (a public randomness beacon,
 * as `seedFromBeacon`) or — for `match` only — `--seed <64 hex>` (a seed already made and published, e.g. the
 * draw's). Each is checked by the library; a refusal is printed with its code (exit 2).
 */
import type { DrawSeed, SeedContribution } from '../../draw/draw-record.js';
import { seedFromBeacon } from '../../draw/seed-from-beacon.js';
import { seedFromContributions } from '../../draw/seed-from-contributions.js';
import { seedFromDice } from '../../draw/seed-from-dice.js';
import { isShuangsuijiError } from '../../errors.js';
import type { CommandContext, CommandResult } from './command-context.js';
import { ProblemList, readJson, reportError, reportProblems } from './problems.js';
import { reportRefusal } from './refusal.js';

/** The options that give a seed (`seed` only where a raw seed is allowed). */
export const SEED_OPTIONS = ['dice', 'contributions', 'beacon-source', 'beacon-round', 'beacon-value'] as const;

/** A seed read from the options, with words saying where it came from. */
export type SeedRead =
  | { readonly ok: true; readonly seed: DrawSeed | string; readonly describeZh: string; readonly describeEn: string }
  | { readonly ok: false; readonly result: CommandResult };

/**
 * Reads the seed from the options: `'usage'` unless exactly one source is given (all three beacon options
 * together); an exit code after printing a refusal.
 *
 * @example
 * ```ts
 * // const read = await readSeedOptions(ctx, { raw: false });
 * // if (!read.ok) return read.result;
 * ```
 */
export async function readSeedOptions(ctx: CommandContext, allow: { readonly raw: boolean }): Promise<SeedRead> {
  const { io, flags, language } = ctx;
  const beacon = [flags.beaconSource, flags.beaconRound, flags.beaconValue];
  const beaconGiven = beacon.filter((v) => v !== undefined).length;
  if (beaconGiven !== 0 && beaconGiven !== 3) return { ok: false, result: 'usage' };
  const sources = [flags.dice !== undefined, flags.contributions !== undefined, beaconGiven === 3, flags.seed !== undefined].filter(Boolean).length;
  if (sources !== 1 || (flags.seed !== undefined && !allow.raw)) return { ok: false, result: 'usage' };

  if (flags.seed !== undefined) {
    const seed = flags.seed.trim();
    if (!/^[0-9a-f]{64}$/.test(seed)) {
      return {
        ok: false,
        result: reportError(io, flags.json, language, {
          code: 'INVALID_SEED',
          messageZh: `--seed 应为 64 位小写十六进制的种子（如 shuangsuiji seed 或抽取记录中的 seed），收到：${JSON.stringify(flags.seed)}`,
          messageEn: `--seed must be a seed of 64 lower-case hex characters (as printed by shuangsuiji seed or held in a draw record's seed), got ${JSON.stringify(flags.seed)}`,
          path: ['seed'],
        }),
      };
    }
    return { ok: true, seed, describeZh: '直接给出的种子（--seed）', describeEn: 'a seed given as it is (--seed)' };
  }

  if (flags.dice !== undefined) {
    // Digits are often read aloud and written in groups: white space between them is dropped (as `seed` does).
    const digits = flags.dice.replace(/\s+/g, '');
    try {
      return { ok: true, seed: seedFromDice(digits), describeZh: `十面骰读数 ${digits.length} 位`, describeEn: `${digits.length} ten-sided dice digits` };
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      return { ok: false, result: reportRefusal(ctx, error, '--dice', []) };
    }
  }

  if (flags.contributions !== undefined) {
    const file = flags.contributions;
    const problems = new ProblemList();
    const value = await readJson(file, problems);
    if (problems.length === 0 && !Array.isArray(value)) {
      problems.push({
        file, line: 0, record: 0, code: 'CONTRIBUTIONS_NOT_ARRAY',
        messageZh: '多方贡献文件应为 JSON 数组，每项 { "party": 参与方, "value": 贡献值 }，按事先公布的顺序排列',
        messageEn: 'the contributions file must hold a JSON array of { "party", "value" } in the order stated beforehand',
      });
    }
    if (problems.length > 0) return { ok: false, result: reportProblems(io, flags.json, language, problems) };
    try {
      const seed = seedFromContributions(value as readonly SeedContribution[]);
      const n = (value as readonly unknown[]).length;
      return { ok: true, seed, describeZh: `${n} 方贡献（${file}）`, describeEn: `contributions of ${n} parties (${file})` };
    } catch (error) {
      if (!isShuangsuijiError(error)) throw error;
      // The library's path starts inside the origin (`contributions`, index …): the file holds that list.
      const path = error.path[0] === 'contributions' ? error.path.slice(1) : error.path;
      return { ok: false, result: reportRefusal(ctx, error, file, path) };
    }
  }

  const [source, round, value] = beacon as [string, string, string];
  try {
    return {
      ok: true,
      seed: seedFromBeacon({ source, round, value: value.trim() }),
      describeZh: `公共随机信标 ${source} 第 ${round} 轮`,
      describeEn: `public randomness beacon ${source}, round ${round}`,
    };
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    return { ok: false, result: reportRefusal(ctx, error, '--beacon-source/--beacon-round/--beacon-value') };
  }
}
