/**
 * Step 2 of the preparation — the inputs: every target, inspector and fact row is checked for shape, keys,
 * types and vocabulary, and every id is canonicalised by the draw's rule (docs/spec.md §M1). A wrong value is a
 * coded error with the path of the field in the caller's arguments (`['inspectors', 3, 'status']`), never a
 * silent default and never a `TypeError` further on.
 */
import { ShuangsuijiError } from '../../errors.js';
import { idProblem } from '../../internals/canonical-row.js';
import { tryDayNumber } from '../../internals/plain-date.js';
import type { Entity } from '../../models/entity.js';
import { OPEN_ENDED, type Certificate, type Inspector } from '../../models/inspector.js';
import { INSPECTOR_STATUSES } from '../../models/internals/vocabulary-values.js';
import type { DeclaredConflict, InspectorRelative, MatchFacts, PastAssignment, RecusalGround, RecusalRequest } from '../match-options.js';
import type { MatchTarget } from '../match-target.js';
import type { DayOfRecusal } from '../redraw-for-recusal.js';
import { canonicalMatchId, IdReader, type Path } from './ids.js';

function fail(code: 'INVALID_MATCH_INPUT' | 'INVALID_MATCH_OPTIONS' | 'INVALID_DATE', zh: string, en: string, path: Path): never {
  throw new ShuangsuijiError(code, zh, en, { path });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const shown = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v) : Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : String(v);

/** The first own key of `row` not in `keys`, refused with its path. */
function onlyKeys(row: Record<string, unknown>, keys: Readonly<Record<string, true>>, path: Path, zh: string, en: string): void {
  for (const key of Object.keys(row)) {
    if (!Object.hasOwn(keys, key)) {
      fail('INVALID_MATCH_INPUT', `${zh}含未知字段 ${key}`, `unknown key ${key} in ${en}`, [...path, key]);
    }
  }
}

/** An optional non-empty string field (absent or `undefined` is fine). */
/**
 * A person's name that a recusal compares (a target's 法定代表人, an inspector's relative): the id rule of the
 * draw (non-empty, no control characters or lone surrogates, no white space at either end — never trimmed) so that
 * `'张三 '` cannot silently miss `'张三'`; compared in NFC by {@link nameKey}.
 */
export function checkPersonName(v: unknown, path: Path, zh: string, en: string): string {
  const problem = idProblem(v);
  if (problem !== undefined) {
    fail('INVALID_MATCH_INPUT', `${zh}的姓名无效（${problem.zh}）：${shown(v)}`, `${en}: invalid name (${problem.en}): ${shown(v)}`, path);
  }
  return v as string;
}

/** The form in which names are compared: NFC (two spellings of one name are one name). */
export function nameKey(name: string): string {
  return name.normalize('NFC');
}

function optionalText(row: Record<string, unknown>, key: string, path: Path, zh: string, en: string): void {
  const v = row[key];
  if (v !== undefined && (typeof v !== 'string' || v.length === 0)) {
    fail('INVALID_MATCH_INPUT', `${zh}的 ${key} 必须是非空字符串，收到 ${shown(v)}`, `${en}: ${key} must be a non-empty string, got ${shown(v)}`, [...path, key]);
  }
}

/** A list of non-empty strings (`required`: it must be present). */
function textList(row: Record<string, unknown>, key: string, required: boolean, path: Path, zh: string, en: string): void {
  const v = row[key];
  if (v === undefined && !required) return;
  if (!Array.isArray(v)) {
    fail('INVALID_MATCH_INPUT', `${zh}的 ${key} 必须是字符串数组（如 ["食品"]），收到 ${shown(v)}`, `${en}: ${key} must be an array of strings (e.g. ["食品"]), got ${shown(v)}`, [...path, key]);
  }
  // By index, not forEach: a hole in a sparse array is a missing value, refused like any other.
  for (let k = 0; k < v.length; k++) {
    const s: unknown = v[k];
    if (typeof s !== 'string' || s.length === 0) fail('INVALID_MATCH_INPUT', `${zh}的 ${key} 第 ${k + 1} 项必须是非空字符串，收到 ${shown(s)}`, `${en}: ${key} entry ${k} must be a non-empty string, got ${shown(s)}`, [...path, key, k]);
  }
}

/**
 * The keys a target row may hold: those of {@link MatchTarget} and of the register's {@link Entity} (a drawn
 * entity is passed as it is). Tied to both types by the compiler; any other key is refused.
 */
const TARGET_KEYS: Readonly<Record<keyof MatchTarget | keyof Entity, true>> = {
  id: true, supervisingUnit: true, legalRepresentative: true, requiredExpertise: true,
  creditCode: true, otherIdentifier: true, name: true, kind: true, industry: true, scale: true, regionCode: true,
  registrationAuthority: true, status: true, riskClass: true, lists: true, complaintCount: true, tags: true,
  address: true, businessScope: true,
};

const INSPECTOR_KEYS: Readonly<Record<keyof Inspector, true>> = {
  id: true, name: true, department: true, unit: true, position: true, expertise: true, certificate: true,
  status: true, isExpert: true, regionCode: true,
};

const CERTIFICATE_KEYS: Readonly<Record<keyof Certificate, true>> = { number: true, issuer: true, validFrom: true, validTo: true };

const STATUSES: readonly string[] = INSPECTOR_STATUSES;

/** A row of an input list with the canonical id and the path of the row in the caller's list. */
export interface CheckedRow<T> {
  readonly row: T;
  readonly path: Path;
}

function listOf(value: unknown, path: Path, zh: string, en: string): readonly unknown[] {
  if (!Array.isArray(value)) fail('INVALID_MATCH_INPUT', `${zh}必须是数组，收到 ${shown(value)}`, `${en} must be an array, got ${shown(value)}`, path);
  return value;
}

/** Targets: shape, keys, canonical id; fields the matcher reads are typed. */
export function readTargets(value: unknown): CheckedRow<MatchTarget>[] {
  const out: CheckedRow<MatchTarget>[] = [];
  const rows = listOf(value, ['targets'], '检查对象', 'targets');
  for (let k = 0; k < rows.length; k++) {
    const row: unknown = rows[k];
    const path = ['targets', k];
    if (!isPlainObject(row)) fail('INVALID_MATCH_INPUT', `检查对象第 ${k + 1} 行不是对象`, `target row ${k} is not an object`, path);
    onlyKeys(row, TARGET_KEYS, path, `检查对象第 ${k + 1} 行`, `target row ${k}`);
    const id = canonicalMatchId(row['id'], [...path, 'id'], 'target');
    const zh = `检查对象 ${id}`, en = `target ${id}`;
    optionalText(row, 'supervisingUnit', path, zh, en);
    if (row['legalRepresentative'] !== undefined) checkPersonName(row['legalRepresentative'], [...path, 'legalRepresentative'], zh, en);
    textList(row, 'requiredExpertise', false, path, zh, en);
    out.push({ row: id === row['id'] ? (row as unknown as MatchTarget) : ({ ...row, id } as unknown as MatchTarget), path });
  }
  return out;
}

/** An inspector with its certificate's bounds as day numbers (undefined when absent). */
export interface CheckedInspector extends CheckedRow<Inspector> {
  readonly neighbour: boolean;
  readonly validFrom: number | undefined;
  /** The last valid day; undefined only for an open-ended certificate ('open-ended', stated explicitly). */
  readonly validTo: number | undefined;
}

function certificateDay(c: Record<string, unknown>, field: 'validFrom' | 'validTo', id: string, path: Path): number | undefined {
  const value = c[field];
  if (value === undefined) return undefined;
  const day = tryDayNumber(value);
  if (day !== undefined) return day;
  const [zh, en] = field === 'validTo' ? ['有效期止', 'validTo'] : ['有效期起', 'validFrom'];
  return fail(
    'INVALID_DATE',
    `执法检查人员 ${id} 的执法证${zh}日期无效：${shown(value)}，应为 YYYY-MM-DD 格式的真实日期`,
    `inspector ${id}: invalid certificate ${en} date ${shown(value)}; expected a real date written YYYY-MM-DD`,
    [...path, 'certificate', field],
  );
}

function readInspector(row: unknown, path: Path, neighbour: boolean): CheckedInspector {
  const k = path[1] as number;
  if (!isPlainObject(row)) fail('INVALID_MATCH_INPUT', `执法检查人员第 ${k + 1} 行不是对象`, `inspector row ${k} is not an object`, path);
  onlyKeys(row, INSPECTOR_KEYS, path, `执法检查人员第 ${k + 1} 行`, `inspector row ${k}`);
  const id = canonicalMatchId(row['id'], [...path, 'id'], 'inspector');
  const zh = `执法检查人员 ${id}`, en = `inspector ${id}`;
  for (const key of ['name', 'department'] as const) {
    const v = row[key];
    if (typeof v !== 'string' || v.length === 0) fail('INVALID_MATCH_INPUT', `${zh}的 ${key} 必须是非空字符串，收到 ${shown(v)}`, `${en}: ${key} must be a non-empty string, got ${shown(v)}`, [...path, key]);
  }
  optionalText(row, 'unit', path, zh, en);
  optionalText(row, 'position', path, zh, en);
  optionalText(row, 'regionCode', path, zh, en);
  textList(row, 'expertise', true, path, zh, en);
  const status = row['status'];
  if (typeof status !== 'string' || !STATUSES.includes(status)) {
    fail('INVALID_MATCH_INPUT', `${zh}的状态 status 必须是 ${STATUSES.join(' 或 ')}，收到 ${shown(status)}`, `${en}: status must be ${STATUSES.join(' or ')}, got ${shown(status)}`, [...path, 'status']);
  }
  if (typeof row['isExpert'] !== 'boolean') fail('INVALID_MATCH_INPUT', `${zh}的 isExpert 必须是 true 或 false，收到 ${shown(row['isExpert'])}`, `${en}: isExpert must be true or false, got ${shown(row['isExpert'])}`, [...path, 'isExpert']);
  const c = row['certificate'];
  let validFrom: number | undefined, validTo: number | undefined;
  if (c !== undefined) {
    const cpath = [...path, 'certificate'];
    if (!isPlainObject(c)) fail('INVALID_MATCH_INPUT', `${zh}的执法证 certificate 必须是对象，收到 ${shown(c)}`, `${en}: certificate must be an object, got ${shown(c)}`, cpath);
    onlyKeys(c, CERTIFICATE_KEYS, cpath, `${zh}的执法证`, `the certificate of ${en}`);
    const number = c['number'];
    if (typeof number !== 'string' || number.length === 0) fail('INVALID_MATCH_INPUT', `${zh}的执法证号 number 必须是非空字符串，收到 ${shown(number)}`, `${en}: certificate number must be a non-empty string, got ${shown(number)}`, [...cpath, 'number']);
    optionalText(c, 'issuer', cpath, `${zh}的执法证`, `the certificate of ${en}`);
    validFrom = certificateDay(c, 'validFrom', id, path);
    // validTo is required: a date, or 'open-ended' (长期有效) stated explicitly — never valid for ever by omission.
    if (c['validTo'] === undefined) {
      fail('INVALID_MATCH_INPUT', `${zh}的执法证缺少有效期止 validTo（长期有效的请写 'open-ended'）`, `${en}: the certificate has no validTo (write 'open-ended' for a certificate without an end date)`, [...cpath, 'validTo']);
    }
    validTo = c['validTo'] === OPEN_ENDED ? undefined : certificateDay(c, 'validTo', id, path);
    if (validFrom !== undefined && validTo !== undefined && validFrom > validTo) {
      fail('INVALID_MATCH_INPUT', `${zh}的执法证有效期止早于有效期起`, `${en}: the certificate ends before it starts`, [...cpath, 'validTo']);
    }
  }
  return { row: id === row['id'] ? (row as unknown as Inspector) : ({ ...row, id } as unknown as Inspector), path, neighbour, validFrom, validTo };
}

/** The local inspectors and the neighbouring ones (`neighbourInspectors`), each row checked. */
export function readInspectors(local: unknown, neighbours: unknown): CheckedInspector[] {
  const out: CheckedInspector[] = [];
  const rows = listOf(local, ['inspectors'], '执法检查人员名录', 'inspectors');
  for (let k = 0; k < rows.length; k++) out.push(readInspector(rows[k], ['inspectors', k], false));
  if (neighbours !== undefined) {
    const more = listOf(neighbours, ['neighbourInspectors'], '相邻区域执法检查人员', 'neighbourInspectors');
    for (let k = 0; k < more.length; k++) out.push(readInspector(more[k], ['neighbourInspectors', k], true));
  }
  return out;
}

/** The fact lists whose rows name targets or inspectors by id. */
export type FactList = 'conflicts' | 'relatives' | 'recusalRequests' | 'history';

/** Ground code of each declared ground (docs/spec.md §M2: digest code g + 1). Looked up with `Object.hasOwn`. */
export const DECLARED_GROUNDS: Readonly<Record<RecusalGround, number>> = {
  'close-relative': 0,
  interest: 1,
  'former-employment': 2,
  other: 3,
};

/**
 * Receives one fact row, its ids canonical (positional, so that millions of rows allocate nothing): `entityId` is
 * undefined for a relative; `ground` the declared ground code of a conflict, else -1; `name` a relative's name;
 * `day` the day number of a history row, else 0.
 */
export type FactVisitor = (list: FactList, index: number, entityId: string | undefined, inspectorId: string, ground: number, name: string | undefined, day: number) => void;

const CONFLICT_KEYS: Readonly<Record<keyof DeclaredConflict, true>> = { inspectorId: true, entityId: true, ground: true };
const RELATIVE_KEYS: Readonly<Record<keyof InspectorRelative, true>> = { inspectorId: true, name: true };
const REQUEST_KEYS: Readonly<Record<keyof RecusalRequest, true>> = { entityId: true, inspectorId: true };
const HISTORY_KEYS: Readonly<Record<keyof PastAssignment, true>> = { inspectorId: true, entityId: true, date: true };

const FACT_NAMES: Readonly<Record<FactList, readonly [string, Readonly<Record<string, true>>]>> = {
  conflicts: ['回避申报', CONFLICT_KEYS],
  relatives: ['近亲属名单', RELATIVE_KEYS],
  recusalRequests: ['当事人申请回避', REQUEST_KEYS],
  history: ['既往检查记录', HISTORY_KEYS],
};

/**
 * Reads every fact row (checking shape, keys, ground vocabulary, dates and names, and canonicalising ids) and
 * hands each to `visit`, list by list in the order conflicts, relatives, recusal requests, history, rows in the
 * caller's order. Rows are not kept: fact lists may be long.
 */
export function readFacts(facts: MatchFacts, visit: FactVisitor): void {
  const ids = new IdReader();
  for (const list of ['conflicts', 'relatives', 'recusalRequests', 'history'] as const) {
    const value: unknown = facts[list];
    if (value === undefined) continue;
    const [zh, keys] = FACT_NAMES[list];
    const required = Object.keys(keys);
    if (!Array.isArray(value)) fail('INVALID_MATCH_INPUT', `${zh} ${list} 必须是数组，收到 ${shown(value)}`, `${list} must be an array, got ${shown(value)}`, [list]);
    for (let k = 0; k < value.length; k++) {
      const row: unknown = value[k];
      if (!isPlainObject(row)) fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 项不是对象`, `${list} entry ${k} is not an object`, [list, k]);
      // Exactly the row's keys: as many own enumerable keys as expected and each expected one present (else find
      // which). Counted without allocating: fact lists may hold millions of rows.
      let count = 0;
      for (const key in row) if (Object.hasOwn(row, key)) count++;
      let exact = count === required.length;
      for (let q = 0; exact && q < required.length; q++) exact = Object.hasOwn(row, required[q]!);
      if (!exact) {
        for (const key of Object.keys(row)) {
          if (!Object.hasOwn(keys, key)) fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 项含未知字段 ${key}（应为 ${required.join('、')}）`, `${list} entry ${k} has an unknown key ${key} (expected ${required.join(', ')})`, [list, k, key]);
        }
        for (const key of required) {
          if (!Object.hasOwn(row, key)) fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 项缺少字段 ${key}`, `${list} entry ${k} lacks the key ${key}`, [list, k, key]);
        }
      }
      const inspectorId = ids.read(row['inspectorId'], list, k, 'inspectorId', 'inspector');
      const entityId = list === 'relatives' ? undefined : ids.read(row['entityId'], list, k, 'entityId', 'target');
      let ground = -1, name: string | undefined, day = 0;
      if (list === 'conflicts') {
        const g: unknown = row['ground'];
        if (typeof g !== 'string' || !Object.hasOwn(DECLARED_GROUNDS, g)) {
          const g0 = typeof g === 'string' ? g : shown(g);
          fail('INVALID_MATCH_INPUT', `未知的回避事由：${g0}（应为 ${Object.keys(DECLARED_GROUNDS).join('、')}）`, `unknown recusal ground: ${g0} (expected ${Object.keys(DECLARED_GROUNDS).join(', ')})`, [list, k, 'ground']);
        }
        ground = DECLARED_GROUNDS[g as RecusalGround];
      } else if (list === 'relatives') {
        name = checkPersonName(row['name'], [list, k, 'name'], `${zh}第 ${k + 1} 项`, `${list} entry ${k}`);
      } else if (list === 'history') {
        const d = tryDayNumber(row['date']);
        if (d === undefined) fail('INVALID_DATE', `${zh}第 ${k + 1} 项的日期无效：${shown(row['date'])}，应为 YYYY-MM-DD 格式的真实日期`, `${list} entry ${k}: invalid date ${shown(row['date'])}; expected a real date written YYYY-MM-DD`, [list, k, 'date']);
        day = d;
      }
      visit(list, k, entityId, inspectorId, ground, name, day);
    }
  }
  const budget: unknown = facts.searchBudget;
  if (budget !== undefined && !(typeof budget === 'number' && (Number.isSafeInteger(budget) || budget === Infinity) && budget >= 1)) {
    fail('INVALID_MATCH_OPTIONS', `搜索步数上限 searchBudget 必须是正整数，收到 ${shown(budget)}`, `searchBudget must be a positive integer, got ${shown(budget)}`, ['searchBudget']);
  }
}

/** 现场回避事由 — the grounds a day-of recusal may give (docs/spec.md §M9). */
export const DAY_OF_GROUNDS: readonly string[] = ['close-relative', 'interest', 'former-employment', 'other', 'request'];

const DAY_OF_KEYS: Readonly<Record<keyof DayOfRecusal, true>> = { targetId: true, inspectorId: true, ground: true, note: true };

/** Longest `note` of a day-of recusal, in UTF-16 code units. */
export const MAX_NOTE_LENGTH = 2000;

/**
 * Problems of a day-of recusal's ground or note, or undefined: the ground from {@link DAY_OF_GROUNDS}; the note
 * (optional) a non-empty string of at most {@link MAX_NOTE_LENGTH} code units without control characters other
 * than tab and line breaks, and without lone surrogates.
 */
export function dayOfProblem(ground: unknown, note: unknown): { key: 'ground' | 'note'; zh: string; en: string } | undefined {
  if (typeof ground !== 'string' || !DAY_OF_GROUNDS.includes(ground)) {
    return {
      key: 'ground',
      zh: `未知的现场回避事由：${shown(ground)}（应为 ${DAY_OF_GROUNDS.join('、')}；其他说明写入 note）`,
      en: `unknown day-of recusal ground: ${shown(ground)} (expected ${DAY_OF_GROUNDS.join(', ')}; put other explanations in note)`,
    };
  }
  if (note === undefined) return undefined;
  const bad =
    typeof note !== 'string' || note.length === 0 || note.length > MAX_NOTE_LENGTH ||
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(note) ||
    /[\ud800-\udfff]/.test(note.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
  if (bad) {
    return {
      key: 'note',
      zh: `现场回避说明 note 必须是 1–${MAX_NOTE_LENGTH} 个字符的文字（不含控制字符），收到 ${shown(note)}`,
      en: `the day-of recusal note must be text of 1–${MAX_NOTE_LENGTH} characters without control characters, got ${shown(note)}`,
    };
  }
  return undefined;
}

/** A day-of recusal argument, checked (path under `['recusal']`), with canonical ids. */
export function readDayOfRecusal(value: unknown): DayOfRecusal {
  const path = ['recusal'];
  if (!isPlainObject(value)) fail('INVALID_MATCH_INPUT', `现场回避必须是对象，收到 ${shown(value)}`, `the recusal must be an object, got ${shown(value)}`, path);
  onlyKeys(value, DAY_OF_KEYS, path, '现场回避', 'the recusal');
  const targetId = canonicalMatchId(value['targetId'], ['recusal', 'targetId'], 'target');
  const inspectorId = canonicalMatchId(value['inspectorId'], ['recusal', 'inspectorId'], 'inspector');
  const problem = dayOfProblem(value['ground'], value['note']);
  if (problem !== undefined) fail('INVALID_MATCH_INPUT', problem.zh, problem.en, ['recusal', problem.key]);
  const note = value['note'] as string | undefined;
  return { targetId, inspectorId, ground: value['ground'] as DayOfRecusal['ground'], ...(note === undefined ? {} : { note }) };
}
