import type { PublicNotice } from './public-notice.js';

/**
 * Options of {@link noticeToJson}.
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
   * Indentation passed to `JSON.stringify` (0 for one line).
   * @defaultValue `2`
   */
  readonly indent?: number;
}

/**
 * Exports a notice as JSON text in the shape of a public notice: with Chinese keys
 * `{ "标题", "公示信息": { label: value }, "记录": [ { header: cell } ], "依法不予公示条数" }`; with
 * `headers: 'en'`, `{ title, meta, records, withheld }` keyed by the columns' English keys. Keys appear in
 * column order, so the text is byte-identical for the same notice.
 *
 * @example
 * ```ts
 * declare const plan: SpotCheckPlan;
 * declare const items: readonly InspectionItem[];
 * const json = noticeToJson(buildPlanNotice(plan, items));
 * console.log(JSON.parse(json)['记录'][0]['抽查事项名称']);
 * ```
 */
export function noticeToJson(notice: PublicNotice, options: NoticeToJsonOptions = {}): string {
  const zh = (options.headers ?? 'zh') === 'zh';
  const meta: Record<string, string> = {};
  for (const m of notice.meta) meta[zh ? m.labelZh : m.key] = m.value;
  const records = notice.rows.map((row) => {
    const record: Record<string, string> = {};
    notice.columns.forEach((c, k) => {
      record[zh ? c.headerZh : c.key] = row[k] ?? '';
    });
    return record;
  });
  const body = zh
    ? { 标题: notice.titleZh, 公示信息: meta, 记录: records, 依法不予公示条数: notice.withheld }
    : { title: notice.titleEn, meta, records, withheld: notice.withheld };
  return JSON.stringify(body, null, options.indent ?? 2);
}
