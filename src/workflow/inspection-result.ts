import type { InspectionMethod } from '../models/vocabulary.js';

/**
 * Why a field may not be published: 商业秘密, 个人隐私, 国家安全 (seed 002 (九)).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const reason: SensitivityReason = 'trade-secret';
 * ```
 */
export type SensitivityReason = 'trade-secret' | 'personal-privacy' | 'national-security';

/**
 * 检查对象的配合情况 — the entity's conduct: 配合检查 `cooperated`, 拒绝接受检查 `refused-inspection`,
 * 隐瞒真实情况、弄虚作假 `concealed-or-falsified`. The last two are recorded and published as such.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const conduct: EntityConduct = 'refused-inspection'; // published as 拒绝接受检查
 * ```
 */
export type EntityConduct = 'cooperated' | 'refused-inspection' | 'concealed-or-falsified';

/**
 * 移送 — a referral of a finding to another department (or to the judicial organs).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const referral: Referral = { department: '示例市税务局', matter: '涉嫌虚假申报（内部）' };
 * ```
 */
export interface Referral {
  /** 接收部门. */
  readonly department: string;
  /** 移送事由 (internal; never published by the notices). */
  readonly matter?: string;
}

/**
 * 依法不予公示的标记 — marks a field (or the whole result) as not publishable, with the reason.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const mark: SensitivityMark = { field: 'details', reason: 'personal-privacy' };
 * ```
 */
export interface SensitivityMark {
  /** `details` (检查情况说明), `categories` (检查结果分类) or `record` (the whole result). */
  readonly field: 'details' | 'categories' | 'record';
  /** 商业秘密, 个人隐私 or 国家安全. */
  readonly reason: SensitivityReason;
}

/**
 * 检查结果 — the result of inspecting one target for one item (a 现场检查记录表/现场抽查笔录 entered in the
 * system). A target without a result for every item of its task is not done.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const result: InspectionResult = {
 *   taskId: 'P1/I1/R1/B1', targetId: 'T1', itemId: 'I1',
 *   inspectionDate: '2025-03-10', methods: ['on-site'], categoryCodes: ['no-problem'],
 *   followUp: 'closed', recordSignature: 'signed', conduct: 'cooperated', referrals: [],
 *   inspectingBody: '示例县市场监督管理局', inspectorIds: ['X1', 'X2'],
 * };
 * ```
 */
export interface InspectionResult {
  /** The task the inspection belongs to. */
  readonly taskId: string;
  /** 检查对象 id (as in the register). */
  readonly targetId: string;
  /** 抽查事项 id. */
  readonly itemId: string;
  /** 检查日期 (the last day of inspecting this target for this item). */
  readonly inspectionDate: string;
  /** 检查结果产生日期 — when the result was formed, if later than the inspection (e.g. after a lab test). */
  readonly resultDate?: string;
  /** 检查方式 actually used. */
  readonly methods: readonly InspectionMethod[];
  /** 检查结果 — codes from the result-category tree (several allowed). */
  readonly categoryCodes: readonly string[];
  /** 后续处置状态 未完结 `open` / 已完结 `closed`. */
  readonly followUp: 'open' | 'closed';
  /** 检查记录 signed by the entity's representative, or 拒绝签字 noted on the record. */
  readonly recordSignature: 'signed' | 'refused-to-sign';
  /** The entity's conduct; refusal and falsification are published. */
  readonly conduct: EntityConduct;
  /** 移送 — referrals to other departments. */
  readonly referrals: readonly Referral[];
  /** 检查主体 — the public inspecting body (a department, never a person). */
  readonly inspectingBody: string;
  /** The inspectors who inspected (personal data: never published by default). */
  readonly inspectorIds: readonly string[];
  /** 检查情况说明 — free text, published unless marked sensitive. */
  readonly details?: string;
  /** Fields not to be published, with the legal reason. */
  readonly sensitive?: readonly SensitivityMark[];
}
