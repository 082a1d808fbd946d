/**
 * The documented input limits of the register readers and of the `shuangsuiji` command (docs/en/departments.md,
 * "Input limits"). Every file is read through these bounds, so a hostile or broken file costs bounded memory and time and
 * is refused with a coded problem naming its line, never a crash:
 *
 * | limit | value | code |
 * |---|---|---|
 * | one CSV cell | {@link MAX_CELL_BYTES} UTF-8 bytes (the draw's field limit) | `CSV_CELL_TOO_LONG` |
 * | one register row: a CSV record, a JSON Lines line, an element of a JSON array | {@link MAX_ROW_BYTES} bytes | `ROW_TOO_LONG` |
 * | fields of one register row: CSV header columns, keys of a JSON row | {@link MAX_FIELDS} | `TOO_MANY_FIELDS` |
 * | nesting of arrays and objects in any JSON | {@link MAX_JSON_DEPTH} levels | `JSON_TOO_DEEP` |
 * | a file held whole: record, history, targets, facts; the inspector register of a match | {@link MAX_JSON_FILE_BYTES} bytes | `FILE_TOO_LARGE` |
 * | text encoding of a register | UTF-8 (BOM optional) or GB18030/GBK, detected or forced; no NUL bytes | `FILE_NOT_UTF8`, `FILE_NOT_GB18030`, `FILE_ENCODING_UNKNOWN`, `FILE_BINARY` |
 * | text encoding of a file read whole (record, history, targets, facts) | UTF-8 only | `FILE_NOT_UTF8`, `FILE_BINARY` |
 *
 * Registers have no size limit: they are streamed row by row.
 */

/**
 * Most UTF-8 bytes in one CSV cell: 65,534, the longest field the draw and the register digest can encode
 * (docs/spec.md: a field is written as u16(byte length + 1) ‖ UTF-8).
 *
 * @example
 * ```ts
 * const fits = (cell: string): boolean => new TextEncoder().encode(cell).length <= MAX_CELL_BYTES;
 * ```
 */
export const MAX_CELL_BYTES = 65_534;

/**
 * Most UTF-8 bytes in one register row (a CSV record, which may span lines inside quotes; one JSON Lines line;
 * one element of a JSON array register): 1 MiB, about 16 cells of the largest size.
 *
 * @example
 * ```ts
 * console.log(MAX_ROW_BYTES / 1024); // 1024
 * ```
 */
export const MAX_ROW_BYTES = 1_048_576;

/**
 * Most fields in one register row: columns of a CSV header, keys of a JSON row object. Registers have a few dozen;
 * the bound keeps a 1 MiB row of empty cells from becoming an object of half a million properties.
 *
 * @example
 * ```ts
 * console.log(MAX_FIELDS); // 1024
 * ```
 */
export const MAX_FIELDS = 1024;

/**
 * Most levels of nested arrays and objects in any JSON the command reads (a register row counts from its own
 * outermost value; a record, history, targets or facts file from the document's). Real records nest about 6 deep.
 *
 * @example
 * ```ts
 * const ok = '[[[1]]]'; // depth 3
 * console.log(MAX_JSON_DEPTH >= 3); // true
 * ```
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Most bytes in a JSON file that is read whole — a draw or match record, a history, targets or facts file:
 * 64 MiB (a record of about 200,000 selected targets, a history of about 600,000 past inspections). Reading,
 * parsing and checking such a file takes several times its size in memory (measured with `verify`: a 63 MiB
 * history peaked at about 560 MB resident, a 250 MB one at 1.85 GB), so this keeps the command within the
 * default heap of a small machine. Registers are streamed and have no such limit.
 *
 * @example
 * ```ts
 * console.log(MAX_JSON_FILE_BYTES / 1024 / 1024); // 64
 * ```
 */
export const MAX_JSON_FILE_BYTES = 64 * 1_048_576;

/**
 * Most problems kept for printing; beyond it problems are only counted (`problemCount` in `--json` output), so a
 * file with a problem on each of millions of lines cannot exhaust memory.
 *
 * @example
 * ```ts
 * console.log(MAX_PROBLEMS_KEPT); // 1000
 * ```
 */
export const MAX_PROBLEMS_KEPT = 1000;

/**
 * Register rows are parsed in batches of at most this many bytes of source text (and at most `BATCH` rows), so
 * a batch of rows near {@link MAX_ROW_BYTES} stays small.
 *
 * @example
 * ```ts
 * console.log(MAX_BATCH_BYTES / MAX_ROW_BYTES); // 8
 * ```
 */
export const MAX_BATCH_BYTES = 8 * 1_048_576;

/**
 * Register rows are parsed in batches of at most this many fields in all (with {@link MAX_BATCH_BYTES}), so a batch
 * of wide rows stays small.
 *
 * @example
 * ```ts
 * console.log(MAX_BATCH_FIELDS / MAX_FIELDS); // 256
 * ```
 */
export const MAX_BATCH_FIELDS = 262_144;

/** Problem messages longer than this many characters are cut (they may quote a value from the file). */
export const MAX_MESSAGE_CHARS = 1000;

/**
 * UTF-8 length of the UTF-16 code unit `c`: a surrogate counts 2, so a valid pair counts 4.
 *
 * @example
 * ```ts
 * console.log(utf8Units('中'.charCodeAt(0))); // 3
 * ```
 */
export function utf8Units(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
}

/**
 * UTF-8 length of `text` in bytes (a lone surrogate counts 2, as {@link utf8Units}); runs anywhere (no `Buffer`).
 *
 * @example
 * ```ts
 * console.log(utf8Length('名称,A')); // 8
 * ```
 */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/**
 * Where `text` (one JSON text) first nests arrays and objects deeper than `max` (the index of the bracket that
 * passes it), or -1. Brackets inside strings do not count. Linear and without recursion, so safe on any input.
 *
 * @example
 * ```ts
 * console.log(jsonDepthExceededAt('[[["]]]]"]]]', 2)); // 2
 * console.log(jsonDepthExceededAt('{"a":[1]}', 2)); // -1
 * ```
 */
export function jsonDepthExceededAt(text: string, max: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/**
 * The 1-based line of position `index` of `text`, counting from `first` (CR, LF and CRLF each one break).
 *
 * @example
 * ```ts
 * console.log(lineAt('a\r\nb\nc', 5)); // 3
 * ```
 */
export function lineAt(text: string, index: number, first = 1): number {
  let line = first;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (i === 0 || text.charCodeAt(i - 1) !== 0x0d) line++;
    } else if (c === 0x0d) line++;
  }
  return line;
}

/**
 * The line of the place a `JSON.parse` error names (`… at position N`, or the end for `Unexpected end of JSON
 * input`), counting from `first`; `undefined` when the message names no place (V8 omits it for some errors).
 *
 * @example
 * ```ts
 * try { JSON.parse('{\n"a":'); } catch (error) { console.log(syntaxErrorLine(error, '{\n"a":')); } // 2
 * ```
 */
export function syntaxErrorLine(error: unknown, text: string, first = 1): number | undefined {
  const message = String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return lineAt(text, Number(position), first);
  if (/end of JSON input/.test(message)) return lineAt(text, text.length, first);
  return undefined;
}

/**
 * `text` cut to {@link MAX_MESSAGE_CHARS} characters (with `…`), for messages that quote values from a file.
 *
 * @example
 * ```ts
 * console.log(capMessage('x'.repeat(5000)).length); // 1001
 * ```
 */
export function capMessage(text: string): string {
  return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS)}…`;
}
