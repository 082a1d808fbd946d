import { createWorkCalendar } from './create-work-calendar.js';
import type { WorkCalendar } from './work-calendar.js';

let shared: WorkCalendar | undefined;

/**
 * 默认工作日历 — the shared calendar of the built-in notices (2007–2026, strict about other years),
 * created on first call and reused; the standalone functions ({@link addWorkdays}, …) use it.
 *
 * @group Calendar
 *
 * @example
 * ```ts
 * defaultWorkCalendar().coverage.last; // '2026-12-31'
 * ```
 */
export function defaultWorkCalendar(): WorkCalendar {
  return (shared ??= createWorkCalendar());
}
