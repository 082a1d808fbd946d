/**
 * 时限事件 — events that start or stop a deadline clock. Built in (see `collectMilestones`):
 * - task level: `drawn` 抽取完成, `matched` 匹配完成, `inspection-started` 开始检查,
 *   `inspection-finished` 检查完成 (the last inspection date of the task), `result-recorded` 结果录入,
 *   `published` 结果公示;
 * - target level: `inspected` 检查日期 of the target (last over its items), `result-formed` 检查结果产生
 *   (its result date, else inspection date), plus the task-level events.
 * Any other name (e.g. `report-submitted` 抽查报告, `summary-submitted` 工作总结) can be supplied as an extra
 * milestone.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const start: DeadlineEvent = 'result-formed';
 * ```
 */
export type DeadlineEvent = string;

/**
 * 时限规则 — a publication or entry deadline as data, because places differ: the event that starts the
 * clock, how many working or calendar days, the event that stops it. Counting follows 民法典 art. 201/203:
 * the starting day is not counted; a calendar-day period ending on a rest day ends on the next working day.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const kunmingPublication: DeadlineRule = {
 *   id: 'publish-10wd', labelZh: '抽查完成之日起10个工作日内公示', labelEn: 'publish within 10 working days of finishing',
 *   start: 'inspection-finished', stop: 'published', amount: 10, unit: 'working-days', per: 'task',
 * };
 * ```
 */
export interface DeadlineRule {
  /** Stable id (department overrides replace the rule with the same id). */
  readonly id: string;
  /** 中文名称. */
  readonly labelZh: string;
  /** English name. */
  readonly labelEn: string;
  /** The event that starts the clock. */
  readonly start: DeadlineEvent;
  /** The event that stops it (meets the deadline). */
  readonly stop: DeadlineEvent;
  /** How many days (a positive integer). */
  readonly amount: number;
  /** 工作日 `working-days` or 日 (calendar days) `calendar-days`. */
  readonly unit: 'working-days' | 'calendar-days';
  /** Evaluated once per task, or once per target of a task. */
  readonly per: 'task' | 'target';
  /** 依据 — the source of the rule. */
  readonly basis?: string;
}
