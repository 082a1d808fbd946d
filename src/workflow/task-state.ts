/**
 * 任务状态 — the state of a spot-check task (抽查任务):
 * 待抽取 `to-draw` → 已抽取 `drawn` → 已匹配 `matched` → 检查中 `inspecting` → 已录入 `recorded` →
 * 已公示 `published`; and 已取消 `cancelled` from any state before 已录入.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const state: TaskState = 'drawn';
 * console.log(TASK_STATE_LABELS[state].zh); // 已抽取
 * ```
 */
export type TaskState = 'to-draw' | 'drawn' | 'matched' | 'inspecting' | 'recorded' | 'published' | 'cancelled';

/**
 * Chinese and English labels of every {@link TaskState}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * console.log(TASK_STATE_LABELS['to-draw'].zh, TASK_STATE_LABELS['to-draw'].en); // 待抽取 to draw
 * ```
 */
export const TASK_STATE_LABELS: Readonly<Record<TaskState, { readonly zh: string; readonly en: string }>> = {
  'to-draw': { zh: '待抽取', en: 'to draw' },
  drawn: { zh: '已抽取', en: 'drawn' },
  matched: { zh: '已匹配', en: 'matched' },
  inspecting: { zh: '检查中', en: 'inspecting' },
  recorded: { zh: '已录入', en: 'results recorded' },
  published: { zh: '已公示', en: 'published' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};
