/** From the bytes of a workbook to the rows of one sheet: signature, zip, parts, sheet choice, rows. */
import { isShuangsuijiError } from '../../../errors.js';
import { quote, xlsxError, type XlsxCode } from './errors.js';
import type { XlsxLimits } from './limits.js';
import { readWorkbook, type SheetInfo } from './parts.js';
import { sheetRows, type SheetProblem, type SheetRow } from './sheet.js';
import { ZipArchive } from './zip.js';

/** Whether `head` (the first bytes of a file) starts like a zip (`PK\x03\x04`) or an OLE compound file (`D0 CF 11 E0`). */
export function startsLikeWorkbook(head: Uint8Array): boolean {
  return (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) || isOle(head);
}

function isOle(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

function mib(n: number): string {
  return `${Math.round((n / 1_048_576) * 10) / 10} MiB`;
}

/** `XLSX_TOO_LARGE` for a workbook file of `size` bytes over the limit. */
export function fileTooLarge(size: number, limits: XlsxLimits): SheetProblem {
  return {
    line: 0,
    code: 'XLSX_TOO_LARGE',
    messageZh: `工作簿文件大小为 ${mib(size)}，超过上限 ${mib(limits.fileBytes)}`,
    messageEn: `the workbook file is ${mib(size)}, more than the limit of ${mib(limits.fileBytes)}`,
  };
}

/** Picks the sheet: by name, else (all digits) by 1-based position; by default the first sheet not hidden. */
function chooseSheet(sheets: readonly SheetInfo[], wanted: string | number | undefined): SheetInfo {
  let found: SheetInfo | undefined;
  if (wanted === undefined) found = sheets.find((s) => !s.hidden) ?? sheets[0];
  else if (typeof wanted === 'string') found = sheets.find((s) => s.name === wanted) ?? (/^\d{1,6}$/.test(wanted) ? sheets[Number(wanted) - 1] : undefined);
  else found = sheets[wanted - 1];
  const list = sheets.slice(0, 20).map((s, i) => `${i + 1}. ${quote(s.name)}`).join(', ') + (sheets.length > 20 ? ', …' : '');
  if (found === undefined) {
    const shown = typeof wanted === 'string' ? quote(wanted) : String(wanted);
    throw xlsxError('XLSX_SHEET_NOT_FOUND', `工作簿中没有工作表 ${shown}；共有 ${sheets.length} 个：${list}`, `the workbook has no sheet ${shown}; it has ${sheets.length}: ${list}`);
  }
  if (found.part === undefined) {
    throw xlsxError('XLSX_SHEET_NOT_FOUND', `${quote(found.name)} 不是工作表（可能是图表工作表）；共有：${list}`, `${quote(found.name)} is not a worksheet (perhaps a chart sheet); the workbook has: ${list}`);
  }
  return found;
}

/**
 * The rows of the chosen sheet; every problem goes to `onProblem`, and one that refuses the workbook ends the
 * rows. Returns the name of the sheet read, or undefined when the workbook was refused.
 */
export function* readSheet(
  bytes: Uint8Array,
  sheet: string | number | undefined,
  limits: XlsxLimits,
  onProblem: (problem: SheetProblem) => void,
): Generator<SheetRow, string | undefined, undefined> {
  try {
    if (bytes.length > limits.fileBytes) {
      onProblem(fileTooLarge(bytes.length, limits));
      return undefined;
    }
    if (isOle(bytes)) {
      throw xlsxError(
        'XLSX_ENCRYPTED',
        '这是加密的工作簿或旧版 .xls 文件（OLE 复合文档）：请取消密码，并另存为 .xlsx 后再导入',
        'this is an encrypted workbook or an old .xls file (an OLE compound file): remove the password and save it as .xlsx first',
      );
    }
    if (!startsLikeWorkbook(bytes)) {
      throw xlsxError('XLSX_INVALID', '不是 .xlsx 工作簿（文件不以 zip 签名开头）', 'not an .xlsx workbook (the file does not start with a zip signature)');
    }
    const zip = new ZipArchive(bytes, limits);
    const info = readWorkbook(zip, limits);
    const chosen = chooseSheet(info.sheets, sheet);
    for (const item of sheetRows(zip, info, chosen.part!, limits)) {
      if ('code' in item) onProblem(item);
      else yield item;
    }
    return chosen.name;
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    const line = error.details?.['line'];
    onProblem({ line: typeof line === 'number' ? line : 0, code: error.code as XlsxCode, messageZh: error.messageZh, messageEn: error.messageEn });
    return undefined;
  }
}
