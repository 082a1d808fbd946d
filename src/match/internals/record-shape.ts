/** Structural check of an untrusted match record, so that replaying it can only fail with the library's own errors. */
import type { MatchRecord } from '../match-record.js';

type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
/** Every index of an array (holes of a sparse array included, which `every` would skip). */
const all = (v: unknown, ok: (x: unknown) => boolean): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
};
const strings = (v: unknown): boolean => all(v, isString);
const counts = (v: unknown): boolean => all(v, isCount);

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
    ['departmentMinimums', (v) => all(v, (p) => Array.isArray(p) && p.length === 2 && isString(p[0]) && isCount(p[1]))],
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
    ['redraws', (x) => (!isString(x['targetId']) ? 'targetId' : !isString(x['inspectorId']) ? 'inspectorId' : !isString(x['ground']) ? 'ground' : x['note'] !== undefined && !isString(x['note']) ? 'note' : !strings(x['inspectorIds']) ? 'inspectorIds' : !counts(x['ranks']) ? 'ranks' : expertFields(x, false))],
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

/** Members as a result lists them: `{ inspectorId, rank, … }`. */
const members = (v: unknown): number | undefined => {
  if (!Array.isArray(v)) return -1;
  for (let k = 0; k < v.length; k++) {
    const m: unknown = v[k];
    if (!isObject(m) || !isString(m['inspectorId']) || !isCount(m['rank'])) return k;
  }
  return undefined;
};

/**
 * The path (below the result) of the first field of a {@link MatchResult} passed back to the library whose type is
 * wrong, or undefined: the record (as {@link recordShapeProblem}), each assignment's `targetId`, `members` and
 * `experts`, each unstaffable target's `targetId` and `reason.code`.
 */
export function resultShapeProblem(result: unknown): Path | undefined {
  if (!isObject(result)) return [];
  const inRecord = recordShapeProblem(result['record']);
  if (inRecord !== undefined) return ['record', ...inRecord];
  const assignments = result['assignments'];
  if (!Array.isArray(assignments)) return ['assignments'];
  for (let j = 0; j < assignments.length; j++) {
    const a: unknown = assignments[j];
    if (!isObject(a)) return ['assignments', j];
    if (!isString(a['targetId'])) return ['assignments', j, 'targetId'];
    for (const key of ['members', 'experts'] as const) {
      if (key === 'experts' && a[key] === undefined) continue;
      const bad = members(a[key]);
      if (bad !== undefined) return bad < 0 ? ['assignments', j, key] : ['assignments', j, key, bad];
    }
  }
  const unstaffable = result['unstaffable'];
  if (!Array.isArray(unstaffable)) return ['unstaffable'];
  for (let j = 0; j < unstaffable.length; j++) {
    const u: unknown = unstaffable[j];
    if (!isObject(u)) return ['unstaffable', j];
    if (!isString(u['targetId'])) return ['unstaffable', j, 'targetId'];
    const reason = u['reason'];
    if (!isObject(reason) || !isString(reason['code'])) return ['unstaffable', j, 'reason'];
  }
  return undefined;
}
