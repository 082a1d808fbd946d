// Hostile and broken workbooks are refused with a coded problem, in bounded memory and time: zip bombs, huge
// sheets, entity expansion, missing parts, encryption, prototype keys.
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { XLSX_LIMITS, type XlsxLimits } from '../../src/readers/xlsx/internals/limits.js';
import { readSheet } from '../../src/readers/xlsx/internals/read.js';
import { xlsxFileRows, type XlsxProblem } from '../../src/readers/xlsx/index.js';
import { columnLetters, rawWorkbook, rawZip, workbookParts, xlsx, zipParts, type WorkbookSpec } from './xlsx-fixture.js';

function read(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}, sheet?: string | number) {
  const problems: XlsxProblem[] = [];
  const rows: unknown[] = [];
  for (const row of readSheet(bytes, sheet, { ...XLSX_LIMITS, ...limits }, (p) => problems.push(p))) rows.push(row.row);
  return { rows, problems, codes: problems.map((p) => p.code), en: problems.map((p) => p.messageEn).join(' | ') };
}

const spec: WorkbookSpec = { sheets: [{ name: 'S', rows: [['编号', '名称'], ['A', '示例一'], ['B', '示例二']] }] };
const parts = (): Record<string, string> => workbookParts(spec);
const SHEET = 'xl/worksheets/sheet1.xml';
const SHARED = 'xl/sharedStrings.xml';

describe('not a workbook, encrypted, or an old .xls', () => {
  it('an OLE compound file (encrypted .xlsx or .xls) is XLSX_ENCRYPTED', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const out = read(ole);
    expect(out.codes).toEqual(['XLSX_ENCRYPTED']);
    expect(out.problems[0]!.messageZh).toContain('加密');
    expect(out.en).toContain('old .xls');
  });

  it('an entry flagged as encrypted, or AES-compressed, is XLSX_ENCRYPTED', () => {
    const encrypted = rawZip(Object.entries(parts()).map(([name, data]) => ({ name, data, flags: name === SHEET ? 1 : 0 })));
    expect(read(encrypted).codes).toEqual(['XLSX_ENCRYPTED']);
    const aes = rawZip(Object.entries(parts()).map(([name, data]) => ({ name, data, method: name === SHEET ? 99 : 0, raw: true })));
    expect(read(aes).codes).toEqual(['XLSX_ENCRYPTED']);
  });

  it('text, an empty file, an empty zip, a cut zip are XLSX_INVALID', () => {
    const whole = xlsx(spec);
    for (const bytes of [new TextEncoder().encode('编号,名称\nA,x\n'), new Uint8Array(0), new Uint8Array([0x50, 0x4b, 5, 6, ...new Array<number>(18).fill(0)]), whole.subarray(0, whole.length - 30), whole.subarray(0, 200)]) {
      expect(read(bytes).codes).toEqual(['XLSX_INVALID']);
    }
  });

  it('a Word document, a binary workbook (.xlsb) and a chart sheet are refused by name', () => {
    const docx = zipParts({
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/_rels/document.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      'word/document.xml': '<w:document xmlns:w="x"/>',
    });
    expect(read(docx).en).toContain('root element "document"');
    const xlsb = zipParts({ ...parts(), '_rels/.rels': parts()['_rels/.rels']!.replace('xl/workbook.xml', 'xl/workbook.bin') });
    expect(read(xlsb).en).toContain('.xlsb');
    const chart = zipParts({ ...parts(), 'xl/_rels/workbook.xml.rels': parts()['xl/_rels/workbook.xml.rels']!.replace('relationships/worksheet', 'relationships/chartsheet') });
    expect(read(chart).codes).toEqual(['XLSX_SHEET_NOT_FOUND']);
  });
});

describe('zip bombs and the zip container', () => {
  it('refuses a declared size over the limit before inflating anything', () => {
    const liar = rawWorkbook(spec);
    // Claim 2 GiB − 1 for the sheet: refused from the directory alone.
    const claimed = rawZip(Object.entries(parts()).map(([name, data]) => ({ name, data, method: 8, size: name === SHEET ? 0x7fffffff : undefined })));
    expect(read(claimed).codes).toEqual(['XLSX_TOO_LARGE']);
    expect(read(liar, { uncompressedBytes: 1000 }).codes).toEqual(['XLSX_TOO_LARGE']);
  });

  it('refuses a compression ratio over the limit (a real bomb: 16 MiB of one byte)', () => {
    const bomb = new Uint8Array(16 * 1_048_576).fill(0x41);
    const deflated = deflateSync(bomb, { level: 9 });
    expect(bomb.length / deflated.length).toBeGreaterThan(250);
    const zip = rawZip([...Object.entries(parts()).map(([name, data]) => ({ name: name === SHEET ? 'xl/unused.xml' : name, data, method: 8 })), { name: SHEET, data: deflated, method: 8, raw: true, size: bomb.length, crc: 0 }]);
    const started = process.hrtime.bigint();
    const out = read(zip);
    expect(out.codes).toEqual(['XLSX_TOO_LARGE']);
    expect(out.en).toContain('250:1');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000); // nothing was inflated
  });

  it('stops inflating the moment the output passes a size that lies', () => {
    const big = new Uint8Array(4 * 1_048_576).fill(0x20);
    const deflated = deflateSync(big);
    const zip = rawZip([...Object.entries(parts()).filter(([name]) => name !== SHEET).map(([name, data]) => ({ name, data, method: 8 })), { name: SHEET, data: deflated, method: 8, raw: true, size: 1000 }]);
    const out = read(zip);
    expect(out.codes).toEqual(['XLSX_INVALID']);
    expect(out.en).toContain('more than its declared size');
  });

  it('counts the parts held in memory against their own limit', () => {
    expect(read(xlsx(spec), { heldBytes: 2000 }).en).toContain('held in memory');
  });

  it('bounds the items of the parts held in memory (cell formats, relationships, shared strings)', () => {
    const p = parts();
    p['xl/styles.xml'] = p['xl/styles.xml']!.replace('<cellXfs count="8">', `<cellXfs count="8">${'<xf/>'.repeat(65_536)}`);
    const out = read(zipParts(p));
    expect(out.codes).toEqual(['XLSX_TOO_LARGE']);
    expect(out.en).toContain('cell formats');
  });

  it('refuses too many entries, a file over the size limit, overlapping or repeated entries', () => {
    expect(read(xlsx(spec), { entries: 3 }).codes).toEqual(['XLSX_TOO_LARGE']);
    expect(read(xlsx(spec), { fileBytes: 100 }).codes).toEqual(['XLSX_TOO_LARGE']);
    const entries = Object.entries(parts()).map(([name, data]) => ({ name, data, method: 8 }));
    expect(read(rawZip([...entries, { ...entries[0]!, name: entries[0]!.name.toUpperCase() }])).en).toContain('twice');
    expect(read(rawZip(entries.map((e, i) => (i === 1 ? { ...e, offset: 0 } : e)))).codes).toEqual(['XLSX_INVALID']);
  });

  it('refuses corrupt data: a wrong CRC, an unknown method, broken DEFLATE data', () => {
    const entries = Object.entries(parts()).map(([name, data]) => ({ name, data, method: 8 }));
    expect(read(rawZip(entries.map((e) => (e.name === SHEET ? { ...e, crc: 1 } : e)))).en).toContain('CRC-32');
    expect(read(rawZip(entries.map((e) => (e.name === SHEET ? { ...e, method: 12, raw: true } : e)))).en).toContain('compression method 12');
    const garbage = new Uint8Array(64).fill(0xff);
    expect(read(rawZip(entries.map((e) => (e.name === SHEET ? { name: SHEET, data: garbage, method: 8, raw: true, size: 500 } : e)))).en).toContain('corrupt');
  });

  it('xlsxFileRows refuses a file over the limit without reading it', async () => {
    const problems: XlsxProblem[] = [];
    let reads = 0;
    const file = { size: XLSX_LIMITS.fileBytes + 1, read: async () => { reads++; return new Uint8Array(0); } };
    for await (const row of xlsxFileRows(file, (p) => problems.push(p))) expect(row).toBeUndefined();
    expect([reads, problems.map((p) => p.code)]).toEqual([0, ['XLSX_TOO_LARGE']]);
  });
});

describe('XML: no DOCTYPE, no entities, well-formed and bounded', () => {
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';

  it('refuses a DOCTYPE in any part (entity expansion, external entities)', () => {
    for (const part of [SHARED, SHEET, 'xl/workbook.xml', 'xl/styles.xml', '_rels/.rels']) {
      const p = parts();
      p[part] = laughs + p[part]!.replace(/^<\?xml[^>]*\?>\s*/, '');
      const out = read(zipParts(p));
      expect([part, out.codes]).toEqual([part, ['XLSX_INVALID']]);
      expect(out.en).toContain('DOCTYPE');
    }
    const external = parts();
    external[SHARED] = `<!DOCTYPE x SYSTEM "file:///etc/passwd">${external[SHARED]!.replace(/^<\?xml[^>]*\?>\s*/, '')}`;
    expect(read(zipParts(external)).en).toContain('DOCTYPE');
  });

  it('refuses undefined entities and references to non-characters', () => {
    for (const text of ['&lol;', '&#0;', '&#xD800;', '&#x110000;', '&amp', 'a & b']) {
      const p = parts();
      p[SHARED] = p[SHARED]!.replace('<t>示例一</t>', `<t>${text}</t>`);
      expect([text, read(zipParts(p)).codes]).toEqual([text, ['XLSX_INVALID']]);
    }
  });

  it('refuses malformed XML: mismatched or unclosed tags, two roots, text outside the root, unquoted attributes', () => {
    const broken = [
      (x: string) => x.replace('</sheetData>', '</sheetdata>'),
      (x: string) => x.replace('</worksheet>', ''),
      (x: string) => `${x}<worksheet/>`,
      (x: string) => `${x}text`,
      (x: string) => x.replace('r="1"', 'r=1'),
      (x: string) => x.replace('r="1"', 'r="1" r="1"'),
      (x: string) => x.replace('<sheetData>', '<sheetData><!ELEMENT x ANY>'),
      (x: string) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0" encoding="UTF-16"?>'),
      (x: string) => x.replace('<sheetData>', '<sheetData><?xml version="1.0"?>'),
    ];
    for (const change of broken) {
      const p = parts();
      p[SHEET] = change(p[SHEET]!);
      expect([change.toString(), read(zipParts(p)).codes]).toEqual([change.toString(), ['XLSX_INVALID']]);
    }
  });

  it('refuses bytes that are not UTF-8', () => {
    const p: Record<string, string | Uint8Array> = parts();
    const bytes = new TextEncoder().encode(p[SHEET] as string);
    const bad = new Uint8Array(bytes.length + 2);
    bad.set(bytes);
    bad.set([0xc3, 0x28], bytes.indexOf(0x3c, 100)); // an invalid two-byte sequence in the middle
    p[SHEET] = bad;
    expect(read(zipParts(p)).en).toContain('not UTF-8');
  });

  it('bounds nesting, tag length and attribute count', () => {
    const deep = parts();
    deep[SHEET] = deep[SHEET]!.replace('<sheetData>', `${'<a>'.repeat(100)}${'</a>'.repeat(100)}<sheetData>`);
    expect(read(zipParts(deep)).en).toContain('deep');
    const longTag = parts();
    longTag[SHEET] = longTag[SHEET]!.replace('<sheetData>', `<sheetData x="${'y'.repeat(70_000)}">`);
    expect(read(zipParts(longTag)).en).toContain('longer than');
    const many = parts();
    many[SHEET] = many[SHEET]!.replace('<sheetData>', `<sheetData ${Array.from({ length: 65 }, (_, i) => `a${i}="1"`).join(' ')}>`);
    expect(read(zipParts(many)).en).toContain('attributes');
  });
});

describe('missing and inconsistent parts', () => {
  it('names the missing part', () => {
    for (const part of ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', SHEET, SHARED, 'xl/styles.xml']) {
      const out = read(rawWorkbook(spec, { [part]: null }));
      expect([part, out.codes]).toEqual([part, ['XLSX_INVALID']]);
      expect(out.en).toContain(part);
    }
  });

  it('refuses references to missing shared strings, styles and relationships', () => {
    const p = parts();
    p[SHEET] = p[SHEET]!.replace('<v>0</v>', '<v>99</v>');
    expect(read(zipParts(p)).en).toContain('missing shared string');
    const s = parts();
    s[SHEET] = s[SHEET]!.replace('t="s"', 's="42" t="s"');
    expect(read(zipParts(s)).en).toContain('missing style');
    const w = parts();
    w['xl/workbook.xml'] = w['xl/workbook.xml']!.replace('r:id="rId1"', 'r:id="rId9"');
    expect(read(zipParts(w)).en).toContain('missing relationship');
  });

  it('refuses malformed cells: bad numbers, booleans, references, repeated or unordered cells and rows', () => {
    const cases: [string, string][] = [
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A2"><v>0x1A</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A2"><v>Infinity</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A2"><v>1 2</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A2" t="b"><v>yes</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A2" t="q"><v>1</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A2" t="d"><v>yesterday</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="A3" t="s"><v>2</v></c>'],
      ['<c r="A2" t="s"><v>2</v></c>', '<c r="2A" t="s"><v>2</v></c>'],
      ['<c r="B2" t="s"><v>3</v></c>', '<c r="A2" t="s"><v>3</v></c>'],
      ['<row r="3">', '<row r="2">'],
      ['<row r="3">', '<row r="x">'],
    ];
    for (const [from, to] of cases) {
      const p = parts();
      expect(p[SHEET]!.includes(from)).toBe(true);
      p[SHEET] = p[SHEET]!.replace(from, to);
      expect([to, read(zipParts(p)).codes]).toEqual([to, ['XLSX_INVALID']]);
    }
  });
});

describe('huge sheets', () => {
  it('refuses rows past the row limit, naming the row', () => {
    const rows = [['编号'], ...Array.from({ length: 10 }, (_, i) => [`E-${i}`])];
    const out = read(xlsx({ sheets: [{ name: 'S', rows }] }), { rows: 5 });
    expect(out.codes).toEqual(['XLSX_TOO_LARGE']);
    expect(out.problems[0]!.line).toBe(6);
    expect(out.rows).toHaveLength(4);
    expect(read(xlsx({ sheets: [{ name: 'S', firstRow: 2_000_001, rows: [['a']] }] })).codes).toEqual(['XLSX_TOO_LARGE']);
  });

  it('refuses a header past the column limit; values past it have no header', () => {
    const wide = Array.from({ length: 1025 }, (_, i) => `列${i + 1}`);
    expect(read(xlsx({ sheets: [{ name: 'S', rows: [wide, wide] }] })).codes).toEqual(['TOO_MANY_FIELDS']);
    const far = { raw: `<c r="${columnLetters(5000)}2" t="inlineStr"><is><t>x</t></is></c>` };
    const out = read(xlsx({ sheets: [{ name: 'S', rows: [['a'], ['1', far]] }] }));
    expect(out.codes).toEqual(['XLSX_CELL_WITHOUT_HEADER']);
    expect(out.en).toContain('GJH2');
  });

  it('a cell of many megabytes stops being kept at the limit', () => {
    const p = parts();
    p[SHARED] = p[SHARED]!.replace('<t>示例一</t>', `<t>${'长'.repeat(4 * 1_048_576)}</t>`);
    const out = read(zipParts(p), { ratio: 100_000 });
    expect(out.problems.map((x) => [x.line, x.code])).toEqual([[2, 'XLSX_CELL_TOO_LONG']]);
    expect(out.rows).toEqual([{ 编号: 'B', 名称: '示例二' }]);
  });
});

describe('prototype keys are plain data everywhere', () => {
  it('sheet names, relationship ids, headers and strings named __proto__ or constructor', () => {
    const p = workbookParts({ sheets: [{ name: '__proto__', rows: [['__proto__', 'constructor'], ['hasOwnProperty', '__proto__']] }, { name: 'constructor', rows: [['x'], ['y']] }] });
    for (const name of Object.keys(p)) p[name] = p[name]!.replace(/rId1\b/g, '__proto__').replace(/rId2\b/g, 'constructor');
    const bytes = zipParts(p);
    const out = read(bytes, {}, '__proto__');
    expect(out.codes).toEqual([]);
    const row = out.rows[0] as Record<string, unknown>;
    expect(Object.getOwnPropertyNames(row)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(row['constructor']).toBe('__proto__');
    expect(read(bytes, {}, 'constructor').rows).toEqual([{ x: 'y' }]);
    expect((Object.prototype as Record<string, unknown>)['hasOwnProperty']).toBe(Object.prototype.hasOwnProperty);
    expect(read(bytes, {}, 'toString').codes).toEqual(['XLSX_SHEET_NOT_FOUND']);
  });
});
