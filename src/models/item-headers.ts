/**
 * Input fields of {@link parseItemList}: the {@link InspectionItem} fields plus flat columns for
 * per-risk-class ratios (`ratioA` … `ratioD` → `ratioByRiskClass`) and joint departments
 * (`initiatingDepartment`, `cooperatingDepartments` → `joint`).
 *
 * @group Models
 *
 * @example
 * ```ts
 * const field: ItemInputField = 'ratio';
 * ```
 */
export type ItemInputField =
  | 'id' | 'sequence' | 'department' | 'name' | 'legalBasis' | 'inspectingBody' | 'category' | 'targetDescription'
  | 'ratio' | 'ratioByRiskClass' | 'ratioA' | 'ratioB' | 'ratioC' | 'ratioD' | 'frequencyPerYear' | 'methods'
  | 'requiredExpertise' | 'joint' | 'initiatingDepartment' | 'cooperatingDepartments' | 'remark';

/**
 * All {@link ItemInputField}s.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ITEM_INPUT_FIELDS.includes('methods'); // true
 * ```
 */
export const ITEM_INPUT_FIELDS: readonly ItemInputField[] = Object.freeze([
  'id', 'sequence', 'department', 'name', 'legalBasis', 'inspectingBody', 'category', 'targetDescription',
  'ratio', 'ratioByRiskClass', 'ratioA', 'ratioB', 'ratioC', 'ratioD', 'frequencyPerYear', 'methods',
  'requiredExpertise', 'joint', 'initiatingDepartment', 'cooperatingDepartments', 'remark',
] as const);

/**
 * 随机抽查事项清单列名 — default Chinese column headers of an item list (seed 000 附件1) and the field each fills.
 *
 * @group Models
 *
 * @example
 * ```ts
 * ITEM_HEADERS['抽查比例']; // 'ratio'
 * ```
 */
export const ITEM_HEADERS: Readonly<Record<string, ItemInputField>> = Object.freeze({
  事项编号: 'id', 编号: 'id',
  序号: 'sequence',
  部门名称: 'department', 部门: 'department',
  抽查事项名称: 'name', 事项名称: 'name', 抽查事项: 'name',
  抽查依据: 'legalBasis', 依据: 'legalBasis', 法律依据: 'legalBasis',
  检查主体: 'inspectingBody', 实施主体: 'inspectingBody', 抽查主体: 'inspectingBody',
  事项类别: 'category', 类别: 'category', 抽查类别: 'category',
  检查对象: 'targetDescription', 抽查对象: 'targetDescription',
  抽查比例: 'ratio', 比例: 'ratio',
  A类抽查比例: 'ratioA', B类抽查比例: 'ratioB', C类抽查比例: 'ratioC', D类抽查比例: 'ratioD',
  抽查频次: 'frequencyPerYear', 频次: 'frequencyPerYear', 抽查频率: 'frequencyPerYear',
  检查方式: 'methods', 抽查方式: 'methods',
  检查人员要求: 'requiredExpertise', 人员要求: 'requiredExpertise',
  发起部门: 'initiatingDepartment', 配合部门: 'cooperatingDepartments',
  备注: 'remark',
});
