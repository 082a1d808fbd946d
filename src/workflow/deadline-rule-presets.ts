import type { DeadlineRule } from './deadline-rule.js';

/**
 * Deadline rules found in local work plans (regulations.md, "一公开: publication and deadlines"), ready to
 * put into a {@link DeadlinePolicy}:
 * - `publishWithin20WorkingDays` — the default (seed 002 (九), seed 003);
 * - `publishWithin10WorkingDaysOfCompletion` — 抽查完成之日起10个工作日内公示 (seed 001 一(四));
 * - `recordWithin7WorkingDays` — 检查完毕的7个工作日内录入 (seed 004 二(四));
 * - `reportWithin7Days` — 单个抽查对象抽查结束后7日内作出抽查报告 (seed 001 四(四), calendar days, needs a
 *   `report-submitted` milestone);
 * - `recordWithin3WorkingDaysOfReport` — 3个工作日内回填 (seed 001 四(四));
 * - `summaryWithin10WorkingDays` — 抽查检查结束后10个工作日内报送工作进展 (seed 004 三(三), needs a
 *   `summary-submitted` milestone).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const policy: DeadlinePolicy = {
 *   rules: [DEADLINE_RULE_PRESETS.publishWithin20WorkingDays],
 *   byDepartment: [{ department: '示例区政务服务管理局', rules: [DEADLINE_RULE_PRESETS.publishWithin10WorkingDaysOfCompletion] }],
 * };
 * ```
 */
export const DEADLINE_RULE_PRESETS = {
  publishWithin20WorkingDays: {
    id: 'publish-results',
    labelZh: '检查结果产生之日起20个工作日内公示',
    labelEn: 'publish results within 20 working days of the result',
    start: 'result-formed',
    stop: 'published',
    amount: 20,
    unit: 'working-days',
    per: 'target',
    basis: '濮县双随机办〔2023〕12号 (九)；西科工〔2020〕60号 二(三)5',
  },
  publishWithin10WorkingDaysOfCompletion: {
    id: 'publish-results',
    labelZh: '抽查完成之日起10个工作日内公示',
    labelEn: 'publish results within 10 working days of finishing the check',
    start: 'inspection-finished',
    stop: 'published',
    amount: 10,
    unit: 'working-days',
    per: 'task',
    basis: '盘龙区政务服务管理局2021年抽查工作方案 一(四)',
  },
  recordWithin7WorkingDays: {
    id: 'record-results',
    labelZh: '检查完毕7个工作日内录入',
    labelEn: 'enter results within 7 working days of finishing',
    start: 'inspection-finished',
    stop: 'result-recorded',
    amount: 7,
    unit: 'working-days',
    per: 'task',
    basis: '城中双随机办〔2023〕1号 二(四)',
  },
  reportWithin7Days: {
    id: 'report-target',
    labelZh: '单个检查对象抽查结束后7日内作出抽查报告',
    labelEn: 'report on each target within 7 days of inspecting it',
    start: 'inspected',
    stop: 'report-submitted',
    amount: 7,
    unit: 'calendar-days',
    per: 'target',
    basis: '盘龙区政务服务管理局2021年抽查工作方案 四(四)',
  },
  recordWithin3WorkingDaysOfReport: {
    id: 'record-after-report',
    labelZh: '抽查报告后3个工作日内回填结果',
    labelEn: 'enter the result within 3 working days of the report',
    start: 'report-submitted',
    stop: 'result-recorded',
    amount: 3,
    unit: 'working-days',
    per: 'target',
    basis: '盘龙区政务服务管理局2021年抽查工作方案 四(四)',
  },
  summaryWithin10WorkingDays: {
    id: 'progress-summary',
    labelZh: '抽查检查结束后10个工作日内报送工作进展',
    labelEn: 'send a progress summary within 10 working days of finishing',
    start: 'inspection-finished',
    stop: 'summary-submitted',
    amount: 10,
    unit: 'working-days',
    per: 'task',
    basis: '城中双随机办〔2023〕1号 三(三)',
  },
} as const satisfies Readonly<Record<string, DeadlineRule>>;
