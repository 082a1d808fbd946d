import type { DeadlineRule } from './deadline-rule.js';

/**
 * The default deadline: results published within 20 working days of the result being formed
 * ("自检查结果产生之日起20个工作日内…予以公示", seed 002 (九); seed 003 二(三)5), per target.
 *
 * @example
 * ```ts
 * console.log(DEFAULT_DEADLINE_RULES[0]?.amount, DEFAULT_DEADLINE_RULES[0]?.unit); // 20 working-days
 * ```
 */
export const DEFAULT_DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: 'publish-results',
    labelZh: '检查结果产生之日起20个工作日内公示',
    labelEn: 'publish results within 20 working days of the result',
    start: 'result-formed',
    stop: 'published',
    amount: 20,
    unit: 'working-days',
    per: 'target',
    basis: '自检查结果产生之日起20个工作日内，将其归集到检查对象名下并予以公示',
  },
];
