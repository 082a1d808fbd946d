// Builds small .xlsx workbooks in tests (and the benchmark): the XML parts are written here, zipped with fflate
// (DEFLATE) or by hand (any flags, sizes and offsets, to build hostile zips).
import { deflateSync, zipSync } from 'fflate';

/** A cell: text (shared or inline, see `inlineStrings`), a number, a boolean, or a tagged form. */
export type Cell =
  | undefined
  | null
  | string
  | number
  | boolean
  | { readonly date: number; readonly style?: number }
  | { readonly inline: string }
  | { readonly str: string }
  | { readonly error: string }
  | { readonly formula: string; readonly value?: number }
  | { readonly raw: string };

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly hidden?: boolean;
  readonly merges?: readonly string[];
  /** Row number of the first row (default 1). */
  readonly firstRow?: number;
  /** Leave out the `r` attributes of rows and cells. */
  readonly noRefs?: boolean;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly date1904?: boolean;
  /** Write text cells as inline strings instead of shared strings. */
  readonly inlineStrings?: boolean;
}

/** Cell formats (the `s` attribute) of the styles written by {@link workbookParts}. */
export const STYLE = {
  general: 0,
  /** built-in 14, m/d/yyyy */
  date: 1,
  /** custom 164, yyyy"年"m"月"d"日" */
  chineseDate: 2,
  /** built-in 22, m/d/yyyy h:mm */
  dateTime: 3,
  /** custom 165, 0.00 */
  decimal: 4,
  /** built-in 31 (yyyy"年"m"月"d"日" in Chinese Excel) */
  builtInChineseDate: 5,
  /** built-in 20, h:mm */
  time: 6,
  /** custom 166, [Red]#,##0.00;"E"0 — a number format with letters */
  redNumber: 7,
} as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="[Red]#,##0.00;&quot;E&quot;0"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>
<cellXfs count="8"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" xfId="0" applyNumberFormat="1"/><xf numFmtId="20" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function space(text: string): string {
  return /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
}

/** The XML parts of a workbook (part name → text). */
export function workbookParts(spec: WorkbookSpec): Record<string, string> {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const share = (text: string): number => {
    let i = sharedIndex.get(text);
    if (i === undefined) {
      i = shared.length;
      shared.push(text);
      sharedIndex.set(text, i);
    }
    return i;
  };
  const parts: Record<string, string> = {};
  spec.sheets.forEach((sheet, index) => {
    const out: string[] = [];
    sheet.rows.forEach((cells, r) => {
      const rowNumber = (sheet.firstRow ?? 1) + r;
      const row: string[] = [];
      cells.forEach((cell, c) => {
        if (cell === undefined) return;
        const ref = sheet.noRefs === true ? '' : ` r="${columnLetters(c + 1)}${rowNumber}"`;
        if (cell === null) row.push(`<c${ref} s="0"/>`);
        else if (typeof cell === 'string') {
          if (spec.inlineStrings === true) row.push(`<c${ref} t="inlineStr"><is><t${space(cell)}>${escapeXml(cell)}</t></is></c>`);
          else row.push(`<c${ref} t="s"><v>${share(cell)}</v></c>`);
        } else if (typeof cell === 'number') row.push(`<c${ref}><v>${cell}</v></c>`);
        else if (typeof cell === 'boolean') row.push(`<c${ref} t="b"><v>${cell ? 1 : 0}</v></c>`);
        else if ('date' in cell) row.push(`<c${ref} s="${cell.style ?? STYLE.date}"><v>${cell.date}</v></c>`);
        else if ('inline' in cell) row.push(`<c${ref} t="inlineStr"><is><t${space(cell.inline)}>${escapeXml(cell.inline)}</t></is></c>`);
        else if ('str' in cell) row.push(`<c${ref} t="str"><f>"x"</f><v>${escapeXml(cell.str)}</v></c>`);
        else if ('error' in cell) row.push(`<c${ref} t="e"><f>1/0</f><v>${escapeXml(cell.error)}</v></c>`);
        else if ('formula' in cell) row.push(`<c${ref}><f>${escapeXml(cell.formula)}</f>${cell.value === undefined ? '' : `<v>${cell.value}</v>`}</c>`);
        else row.push(cell.raw.replace('{ref}', ref));
      });
      out.push(`<row${sheet.noRefs === true ? '' : ` r="${rowNumber}"`}>${row.join('')}</row>`);
    });
    const merges = sheet.merges === undefined ? '' : `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    parts[`xl/worksheets/sheet${index + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetData>${out.join('')}</sheetData>${merges}</worksheet>`;
  });
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheets = spec.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden === true ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`)
    .join('');
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${spec.date1904 === true ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`;
  const n = spec.sheets.length;
  const rels = spec.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  if (spec.inlineStrings !== true) {
    rels.push(`<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => `<si><t${space(t)}>${escapeXml(t)}</t></si>`).join('')}</sst>`;
  }
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  parts['xl/styles.xml'] = STYLES;
  return parts;
}

const encoder = new TextEncoder();

/** Zips parts with fflate (DEFLATE, or stored with `level: 0`). */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) files[name] = typeof text === 'string' ? encoder.encode(text) : text;
  return zipSync(files, { level });
}

/** A workbook from a spec. */
export function xlsx(spec: WorkbookSpec, level: 0 | 6 = 6): Uint8Array {
  return zipParts(workbookParts(spec), level);
}

/** One entry of a hand-built zip; every field of the headers may be overridden. */
export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 store (default) or 8 deflate (the data is deflated here). */
  readonly method?: number | undefined;
  readonly flags?: number | undefined;
  /** Sizes and CRC written in the headers (default: the true ones). */
  readonly size?: number | undefined;
  readonly compressedSize?: number | undefined;
  readonly crc?: number | undefined;
  /** Central directory local-header offset (default: the true one). */
  readonly offset?: number | undefined;
  /** Write the data as given even for method 8 (already compressed). */
  readonly raw?: boolean | undefined;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (let i = 0; i < bytes.length; i++) {
    c ^= bytes[i]!;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** A zip written byte by byte, for hostile cases. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const plain = typeof e.data === 'string' ? encoder.encode(e.data) : e.data;
    const method = e.method ?? 0;
    const body = method === 8 && e.raw !== true ? deflateSync(plain) : plain;
    const name = encoder.encode(e.name);
    const crc = e.crc ?? crc32(plain);
    const size = e.size ?? plain.length;
    const compressed = e.compressedSize ?? body.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, e.flags ?? 0, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, compressed, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, body);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, e.flags ?? 0, true);
    cd.setUint16(10, method, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, compressed, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, e.offset ?? offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The parts of `spec` as raw stored entries, with `replace` overriding or adding parts (null removes one). */
export function rawWorkbook(spec: WorkbookSpec, replace: Readonly<Record<string, string | Uint8Array | null>> = {}): Uint8Array {
  const parts: Record<string, string | Uint8Array | null> = { ...workbookParts(spec), ...replace };
  return rawZip(Object.entries(parts).flatMap(([name, data]) => (data === null ? [] : [{ name, data, method: 8 }])));
}
