import type { PublicNotice } from './public-notice.js';
import { parseArgument, parseOptions } from './internals/arguments.js';
import { csvText } from './internals/csv.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { PublicNoticeSchema } from './internals/shapes.js';

/**
 * Options of {@link noticeToCsv}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: NoticeToCsvOptions = { bom: true, headers: 'zh', part: 'rows' };
 * ```
 */
export interface NoticeToCsvOptions {
  /**
   * Start with a UTF-8 byte-order mark (U+FEFF) so that Excel opens the Chinese text correctly.
   * @defaultValue `false`
   */
  readonly bom?: boolean;
  /**
   * Header language: Chinese (`zh`, as on a public notice) or English (`en`).
   * @defaultValue `'zh'`
   */
  readonly headers?: 'zh' | 'en';
  /**
   * What to export: the table (`rows`) or the heading facts as two columns 项目,内容 (`meta`).
   * @defaultValue `'rows'`
   */
  readonly part?: 'rows' | 'meta';
}

/**
 * Exports a notice as CSV text (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or
 * line breaks quoted, quotes doubled). Cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'`
 * (and quotes) so that spreadsheets never evaluate them as formulas. Returns a string; encode it as
 * UTF-8 (with `bom: true` for Excel). The notice is checked first (the shape the `build…Notice` functions return:
 * no unknown keys, text cells, every row as long as the columns `NOTICE_ROW_LENGTH`, no column key or header and no
 * heading key or label twice `NOTICE_DUPLICATE_KEY`), and so are the options.
 *
 * @param noticeArgument - 公示信息: a notice built by `buildPlanNotice`, `buildDrawNotice` or `buildResultNotice`
 * ({@link PublicNotice})
 * @param options - BOM, header language and which part to write ({@link NoticeToCsvOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * declare const entities: readonly Entity[];
 * declare const items: readonly InspectionItem[];
 * const csv = noticeToCsv(buildResultNotice({ tasks, results, entities, items }), { bom: true });
 * // '\uFEFF序号,检查对象名称,统一社会信用代码,…\r\n1,示例甲商贸有限公司,91…\r\n'
 * // in Node: writeFileSync('results.csv', csv, 'utf8'); in a browser: new Blob([csv], { type: 'text/csv' })
 * ```
 */
export function noticeToCsv(noticeArgument: PublicNotice, options: NoticeToCsvOptions = {}): string {
  const notice = parseArgument<PublicNotice>(PublicNoticeSchema, noticeArgument, ['notice'], { zh: '公示信息', en: 'notice' });
  const checked = parseOptions<NoticeToCsvOptions>(OptionsSchemas.noticeToCsv, options, { zh: 'CSV 导出选项', en: 'CSV options' });
  const zh = (checked.headers ?? 'zh') === 'zh';
  let table: string[][];
  if ((checked.part ?? 'rows') === 'meta') {
    table = [zh ? ['项目', '内容'] : ['field', 'value'], ...notice.meta.map((m) => [zh ? m.labelZh : m.labelEn, m.value])];
  } else {
    table = [notice.columns.map((c) => (zh ? c.headerZh : c.headerEn)), ...notice.rows.map((r) => [...r])];
  }
  return (checked.bom === true ? '\uFEFF' : '') + csvText(table);
}
