/**
 * The parts of a workbook read before its sheet: the package relationships (`_rels/.rels`), the workbook
 * (`xl/workbook.xml`: sheet names, the date system), its relationships (`xl/_rels/workbook.xml.rels`), the
 * styles (`xl/styles.xml`: which cell formats are dates) and the shared strings (`xl/sharedStrings.xml`). Parts
 * are found through the relationships, as the package format says, not by their usual names. Nothing read
 * from the file becomes a key of a plain object: names and ids go into Maps and arrays.
 */
import { invalid, quote, xlsxError } from './errors.js';
import type { XlsxLimits } from './limits.js';
import { builtInKind, formatKind } from './number-format.js';
import { XmlReader, type XmlHandler } from './xml.js';
import type { ZipArchive } from './zip.js';

/** Decodes UTF-8 chunks of the XML of `part` into `handler`: `push` each chunk, then `end`. */
export function xmlFeed(part: string, handler: XmlHandler): { push(chunk: Uint8Array): void; end(): void } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const xml = new XmlReader(handler, part);
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw invalid(part, '不是 UTF-8 编码', 'is not UTF-8');
    }
  };
  return {
    push: (chunk) => xml.push(decode(chunk)),
    end: () => {
      xml.push(decode());
      xml.end();
    },
  };
}

/**
 * Most items of one kind in a part held in memory: relationships, sheets, custom number formats, cell formats
 * (Excel allows about 64,000 cell formats). Shared strings have their own bound.
 */
const MAX_PART_ITEMS = 65_536;
/** Most shared strings: 16,777,216 (an array of that many is 128 MiB of pointers). */
const MAX_SHARED_STRINGS = 16_777_216;

function tooMany(part: string, zh: string, en: string, max: number): Error {
  return xlsxError('XLSX_TOO_LARGE', `${part} 中的${zh}超过 ${max} 个`, `${part} has more than ${max} ${en}`);
}

/** Reads `chunks` of UTF-8 as the XML of `part` into `handler`. */
export function parseXml(chunks: Iterable<Uint8Array>, part: string, handler: XmlHandler): void {
  const feed = xmlFeed(part, handler);
  for (const chunk of chunks) feed.push(chunk);
  feed.end();
}

/** Reads the held part `path` (which must exist: `what` names it in the error) into `handler`. */
function parseHeld(zip: ZipArchive, path: string, whatZh: string, whatEn: string, handler: XmlHandler): void {
  const entry = zip.entry(path);
  if (entry === undefined) throw invalid(quote(path), `缺失（${whatZh}）`, `is missing (${whatEn})`);
  parseXml(zip.read(entry, true), path, handler);
}

/** Checks that the root element of a part is `expected`. */
function rootCheck(part: string, expected: string): (name: string, depth: number) => void {
  return (name, depth) => {
    if (depth === 0 && name !== expected) throw invalid(part, `的根元素是 ${quote(name)}，应为 ${quote(expected)}`, `has root element ${quote(name)} instead of ${quote(expected)}`);
  };
}

/** The value of attribute `name` in `[name, value, …]`. */
export function attribute(attributes: readonly string[], name: string): string | undefined {
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

/** One relationship of a part. */
interface Relationship {
  readonly type: string;
  /** The part it points to, resolved to a zip entry name; undefined for an external target. */
  readonly target: string | undefined;
}

/** The folder of a part name (`xl/workbook.xml` → `xl/`). */
function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

/** Resolves a relationship target against its source part into a zip entry name, or undefined when it leaves the package. */
function resolve(source: string, target: string): string | undefined {
  let path = target;
  if (path.indexOf('%') >= 0) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return undefined;
    }
  }
  path = path.startsWith('/') ? path.slice(1) : folderOf(source) + path;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

/** The relationships part of `source` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
function relsOf(source: string): string {
  const folder = folderOf(source);
  return `${folder}_rels/${source.slice(folder.length)}.rels`;
}

/** The relationships of `source`, by id; the part must exist. */
function readRelationships(zip: ZipArchive, source: string): Map<string, Relationship> {
  const part = relsOf(source);
  const out = new Map<string, Relationship>();
  const check = rootCheck(part, 'Relationships');
  let depth = 0;
  parseHeld(zip, part, '关系', 'relationships', {
    open(name, attributes) {
      check(name, depth);
      if (depth === 1 && name === 'Relationship') {
        const id = attribute(attributes, 'Id');
        const type = attribute(attributes, 'Type');
        const target = attribute(attributes, 'Target');
        if (id === undefined || type === undefined || target === undefined) throw invalid(part, '的关系缺少 Id、Type 或 Target', 'has a relationship without Id, Type or Target');
        if (out.has(id)) throw invalid(part, `重复关系 Id ${quote(id)}`, `repeats relationship Id ${quote(id)}`);
        if (out.size >= MAX_PART_ITEMS) throw tooMany(part, '关系', 'relationships', MAX_PART_ITEMS);
        const external = attribute(attributes, 'TargetMode') === 'External';
        out.set(id, { type, target: external ? undefined : resolve(source === '' ? '/' : source, target) });
      }
      depth++;
    },
    close() {
      depth--;
    },
    text() {},
  });
  return out;
}

/** The first relationship of one of `types` (by the last segment of the type URI, which both OOXML namespaces share). */
function relationshipOf(relationships: Map<string, Relationship>, type: string): Relationship | undefined {
  for (const relationship of relationships.values()) if (relationship.type.endsWith(`/${type}`)) return relationship;
  return undefined;
}

/** One sheet of the workbook, in workbook order. */
export interface SheetInfo {
  readonly name: string;
  readonly hidden: boolean;
  /** Zip entry of the sheet XML; undefined when the sheet is not a worksheet (a chart sheet …). */
  readonly part: string | undefined;
}

/** What the sheet reader needs from the rest of the workbook. */
export interface WorkbookInfo {
  readonly sheets: readonly SheetInfo[];
  readonly date1904: boolean;
  /** Number kind of each cell format (`s` attribute of a cell), by index. */
  readonly formats: Uint8Array;
  /** Shared strings by index; `null` for one longer than the cell limit. */
  readonly strings: readonly (string | null)[];
}

/** Reads everything but the sheet. */
export function readWorkbook(zip: ZipArchive, limits: XlsxLimits): WorkbookInfo {
  const main = relationshipOf(readRelationships(zip, ''), 'officeDocument');
  if (main?.target === undefined) throw invalid('_rels/.rels', '没有指向工作簿的关系（不是 .xlsx 工作簿）', 'has no relationship to a workbook (not an .xlsx workbook)');
  const workbookPart = main.target;
  if (workbookPart.toLowerCase().endsWith('.bin')) {
    throw xlsxError('XLSX_INVALID', '这是二进制工作簿（.xlsb），不受支持：请另存为 .xlsx', 'this is a binary workbook (.xlsb), which is not supported: save it as .xlsx');
  }
  const relationships = readRelationships(zip, workbookPart);
  const sheets: SheetInfo[] = [];
  const names = new Set<string>();
  let date1904 = false;
  const check = rootCheck(workbookPart, 'workbook');
  const path: string[] = [];
  parseHeld(zip, workbookPart, '工作簿', 'the workbook', {
    open(name, attributes) {
      check(name, path.length);
      if (path.length === 1 && name === 'workbookPr') {
        const flag = attribute(attributes, 'date1904');
        if (flag === '1' || flag === 'true') date1904 = true;
        else if (flag !== undefined && flag !== '0' && flag !== 'false') throw invalid(workbookPart, `的 date1904 值无效：${quote(flag)}`, `has an invalid date1904 value ${quote(flag)}`);
      }
      if (path.length === 2 && path[1] === 'sheets' && name === 'sheet') {
        const sheetName = attribute(attributes, 'name');
        const id = attribute(attributes, 'id');
        if (sheetName === undefined || id === undefined) throw invalid(workbookPart, '的工作表缺少名称或关系 Id', 'has a sheet without a name or relationship id');
        if (sheets.length >= MAX_PART_ITEMS) throw tooMany(workbookPart, '工作表', 'sheets', MAX_PART_ITEMS);
        if (names.has(sheetName.toLowerCase())) throw invalid(workbookPart, `有重名的工作表 ${quote(sheetName)}`, `has two sheets named ${quote(sheetName)}`);
        names.add(sheetName.toLowerCase());
        const relationship = relationships.get(id);
        if (relationship === undefined) throw invalid(workbookPart, `的工作表 ${quote(sheetName)} 指向不存在的关系 ${quote(id)}`, `has sheet ${quote(sheetName)} pointing to the missing relationship ${quote(id)}`);
        const state = attribute(attributes, 'state');
        const worksheet = relationship.type.endsWith('/worksheet');
        sheets.push({ name: sheetName, hidden: state === 'hidden' || state === 'veryHidden', part: worksheet ? relationship.target : undefined });
      }
      path.push(name);
    },
    close() {
      path.pop();
    },
    text() {},
  });
  if (sheets.length === 0) throw invalid(workbookPart, '没有工作表', 'has no sheets');
  const styles = relationshipOf(relationships, 'styles')?.target;
  const formats = styles === undefined ? new Uint8Array(0) : readStyles(zip, styles);
  const shared = relationshipOf(relationships, 'sharedStrings')?.target;
  const strings = shared === undefined ? [] : readSharedStrings(zip, shared, limits);
  return { sheets, date1904, formats, strings };
}

/** The number kind of each cell format (`cellXfs`) of the styles part. */
function readStyles(zip: ZipArchive, part: string): Uint8Array {
  const custom = new Map<number, number>();
  const xfs: number[] = [];
  const check = rootCheck(part, 'styleSheet');
  const path: string[] = [];
  const id = (attributes: readonly string[]): number => {
    const text = attribute(attributes, 'numFmtId') ?? '0';
    if (!/^\d{1,9}$/.test(text)) throw invalid(part, `的 numFmtId 无效：${quote(text)}`, `has an invalid numFmtId ${quote(text)}`);
    return Number(text);
  };
  parseHeld(zip, part, '样式', 'styles', {
    open(name, attributes) {
      check(name, path.length);
      if (path.length === 2 && path[1] === 'numFmts' && name === 'numFmt') {
        if (custom.size >= MAX_PART_ITEMS) throw tooMany(part, '数字格式', 'number formats', MAX_PART_ITEMS);
        custom.set(id(attributes), formatKind(attribute(attributes, 'formatCode') ?? ''));
      } else if (path.length === 2 && path[1] === 'cellXfs' && name === 'xf') {
        if (xfs.length >= MAX_PART_ITEMS) throw tooMany(part, '单元格格式', 'cell formats', MAX_PART_ITEMS);
        xfs.push(id(attributes));
      }
      path.push(name);
    },
    close() {
      path.pop();
    },
    text() {},
  });
  return Uint8Array.from(xfs, (n) => custom.get(n) ?? builtInKind(n));
}

/** Decodes the `_xHHHH_` escapes of an OOXML string (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` an underscore. */
export function unescapeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** UTF-8 length of `text` (a lone surrogate counts 3, as the replacement character it would become). */
export function utf8Bytes(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) ? 1 : 2;
  }
  return n;
}

/**
 * Collects the text of a rich or plain string (`<si>` of the shared strings, `<is>` of an inline string): the
 * `<t>` elements directly inside it or inside its runs `<r>`, never those of phonetic runs `<rPh>`. Stops
 * keeping text past the cell limit (then {@link StringCollector.value} is `null`).
 */
export class StringCollector {
  private text = '';
  private tooLong = false;
  /** Raw text may be up to 7 times longer than the cell limit (`_xHHHH_` escapes one character in 7). */
  private readonly rawLimit: number;
  /** Elements entered below the string's own element, by local name. */
  private readonly path: string[] = [];
  collecting = false;

  constructor(private readonly cellBytes: number) {
    this.rawLimit = cellBytes * 7;
  }

  reset(): void {
    this.text = '';
    this.tooLong = false;
    this.path.length = 0;
    this.collecting = false;
  }

  open(name: string): void {
    const p = this.path;
    this.collecting = name === 't' && (p.length === 0 || (p.length === 1 && p[0] === 'r'));
    p.push(name);
  }

  close(): void {
    this.path.pop();
    this.collecting = false;
  }

  add(text: string): void {
    if (this.tooLong) return;
    if (this.text.length + text.length > this.rawLimit) {
      this.tooLong = true;
      this.text = '';
    } else this.text += text;
  }

  /** The string, or `null` when it is longer than the cell limit. */
  value(): string | null {
    if (this.tooLong) return null;
    const text = unescapeXstring(this.text);
    return text.length * 3 <= this.cellBytes || utf8Bytes(text) <= this.cellBytes ? text : null;
  }
}

/** The shared strings, in order; `null` for a string longer than the cell limit (reported where it is used). */
function readSharedStrings(zip: ZipArchive, part: string, limits: XlsxLimits): (string | null)[] {
  const strings: (string | null)[] = [];
  const collector = new StringCollector(limits.cellBytes);
  const check = rootCheck(part, 'sst');
  let depth = 0;
  let inItem = false;
  parseHeld(zip, part, '共享字符串', 'shared strings', {
    open(name) {
      check(name, depth);
      if (depth === 1) {
        // Items are <si>; anything else at this level (an extension list) is not a string.
        inItem = name === 'si';
        if (inItem && strings.length >= MAX_SHARED_STRINGS) throw tooMany(part, '共享字符串', 'shared strings', MAX_SHARED_STRINGS);
        if (inItem) collector.reset();
      } else if (depth >= 2 && inItem) collector.open(name);
      depth++;
    },
    close() {
      depth--;
      if (depth === 1 && inItem) strings.push(collector.value());
      else if (depth >= 2 && inItem) collector.close();
    },
    text(text) {
      if (collector.collecting) collector.add(text);
    },
  });
  return strings;
}
