import { ShuangsuijiError } from '../errors.js';
import type { Entity } from '../models/entity.js';
import type { InspectionItem } from '../models/inspection-item.js';
import type { Inspector } from '../models/inspector.js';
import type { EntityConduct, InspectionResult } from './inspection-result.js';
import { inputObject, parseArgument, parseOptions } from './internals/arguments.js';
import { categoryLabelZh, indexCategories } from './internals/category-index.js';
import { requireCategoryTree } from './internals/category-tree.js';
import { OptionsSchemas } from './internals/option-schemas.js';
import { requireResults } from './internals/results.js';
import { ItemListSchema, requireEntityRisks, requireEntityRow, requireTasks } from './internals/tasks.js';
import { compareCodeUnits } from './internals/exact.js';
import { joinZh, METHOD_ZH } from './internals/labels.js';
import { publicIdentifier } from './internals/public-identifier.js';
import type { PublicNotice } from './public-notice.js';
import type { ResultCategoryNode } from './result-category-tree.js';
import type { SpotCheckTask } from './spot-check-task.js';

/**
 * Input of {@link buildResultNotice}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * declare const register: readonly Entity[];
 * declare const items: readonly InspectionItem[];
 * const input: ResultNoticeInput = { tasks, results, entities: register, items };
 * ```
 */
export interface ResultNoticeInput {
  /** The tasks the results belong to. */
  readonly tasks: readonly SpotCheckTask[];
  /** 检查结果. */
  readonly results: readonly InspectionResult[];
  /** The register (names, credit codes). */
  readonly entities: readonly Entity[];
  /** The item list (item names). */
  readonly items: readonly InspectionItem[];
}

/**
 * Options of {@link buildResultNotice}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * const options: ResultNoticeOptions = { includeInspectors: false, includeSensitive: false };
 * ```
 */
export interface ResultNoticeOptions {
  /**
   * The 检查结果分类 tree for category labels.
   * @defaultValue {@link DEFAULT_RESULT_CATEGORY_TREE}
   */
  readonly categoryTree?: readonly ResultCategoryNode[];
  /**
   * Add a 检查人员 column with the inspectors' names (personal data; off by default).
   * @defaultValue `false`
   */
  readonly includeInspectors?: boolean;
  /**
   * The inspector register, needed only with `includeInspectors`.
   * @defaultValue `[]`
   */
  readonly inspectors?: readonly Inspector[];
  /**
   * Publish fields marked as 商业秘密 or 个人隐私 anyway (国家安全 marks are always honoured).
   * @defaultValue `false`
   */
  readonly includeSensitive?: boolean;
}

const CONDUCT_ZH: Readonly<Record<EntityConduct, string>> = {
  cooperated: '配合检查',
  'refused-inspection': '拒绝接受检查',
  'concealed-or-falsified': '隐瞒真实情况、弄虚作假',
};

const WITHHELD_ZH = '（依法不予公示）';

/**
 * 检查结果公示 — the public notice of inspection results, one row per target and item: 检查对象名称,
 * 统一社会信用代码, 抽查事项, 检查主体, 检查日期, 检查方式, 检查结果 (category labels), 配合情况 (拒绝接受检查 and
 * 隐瞒真实情况、弄虚作假 are published as such), 后续处置 and 检查情况说明. A joint task's results are
 * published together under the one task.
 *
 * Left out by default: inspectors (ids, names, certificates — only the inspecting body is shown),
 * referral matters, the entity's representative and address, and every field marked sensitive: a marked
 * `details` or `categories` cell reads （依法不予公示）; a result marked `record`, and a result with a
 * `national-security` mark on any field, is left out entirely and only counted in `withheld`.
 * `national-security` marks are honoured even with `includeSensitive`.
 * Rows are sorted by task, credit code and item, whatever the input order.
 *
 * Throws `RESULT_TASK_UNKNOWN`, `RESULT_TARGET_UNKNOWN` or `RESULT_TASK_CANCELLED` for inconsistent input. Everything
 * is read strictly first: tasks and items by their shapes, register rows with only entity fields (each published
 * row as `EntitySchema` reads it), ids unique in every list, the results as
 * `validateInspectionResults` checks them against the notice's category tree (what that refuses is never
 * published: the first problem throws with its `RESULT_*` code and a path under `results`), the options (no
 * unknown key; a tree that passes `validateResultCategoryTree`; inspectors as `InspectorSchema` reads them).
 *
 * @param input - the 抽查任务, their 检查结果, the 检查对象名录库 rows and the 抽查事项 ({@link ResultNoticeInput})
 * @param options - the 检查结果分类 tree and what else to publish (inspectors, sensitive fields)
 * ({@link ResultNoticeOptions})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const tasks: readonly SpotCheckTask[];
 * declare const results: readonly InspectionResult[];
 * declare const register: readonly Entity[];
 * declare const items: readonly InspectionItem[];
 * const notice = buildResultNotice({ tasks, results, entities: register, items });
 * console.log(noticeToJson(notice));
 * ```
 */
export function buildResultNotice(input: ResultNoticeInput, options: ResultNoticeOptions = {}): PublicNotice {
  const checkedOptions = parseOptions<ResultNoticeOptions>(OptionsSchemas.resultNotice, options, { zh: '结果公示选项', en: 'result notice options' });
  const categoryTree = requireCategoryTree(checkedOptions.categoryTree, ['categoryTree']);
  const raw = inputObject(input, ['tasks', 'results', 'entities', 'items'], ['tasks', 'results', 'entities', 'items'], { zh: '结果公示的输入', en: 'result notice input' });
  const taskList = requireTasks(raw['tasks'], ['tasks']);
  const results = requireResults(raw['results'], categoryTree, ['results']);
  const register = requireEntityRisks(raw['entities'], ['entities']);
  const itemList = parseArgument<readonly InspectionItem[]>(ItemListSchema, raw['items'], ['items'], { zh: '抽查事项清单', en: 'item list' });
  const index = indexCategories(categoryTree);
  const tasks = new Map<string, SpotCheckTask>();
  for (const t of taskList) tasks.set(t.id, t);
  const rowOf = new Map<string, number>();
  register.forEach((e, i) => rowOf.set(e.id, i));
  const entities = new Map<string, Entity>();
  const entityOf = (id: string): Entity | undefined => {
    const row = rowOf.get(id);
    if (row === undefined) return undefined;
    let entity = entities.get(id);
    if (entity === undefined) {
      entity = requireEntityRow(register[row], ['entities', row]);
      entities.set(id, entity);
    }
    return entity;
  };
  const names = new Map<string, string>();
  for (const it of itemList) names.set(it.id, it.name);
  const inspectorNames = new Map<string, string>();
  for (const x of checkedOptions.inspectors ?? []) inspectorNames.set(x.id, x.name);
  const includeSensitive = checkedOptions.includeSensitive ?? false;
  // A national-security mark on any field withholds the whole record: even the fact that this entity was
  // inspected under this item may be what must not be published, so no part of the row is shown.
  const hidden = (r: InspectionResult, field: 'details' | 'categories' | 'record'): boolean =>
    (r.sensitive ?? []).some((m) => m.reason === 'national-security' || (m.field === field && !includeSensitive));

  let withheld = 0;
  const prepared: { sort: readonly string[]; row: string[] }[] = [];
  results.forEach((r, i) => {
    const task = tasks.get(r.taskId);
    if (task === undefined) throw new ShuangsuijiError('RESULT_TASK_UNKNOWN', `检查结果所属任务不存在：${r.taskId}`, `result of an unknown task: ${r.taskId}`, { path: ['results', i, 'taskId'] });
    if (task.state === 'cancelled') throw new ShuangsuijiError('RESULT_TASK_CANCELLED', `任务 ${r.taskId} 已取消，不能公示结果`, `task ${r.taskId} is cancelled; its results cannot be published`, { path: ['results', i, 'taskId'] });
    const entity = entityOf(r.targetId);
    if (entity === undefined) throw new ShuangsuijiError('RESULT_TARGET_UNKNOWN', `检查对象不在名录库中：${r.targetId}`, `target not in the register: ${r.targetId}`, { path: ['results', i, 'targetId'] });
    if (hidden(r, 'record')) {
      withheld += 1;
      return;
    }
    const code = publicIdentifier(entity);
    const row = [
      '',
      entity.name,
      code,
      names.get(r.itemId) ?? r.itemId,
      r.inspectingBody,
      r.inspectionDate,
      joinZh(r.methods.map((m) => METHOD_ZH[m] ?? m)),
      hidden(r, 'categories') ? WITHHELD_ZH : r.categoryCodes.map((c) => categoryLabelZh(index, c)).join('；'),
      CONDUCT_ZH[r.conduct] ?? r.conduct,
      r.followUp === 'closed' ? '已完结' : '未完结',
      r.details === undefined ? '' : hidden(r, 'details') ? WITHHELD_ZH : r.details,
      task.kind === 'joint' ? `联合抽查（${task.initiatingDepartment}发起）` : '本部门抽查',
    ];
    if (checkedOptions.includeInspectors === true) row.push(joinZh(r.inspectorIds.map((id) => inspectorNames.get(id) ?? id)));
    prepared.push({ sort: [r.taskId, code, r.itemId, r.targetId], row });
  });
  prepared.sort((a, b) => {
    for (let k = 0; k < a.sort.length; k += 1) {
      const c = compareCodeUnits(a.sort[k] ?? '', b.sort[k] ?? '');
      if (c !== 0) return c;
    }
    return 0;
  });
  const rows = prepared.map((p, k) => {
    p.row[0] = String(k + 1);
    return p.row;
  });
  const columns = [
    { key: 'sequence', headerZh: '序号', headerEn: 'No.' },
    { key: 'entityName', headerZh: '检查对象名称', headerEn: 'entity' },
    { key: 'creditCode', headerZh: '统一社会信用代码', headerEn: 'unified social credit code' },
    { key: 'item', headerZh: '抽查事项', headerEn: 'item' },
    { key: 'inspectingBody', headerZh: '检查主体', headerEn: 'inspecting body' },
    { key: 'inspectionDate', headerZh: '检查日期', headerEn: 'inspection date' },
    { key: 'methods', headerZh: '检查方式', headerEn: 'methods' },
    { key: 'result', headerZh: '检查结果', headerEn: 'result' },
    { key: 'conduct', headerZh: '检查对象配合情况', headerEn: 'conduct of the entity' },
    { key: 'followUp', headerZh: '后续处置状态', headerEn: 'follow-up' },
    { key: 'details', headerZh: '检查情况说明', headerEn: 'details' },
    { key: 'inspectionKind', headerZh: '抽查类型', headerEn: 'kind of check' },
  ];
  if (checkedOptions.includeInspectors === true) columns.push({ key: 'inspectors', headerZh: '检查人员', headerEn: 'inspectors' });
  return {
    kind: 'results',
    titleZh: '“双随机、一公开”抽查检查结果公示',
    titleEn: 'Random inspection results',
    meta: [
      { key: 'tasks', labelZh: '抽查任务', labelEn: 'tasks', value: [...new Set(prepared.map((p) => p.sort[0] ?? ''))].sort(compareCodeUnits).join('；') },
      { key: 'count', labelZh: '公示条数', labelEn: 'rows', value: String(rows.length) },
      { key: 'withheld', labelZh: '依法不予公示条数', labelEn: 'withheld by law', value: String(withheld) },
    ],
    columns,
    rows,
    withheld,
  };
}
