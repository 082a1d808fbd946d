import type { Entity } from '../models/entity.js';
import type { DrawSeed, PastInspection } from './draw-record.js';

/**
 * 名录库输入 — an array, any iterable, or a function returning a fresh iterable. Draws whose size depends on
 * counts (ratios, strata, weights) read the register twice: pass an array, a re-iterable (e.g. a `Set`) or a
 * function; a one-shot generator is refused with `REGISTER_NOT_REITERABLE` for those.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const source: RegisterSource = () => readRowsAgain();
 * declare function readRowsAgain(): Iterable<Entity>;
 * ```
 */
export type RegisterSource = Iterable<Entity> | (() => Iterable<Entity>);

/**
 * 异步名录库输入 — like {@link RegisterSource}, also async iterables (streams) and functions returning them.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * async function* rows(): AsyncGenerator<Entity> { yield* []; }
 * const source: AsyncRegisterSource = () => rows();
 * ```
 */
export type AsyncRegisterSource = RegisterSource | AsyncIterable<Entity> | (() => AsyncIterable<Entity>);

/**
 * Options of {@link drawTargets}. Any other key is refused (`INVALID_OPTION`), so a misspelt option is never
 * silently ignored. Duplicate ids are always refused (docs/spec.md §4.5); there is no option to turn that off.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const options: DrawOptions = { seed: seedFromDice('31415926535897932384') };
 * ```
 */
export interface DrawOptions {
  /**
   * 随机种子: a {@link DrawSeed} from a seed helper (its origin is checked and recorded) or 64 hex characters.
   * @defaultValue none — required
   */
  readonly seed: DrawSeed | string;
  /**
   * The commitment published before the seed was revealed; checked now and written into the record. The hash is
   * 64 hexadecimal digits, compared without regard to case and recorded in lower case (`INVALID_COMMITMENT` when
   * malformed, `SEED_COMMITMENT_MISMATCH` when it does not match the seed and salt).
   * @defaultValue undefined — no commitment (`record.seedCommitment` is null)
   */
  readonly commitment?: { readonly hash: string; readonly salt?: string };
  /** 往期检查记录 for annual de-duplication; its digest is recorded even when empty. @defaultValue [] */
  readonly history?: readonly PastInspection[];
}

/**
 * Options of {@link verifyDraw}.
 *
 * @group Draw
 *
 * @example
 * ```ts
 * const options: VerifyDrawOptions = { history: [] };
 * ```
 */
export interface VerifyDrawOptions {
  /** The inspection history the draw used. @defaultValue [] */
  readonly history?: readonly PastInspection[];
}
