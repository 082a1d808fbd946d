import type { DeadlinePolicy } from './deadline-policy.js';
import type { DeadlineRule } from './deadline-rule.js';
import { parseArgument } from './internals/arguments.js';
import { checkDepartment, rulesFor } from './internals/deadline-rules.js';
import { DeadlinePolicySchema } from './internals/shapes.js';

/**
 * The rules that apply to one department under a {@link DeadlinePolicy}: the defaults, with the
 * department's rules replacing those of the same `id` (in place) and new ones appended; or only the
 * department's rules when its entry says `replace: true`.
 *
 * Departments are matched by their exact name. A `department` that is not a non-empty string is refused
 * (`INVALID_ARGUMENT`), and so is one with white space at either end (`DEPARTMENT_NAME_WHITESPACE`): `'市场监管局 '`
 * would otherwise match no entry and silently get the default rules instead of the department's own. The policy
 * is checked as a whole: unknown keys (`UNKNOWN_FIELD`), invalid rules (`DEADLINE_AMOUNT_INVALID`,
 * `DEADLINE_UNIT_INVALID` …), a rule id twice in one list (`DEADLINE_RULE_ID_DUPLICATE`), a department twice
 * (`DEADLINE_DEPARTMENT_DUPLICATE`) or padded (`DEPARTMENT_NAME_WHITESPACE`).
 *
 * @param policy - 时限政策: default rules and per-department overrides ({@link DeadlinePolicy})
 * @param department - the department's exact name (检查部门), e.g. `'市场监管局'`
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * const policy: DeadlinePolicy = {
 *   rules: DEFAULT_DEADLINE_RULES,
 *   byDepartment: [{ department: '示例县科工信局', rules: [DEADLINE_RULE_PRESETS.recordWithin7WorkingDays] }],
 * };
 * const rules = resolveDeadlineRules(policy, '示例县科工信局');
 * console.log(rules.map((r) => `${r.id}: ${r.amount} ${r.unit}`));
 * resolveDeadlineRules(policy, '示例县科工信局 '); // throws DEPARTMENT_NAME_WHITESPACE
 * ```
 */
export function resolveDeadlineRules(policy: DeadlinePolicy, department: string): DeadlineRule[] {
  const checked = parseArgument<DeadlinePolicy>(DeadlinePolicySchema, policy, ['policy'], { zh: '时限政策', en: 'deadline policy' });
  checkDepartment(department, ['department']);
  return rulesFor(checked, department);
}
