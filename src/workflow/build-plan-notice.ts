import { ShuangsuijiError } from '../errors.js';
import type { InspectionItem } from '../models/inspection-item.js';
import { SpotCheckPlanSchema, type SpotCheckPlan } from '../models/spot-check-plan.js';
import { parseArgument } from './internals/arguments.js';
import { ItemListSchema } from './internals/tasks.js';
import { describeSizeZh, itemSize } from './internals/describe-size.js';
import { compareCodeUnits } from './internals/exact.js';
import { describeFilterZh, ITEM_CATEGORY_ZH, joinZh, METHOD_ZH } from './internals/labels.js';
import type { PublicNotice } from './public-notice.js';

/**
 * 抽查计划公示 — the public notice of an annual or joint plan (seed 002 (一): items, basis, ratios and
 * subjects are published every year): one row per item in the shape of the 随机抽查事项清单 (序号, 部门名称,
 * 抽查事项名称, 抽查依据, 检查主体, 事项类别, 检查对象, 抽查比例, 抽查频次, 检查方式, 备注), with the plan's
 * departments, directed conditions, period and batches as heading facts. Rows follow 序号, then item id.
 *
 * Throws `PLAN_ITEM_UNKNOWN` when the plan names an item not in `items`. The plan and the items are read as
 * `SpotCheckPlanSchema` and `InspectionItemSchema` read them (unknown keys, wrong types, unknown vocabulary throw
 * coded errors with paths under `plan` and `items`; an item id twice is `ITEM_ID_DUPLICATE`).
 *
 * @param planArgument - 年度抽查计划 or 联合抽查计划: the plan to publish ({@link SpotCheckPlan})
 * @param itemsArgument - 随机抽查事项清单: the item list the plan names its items from
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const plan: SpotCheckPlan;
 * declare const items: readonly InspectionItem[];
 * const notice = buildPlanNotice(plan, items);
 * console.log(noticeToCsv(notice, { bom: true }));
 * ```
 */
export function buildPlanNotice(planArgument: SpotCheckPlan, itemsArgument: readonly InspectionItem[]): PublicNotice {
  const plan = parseArgument<SpotCheckPlan>(SpotCheckPlanSchema, planArgument, ['plan'], { zh: '抽查计划', en: 'plan' });
  const items = parseArgument<readonly InspectionItem[]>(ItemListSchema, itemsArgument, ['items'], { zh: '抽查事项清单', en: 'item list' });
  const planItems = plan.itemIds.map((id, k) => {
    const item = items.find((it) => it.id === id);
    if (item === undefined) {
      throw new ShuangsuijiError('PLAN_ITEM_UNKNOWN', `抽查事项不在事项清单中：${id}`, `item not in the item list: ${id}`, { path: ['itemIds', k] });
    }
    return item;
  });
  planItems.sort((a, b) => (a.sequence ?? Number.MAX_SAFE_INTEGER) - (b.sequence ?? Number.MAX_SAFE_INTEGER) || compareCodeUnits(a.id, b.id));
  const joint = plan.cooperatingDepartments.length > 0;
  const planSize =
    plan.count !== undefined
      ? describeSizeZh({ kind: 'count', count: plan.count })
      : plan.ratioByRiskClass !== undefined
        ? describeSizeZh({ kind: 'ratio-by-risk-class', ratios: plan.ratioByRiskClass })
        : plan.ratio !== undefined
          ? describeSizeZh({ kind: 'ratio', ratio: plan.ratio })
          : undefined;
  const rows = planItems.map((item, k) => {
    const size = itemSize(item);
    const methods = plan.methods.length > 0 ? plan.methods : item.methods;
    return [
      String(item.sequence ?? k + 1),
      item.department,
      item.name,
      item.legalBasis.join('；'),
      item.inspectingBody ?? item.department,
      ITEM_CATEGORY_ZH[item.category] ?? item.category,
      item.targetDescription ?? '',
      planSize ?? (size === undefined ? '' : describeSizeZh(size)),
      item.frequencyPerYear === undefined ? '' : String(joint ? 1 : item.frequencyPerYear),
      joinZh(methods.map((m) => METHOD_ZH[m] ?? m)),
      item.remark ?? '',
    ];
  });
  return {
    kind: 'plan',
    titleZh: `${plan.year}年度“双随机、一公开”${joint ? '跨部门联合' : ''}抽查计划：${plan.name}`,
    titleEn: `${plan.year} ${joint ? 'joint ' : ''}random inspection plan: ${plan.name}`,
    meta: [
      { key: 'planName', labelZh: '计划名称', labelEn: 'plan', value: plan.name },
      { key: 'year', labelZh: '年度', labelEn: 'year', value: String(plan.year) },
      { key: 'kind', labelZh: '抽查类型', labelEn: 'kind', value: joint ? '跨部门联合抽查' : '本部门抽查' },
      { key: 'initiatingDepartment', labelZh: joint ? '发起部门' : '实施部门', labelEn: joint ? 'initiating department' : 'department', value: plan.initiatingDepartment },
      { key: 'cooperatingDepartments', labelZh: '配合部门', labelEn: 'cooperating departments', value: joint ? joinZh(plan.cooperatingDepartments) : '无' },
      { key: 'targetScope', labelZh: '检查对象范围', labelEn: 'target scope', value: describeFilterZh(plan.targetScope) },
      { key: 'ratio', labelZh: '抽查比例', labelEn: 'ratio', value: planSize ?? '按各事项' },
      { key: 'period', labelZh: '实施期间', labelEn: 'period', value: `${plan.period.start} 至 ${plan.period.end}` },
      {
        key: 'batches',
        labelZh: '批次',
        labelEn: 'batches',
        value: [...plan.batches]
          .sort((a, b) => compareCodeUnits(a.start, b.start) || compareCodeUnits(a.label, b.label))
          .map((b) => `${b.label}（${b.start} 至 ${b.end}）`)
          .join('；'),
      },
    ],
    columns: [
      { key: 'sequence', headerZh: '序号', headerEn: 'No.' },
      { key: 'department', headerZh: '部门名称', headerEn: 'department' },
      { key: 'itemName', headerZh: '抽查事项名称', headerEn: 'inspection item' },
      { key: 'legalBasis', headerZh: '抽查依据', headerEn: 'legal basis' },
      { key: 'inspectingBody', headerZh: '检查主体', headerEn: 'inspecting body' },
      { key: 'category', headerZh: '事项类别', headerEn: 'item category' },
      { key: 'targets', headerZh: '检查对象', headerEn: 'targets' },
      { key: 'ratio', headerZh: '抽查比例', headerEn: 'ratio' },
      { key: 'frequency', headerZh: '抽查频次(次/年)', headerEn: 'times per year' },
      { key: 'methods', headerZh: '检查方式', headerEn: 'methods' },
      { key: 'remark', headerZh: '备注', headerEn: 'remark' },
    ],
    rows,
    withheld: 0,
  };
}
