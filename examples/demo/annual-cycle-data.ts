/**
 * Synthetic inputs of the annual-cycle demo: an item list, an annual plan, a joint plan, and
 * deterministic inspection results (no randomness: categories follow the target's position).
 * Every name is obviously synthetic.
 */
import type { InspectionItem } from '../../src/models/inspection-item.js';
import type { SpotCheckPlan } from '../../src/models/spot-check-plan.js';
import type { InspectionResult, SpotCheckTask } from '../../src/workflow/index.js';

export const MARKET = '市场监管局';
export const HEALTH = '卫生健康委';

export const DEMO_ITEMS: readonly InspectionItem[] = [
  {
    id: 'ITEM-M1',
    sequence: 1,
    department: MARKET,
    name: '示例事项01 企业公示信息检查',
    legalBasis: ['《示例企业信息公示条例》第12条', '《示例抽查办法》第4条'],
    inspectingBody: MARKET,
    category: 'general',
    targetDescription: '辖区内示例检查对象',
    ratio: 0.03,
    frequencyPerYear: 1,
    methods: ['document', 'online'],
    requiredExpertise: [],
  },
  {
    id: 'ITEM-M2',
    sequence: 2,
    department: MARKET,
    name: '示例事项02 经营场所规范检查',
    legalBasis: ['《示例登记管理条例》第20条'],
    inspectingBody: MARKET,
    category: 'general',
    targetDescription: '辖区内示例企业',
    ratio: 0.02,
    frequencyPerYear: 1,
    methods: ['on-site'],
    requiredExpertise: [],
    remark: '跨部门开展，本单位不再单独开展',
  },
  {
    id: 'ITEM-W1',
    sequence: 3,
    department: HEALTH,
    name: '示例事项03 公共场所卫生检查',
    legalBasis: ['《示例公共场所卫生管理条例》第14条'],
    inspectingBody: HEALTH,
    category: 'general',
    targetDescription: '辖区内示例企业',
    ratio: 0.02,
    frequencyPerYear: 1,
    methods: ['on-site'],
    requiredExpertise: [],
    remark: '跨部门开展，本单位不再单独开展',
  },
];

export const DEMO_PLANS: readonly SpotCheckPlan[] = [
  {
    id: 'P-SJ-2025',
    name: '示例市市场监管局2025年度抽查计划',
    year: 2025,
    initiatingDepartment: MARKET,
    cooperatingDepartments: [],
    itemIds: ['ITEM-M1', 'ITEM-M2'],
    targetScope: [],
    period: { start: '2025-01-01', end: '2025-12-31' },
    methods: [],
    batches: [
      { label: '上半年', start: '2025-01-01', end: '2025-06-30' },
      { label: '下半年', start: '2025-07-01', end: '2025-12-31' },
    ],
  },
  {
    id: 'P-WJ-2025',
    name: '示例市卫生健康委2025年度抽查计划',
    year: 2025,
    initiatingDepartment: HEALTH,
    cooperatingDepartments: [],
    itemIds: ['ITEM-W1'],
    targetScope: [],
    period: { start: '2025-01-01', end: '2025-12-31' },
    methods: [],
    batches: [{ label: '全年', start: '2025-01-01', end: '2025-12-31' }],
  },
  {
    id: 'J-2025',
    name: '示例市2025年公共场所跨部门联合抽查',
    year: 2025,
    initiatingDepartment: MARKET,
    cooperatingDepartments: [HEALTH],
    itemIds: ['ITEM-M2', 'ITEM-W1'],
    targetScope: [{ field: 'kind', op: 'in', values: ['enterprise'] }],
    ratio: 0.02,
    period: { start: '2025-03-01', end: '2025-05-31' },
    methods: ['on-site'],
    batches: [{ label: '第一批', start: '2025-03-01', end: '2025-05-31' }],
  },
];

/** Deterministic synthetic results for one task: one per target and item. */
export function demoResults(
  task: SpotCheckTask,
  inspectionDays: readonly string[],
  items: readonly InspectionItem[],
): InspectionResult[] {
  const out: InspectionResult[] = [];
  task.targetIds.forEach((targetId, k) => {
    const team = task.assignments.find((a) => a.targetId === targetId)?.inspectorIds ?? [];
    const inspectionDate = inspectionDays[k % inspectionDays.length]!;
    for (const itemId of task.itemIds) {
      const body = items.find((it) => it.id === itemId)?.department ?? task.initiatingDepartment;
      const base = {
        taskId: task.id,
        targetId,
        itemId,
        inspectionDate,
        methods: task.methods,
        followUp: 'closed' as const,
        recordSignature: 'signed' as const,
        conduct: 'cooperated' as const,
        referrals: [],
        inspectingBody: body,
        inspectorIds: team,
      };
      if (k === 1 && task.kind === 'joint') {
        out.push({ ...base, categoryCodes: ['non-cooperation'], conduct: 'refused-inspection', recordSignature: 'refused-to-sign', followUp: 'open', details: '检查对象拒绝接受检查（示例）' });
      } else if (k === 2 && task.kind !== 'joint') {
        out.push({
          ...base,
          categoryCodes: ['problem-false-disclosure'],
          conduct: 'concealed-or-falsified',
          followUp: 'open',
          referrals: [{ department: '示例市税务局', matter: '涉嫌虚假申报（示例，内部信息）' }],
          details: '年报资产数据与账簿不符（示例）',
        });
      } else if (k % 7 === 3) {
        out.push({ ...base, categoryCodes: ['problem-not-disclosed', 'problem-unreachable'], followUp: 'open' });
      } else if (k % 7 === 5) {
        out.push({
          ...base,
          categoryCodes: ['corrected'],
          details: '示例配方及工艺参数（商业秘密）',
          sensitive: [{ field: 'details', reason: 'trade-secret' }],
        });
      } else {
        out.push({ ...base, categoryCodes: ['no-problem'] });
      }
    }
  });
  return out;
}
