import type { InspectionResult } from './inspection-result.js';
import type { TaskAssignment, TaskPopulation } from './spot-check-task.js';

/**
 * 状态变更 — a requested transition of a task, with the facts the new state needs:
 * 已抽取 the drawn target ids (and optionally the population and draw-record digest), 已匹配 the teams,
 * 已录入 the results for every target and item, 已取消 a reason. Every transition carries its date.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const step: TaskTransition = { to: 'drawn', date: '2025-03-03', targetIds: ['E1', 'E2'] };
 * ```
 */
export type TaskTransition =
  | {
      readonly to: 'drawn';
      readonly date: string;
      readonly targetIds: readonly string[];
      readonly population?: TaskPopulation;
      readonly drawRecordDigest?: string;
      readonly note?: string;
    }
  | { readonly to: 'matched'; readonly date: string; readonly assignments: readonly TaskAssignment[]; readonly note?: string }
  | { readonly to: 'inspecting'; readonly date: string; readonly note?: string }
  | { readonly to: 'recorded'; readonly date: string; readonly results: readonly InspectionResult[]; readonly note?: string }
  | { readonly to: 'published'; readonly date: string; readonly note?: string }
  | { readonly to: 'cancelled'; readonly date: string; readonly reason: string; readonly note?: string };
