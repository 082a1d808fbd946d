/**
 * Ids in the matcher: the one shared id rule (`idProblem` / `canonicalIdOrThrow`: NFC, refusing non-strings, empty
 * strings, control characters, lone surrogates, white space at either end, more than 1024 UTF-8 bytes — and
 * whatever that rule refuses next) for targets, inspectors, every fact and every day-of recusal, so that an id
 * spelled NFD or NFC names one thing, exactly as the draw reads it.
 */
import { isShuangsuijiError, ShuangsuijiError } from '../../errors.js';
import { canonicalIdOrThrow, idProblem } from '../../internals/canonical-row.js';

export type Path = readonly (string | number)[];

/** Whose id a value is (for the message; the code is always `INVALID_ID`). */
export type IdRole = 'target' | 'inspector';

/** The canonical (NFC) id, or `INVALID_ID` at `path` naming the role. */
export function canonicalMatchId(value: unknown, path: Path, role: IdRole): string {
  try {
    // The shared rule decides (and is fast for printable ASCII); only its message is made to name the role.
    return canonicalIdOrThrow(value, path);
  } catch (error) {
    if (!isShuangsuijiError(error, 'INVALID_ID')) throw error;
    const problem = idProblem(value) ?? { zh: error.messageZh, en: error.messageEn };
    const shown = typeof value === 'string' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value) : typeof value;
    const [zh, en] = role === 'target' ? ['检查对象标识', 'target id'] : ['执法检查人员标识', 'inspector id'];
    throw new ShuangsuijiError('INVALID_ID', `${zh}无效（${problem.zh}）：${shown}`, `invalid ${en} (${problem.en}): ${shown}`, { path });
  }
}

const NO_PATH: Path = Object.freeze([]);

/**
 * {@link canonicalMatchId} for the ids of long fact lists: no allocation per row (the path of a refusal is built
 * only when there is one) and a memo for non-ASCII ids (an id repeated in thousands of rows is normalised once).
 */
export class IdReader {
  private readonly memo = new Map<string, string>();

  /** The canonical id of the value at `[list, index, field]`. */
  read(value: unknown, list: string, index: number, field: string, role: IdRole): string {
    if (typeof value === 'string' && value.length <= 256) {
      let i = 0;
      while (i < value.length) {
        const c = value.charCodeAt(i);
        if (c < 0x20 || c > 0x7e) break;
        i++;
      }
      if (i === value.length) {
        // Printable ASCII: the shared rule's own fast path; on a refusal, again with the path.
        try {
          return canonicalIdOrThrow(value, NO_PATH);
        } catch {
          return canonicalMatchId(value, [list, index, field], role);
        }
      }
      const known = this.memo.get(value);
      if (known !== undefined) return known;
      const canonical = canonicalMatchId(value, [list, index, field], role);
      if (this.memo.size < 65536) this.memo.set(value, canonical);
      return canonical;
    }
    return canonicalMatchId(value, [list, index, field], role);
  }
}
