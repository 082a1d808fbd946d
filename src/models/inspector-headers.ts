/**
 * Input fields of {@link parseInspectorRegister}: the {@link Inspector} fields plus the flat certificate
 * columns (`certificateNumber`, `certificateIssuer`, `certificateValidFrom`, `certificateValidTo`) that
 * build `certificate`.
 *
 * @group Models
 *
 * @example
 * ```ts
 * const field: InspectorInputField = 'certificateNumber';
 * ```
 */
export type InspectorInputField =
  | 'id' | 'name' | 'department' | 'unit' | 'position' | 'expertise' | 'certificate' | 'certificateNumber'
  | 'certificateIssuer' | 'certificateValidFrom' | 'certificateValidTo' | 'status' | 'isExpert' | 'regionCode';

/**
 * All {@link InspectorInputField}s.
 *
 * @group Models
 *
 * @example
 * ```ts
 * INSPECTOR_INPUT_FIELDS.length; // 14
 * ```
 */
export const INSPECTOR_INPUT_FIELDS: readonly InspectorInputField[] = Object.freeze([
  'id', 'name', 'department', 'unit', 'position', 'expertise', 'certificate', 'certificateNumber',
  'certificateIssuer', 'certificateValidFrom', 'certificateValidTo', 'status', 'isExpert', 'regionCode',
] as const);

/**
 * 执法检查人员名录库列名 — default Chinese column headers of an inspector register and the field each fills.
 *
 * @group Models
 *
 * @example
 * ```ts
 * INSPECTOR_HEADERS['执法证号']; // 'certificateNumber'
 * ```
 */
export const INSPECTOR_HEADERS: Readonly<Record<string, InspectorInputField>> = Object.freeze({
  编号: 'id', 人员编号: 'id', 工号: 'id',
  姓名: 'name',
  所属部门: 'department', 部门: 'department', 部门名称: 'department',
  单位: 'unit', 所属单位: 'unit', 工作单位: 'unit', 监管所: 'unit',
  职务: 'position', 职务职级: 'position',
  业务专长: 'expertise', 专长: 'expertise', 执法资质: 'expertise',
  执法证号: 'certificateNumber', 执法证件号: 'certificateNumber', 执法证编号: 'certificateNumber', 执法证件号码: 'certificateNumber',
  发证机关: 'certificateIssuer', 发证单位: 'certificateIssuer',
  有效期起: 'certificateValidFrom', 有效期开始: 'certificateValidFrom', 发证日期: 'certificateValidFrom',
  有效期止: 'certificateValidTo', 有效期至: 'certificateValidTo', 有效期结束: 'certificateValidTo',
  人员状态: 'status', 状态: 'status',
  是否专家: 'isExpert', 专家: 'isExpert',
  行政区划代码: 'regionCode', 区划代码: 'regionCode',
});
