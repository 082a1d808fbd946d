/** Tasks and register rows as arguments: checked against their shapes, ids unique within a list. */
import * as z from 'zod';
import type { IssuePath } from '../../errors.js';
import { EntitySchema, type Entity } from '../../models/entity.js';
import { InspectionItemSchema, type InspectionItem } from '../../models/inspection-item.js';
import { InspectorSchema, type Inspector } from '../../models/inspector.js';
import type { SpotCheckTask } from '../spot-check-task.js';
import { ShuangsuijiError } from '../../errors.js';
import { parseArgument, shown } from './arguments.js';
import { SpotCheckTaskSchema } from './shapes.js';
import type { WorkflowErrorCode } from '../workflow-error-code.js';

export const TaskListSchema = /* @__PURE__ */ z.array(SpotCheckTaskSchema).superRefine((tasks, ctx) => {
  const seen = new Set<string>();
  tasks.forEach((task, i) => {
    if (seen.has(task.id)) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `task id ${task.id} appears twice`, params: { code: 'TASK_ID_DUPLICATE', zh: `任务 id 重复：${task.id}` } });
    }
    seen.add(task.id);
  });
});

/** One task (a checked copy), or the first problem thrown with its path below `path`. */
export function requireTask(value: unknown, path: IssuePath): SpotCheckTask {
  return parseArgument<SpotCheckTask>(SpotCheckTaskSchema, value, path, { zh: '抽查任务', en: 'task' });
}

/** A list of tasks with distinct ids (checked copies), or the first problem thrown. */
export function requireTasks(value: unknown, path: IssuePath): readonly SpotCheckTask[] {
  return parseArgument<readonly SpotCheckTask[]>(TaskListSchema, value, path, { zh: '抽查任务列表', en: 'task list' });
}

/** The keys of an {@link Entity}, tied to the model by the compiler (a key added there fails to compile here). */
const ENTITY_KEY_TABLE: Readonly<Record<keyof Entity, true>> = {
  id: true, creditCode: true, otherIdentifier: true, name: true, kind: true, industry: true, scale: true, regionCode: true,
  registrationAuthority: true, supervisingUnit: true, status: true, riskClass: true, lists: true, complaintCount: true, tags: true,
  legalRepresentative: true, address: true, businessScope: true,
};
const RISK_CLASSES: readonly unknown[] = ['A', 'B', 'C', 'D'];

function entityError(code: WorkflowErrorCode, path: IssuePath, zh: string, en: string): ShuangsuijiError {
  return new ShuangsuijiError(code, `检查对象名录无效：${zh}`, `invalid entity register: ${en}`, { path });
}

/**
 * Register rows read for their id and 信用风险分类 only — a fast check of every row, without copying the register
 * (a whole register of 10⁵ rows is read in a few milliseconds): each row a plain object with no key an
 * {@link Entity} does not have, a non-empty string `id`, distinct ids, `riskClass` absent or A–D. The other fields
 * are not read here (functions that read them check the rows they use with `EntitySchema`).
 */
export function requireEntityRisks(value: unknown, path: IssuePath): readonly Pick<Entity, 'id' | 'riskClass'>[] {
  if (!Array.isArray(value)) throw entityError('INVALID_TYPE', path, `应为检查对象数组，收到 ${shown(value)}`, `expected an array of entities, got ${shown(value)}`);
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row) || (Object.getPrototypeOf(row) !== Object.prototype && Object.getPrototypeOf(row) !== null)) {
      throw entityError('INVALID_TYPE', [...path, i], `第 ${i} 行应为对象，收到 ${shown(row)}`, `row ${i} must be an object, got ${shown(row)}`);
    }
    for (const key of Object.keys(row)) {
      if (!Object.hasOwn(ENTITY_KEY_TABLE, key)) throw entityError('UNKNOWN_FIELD', [...path, i, key], `第 ${i} 行有未知字段 ${shown(key)}`, `row ${i} has an unknown field ${shown(key)}`);
    }
    const { id, riskClass } = row as { id?: unknown; riskClass?: unknown };
    if (typeof id !== 'string' || id.length === 0) throw entityError(id === undefined ? 'MISSING_FIELD' : 'INVALID_TYPE', [...path, i, 'id'], `第 ${i} 行的 id 应为非空字符串`, `row ${i}: id must be a non-empty string`);
    if (riskClass !== undefined && !RISK_CLASSES.includes(riskClass)) throw entityError('INVALID_VALUE', [...path, i, 'riskClass'], `第 ${i} 行的信用风险分类应为 A、B、C 或 D，收到 ${shown(riskClass)}`, `row ${i}: riskClass must be A, B, C or D, got ${shown(riskClass)}`);
    if (seen.has(id)) throw entityError('ENTITY_ID_DUPLICATE', [...path, i, 'id'], `检查对象 id 重复：${shown(id)}`, `entity id ${shown(id)} appears twice`);
    seen.add(id);
  }
  return value as readonly Pick<Entity, 'id' | 'riskClass'>[];
}

/** One register row as `EntitySchema` reads it (a checked copy), for the rows a function actually shows. */
export function requireEntityRow(value: unknown, path: IssuePath): Entity {
  return parseArgument<Entity>(EntitySchema, value, path, { zh: '检查对象', en: 'entity' });
}

/** A list whose `id`s are distinct (the second occurrence of an id is `code`). */
function uniqueIds<T extends { readonly id: string }>(item: z.ZodType<T>, code: string, zh: string, en: string): z.ZodType<T[]> {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((entry, i) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${en} id ${entry.id} appears twice`, params: { code, zh: `${zh} id 重复：${entry.id}` } });
      seen.add(entry.id);
    });
  }) as unknown as z.ZodType<T[]>;
}

/** 随机抽查事项清单 rows ({@link InspectionItemSchema}), ids distinct. */
export const ItemListSchema = /* @__PURE__ */ uniqueIds(InspectionItemSchema as unknown as z.ZodType<InspectionItem>, 'ITEM_ID_DUPLICATE', '抽查事项', 'item');

/** 执法检查人员名录库 rows ({@link InspectorSchema}), ids distinct. */
export const InspectorListSchema = /* @__PURE__ */ uniqueIds(InspectorSchema as unknown as z.ZodType<Inspector>, 'INSPECTOR_ID_DUPLICATE', '执法检查人员', 'inspector');
