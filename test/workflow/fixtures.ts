// Small synthetic fixtures for the workflow tests (every name is obviously synthetic).
import type { Entity } from '../../src/models/entity.js';
import type { InspectionItem } from '../../src/models/inspection-item.js';
import type { SpotCheckPlan } from '../../src/models/spot-check-plan.js';
import type { InspectionResult } from '../../src/workflow/inspection-result.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { deriveTasks } from '../../src/workflow/derive-tasks.js';

export const DEPT_A = '示例县市场监督管理局';
export const DEPT_B = '示例县卫生健康委员会';
export const DEPT_C = '示例县生态环境分局';

export function item(id: string, department: string, extra: Partial<InspectionItem> = {}): InspectionItem {
  return {
    id,
    department,
    name: `示例事项${id}`,
    legalBasis: ['《示例条例》第1条'],
    category: 'general',
    ratio: 0.05,
    frequencyPerYear: 1,
    methods: ['on-site'],
    requiredExpertise: [],
    ...extra,
  };
}

export function plan(id: string, itemIds: string[], extra: Partial<SpotCheckPlan> = {}): SpotCheckPlan {
  return {
    id,
    name: `示例计划${id}`,
    year: 2025,
    initiatingDepartment: DEPT_A,
    cooperatingDepartments: [],
    itemIds,
    targetScope: [],
    period: { start: '2025-01-01', end: '2025-12-31' },
    methods: [],
    batches: [{ label: 'B1', start: '2025-01-01', end: '2025-12-31' }],
    ...extra,
  };
}

export function entity(id: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    creditCode: `91350100MA${id.padStart(8, '0')}`.slice(0, 18),
    name: `示例商贸有限公司${id}`,
    kind: 'enterprise',
    status: 'active',
    lists: [],
    complaintCount: 0,
    tags: [],
    ...extra,
  };
}

/** One single-department task for item I1, in state 待抽取. */
export function freshTask(): SpotCheckTask {
  const derived = deriveTasks([plan('P1', ['I1'])], [item('I1', DEPT_A)]);
  if (!derived.success) throw new Error('fixture plan is invalid');
  const task = derived.data.tasks[0];
  if (task === undefined) throw new Error('no task');
  return task;
}

export function result(taskId: string, targetId: string, itemId: string, extra: Partial<InspectionResult> = {}): InspectionResult {
  return {
    taskId,
    targetId,
    itemId,
    inspectionDate: '2025-03-10',
    methods: ['on-site'],
    categoryCodes: ['no-problem'],
    followUp: 'closed',
    recordSignature: 'signed',
    conduct: 'cooperated',
    referrals: [],
    inspectingBody: DEPT_A,
    inspectorIds: ['X1', 'X2'],
    ...extra,
  };
}
