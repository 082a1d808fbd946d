/**
 * `npx tsx examples/workflow-deadlines.ts` — plan → task → results → publication deadline and notices,
 * on a tiny synthetic example (all names are synthetic).
 */
import { createWorkCalendar } from '../src/calendar/index.js';
import type { InspectionItem } from '../src/models/inspection-item.js';
import type { SpotCheckPlan } from '../src/models/spot-check-plan.js';
import {
  buildResultNotice,
  collectMilestones,
  computeDeadline,
  DEFAULT_DEADLINE_RULES,
  deriveTasks,
  evaluateDeadlines,
  noticeToCsv,
  transitionTask,
} from '../src/workflow/index.js';

const calendar = createWorkCalendar();
console.log('2025-01-20 + 20 个工作日 =', computeDeadline('2025-01-20', DEFAULT_DEADLINE_RULES[0]!, calendar)); // 2025-02-21
console.log('2024-09-25 + 7 个工作日 =', computeDeadline('2024-09-25', { ...DEFAULT_DEADLINE_RULES[0]!, amount: 7 }, calendar)); // 2024-10-10

const items: InspectionItem[] = [
  { id: 'I1', department: '示例县市场监督管理局', name: '示例事项 企业公示信息检查', legalBasis: ['《示例条例》第1条'], category: 'general', ratio: 0.05, methods: ['document'], requiredExpertise: [] },
];
const plan: SpotCheckPlan = {
  id: 'P', name: '示例年度计划', year: 2025, initiatingDepartment: '示例县市场监督管理局', cooperatingDepartments: [], itemIds: ['I1'],
  targetScope: [], period: { start: '2025-01-01', end: '2025-12-31' }, methods: [], batches: [{ label: '全年', start: '2025-01-01', end: '2025-12-31' }],
};
const derived = deriveTasks([plan], items);
if (!derived.success) throw new Error(derived.issues.map((i) => i.code).join(', '));
let task = derived.data.tasks[0]!;
task = transitionTask(task, { to: 'drawn', date: '2025-01-06', targetIds: ['E1'] });
task = transitionTask(task, { to: 'matched', date: '2025-01-07', assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'X2'] }] });
task = transitionTask(task, { to: 'inspecting', date: '2025-01-13' });
const results = [{
  taskId: task.id, targetId: 'E1', itemId: 'I1', inspectionDate: '2025-01-20', methods: ['document'] as const, categoryCodes: ['no-problem'],
  followUp: 'closed' as const, recordSignature: 'signed' as const, conduct: 'cooperated' as const, referrals: [], inspectingBody: '示例县市场监督管理局', inspectorIds: ['X1', 'X2'],
}];
task = transitionTask(task, { to: 'recorded', date: '2025-01-22', results });
for (const s of evaluateDeadlines(collectMilestones([task], results), { asOf: '2025-02-18', calendar })) {
  console.log(`${s.targetId ?? s.taskId}: ${s.state}, due ${s.due ?? '—'}`); // E1: due-soon, due 2025-02-21
}
task = transitionTask(task, { to: 'published', date: '2025-02-20' });
const entities = [{ id: 'E1', creditCode: '91350100M000100Y43', name: '示例商贸有限公司', kind: 'enterprise' as const, status: 'active' as const, lists: [], complaintCount: 0, tags: [] }];
process.stdout.write(noticeToCsv(buildResultNotice({ tasks: [task], results, entities, items })));
