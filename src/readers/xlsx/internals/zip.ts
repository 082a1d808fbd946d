/**
 * A strict reader of the zip container of a workbook. The central directory is parsed here (not by a library),
 * so every size, offset and flag is checked against the file and the limits before a byte is inflated; only
 * raw DEFLATE data is handed to fflate, a slice at a time, and its output is counted, checked against the size
 * the directory declares and the CRC-32, and passed on as it comes — never collected unless the caller keeps it.
 *
 * Refused: encrypted entries (`XLSX_ENCRYPTED`); compression other than store and DEFLATE, overlapping or
 * out-of-bounds entries, names repeated (case-insensitively, as OPC part names compare), a local header that
 * disagrees with the directory, a wrong CRC or size (`XLSX_INVALID`); more entries, bytes or compression than
 * the limits allow (`XLSX_TOO_LARGE`).
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32.js';
import { invalid, quote, xlsxError } from './errors.js';
import type { XlsxLimits } from './limits.js';

/** One entry of the central directory, checked. */
export interface ZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where its data starts (after the local header). */
  readonly dataStart: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;

/** Compressed bytes handed to the inflater at a time: its output per step is at most about 1032 times this. */
const INFLATE_SLICE = 16 * 1024;
/** Stored data is passed on in slices of this many bytes. */
const STORED_SLICE = 1 << 20;
/** Entries up to this size may have any compression ratio (small parts of repeated markup compress well). */
const RATIO_FREE_BYTES = 1 << 20;

const ZIP = 'zip';

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** An unsigned 64-bit field, or -1 when it is beyond 2^53 (no workbook is that large). */
function u64(b: Uint8Array, at: number): number {
  const high = u32(b, at + 4);
  return high >= 0x200000 ? -1 : high * 0x100000000 + u32(b, at);
}

const utf8Names = new TextDecoder('utf-8', { fatal: false });

/** The central directory of a zip, checked, and the inflation of its entries within the limits. */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private uncompressed = 0;
  private held = 0;

  constructor(private readonly bytes: Uint8Array, private readonly limits: XlsxLimits) {
    const b = bytes;
    const end = findEnd(b);
    let count = u16(b, end + 10);
    let cdSize = u32(b, end + 12);
    let cdOffset = u32(b, end + 16);
    let cdLimit = end;
    if (u16(b, end + 4) !== 0 || u16(b, end + 6) !== 0 || u16(b, end + 8) !== count) {
      throw invalid(ZIP, '分卷（多磁盘）压缩包不受支持', 'is a multi-volume archive, which is not supported');
    }
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the locator sits right before the end record and points at the ZIP64 end record.
      const locator = end - 20;
      if (locator < 0 || u32(b, locator) !== SIG_LOCATOR64) throw invalid(ZIP, '缺少 ZIP64 定位记录', 'lacks its ZIP64 locator');
      const at = u64(b, locator + 8);
      if (at < 0 || at + 56 > locator || u32(b, at) !== SIG_END64) throw invalid(ZIP, '的 ZIP64 结束记录无效', 'has an invalid ZIP64 end record');
      const entries = u64(b, at + 32);
      count = entries < 0 || entries > this.limits.entries ? this.limits.entries + 1 : entries;
      cdSize = u64(b, at + 40);
      cdOffset = u64(b, at + 48);
      cdLimit = at;
    }
    if (count > this.limits.entries) {
      throw xlsxError('XLSX_TOO_LARGE', `压缩包有 ${count} 个条目，超过上限 ${this.limits.entries}`, `the zip has ${count} entries, more than the limit of ${this.limits.entries}`);
    }
    if (cdSize < 0 || cdOffset < 0 || cdOffset + cdSize > cdLimit) throw invalid(ZIP, '的中央目录超出文件范围', 'has a central directory outside the file');
    const spans: [number, number][] = [];
    let at = cdOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cdOffset + cdSize || u32(b, at) !== SIG_CENTRAL) throw invalid(ZIP, '的中央目录记录无效', 'has an invalid central directory record');
      const flags = u16(b, at + 8);
      const method = u16(b, at + 10);
      const crc = u32(b, at + 16);
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      const next = at + 46 + nameLength + extraLength + commentLength;
      if (next > cdOffset + cdSize) throw invalid(ZIP, '的中央目录记录超出目录范围', 'has a central directory record past the directory');
      const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
      const name = utf8Names.decode(nameBytes);
      if ((flags & 0x41) !== 0 || method === 99) {
        throw xlsxError('XLSX_ENCRYPTED', `工作簿已加密（条目 ${quote(name)}）：请取消密码后另存为 .xlsx`, `the workbook is encrypted (entry ${quote(name)}): remove the password and save it as .xlsx again`);
      }
      let compressedSize = u32(b, at + 20);
      let size = u32(b, at + 24);
      let localOffset = u32(b, at + 42);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        const wide = zip64Fields(b, at + 46 + nameLength, extraLength, size === 0xffffffff, compressedSize === 0xffffffff, localOffset === 0xffffffff);
        if (wide === undefined) throw invalid(ZIP, `的条目 ${quote(name)} 缺少 ZIP64 扩展字段`, `entry ${quote(name)} lacks its ZIP64 extra field`);
        if (size === 0xffffffff) size = wide.shift()!;
        if (compressedSize === 0xffffffff) compressedSize = wide.shift()!;
        if (localOffset === 0xffffffff) localOffset = wide.shift()!;
        if (size < 0 || compressedSize < 0 || localOffset < 0) throw invalid(ZIP, `的条目 ${quote(name)} 大小无效`, `entry ${quote(name)} has an invalid size`);
      }
      at = next;
      if (name.endsWith('/')) continue; // a folder
      if (method !== 0 && method !== 8) {
        throw invalid(ZIP, `的条目 ${quote(name)} 使用不支持的压缩方法 ${method}`, `entry ${quote(name)} uses compression method ${method}, which is not supported`);
      }
      // The local header must agree with the directory; the data must lie between it and the directory.
      if (localOffset + 30 > cdOffset || u32(b, localOffset) !== SIG_LOCAL) throw invalid(ZIP, `的条目 ${quote(name)} 本地文件头无效`, `entry ${quote(name)} has an invalid local header`);
      const localNameLength = u16(b, localOffset + 26);
      const dataStart = localOffset + 30 + localNameLength + u16(b, localOffset + 28);
      if (localNameLength !== nameLength || !sameBytes(b.subarray(localOffset + 30, localOffset + 30 + nameLength), nameBytes)) {
        throw invalid(ZIP, `的条目 ${quote(name)} 本地文件头与中央目录不一致`, `entry ${quote(name)} has a local header that disagrees with the central directory`);
      }
      if (dataStart + compressedSize > cdOffset) throw invalid(ZIP, `的条目 ${quote(name)} 数据超出范围`, `entry ${quote(name)} has data past its bounds`);
      if (method === 0 && compressedSize !== size) throw invalid(ZIP, `的条目 ${quote(name)} 大小不一致`, `entry ${quote(name)} has inconsistent sizes`);
      const key = name.toLowerCase();
      if (this.entries.has(key)) throw invalid(ZIP, `有重复的条目 ${quote(name)}`, `has the entry ${quote(name)} twice`);
      this.entries.set(key, { name, method, crc, compressedSize, size, dataStart });
      spans.push([localOffset, dataStart + compressedSize]);
    }
    // Overlapping entries (one compressed stream shared by many names) are a known zip-bomb construction.
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i]![0] < spans[i - 1]![1]) throw invalid(ZIP, '的条目相互重叠', 'has overlapping entries');
    }
  }

  /** The entry named `name` (compared case-insensitively), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /**
   * The uncompressed bytes of `entry`, a slice at a time (each slice is inflated only when the previous one has
   * been taken). `held`: the caller keeps what it reads (counted against the held limit as well as the total).
   */
  *read(entry: ZipEntry, held: boolean): Generator<Uint8Array, void, undefined> {
    const { limits } = this;
    const mib = (n: number): string => `${Math.round((n / 1_048_576) * 10) / 10} MiB`;
    if (entry.size > limits.uncompressedBytes - this.uncompressed) {
      throw xlsxError(
        'XLSX_TOO_LARGE',
        `工作簿解压后超过 ${mib(limits.uncompressedBytes)}（条目 ${quote(entry.name)} 为 ${mib(entry.size)}）`,
        `the workbook is larger than ${mib(limits.uncompressedBytes)} uncompressed (entry ${quote(entry.name)} is ${mib(entry.size)})`,
      );
    }
    if (held && entry.size > limits.heldBytes - this.held) {
      throw xlsxError(
        'XLSX_TOO_LARGE',
        `工作簿中须整体读入的部分（工作簿、关系、样式、共享字符串）解压后超过 ${mib(limits.heldBytes)}（条目 ${quote(entry.name)}）`,
        `the parts of the workbook held in memory (workbook, relationships, styles, shared strings) are larger than ${mib(limits.heldBytes)} uncompressed (entry ${quote(entry.name)})`,
      );
    }
    if (entry.size > RATIO_FREE_BYTES && entry.size > limits.ratio * entry.compressedSize) {
      throw xlsxError(
        'XLSX_TOO_LARGE',
        `条目 ${quote(entry.name)} 的压缩比超过 ${limits.ratio}:1（疑似压缩炸弹）`,
        `entry ${quote(entry.name)} is compressed more than ${limits.ratio}:1 (a suspected zip bomb)`,
      );
    }
    this.uncompressed += entry.size;
    if (held) this.held += entry.size;
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const tooBig = (): Error => invalid(ZIP, `的条目 ${quote(entry.name)} 解压后大于声明的大小`, `entry ${quote(entry.name)} inflates to more than its declared size`);
    let crc = 0;
    let produced = 0;
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += STORED_SLICE) {
        const chunk = data.subarray(i, i + STORED_SLICE);
        crc = crc32(chunk, crc);
        yield chunk;
      }
      produced = data.length;
    } else {
      let out: Uint8Array[] = [];
      let overflow = false;
      const inflater = new Inflate((chunk) => {
        produced += chunk.length;
        if (produced > entry.size) overflow = true;
        else if (chunk.length > 0) out.push(chunk);
      });
      const push = (slice: Uint8Array, final: boolean): void => {
        try {
          inflater.push(slice, final);
        } catch {
          throw invalid(ZIP, `的条目 ${quote(entry.name)} 压缩数据已损坏`, `entry ${quote(entry.name)} has corrupt compressed data`);
        }
        if (overflow) throw tooBig();
      };
      if (data.length === 0) push(data, true);
      for (let i = 0; i < data.length; i += INFLATE_SLICE) {
        push(data.subarray(i, i + INFLATE_SLICE), i + INFLATE_SLICE >= data.length);
        const ready = out;
        out = [];
        for (const chunk of ready) {
          crc = crc32(chunk, crc);
          yield chunk;
        }
      }
    }
    if (produced !== entry.size) throw invalid(ZIP, `的条目 ${quote(entry.name)} 解压后大小与声明不符`, `entry ${quote(entry.name)} does not inflate to its declared size`);
    if (crc !== entry.crc) throw invalid(ZIP, `的条目 ${quote(entry.name)} 校验和（CRC-32）不符`, `entry ${quote(entry.name)} fails its CRC-32 check`);
  }
}

/** The offset of the end-of-central-directory record: the last one whose comment reaches exactly the end. */
function findEnd(b: Uint8Array): number {
  const last = b.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (b[at] === 0x50 && u32(b, at) === SIG_END && at + 22 + u16(b, at + 20) === b.length) return at;
  }
  throw invalid(ZIP, '没有中央目录结束记录（文件不完整或不是 zip）', 'has no end of central directory record (the file is cut short or not a zip)');
}

/** The 64-bit values of a ZIP64 extra field, in the order size, compressed size, offset (those asked for). */
function zip64Fields(b: Uint8Array, start: number, length: number, size: boolean, compressed: boolean, offset: boolean): number[] | undefined {
  const end = start + length;
  for (let at = start; at + 4 <= end; ) {
    const tag = u16(b, at);
    const n = u16(b, at + 2);
    if (at + 4 + n > end) return undefined;
    if (tag === 0x0001) {
      const wanted = Number(size) + Number(compressed) + Number(offset);
      if (n < wanted * 8) return undefined;
      const out: number[] = [];
      for (let i = 0; i < wanted; i++) out.push(u64(b, at + 4 + i * 8));
      return out;
    }
    at += 4 + n;
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
