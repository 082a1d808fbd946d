import type { DrawResult, PastInspection } from './draw-record.js';

/**
 * 批次衔接 — turns a draw's selection into history entries, so that a later batch of the same year (with an
 * exclusion policy) does not draw the same entities again: `history = [...history, ...historyFromDraw(batch1, …)]`.
 *
 * @example
 * ```ts
 * declare const batch1: DrawResult;
 * const history = historyFromDraw(batch1, { date: '2025-04-01', agency: '市场监管局', item: 'FOOD-01' });
 * ```
 */
export function historyFromDraw(result: DrawResult, at: { readonly date: string; readonly agency: string; readonly item: string }): PastInspection[] {
  return result.selected.map((t) => ({ entityId: t.id, date: at.date, agency: at.agency, item: at.item }));
}
