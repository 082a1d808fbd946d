/**
 * What the first bytes of a file say it is, before any decoding: a spreadsheet (ZIP — an `.xlsx` workbook is one —
 * or the OLE2 container of a legacy `.xls`), text in an encoding the readers do not take (UTF-16, UTF-32), or a
 * well-known binary format. Anything else is looked at as text by `text-decoding.ts`.
 */

/**
 * The kinds told apart by {@link fileSignature}: `zip` (an `.xlsx` workbook, or any ZIP archive), `ole2` (a legacy
 * `.xls` workbook), `utf-16` / `utf-32` (text with such a byte-order mark), `binary` (a known binary format), and
 * `text` (none of these: to be decoded as UTF-8 or GB18030).
 */
export type FileKind = 'text' | 'zip' | 'ole2' | 'utf-16' | 'utf-32' | 'binary';

/** A recognised file signature, with the name of the format in both languages. */
export interface FileSignature {
  readonly kind: Exclude<FileKind, 'text'>;
  readonly nameZh: string;
  readonly nameEn: string;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

const ZIP = { kind: 'zip', nameZh: 'ZIP 压缩文件（如 Excel .xlsx 工作簿）', nameEn: 'a ZIP archive (such as an Excel .xlsx workbook)' } as const;

/**
 * The signature of a file from its first bytes (at least 8 are needed to recognise every format), or `undefined`
 * when the bytes may be text.
 *
 * @example
 * ```ts
 * console.log(fileSignature(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))?.kind); // 'zip'
 * ```
 */
export function fileSignature(bytes: Uint8Array): FileSignature | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])) return ZIP;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { kind: 'ole2', nameZh: 'Excel 97–2003 工作簿（.xls）或其他 OLE2 文档', nameEn: 'an Excel 97–2003 workbook (.xls) or another OLE2 document' };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { kind: 'utf-32', nameZh: 'UTF-32 编码的文本', nameEn: 'UTF-32 text' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { kind: 'utf-16', nameZh: 'UTF-16 编码的文本（如 Excel 的“Unicode 文本”）', nameEn: 'UTF-16 text (such as Excel\'s "Unicode text")' };
  }
  const binary = (zh: string, en: string): FileSignature => ({ kind: 'binary', nameZh: zh, nameEn: en });
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return binary('PNG 图片', 'a PNG image');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return binary('JPEG 图片', 'a JPEG image');
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return binary('GIF 图片', 'a GIF image');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return binary('PDF 文档', 'a PDF document');
  if (startsWith(bytes, [0x1f, 0x8b])) return binary('gzip 压缩文件', 'a gzip archive');
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return binary('7z 压缩文件', 'a 7z archive');
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return binary('RAR 压缩文件', 'a RAR archive');
  if (startsWith(bytes, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66])) return binary('SQLite 数据库', 'an SQLite database');
  return undefined;
}
