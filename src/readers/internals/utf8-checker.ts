/**
 * Checked UTF-8 of files read whole (records, history, targets, facts): a byte sequence that is not UTF-8 or a NUL
 * byte is refused with the line it is on, instead of being replaced by U+FFFD, which would silently change ids and
 * names. (Registers are decoded by `text-decoding.ts`, which also reads GB18030.)
 */

import { utf8Lead } from './utf8-lead.js';

/** The first byte of a file that is not UTF-8 text, and its 1-based line. */
export interface Utf8Problem {
  readonly code: 'FILE_NOT_UTF8' | 'FILE_BINARY';
  readonly line: number;
  readonly messageZh: string;
  readonly messageEn: string;
}

/**
 * Incremental UTF-8 validator (the WHATWG decoder's rules: no overlongs, no surrogates, nothing above U+10FFFF)
 * that also refuses NUL and counts line breaks (CR, LF and CRLF each one), so a problem names its line.
 *
 * @example
 * ```ts
 * const checker = new Utf8Checker();
 * console.log(checker.check(new Uint8Array([0x61, 0x0a, 0xff]))?.line); // 2
 * ```
 */
export class Utf8Checker {
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private line = 1;
  private cr = false;

  /** Checks the next bytes of the file; returns the first problem, if any (then stop feeding). */
  check(bytes: Uint8Array): Utf8Problem | undefined {
    let { need, lower, upper, line, cr } = this;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (need > 0) {
        if (b < lower || b > upper) return this.invalid(b, line);
        lower = 0x80;
        upper = 0xbf;
        need--;
        cr = false;
        continue;
      }
      if (b < 0x80) {
        if (b === 0x0a) {
          if (!cr) line++;
          cr = false;
        } else if (b === 0x0d) {
          line++;
          cr = true;
        } else {
          cr = false;
          if (b === 0) return this.nul(line);
        }
        continue;
      }
      cr = false;
      const lead = utf8Lead(b);
      if (lead === 0) return this.invalid(b, line);
      need = lead & 0xff;
      lower = (lead >> 8) & 0xff;
      upper = lead >> 16;
    }
    this.need = need;
    this.lower = lower;
    this.upper = upper;
    this.line = line;
    this.cr = cr;
    return undefined;
  }

  /** Call once at the end of the file: a multi-byte character cut off by the end is a problem. */
  end(): Utf8Problem | undefined {
    return this.need > 0 ? this.invalid(-1, this.line) : undefined;
  }

  private invalid(byte: number, line: number): Utf8Problem {
    const what = byte < 0 ? '文件在一个多字节字符中间结束' : `字节 0x${byte.toString(16).toUpperCase().padStart(2, '0')} 不是 UTF-8`;
    const whatEn = byte < 0 ? 'the file ends inside a multi-byte character' : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8`;
    return {
      code: 'FILE_NOT_UTF8',
      line,
      messageZh: `第 ${line} 行：${what}；文件须为 UTF-8 编码（GBK、UTF-16 等请先另存为 UTF-8）`,
      messageEn: `line ${line}: ${whatEn}; the file must be UTF-8 (save GBK, UTF-16 and the like as UTF-8 first)`,
    };
  }

  private nul(line: number): Utf8Problem {
    return {
      code: 'FILE_BINARY',
      line,
      messageZh: `第 ${line} 行：出现 NUL 字节，这不是文本文件`,
      messageEn: `line ${line}: a NUL byte: this is not a text file`,
    };
  }
}
