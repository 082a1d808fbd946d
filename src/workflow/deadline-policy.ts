import type { DeadlineRule } from './deadline-rule.js';

/**
 * 时限政策 — the deadline rules in force: defaults for every department and per-department overrides
 * ("configurable per department"). A department's rule replaces the default with the same `id` and adds
 * any new ones; with `replace: true` the department's rules are the only ones. Departments are matched by their
 * exact name: names with white space at either end are refused (`DEPARTMENT_NAME_WHITESPACE`), and so are a
 * department listed twice and a rule id repeated within one list.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const policy: DeadlinePolicy = {
 *   rules: DEFAULT_DEADLINE_RULES,
 *   byDepartment: [{ department: '示例县科工信局', rules: [DEADLINE_RULE_PRESETS.recordWithin7WorkingDays] }],
 * };
 * ```
 */
export interface DeadlinePolicy {
  /** Rules for every department. */
  readonly rules: readonly DeadlineRule[];
  /** Per-department overrides. */
  readonly byDepartment?: readonly {
    readonly department: string;
    readonly rules: readonly DeadlineRule[];
    /** Use only these rules for the department. @defaultValue `false` */
    readonly replace?: boolean;
  }[];
}
