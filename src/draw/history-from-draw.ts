import { ShuangsuijiError } from '../errors.js';
import { checkHistory } from './internals/engine.js';
import type { DrawResult, PastInspection } from './draw-record.js';

/**
 * 批次衔接 — turns a draw's selection into history entries, so that a later batch of the same year (with an
 * exclusion policy) does not draw the same entities again: `history = [...history, ...historyFromDraw(batch1, …)]`.
 * `at.department` is the 检查部门 and `at.item` the 抽查事项 the entries name. The exclusion counts past inspections
 * by calendar year, so give a `date` in the plan year the draw belongs to: a draw held in late December for the
 * next year's plan dated on its draw day would not count for that year (`drawInputsForTask` dates such a task
 * 1 January of its plan year).
 *
 * @param result - the result of an earlier batch's {@link drawTargets}
 * @param at - what the entries record: `date` (`YYYY-MM-DD`, in the plan year), `department` (检查部门) and `item` (抽查事项)
 * @throws {@link ShuangsuijiError} with a code of {@link DrawErrorCode}
 * @group Draw
 *
 * @example
 * ```ts
 * declare const batch1: DrawResult;
 * const history = historyFromDraw(batch1, { date: '2025-04-01', department: '市场监管局', item: 'FOOD-01' });
 * ```
 */
export function historyFromDraw(result: DrawResult, at: { readonly date: string; readonly department: string; readonly item: string }): PastInspection[] {
  if (typeof result !== 'object' || result === null || !Array.isArray((result as { selected?: unknown }).selected)) {
    throw new ShuangsuijiError('INVALID_INPUT', '须传入 drawTargets 的结果 { selected, record }', 'pass the result of drawTargets { selected, record }', { path: ['result'] });
  }
  if (typeof at !== 'object' || at === null || Array.isArray(at)) throw new ShuangsuijiError('INVALID_INPUT', '须注明 { date, department, item }', 'pass { date, department, item }', { path: ['at'] });
  for (const key of Object.keys(at)) {
    if (key !== 'date' && key !== 'department' && key !== 'item') throw new ShuangsuijiError('INVALID_INPUT', `含未知字段 ${key}`, `unknown key ${key}`, { path: ['at', key] });
  }
  // Each entry is checked as the draw checks history (canonical id, real date, non-empty department and item).
  const selected = (result as { selected: readonly unknown[] }).selected;
  return Array.from({ length: selected.length }, (_, i) => {
    const t = selected[i] as { id?: unknown } | null | undefined;
    if (typeof t !== 'object' || t === null) throw new ShuangsuijiError('INVALID_INPUT', `抽中结果第 ${i} 项无效`, `selected entry ${i} is invalid`, { path: ['result', 'selected', i] });
    const entry = { entityId: t.id as string, date: at.date, department: at.department, item: at.item };
    checkHistory(entry, i);
    return entry;
  });
}
