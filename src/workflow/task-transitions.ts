import type { TaskState } from './task-state.js';

/**
 * 状态流转 — the allowed transitions between task states. Everything not listed is refused with the code
 * `TASK_TRANSITION_NOT_ALLOWED`. 已公示 and 已取消 are final; a task can be cancelled until its results
 * are recorded (after that the results exist and must be published).
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * console.log(ALLOWED_TASK_TRANSITIONS['to-draw']); // ['drawn', 'cancelled']
 * console.log(ALLOWED_TASK_TRANSITIONS.published); // []
 * ```
 */
export const ALLOWED_TASK_TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  'to-draw': ['drawn', 'cancelled'],
  drawn: ['matched', 'cancelled'],
  matched: ['inspecting', 'cancelled'],
  inspecting: ['recorded', 'cancelled'],
  recorded: ['published'],
  published: [],
  cancelled: [],
};
