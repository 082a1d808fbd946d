import type { DeadlineRule } from './deadline-rule.js';
import { DEADLINE_RULE_PRESETS } from './deadline-rule-presets.js';

/**
 * The default deadline: results published within 20 working days of the result being formed
 * ("自检查结果产生之日起20个工作日内…予以公示", seed 002 (九); seed 003 二(三)5), per target.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * console.log(DEFAULT_DEADLINE_RULES[0]?.amount, DEFAULT_DEADLINE_RULES[0]?.unit); // 20 working-days
 * ```
 */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [DEADLINE_RULE_PRESETS.publishWithin20WorkingDays];
