import * as z from 'zod';
import { ShuangsuijiError } from '../errors.js';
import type { Entity } from '../models/entity.js';
import type { InspectionItem } from '../models/inspection-item.js';
import { inputObject, parseArgument } from './internals/arguments.js';
import { describeSizeZh } from './internals/describe-size.js';
import { ItemListSchema, requireEntityRisks, requireEntityRow, requireTask } from './internals/tasks.js';
import { publicIdentifier } from './internals/public-identifier.js';
import { describeFilterZh, joinZh } from './internals/labels.js';
import type { PublicNotice } from './public-notice.js';
import type { SpotCheckTask } from './spot-check-task.js';

/**
 * The auditable facts of a draw that its notice publishes (taken from the draw record): the seed
 * commitment published before the draw, the register digest fixed before the seed existed, and — once
 * revealed — the seed, so anyone can re-run the draw with `verifyDraw`.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const record: DrawRecord; // from drawTargets
 * const facts: DrawNoticeFacts = { seedCommitment: record.seedCommitment!.hash, seed: record.seed, registerDigest: record.register.digest };
 * ```
 */
export interface DrawNoticeFacts {
  /** 抽取算法 id and version. */
  readonly algorithm?: string;
  /** 种子承诺 (hash published before the seed). */
  readonly seedCommitment: string;
  /** 随机种子, once revealed. */
  readonly seed?: string;
  /** 名录库摘要 — digest of the register as drawn from. */
  readonly registerDigest: string;
  /** 排除名单摘要 — digest of the exclusions (annual de-duplication). */
  readonly exclusionsDigest?: string;
  /** 抽取记录摘要 — digest of the whole record. */
  readonly recordDigest?: string;
  /** 抽取总体数量. */
  readonly populationSize?: number;
  /** The whole draw record as canonical JSON text, when it is to be published in full. */
  readonly recordJson?: string;
}

/**
 * Input of {@link buildDrawNotice}.
 *
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask;
 * declare const items: readonly InspectionItem[];
 * declare const register: readonly Entity[];
 * declare const facts: DrawNoticeFacts;
 * const input: DrawNoticeInput = { task, items, entities: register, facts };
 * ```
 */
export interface DrawNoticeInput {
  /** The task, drawn (state 已抽取 or later). */
  readonly task: SpotCheckTask;
  /** The item list (for item names). */
  readonly items: readonly InspectionItem[];
  /** The register (for names and credit codes of the drawn targets). */
  readonly entities: readonly Entity[];
  /** Facts from the draw record. */
  readonly facts: DrawNoticeFacts;
}

const text = /* @__PURE__ */ z.string().min(1);
const FactsSchema = /* @__PURE__ */ z
  .object({
    algorithm: text.optional(),
    seedCommitment: text,
    seed: text.optional(),
    registerDigest: text,
    exclusionsDigest: text.optional(),
    recordDigest: text.optional(),
    populationSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    recordJson: text.optional(),
  })
  .strict();

/**
 * 抽取结果公示 — the public notice of one task's draw: the drawn targets (名称, 统一社会信用代码, 抽查事项,
 * 批次) and the facts that make the draw checkable (种子承诺, 随机种子 once revealed, 名录库摘要, 抽取记录摘要).
 * Nothing about inspectors is included.
 *
 * Throws `TASK_NOT_DRAWN` before 已抽取 (or when cancelled before drawing) and `DRAW_TARGET_UNKNOWN` for a
 * target missing from `entities`. The input is read strictly first (unknown keys, wrong types, the task shape,
 * the items, register rows with only entity fields and distinct ids — each published row as `EntitySchema` reads
 * it —, the facts: coded errors with paths).
 *
 * @param input - the drawn 抽查任务, its 抽查事项, the 检查对象名录库 rows of the targets and the draw's facts (commitment, seed,
 * digests) ({@link DrawNoticeInput})
 * @throws {@link ShuangsuijiError} with a code of {@link WorkflowErrorCode}
 * @group Workflow
 *
 * @example
 * ```ts
 * declare const task: SpotCheckTask; // 已抽取
 * declare const items: readonly InspectionItem[];
 * declare const register: readonly Entity[];
 * declare const record: DrawRecord; // the record drawTargets returned for the task (seed committed beforehand)
 * const facts = { seedCommitment: record.seedCommitment!.hash, registerDigest: record.register.digest, seed: record.seed };
 * const notice = buildDrawNotice({ task, items, entities: register, facts });
 * console.log(notice.meta.map((m) => `${m.labelZh}：${m.value}`).join('\n'));
 * ```
 */
export function buildDrawNotice(input: DrawNoticeInput): PublicNotice {
  const raw = inputObject(input, ['task', 'items', 'entities', 'facts'], ['task', 'items', 'entities', 'facts'], { zh: '抽取结果公示的输入', en: 'draw notice input' });
  const task = requireTask(raw['task'], ['task']);
  const items = parseArgument<readonly InspectionItem[]>(ItemListSchema, raw['items'], ['items'], { zh: '抽查事项清单', en: 'item list' });
  const entities = requireEntityRisks(raw['entities'], ['entities']);
  const facts = parseArgument<DrawNoticeFacts>(FactsSchema, raw['facts'], ['facts'], { zh: '抽取记录事实', en: 'draw facts' });
  const drawnOn = task.history.find((h) => h.to === 'drawn')?.date;
  if (drawnOn === undefined) {
    throw new ShuangsuijiError('TASK_NOT_DRAWN', `任务 ${task.id} 尚未抽取`, `task ${task.id} has not been drawn`, { path: ['task', 'state'] });
  }
  const rowOf = new Map<string, number>();
  entities.forEach((e, i) => rowOf.set(e.id, i));
  const itemNames = task.itemIds.map((id) => items.find((it) => it.id === id)?.name ?? id);
  const rows = task.targetIds.map((id, k) => {
    const row = rowOf.get(id);
    const entity = row === undefined ? undefined : requireEntityRow(entities[row], ['entities', row]);
    if (entity === undefined) {
      throw new ShuangsuijiError('DRAW_TARGET_UNKNOWN', `抽中的检查对象不在名录库中：${id}`, `drawn target not in the register: ${id}`, { path: ['task', 'targetIds', k] });
    }
    return [String(k + 1), entity.name, publicIdentifier(entity), joinZh(itemNames), task.batch.label, drawnOn];
  });
  const meta = [
    { key: 'task', labelZh: '抽查任务', labelEn: 'task', value: task.id },
    { key: 'planName', labelZh: '计划名称', labelEn: 'plan', value: task.planName },
    { key: 'departments', labelZh: task.kind === 'joint' ? '发起部门／配合部门' : '实施部门', labelEn: 'departments', value: task.kind === 'joint' ? `${task.initiatingDepartment}／${joinZh(task.cooperatingDepartments)}` : task.initiatingDepartment },
    { key: 'items', labelZh: '抽查事项', labelEn: 'items', value: joinZh(itemNames) },
    { key: 'targetScope', labelZh: '检查对象范围', labelEn: 'target scope', value: describeFilterZh(task.spec.targetScope) },
    { key: 'ratio', labelZh: '抽查比例', labelEn: 'ratio', value: describeSizeZh(task.spec.size) + (task.spec.batch.count > 1 ? `（分 ${task.spec.batch.count} 批，本批为第 ${task.spec.batch.index + 1} 批）` : '') },
    { key: 'batch', labelZh: '批次', labelEn: 'batch', value: `${task.batch.label}（${task.batch.start} 至 ${task.batch.end}）` },
    { key: 'drawnOn', labelZh: '抽取日期', labelEn: 'drawn on', value: drawnOn },
    { key: 'drawnCount', labelZh: '抽取数量', labelEn: 'drawn', value: String(task.targetIds.length) },
  ];
  const population = facts.populationSize ?? task.population?.total;
  if (population !== undefined) meta.push({ key: 'populationSize', labelZh: '抽取总体数量', labelEn: 'population', value: String(population) });
  if (facts.algorithm !== undefined) meta.push({ key: 'algorithm', labelZh: '抽取算法', labelEn: 'algorithm', value: facts.algorithm });
  meta.push({ key: 'seedCommitment', labelZh: '随机种子承诺值', labelEn: 'seed commitment', value: facts.seedCommitment });
  meta.push({ key: 'seed', labelZh: '随机种子', labelEn: 'seed', value: facts.seed ?? '（尚未公开）' });
  meta.push({ key: 'registerDigest', labelZh: '检查对象名录库摘要', labelEn: 'register digest', value: facts.registerDigest });
  if (facts.exclusionsDigest !== undefined) meta.push({ key: 'exclusionsDigest', labelZh: '排除名单摘要', labelEn: 'exclusions digest', value: facts.exclusionsDigest });
  const recordDigest = facts.recordDigest ?? task.drawRecordDigest;
  if (recordDigest !== undefined) meta.push({ key: 'recordDigest', labelZh: '抽取记录摘要', labelEn: 'record digest', value: recordDigest });
  if (facts.recordJson !== undefined) meta.push({ key: 'record', labelZh: '抽取记录', labelEn: 'draw record', value: facts.recordJson });
  return {
    kind: 'draw',
    titleZh: `“双随机”抽取结果公示：${task.planName}（${task.batch.label}）`,
    titleEn: `Random draw result: ${task.planName} (${task.batch.label})`,
    meta,
    columns: [
      { key: 'sequence', headerZh: '序号', headerEn: 'No.' },
      { key: 'entityName', headerZh: '检查对象名称', headerEn: 'entity' },
      { key: 'creditCode', headerZh: '统一社会信用代码', headerEn: 'unified social credit code' },
      { key: 'items', headerZh: '抽查事项', headerEn: 'items' },
      { key: 'batch', headerZh: '批次', headerEn: 'batch' },
      { key: 'drawnOn', headerZh: '抽取日期', headerEn: 'drawn on' },
    ],
    rows,
    withheld: 0,
  };
}
