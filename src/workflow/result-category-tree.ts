/**
 * 检查结果分类 — one node of the configurable result-category tree. Several categories may be selected for
 * one result; a node marked `exclusive` must be the only selection; group nodes (`selectable: false`) only
 * organise their children.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const tree: readonly ResultCategoryNode[] = [
 *   { code: 'ok', labelZh: '未发现问题', labelEn: 'no problem found', exclusive: true },
 *   { code: 'issues', labelZh: '发现问题', labelEn: 'problems found', selectable: false, children: [
 *     { code: 'issues-labels', labelZh: '标签不规范', labelEn: 'non-compliant labels' },
 *   ] },
 * ];
 * ```
 */
export interface ResultCategoryNode {
  /** Stable code, unique in the whole tree (what results store). */
  readonly code: string;
  /** 中文名称 (what notices print). */
  readonly labelZh: string;
  /** English name. */
  readonly labelEn: string;
  /**
   * Whether a result may select this node itself.
   * @defaultValue `true` for leaves, `false` for nodes with children
   */
  readonly selectable?: boolean;
  /**
   * Whether this category excludes every other selection (e.g. 未发现问题, 已注销).
   * @defaultValue `false`
   */
  readonly exclusive?: boolean;
  /** Sub-categories. */
  readonly children?: readonly ResultCategoryNode[];
}

/**
 * The default 检查结果分类 tree, modelled on the Zhejiang platform's categories (regulations.md,
 * "Inspection and results"). Replace it per department with any tree that passes
 * {@link validateResultCategoryTree}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * console.log(DEFAULT_RESULT_CATEGORY_TREE.map((node) => node.labelZh).join(' / '));
 * // 未发现问题 / 发现问题待后续处理 / 发现问题经责令已改正 / …
 * ```
 */
export const DEFAULT_RESULT_CATEGORY_TREE: readonly ResultCategoryNode[] = [
  { code: 'no-problem', labelZh: '未发现问题', labelEn: 'no problem found', exclusive: true },
  {
    code: 'problem-pending',
    labelZh: '发现问题待后续处理',
    labelEn: 'problems found, follow-up pending',
    selectable: false,
    children: [
      {
        code: 'problem-market',
        labelZh: '市场监管领域',
        labelEn: 'market-regulation field',
        selectable: false,
        children: [
          { code: 'problem-not-disclosed', labelZh: '未按规定公示应当公示的信息', labelEn: 'required information not disclosed' },
          { code: 'problem-false-disclosure', labelZh: '公示信息隐瞒真实情况弄虚作假', labelEn: 'disclosed information concealed or falsified' },
          { code: 'problem-unreachable', labelZh: '通过登记的住所（经营场所）无法联系', labelEn: 'cannot be reached at the registered address' },
          { code: 'problem-other-rules', labelZh: '违反其他市场监管法律法规', labelEn: 'other market-regulation violations' },
        ],
      },
      { code: 'problem-other-department', labelZh: '其他部门领域问题', labelEn: "problems in other departments' fields" },
    ],
  },
  { code: 'corrected', labelZh: '发现问题经责令已改正', labelEn: 'problems found and corrected on order' },
  { code: 'no-activity', labelZh: '未发现开展本次抽查涉及的经营活动', labelEn: 'no activity covered by this check', exclusive: true },
  { code: 'closed-or-liquidating', labelZh: '已关闭停业或正在组织清算', labelEn: 'closed, suspended or in liquidation' },
  { code: 'non-cooperation', labelZh: '不配合检查情节严重', labelEn: 'seriously uncooperative' },
  {
    code: 'status-changed',
    labelZh: '登记状态变化',
    labelEn: 'registration status changed',
    selectable: false,
    children: [
      { code: 'deregistered', labelZh: '已注销', labelEn: 'deregistered', exclusive: true },
      { code: 'revoked', labelZh: '被吊销', labelEn: 'licence revoked', exclusive: true },
      { code: 'cancelled', labelZh: '被撤销', labelEn: 'registration cancelled', exclusive: true },
      { code: 'moved-out', labelZh: '已迁出', labelEn: 'moved out', exclusive: true },
    ],
  },
];
