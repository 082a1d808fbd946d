import type { DeadlinePolicy } from './deadline-policy.js';
import type { DeadlineRule } from './deadline-rule.js';

/**
 * The rules that apply to one department under a {@link DeadlinePolicy}: the defaults, with the
 * department's rules replacing those of the same `id` (in place) and new ones appended; or only the
 * department's rules when its entry says `replace: true`.
 *
 * @example
 * ```ts
 * const policy: DeadlinePolicy = {
 *   rules: DEFAULT_DEADLINE_RULES,
 *   byDepartment: [{ department: '示例县科工信局', rules: [DEADLINE_RULE_PRESETS.recordWithin7WorkingDays] }],
 * };
 * const rules = resolveDeadlineRules(policy, '示例县科工信局');
 * console.log(rules.map((r) => `${r.id}: ${r.amount} ${r.unit}`));
 * ```
 */
export function resolveDeadlineRules(policy: DeadlinePolicy, department: string): DeadlineRule[] {
  const own = policy.byDepartment?.find((d) => d.department === department);
  if (own === undefined) return [...policy.rules];
  if (own.replace === true) return [...own.rules];
  const out = policy.rules.map((rule) => own.rules.find((r) => r.id === rule.id) ?? rule);
  for (const rule of own.rules) if (!out.some((r) => r.id === rule.id)) out.push(rule);
  return out;
}
