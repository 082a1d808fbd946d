import type { DrawResult, PastInspection } from './draw-record.js';

/**
 * 批次衔接 — turns a draw's selection into history entries, so that a later batch of the same year (with an
 * exclusion policy) does not draw the same entities again: `history = [...history, ...historyFromDraw(batch1, …)]`.
 * `at.department` is the 检查部门 and `at.item` the 抽查事项 the entries name. The exclusion counts past inspections
 * by calendar year, so give a `date` in the plan year the draw belongs to: a draw held in late December for the
 * next year's plan dated on its draw day would not count for that year (`drawInputsForTask` dates such a task
 * 1 January of its plan year).
 *
 * @example
 * ```ts
 * declare const batch1: DrawResult;
 * const history = historyFromDraw(batch1, { date: '2025-04-01', department: '市场监管局', item: 'FOOD-01' });
 * ```
 */
export function historyFromDraw(result: DrawResult, at: { readonly date: string; readonly department: string; readonly item: string }): PastInspection[] {
  return result.selected.map((t) => ({ entityId: t.id, date: at.date, department: at.department, item: at.item }));
}
