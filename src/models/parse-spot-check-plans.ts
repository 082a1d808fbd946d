import type { DataIssue, ParseResult } from '../errors.js';
import type { SpotCheckPlanIssueCode } from './spot-check-plan-issue-code.js';
import { safeParseBilingual } from '../internals/zod-issues.js';
import { SpotCheckPlanSchema, type SpotCheckPlan } from './spot-check-plan.js';

/**
 * 年度抽查计划 — reads plans from untrusted data (a JSON file, a form, an API) and reports every problem,
 * like the register parsers: one {@link DataIssue} per problem, with a stable code (`PLANS_NOT_ARRAY`,
 * `MISSING_FIELD`, `INVALID_TYPE`, `UNKNOWN_FIELD`, `INVALID_DATE`, `INVALID_VALUE`), the path `[plan index,
 * field, …]` and messages in Chinese and English. Checks the shape of each plan ({@link SpotCheckPlanSchema});
 * what needs the item list or several plans (unknown items, sizes, batches, joint plans) is checked by
 * `deriveTasks`. Returns new, deeply frozen plans; never mutates the input.
 *
 * @param input - an array of plans
 * @group Models
 *
 * @example
 * ```ts
 * import { parseSpotCheckPlans } from 'shuangsuiji';
 * const result = parseSpotCheckPlans([{
 *   id: 'P-2025', name: '示例市2025年度抽查计划', year: 2025, initiatingDepartment: '市场监管局',
 *   cooperatingDepartments: [], itemIds: ['1'], targetScope: [], ratio: 0.05,
 *   period: { start: '2025-03-01', end: '2025-02-30' }, methods: ['on-site'],
 *   batches: [{ label: '全年', start: '2025-03-01', end: '2025-11-30' }],
 * }]);
 * if (!result.success) {
 *   for (const issue of result.issues) console.log(issue.code, issue.path.join('.'), issue.messageZh);
 *   // INVALID_DATE 0.period.end 应为真实存在的日期，格式 YYYY-MM-DD
 * }
 * ```
 */
export function parseSpotCheckPlans(input: unknown): ParseResult<readonly SpotCheckPlan[], SpotCheckPlanIssueCode> {
  if (!Array.isArray(input)) {
    return { success: false, issues: [{ code: 'PLANS_NOT_ARRAY', path: [], messageZh: '抽查计划应为数组', messageEn: 'the plans must be an array' }] };
  }
  const plans: SpotCheckPlan[] = [];
  const issues: DataIssue<SpotCheckPlanIssueCode>[] = [];
  input.forEach((row: unknown, index) => {
    // The schema gives the shape codes and INVALID_DATE (PlainDateStringSchema's check).
    const parsed = safeParseBilingual<SpotCheckPlan, SpotCheckPlanIssueCode>(SpotCheckPlanSchema, row, [index]);
    // The schemas are readonly at every level, so zod returns frozen copies.
    if (parsed.success) plans.push(parsed.data);
    else issues.push(...parsed.issues);
  });
  return issues.length > 0 ? { success: false, issues } : { success: true, data: Object.freeze(plans) };
}
