/**
 * Checked UTF-8 decoding of files read whole by the command (records, history, targets, facts): a byte sequence
 * that is not UTF-8 (a GBK or UTF-16 export, a binary file) or a NUL byte is refused with the line it is on, instead
 * of being replaced by U+FFFD, which would silently change ids and names. Registers are read by `src/readers`
 * (UTF-8 or GB18030, detected or forced).
 */
import { Utf8Checker, type Utf8Problem } from '../../readers/internals/utf8-checker.js';

export { Utf8Checker, type Utf8Problem };

/**
 * Decodes the byte chunks of a file as UTF-8, checked by {@link Utf8Checker}; a leading BOM is dropped. On the
 * first problem it calls `onProblem` and stops (the rest of the file is not text and is not read).
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * for await (const text of utf8Chunks(createReadStream('register.csv'), (p) => console.log(p.code))) console.log(text.length);
 * ```
 */
export async function* utf8Chunks(bytes: AsyncIterable<Uint8Array>, onProblem: (problem: Utf8Problem) => void): AsyncGenerator<string> {
  const checker = new Utf8Checker();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of bytes) {
    const problem = checker.check(chunk);
    if (problem !== undefined) {
      onProblem(problem);
      return;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const problem = checker.end();
  if (problem !== undefined) {
    onProblem(problem);
    return;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
