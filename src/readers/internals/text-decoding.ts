/**
 * Checked, streaming decoding of register files: UTF-8 (with or without BOM) or GB18030 (which includes GBK and
 * GB2312, what Excel in Chinese locales writes as "CSV"), detected from the bytes or forced.
 *
 * Detection never needs the whole file. The first {@link SNIFF_BYTES} bytes are looked at before anything is
 * decoded: a spreadsheet, UTF-16 or known binary signature, a NUL byte or another control character (other than
 * TAB, LF, VT, FF and CR) there means the file is not text. While the bytes are ASCII (the same in both encodings)
 * nothing is decided; at the first byte above 0x7F, the next {@link SNIFF_BYTES} bytes (or the rest of the file,
 * when shorter) are decoded as UTF-8 with a fatal decoder, then as GB18030 if that fails; the first that succeeds is
 * the file's encoding. A byte-order mark (UTF-8 `EF BB BF`, GB18030 `84 31 95 33`) decides at once.
 *
 * Every byte after the decision is still decoded with a fatal decoder: a file valid UTF-8 in its first 64 KiB but not
 * later (two exports pasted together) is refused with `FILE_NOT_UTF8` naming the line, never decoded with U+FFFD.
 * So is a NUL byte anywhere (`FILE_BINARY`). Line numbers count CR, LF and CRLF as one break each; both encodings
 * keep those bytes out of multi-byte characters, so they are counted on the bytes.
 */
import { fileSignature } from './file-signature.js';
import { utf8Lead } from './utf8-lead.js';

/**
 * The text encodings of register files: UTF-8, or GB18030 (a superset of GBK and GB2312).
 *
 * @group CLI readers
 *
 * @example
 * ```ts
 * const forced: TextEncodingName = 'gb18030';
 * ```
 */
export type TextEncodingName = 'utf-8' | 'gb18030';

/** A decoding problem, with the 1-based line it is on. */
export interface DecodeProblem {
  readonly line: number;
  readonly code: 'FILE_NOT_UTF8' | 'FILE_NOT_GB18030' | 'FILE_ENCODING_UNKNOWN' | 'FILE_ENCODING_CONFLICT' | 'FILE_ENCODING_UNSUPPORTED' | 'FILE_BINARY' | 'FILE_SPREADSHEET';
  readonly messageZh: string;
  readonly messageEn: string;
}

/** Bytes looked at before deciding whether a file is text, and (from its first non-ASCII byte) which encoding. */
export const SNIFF_BYTES = 65_536;

const EMPTY = new Uint8Array(0);
const LF = 0x0a;
const CR = 0x0d;

const enum Mode {
  /** Collecting the first bytes of the file. */
  Sniff,
  /** Only ASCII so far (no encoding decided). */
  Ascii,
  /** Collecting bytes from the first non-ASCII byte, to decide the encoding. */
  Detect,
  /** Decoding with the chosen encoding. */
  Decode,
  /** A problem was reported: nothing more is decoded. */
  Failed,
}

/** Line breaks in `bytes` (CR, LF, CRLF one each); `prevCr`: the byte before `bytes` was CR. */
function countBreaks(bytes: Uint8Array, prevCr: boolean): number {
  let n = 0;
  for (let k = bytes.indexOf(LF); k >= 0; k = bytes.indexOf(LF, k + 1)) {
    if (!(k === 0 ? prevCr : bytes[k - 1] === CR)) n++;
  }
  for (let k = bytes.indexOf(CR); k >= 0; k = bytes.indexOf(CR, k + 1)) n++;
  return n;
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Index of the first byte of `bytes` that does not follow the rules of UTF-8 (or `bytes.length` if a sequence is cut at the end). */
function badUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const lead = utf8Lead(b);
    if (lead === 0) return i;
    const need = lead & 0xff;
    let lower = (lead >> 8) & 0xff;
    let upper = lead >> 16;
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined) return bytes.length;
      if (c < lower || c > upper) return i + j;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function label(encoding: TextEncodingName): string {
  return encoding === 'utf-8' ? 'UTF-8' : 'GB18030';
}

/** Whether `bytes` decode as `encoding` (a multi-byte character cut at the end is allowed unless `final`). */
function decodes(bytes: Uint8Array, encoding: TextEncodingName, final: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

/**
 * The decoder: `push` each chunk of bytes and `end` once; both return the text decoded so far (possibly empty while
 * bytes are held to decide). After a problem (reported once, then {@link TextChunkDecoder.failed}) nothing more is
 * returned: the rest of the file is not text in the expected encoding.
 *
 * @example
 * ```ts
 * const decoder = new TextChunkDecoder(undefined, (p) => console.log(p.code));
 * const text = decoder.push(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0a])) + decoder.end();
 * console.log(text, decoder.encoding); // '名称\n' 'gb18030'
 * ```
 */
export class TextChunkDecoder {
  private mode = Mode.Sniff;
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  /** Line of the next byte to decode. */
  private line = 1;
  private prevCr = false;
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private asciiDecoder: InstanceType<typeof TextDecoder> | undefined;
  private detected = false;
  /** The last bytes fed to the decoder when they may end inside a character (else empty): see `firstBadLine`. */
  private before: Uint8Array = EMPTY;
  /** The encoding the bytes are decoded with: decided by a BOM, the first non-ASCII bytes or the caller; `undefined` while only ASCII was seen. */
  encoding: TextEncodingName | undefined;
  /** Whether the file starts with a byte-order mark (dropped from the text). */
  bom = false;

  constructor(
    private readonly forced: TextEncodingName | undefined,
    private readonly report: (problem: DecodeProblem) => void,
  ) {}

  /** Whether a problem stopped the decoding. */
  get failed(): boolean {
    return this.mode === Mode.Failed;
  }

  push(bytes: Uint8Array): string {
    switch (this.mode) {
      case Mode.Failed:
        return '';
      case Mode.Sniff:
      case Mode.Detect:
        this.held.push(bytes);
        this.heldBytes += bytes.length;
        return this.heldBytes >= SNIFF_BYTES ? this.release(false) : '';
      case Mode.Ascii:
        return this.ascii(bytes, false);
      default:
        return this.decode(bytes);
    }
  }

  end(): string {
    let text = '';
    if (this.mode === Mode.Sniff || this.mode === Mode.Detect) text = this.release(true);
    if (this.mode === Mode.Decode) {
      try {
        text += this.decoder!.decode();
      } catch {
        const encoding = this.encoding!;
        this.fail(encoding === 'utf-8' ? 'FILE_NOT_UTF8' : 'FILE_NOT_GB18030', this.line,
          `第 ${this.line} 行：文件在一个多字节字符中间结束，不是完整的 ${label(encoding)} 文本`,
          `line ${this.line}: the file ends inside a multi-byte character: not complete ${label(encoding)} text`);
        return '';
      }
    }
    if (this.mode === Mode.Failed) return '';
    // Only ASCII (or nothing): valid UTF-8 (and the same in GB18030).
    this.encoding ??= this.forced ?? 'utf-8';
    return text;
  }

  /** Decides what the held bytes need (file type, BOM, encoding) and decodes them. */
  private release(final: boolean): string {
    const bytes = concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    return this.mode === Mode.Sniff ? this.sniff(bytes, final) : this.detect(bytes, final);
  }

  private sniff(bytes: Uint8Array, final: boolean): string {
    const signature = fileSignature(bytes);
    if (signature !== undefined) {
      const code = signature.kind === 'zip' || signature.kind === 'ole2' ? 'FILE_SPREADSHEET' : signature.kind === 'binary' ? 'FILE_BINARY' : 'FILE_ENCODING_UNSUPPORTED';
      const advice = code === 'FILE_SPREADSHEET'
        ? ['请在表格软件中另存为“CSV UTF-8（逗号分隔）”后再读取', 'save it from the spreadsheet program as "CSV UTF-8 (comma delimited)" and read that']
        : code === 'FILE_ENCODING_UNSUPPORTED'
          ? ['请另存为 UTF-8 或 GB18030 编码', 'save it as UTF-8 or GB18030']
          : ['名录库应为 CSV、JSON 或 JSON Lines 文本', 'a register must be CSV, JSON or JSON Lines text'];
      this.fail(code, 1, `这是${signature.nameZh}，不是 CSV、JSON 或 JSON Lines 文本；${advice[0]}`, `this is ${signature.nameEn}, not CSV, JSON or JSON Lines text; ${advice[1]}`);
      return '';
    }
    let body = bytes;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      if (!this.withBom('utf-8')) return '';
      body = bytes.subarray(3);
    } else if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
      if (!this.withBom('gb18030')) return '';
      body = bytes.subarray(4);
    }
    // Control characters (other than TAB, LF, VT, FF, CR) in the first bytes: not a text file. The bytes of
    // multi-byte characters are all above 0x2F in both encodings, so this holds whatever the encoding.
    const end = Math.min(body.length, SNIFF_BYTES);
    for (let i = 0; i < end; i++) {
      const b = body[i]!;
      if (b >= 0x20 || (b >= 0x09 && b <= 0x0d)) continue;
      const line = 1 + countBreaks(body.subarray(0, i), false);
      if (b === 0) this.fail('FILE_BINARY', line, `第 ${line} 行：出现 NUL 字节，这不是文本文件`, `line ${line}: a NUL byte: this is not a text file`);
      else this.fail('FILE_BINARY', line, `第 ${line} 行：出现控制字符 ${hex(b)}，这不是文本文件（名录库应为 CSV、JSON 或 JSON Lines 文本）`, `line ${line}: control character ${hex(b)}: this is not a text file (a register must be CSV, JSON or JSON Lines text)`);
      return '';
    }
    if (this.encoding !== undefined) return this.decode(body);
    if (this.forced !== undefined) {
      this.start(this.forced);
      return this.decode(body);
    }
    this.mode = Mode.Ascii;
    return this.ascii(body, final);
  }

  /** A byte-order mark of `encoding` starts the file: that is its encoding, unless the caller forced another. */
  private withBom(encoding: TextEncodingName): boolean {
    if (this.forced !== undefined && this.forced !== encoding) {
      this.fail('FILE_ENCODING_CONFLICT', 1,
        `文件以 ${label(encoding)} 的字节顺序标记（BOM）开头，却指定按 ${label(this.forced)} 读取；请去掉编码选项，或确认文件的编码`,
        `the file starts with the byte-order mark of ${label(encoding)} but was to be read as ${label(this.forced)}; drop the encoding option or check the file's encoding`);
      return false;
    }
    this.bom = true;
    this.detected = this.forced === undefined;
    this.start(encoding);
    return true;
  }

  private start(encoding: TextEncodingName): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    this.before = EMPTY;
    this.mode = Mode.Decode;
  }

  /** ASCII so far: passes ASCII through; at the first other byte, holds the bytes from there to decide. */
  private ascii(bytes: Uint8Array, final: boolean): string {
    if (!this.noNul(bytes)) return '';
    this.asciiDecoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let text: string | undefined;
    try {
      text = this.asciiDecoder.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text !== undefined && text.length === bytes.length) {
      this.count(bytes);
      return text;
    }
    let i = 0;
    while (bytes[i]! < 0x80) i++;
    const head = bytes.subarray(0, i);
    this.count(head);
    const ascii = i === 0 ? '' : this.asciiDecoder.decode(head);
    this.mode = Mode.Detect;
    this.held = [bytes.subarray(i)];
    this.heldBytes = bytes.length - i;
    return this.heldBytes >= SNIFF_BYTES || final ? ascii + this.release(final) : ascii;
  }

  /**
   * Decides the encoding from `bytes`, which start at the file's first non-ASCII byte: the one that decodes them all,
   * UTF-8 first. When neither does, the one that decodes more lines is taken and its first bad line reported; when
   * neither decodes even the first line, the encoding is unknown.
   */
  private detect(bytes: Uint8Array, final: boolean): string {
    const window = bytes.length > SNIFF_BYTES ? bytes.subarray(0, SNIFF_BYTES) : bytes;
    const last = final && window.length === bytes.length;
    let encoding: TextEncodingName | undefined = decodes(window, 'utf-8', last) ? 'utf-8' : decodes(window, 'gb18030', last) ? 'gb18030' : undefined;
    if (encoding === undefined) {
      const utf8 = this.firstBadLine(window, 'utf-8', last, EMPTY);
      const gb = this.firstBadLine(window, 'gb18030', last, EMPTY);
      const best = gb.line > utf8.line ? gb : utf8;
      if (best.line === this.line) {
        this.fail('FILE_ENCODING_UNKNOWN', best.line,
          `第 ${best.line} 行：文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本；请将文件另存为 UTF-8`,
          `line ${best.line}: the file is neither UTF-8 nor GB18030 (GBK) text; save it as UTF-8`);
        return '';
      }
      encoding = best === gb ? 'gb18030' : 'utf-8';
      this.detected = true;
      this.encoding = encoding;
      this.invalid(best.line, best.bytes);
      return '';
    }
    this.detected = true;
    this.start(encoding);
    return this.decode(bytes);
  }

  /** Decodes with the chosen encoding, counting lines so that a problem names its line. */
  private decode(bytes: Uint8Array): string {
    if (!this.noNul(bytes)) return '';
    const decoder = this.decoder!;
    const lastBreak = Math.max(bytes.lastIndexOf(LF), bytes.lastIndexOf(CR));
    if (lastBreak < 0) {
      // No line break: every byte, and any held from the previous chunk, is on the current line.
      try {
        const text = decoder.decode(bytes, { stream: true });
        if (bytes.length > 0) {
          this.prevCr = false;
          this.before = concat([this.before, bytes.subarray(Math.max(0, bytes.length - 3))], this.before.length + Math.min(3, bytes.length)).slice(-3);
        }
        return text;
      } catch {
        this.invalid(this.line, bytes);
        return '';
      }
    }
    const head = bytes.subarray(0, lastBreak + 1);
    const tail = bytes.subarray(lastBreak + 1);
    let text: string;
    try {
      text = decoder.decode(head, { stream: true });
    } catch {
      const bad = this.firstBadLine(head, this.encoding!, false, this.before);
      this.invalid(bad.line, bad.bytes);
      return '';
    }
    this.count(head);
    try {
      text += decoder.decode(tail, { stream: true });
    } catch {
      this.invalid(this.line, tail);
      return '';
    }
    if (tail.length > 0) this.prevCr = false;
    // After a line break the decoder holds nothing; after the tail it may hold the start of a character.
    this.before = tail.length === 0 ? EMPTY : tail.slice(-3);
    return text;
  }

  /**
   * The first line of `bytes` (which start on the current line) that is not `encoding`, and its bytes. Each line
   * after the first starts on a character boundary, so it is decoded alone. The first line may continue a character
   * whose first bytes the decoder holds: `before` are the last (at most 3) bytes fed before, and the first line is
   * bad only if it decodes after none of their suffixes (one of them is what the decoder holds); when every line
   * seems to decode, the problem is on the first. `final`: the bytes end the file (else a character cut at their end
   * is allowed).
   */
  private firstBadLine(bytes: Uint8Array, encoding: TextEncodingName, final: boolean, before: Uint8Array): { readonly line: number; readonly bytes: Uint8Array } {
    const bad = (piece: Uint8Array, first: boolean, last: boolean): boolean => {
      if (!first) return !decodes(piece, encoding, last ? final : true);
      for (let k = 0; k <= before.length; k++) {
        if (decodes(concat([before.subarray(before.length - k), piece], k + piece.length), encoding, last ? final : true)) return false;
      }
      return true;
    };
    let line = this.line;
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b !== LF && b !== CR) continue;
      const piece = bytes.subarray(start, i + 1);
      if (bad(piece, start === 0, false)) return { line, bytes: piece };
      // The LF of a CRLF ends no new line.
      if (!(b === LF && (i === 0 ? this.prevCr : bytes[i - 1] === CR))) line++;
      start = i + 1;
    }
    const rest = bytes.subarray(start);
    if (rest.length > 0 && bad(rest, start === 0, true)) return { line, bytes: rest };
    return { line: this.line, bytes };
  }

  /** Reports that line `line` is not in the chosen encoding (`bytes`: that line's bytes, to name the bad byte). */
  private invalid(line: number, bytes: Uint8Array | undefined): void {
    const encoding = this.encoding!;
    const how = this.detected
      ? [`按文件开头判定编码为 ${label(encoding)}，此行却不是；文件可能混用了编码，请统一另存为一种编码，或指定编码（命令行 --encoding）`,
        `the file's encoding was taken as ${label(encoding)} from its first bytes, but this line is not; the file may mix encodings: save it in one, or force the encoding (--encoding on the command line)`]
      : [`已指定按 ${label(encoding)} 读取`, `the file was to be read as ${label(encoding)}`];
    let what = [`不是有效的 ${label(encoding)} 文本`, `not valid ${label(encoding)} text`];
    if (encoding === 'utf-8' && bytes !== undefined) {
      const at = badUtf8At(bytes);
      if (at >= 0 && at < bytes.length) what = [`字节 ${hex(bytes[at]!)} 不是 UTF-8`, `byte ${hex(bytes[at]!)} is not UTF-8`];
    }
    this.fail(encoding === 'utf-8' ? 'FILE_NOT_UTF8' : 'FILE_NOT_GB18030', line, `第 ${line} 行：${what[0]}（${how[0]}）`, `line ${line}: ${what[1]} (${how[1]})`);
  }

  /** Refuses a NUL byte anywhere in the file (`FILE_BINARY`, with its line). */
  private noNul(bytes: Uint8Array): boolean {
    const at = bytes.indexOf(0);
    if (at < 0) return true;
    const line = this.line + countBreaks(bytes.subarray(0, at), this.prevCr);
    this.fail('FILE_BINARY', line, `第 ${line} 行：出现 NUL 字节，这不是文本文件`, `line ${line}: a NUL byte: this is not a text file`);
    return false;
  }

  private count(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.line += countBreaks(bytes, this.prevCr);
    this.prevCr = bytes[bytes.length - 1] === CR;
  }

  private fail(code: DecodeProblem['code'], line: number, messageZh: string, messageEn: string): void {
    this.mode = Mode.Failed;
    this.held = [];
    this.heldBytes = 0;
    this.report({ line, code, messageZh, messageEn });
  }
}
