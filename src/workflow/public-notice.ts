/**
 * A column of a {@link PublicNotice}: a stable key and its Chinese and English headers.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const column: NoticeColumn = { key: 'creditCode', headerZh: '统一社会信用代码', headerEn: 'unified social credit code' };
 * ```
 */
export interface NoticeColumn {
  /** Stable key (English, camelCase). */
  readonly key: string;
  /** 中文表头. */
  readonly headerZh: string;
  /** English header. */
  readonly headerEn: string;
}

/**
 * One line of a notice's heading facts (计划名称, 种子承诺 …).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const entry: NoticeMetaEntry = { key: 'seedCommitment', labelZh: '随机种子承诺值', labelEn: 'seed commitment', value: 'ab12…' };
 * ```
 */
export interface NoticeMetaEntry {
  /** Stable key. */
  readonly key: string;
  /** 中文名称. */
  readonly labelZh: string;
  /** English name. */
  readonly labelEn: string;
  /** The value, as text. */
  readonly value: string;
}

/**
 * 公示信息 — a public notice as plain data, ready to render or export (`noticeToCsv`, `noticeToJson`):
 * a title, heading facts, columns and rows of text cells. Built by `buildPlanNotice`, `buildDrawNotice` and
 * `buildResultNotice`, which leave out inspectors' personal data and anything marked as a trade secret,
 * personal privacy or national security by default.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const plan: SpotCheckPlan;
 * declare const items: readonly InspectionItem[];
 * const notice: PublicNotice = buildPlanNotice(plan, items);
 * console.log(notice.titleZh, notice.columns.map((c) => c.headerZh).join(' | '));
 * for (const row of notice.rows) console.log(row.join(' | '));
 * ```
 */
export interface PublicNotice {
  /** 抽查计划 `plan`, 抽取结果 `draw`, 检查结果 `results`. */
  readonly kind: 'plan' | 'draw' | 'results';
  /** 标题. */
  readonly titleZh: string;
  /** English title. */
  readonly titleEn: string;
  /** Heading facts. */
  readonly meta: readonly NoticeMetaEntry[];
  /** Columns. */
  readonly columns: readonly NoticeColumn[];
  /** Rows: one text cell per column. */
  readonly rows: readonly (readonly string[])[];
  /** 依法不予公示 — how many rows were withheld by law (the rows themselves are not included). */
  readonly withheld: number;
}
