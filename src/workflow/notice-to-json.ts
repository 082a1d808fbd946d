import { parseArgument, parseOptions } from './internals/arguments.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { PublicNoticeSchema } from './internals/shapes.js';
import type { PublicNotice } from './public-notice.js';

/**
 * Options of {@link noticeToJson}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: NoticeToJsonOptions = { headers: 'zh', indent: 2 };
 * ```
 */
export interface NoticeToJsonOptions {
  /**
   * Key language: Chinese headers (`zh`, as on a public notice) or the columns' English keys (`en`).
   * @defaultValue `'zh'`
   */
  readonly headers?: 'zh' | 'en';
  /**
   * Indentation passed to `JSON.stringify`: an integer from 0 (one line) to 10.
   * @defaultValue `2`
   */
  readonly indent?: number;
}

/**
 * Exports a notice as JSON text in the shape of a public notice: with Chinese keys
 * `{ "标题", "公示信息": { label: value }, "记录": [ { header: cell } ], "依法不予公示条数" }`; with
 * `headers: 'en'`, `{ title, meta, records, withheld }` keyed by the columns' English keys. Keys appear in
 * column order, so the text is byte-identical for the same notice. The notice and the options are checked as by
 * `noticeToCsv` (a duplicate key would make one JSON entry overwrite another: `NOTICE_DUPLICATE_KEY`).
 *
 * @param noticeArgument - 公示信息: a notice built by `buildPlanNotice`, `buildDrawNotice` or `buildResultNotice`
 * ({@link PublicNotice})
 * @param options - key language and indentation ({@link NoticeToJsonOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const plan: SpotCheckPlan;
 * declare const items: readonly InspectionItem[];
 * const json = noticeToJson(buildPlanNotice(plan, items));
 * console.log(JSON.parse(json)['记录'][0]['抽查事项名称']);
 * ```
 */
export function noticeToJson(noticeArgument: PublicNotice, options: NoticeToJsonOptions = {}): string {
  const notice = parseArgument<PublicNotice>(PublicNoticeSchema, noticeArgument, ['notice'], { zh: '公示信息', en: 'notice' });
  const checked = parseOptions<NoticeToJsonOptions>(OptionsSchemas.noticeToJson, options, { zh: 'JSON 导出选项', en: 'JSON options' });
  const zh = (checked.headers ?? 'zh') === 'zh';
  // Own properties defined one by one (Object.fromEntries): a key such as `__proto__` stays a key, never a prototype.
  const meta = Object.fromEntries(notice.meta.map((m) => [zh ? m.labelZh : m.key, m.value]));
  const records = notice.rows.map((row) => Object.fromEntries(notice.columns.map((c, k) => [zh ? c.headerZh : c.key, row[k] ?? ''])));
  const body = zh
    ? { 标题: notice.titleZh, 公示信息: meta, 记录: records, 依法不予公示条数: notice.withheld }
    : { title: notice.titleEn, meta, records, withheld: notice.withheld };
  return JSON.stringify(body, null, checked.indent ?? 2);
}
