/** Structural check of an untrusted match record, so that replaying it can only fail with the library's own errors. */
import type { MatchRecord } from '../match-record.js';

type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const strings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const counts = (v: unknown): boolean => Array.isArray(v) && v.every(isCount);

/** The path of the first field of `record` whose type is wrong, or undefined when the shape is that of a {@link MatchRecord}. */
export function recordShapeProblem(record: unknown): Path | undefined {
  if (!isObject(record)) return [];
  for (const key of ['seed', 'label'] as const) if (!isString(record[key])) return [key];
  const r = record['rules'];
  if (!isObject(r)) return ['rules'];
  const rules: [string, (v: unknown) => boolean][] = [
    ['date', isString],
    ['department', isString],
    ['cooperatingDepartments', strings],
    ['departmentMinimums', (v) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && isString(p[0]) && isCount(p[1]))],
    ['teamSize', isCount],
    ['requiredExpertise', strings],
    ['maxTargetsPerInspector', (v) => v === null || isCount(v)],
    ['crossUnit', (v) => typeof v === 'boolean'],
    ['rotationYears', isCount],
  ];
  for (const [key, ok] of rules) if (!ok(r[key])) return ['rules', key];
  // Expert rules are absent from records without experts.
  if (r['expertsPerTarget'] !== undefined && !isCount(r['expertsPerTarget'])) return ['rules', 'expertsPerTarget'];
  if (r['requiredExpertExpertise'] !== undefined && !strings(r['requiredExpertExpertise'])) return ['rules', 'requiredExpertExpertise'];
  const d = record['digests'];
  if (!isObject(d)) return ['digests'];
  for (const key of ['targets', 'inspectors', 'neighbourInspectors', 'recusals']) if (!isString(d[key])) return ['digests', key];
  // Optional expert fields (present only when experts were requested): the first of them with a wrong type.
  const expertFields = (v: Record<string, unknown>, withCode: boolean): string | undefined =>
    v['expertIds'] !== undefined && !strings(v['expertIds']) ? 'expertIds'
    : v['expertRanks'] !== undefined && !counts(v['expertRanks']) ? 'expertRanks'
    : withCode && v['expertShortfall'] !== undefined && !isString(v['expertShortfall']) ? 'expertShortfall'
    : undefined;
  const lists: [string, (v: Record<string, unknown>) => string | undefined][] = [
    ['assignments', (a) => (!isString(a['targetId']) ? 'targetId' : !isString(a['targetTicket']) ? 'targetTicket' : !strings(a['inspectorIds']) ? 'inspectorIds' : !counts(a['ranks']) ? 'ranks' : expertFields(a, true))],
    ['unstaffable', (u) => (!isString(u['targetId']) ? 'targetId' : !isString(u['targetTicket']) ? 'targetTicket' : !isString(u['code']) ? 'code' : undefined)],
    ['redraws', (x) => (!isString(x['targetId']) ? 'targetId' : !isString(x['inspectorId']) ? 'inspectorId' : !isString(x['ground']) ? 'ground' : !strings(x['inspectorIds']) ? 'inspectorIds' : !counts(x['ranks']) ? 'ranks' : expertFields(x, false))],
  ];
  for (const [key, check] of lists) {
    const list = record[key];
    if (!Array.isArray(list)) return [key];
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (!isObject(item)) return [key, i];
      const bad = check(item);
      if (bad !== undefined) return [key, i, bad];
    }
  }
  return undefined;
}

/** Type guard over {@link recordShapeProblem}. */
export function hasRecordShape(record: unknown): record is MatchRecord {
  return recordShapeProblem(record) === undefined;
}
