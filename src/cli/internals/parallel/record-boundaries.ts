/**
 * Where a register file may be cut into byte ranges, each parsed from its own start as the whole file would parse
 * it: record boundaries, found on the bytes without decoding them.
 *
 * Both encodings keep the bytes that matter here out of multi-byte characters: in UTF-8 every byte of a multi-byte
 * character is 0x80 or above; in GB18030 a two-byte character is a lead byte 0x81–0xFE and a trail byte 0x40–0x7E
 * or 0x80–0xFE, a four-byte one 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39 — so LF (0x0A), CR (0x0D) and the
 * quote (0x22) are always characters of their own (test/cli/parallel-split.test.ts checks this against the decoder).
 *
 * - JSON Lines: every LF ends a line (a JSON string cannot hold a raw line break).
 * - CSV: an LF ends a record unless it is inside a quoted field. The scan follows the reader's quote rule (a quote
 *   opens a quoted field only at the start of a field: after a separator, a line break or at the start; inside, a
 *   doubled quote is a quote), jumping from quote to quote with the native `indexOf`, so a file without quotes costs
 *   one pass of `memchr`. The separator is compared as a byte: a GB18030 trail byte equal to it (a separator
 *   0x40–0x7E, such as `|`) can mislead the scan — it only chooses cut points: every range is then read by the
 *   real reader, and a cut that was not a record boundary shows as a problem in some range (see `byte-ranges.ts`),
 *   which sends the command back to the single-thread reading.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Finds, for each target position (ascending), the first CSV record boundary at or after it — the position just
 * after an LF that ends a record — in bytes fed in order from a record start. Boundaries are strictly ascending:
 * targets that would give the same boundary give one.
 *
 * @example
 * ```ts
 * const finder = new CsvBoundaryFinder(0x2c, [0, 5]);
 * finder.push(new TextEncoder().encode('a,"x\ny"\nb\nc\n'), 0);
 * console.log(finder.boundaries); // [8, 10]
 * ```
 */
export class CsvBoundaryFinder {
  private inQuotes = false;
  /** The byte before the next one fed (a line break at the start: a record starts there). */
  private prev = LF;
  /** The previous chunk ended with a quote inside a quoted field: a closing quote, or the first of a doubled one. */
  private quotePending = false;
  private next = 0;
  /** Boundaries found, one per target at most, ascending. */
  readonly boundaries: number[] = [];

  /**
   * @param separator - the separator's byte (`,` is 0x2C)
   * @param targets - absolute positions, ascending
   */
  constructor(private readonly separator: number, private readonly targets: readonly number[]) {}

  /** Whether every target has its boundary (the rest of the file need not be fed). */
  get done(): boolean {
    return this.next >= this.targets.length;
  }

  /** Feeds the bytes at absolute position `offset` (chunks in order, without gaps). */
  push(chunk: Uint8Array, offset: number): void {
    const n = chunk.length;
    if (n === 0) return;
    let i = 0;
    if (this.quotePending) {
      this.quotePending = false;
      if (chunk[0] === QUOTE) i = 1; // a doubled quote: still inside
      else this.inQuotes = false;
    }
    while (i < n && !this.done) {
      const q = chunk.indexOf(QUOTE, i);
      if (this.inQuotes) {
        if (q < 0) break;
        if (q + 1 === n) {
          this.quotePending = true;
          break;
        }
        if (chunk[q + 1] === QUOTE) {
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      const end = q < 0 ? n : q;
      this.find(chunk, offset, i, end);
      if (q < 0) break;
      const before = q > 0 ? chunk[q - 1]! : this.prev;
      // A quote opens a field only at its start; elsewhere it is a problem the reader reports (and stays text).
      if (before === LF || before === CR || before === this.separator) this.inQuotes = true;
      i = q + 1;
    }
    this.prev = chunk[n - 1]!;
  }

  /** Boundaries for the pending targets among the bytes [from, end) of `chunk`, all outside quotes. */
  private find(chunk: Uint8Array, offset: number, from: number, end: number): void {
    const last = this.boundaries.length > 0 ? this.boundaries[this.boundaries.length - 1]! - offset : -1;
    let floor = Math.max(from, last);
    while (!this.done) {
      const start = Math.max(this.targets[this.next]! - offset, floor);
      if (start >= end) return;
      const lf = chunk.indexOf(LF, start);
      if (lf < 0 || lf >= end) return;
      this.boundaries.push(offset + lf + 1);
      this.next++;
      floor = lf + 1;
    }
  }
}

/**
 * The first JSON Lines boundary (the position after an LF) at or after each target, by reading small windows:
 * `read(position, length)` returns the bytes there (fewer at the end of the file). Strictly ascending; a target
 * with no LF after it gives none.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('{"id":"A"}\n{"id":"B"}\n{"id":"C"}\n');
 * console.log(await lineBoundaries(async (at, n) => bytes.subarray(at, at + n), bytes.length, [5, 15])); // [11, 22]
 * ```
 */
export async function lineBoundaries(read: (position: number, length: number) => Promise<Uint8Array>, size: number, targets: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  const WINDOW = 65_536;
  for (const target of targets) {
    let at = Math.max(target, out.length > 0 ? out[out.length - 1]! : 0);
    let found = -1;
    while (found < 0 && at < size) {
      const bytes = await read(at, WINDOW);
      if (bytes.length === 0) break;
      const lf = bytes.indexOf(LF);
      if (lf >= 0) found = at + lf + 1;
      else at += bytes.length;
    }
    if (found < 0) break;
    if (found < size && (out.length === 0 || found > out[out.length - 1]!)) out.push(found);
  }
  return out;
}
