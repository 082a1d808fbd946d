/**
 * Validates the options, indexes targets and inspectors by sorted id, classifies eligibility, collects
 * recusal pairs and computes tickets and digests (docs/spec.md §M2–§M5).
 */
import { ShuangsuijiError } from '../../errors.js';
import { daysFromCivil, daysInMonth, dayNumberOf, plainDateOf, tryDayNumber } from '../../internals/plain-date.js';
import type { Inspector } from '../../models/inspector.js';
import type { RecusalGround } from '../match-options.js';
import type { ResolvedMatchOptions as MatchOptions } from './resolve-seed.js';
import type { NormalisedMatchRules } from '../match-record.js';
import type { MatchTarget } from '../match-target.js';
import { ByteWriter, compareCodeUnits, hashScratch, HashWriter, sha256HexOf, sortedUnique, utf8 } from './encoding.js';

export const TARGET_TAG = 'shuangsuiji/match/v1/target';

/** Eligibility of an inspector on the date, independent of the target. 0 = eligible. */
export const Status = {
  Eligible: 0,
  WrongDepartment: 1,
  Expert: 2,
  Suspended: 3,
  NoCertificate: 4,
  Expired: 5,
  NotYetValid: 6,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

/** Eligibility of a 专家 to assist (docs/spec.md §M11), independent of the target. 0 = eligible. */
export const ExpertStatus = {
  Eligible: 0,
  NotExpert: 1,
  WrongDepartment: 2,
  Suspended: 3,
  LacksExpertise: 4,
} as const;
export type ExpertStatus = (typeof ExpertStatus)[keyof typeof ExpertStatus];

/** Recusal ground bits (bit k ↔ ground code k+1 in the recusal digest). */
export const GROUND_BITS = {
  'close-relative': 1,
  interest: 2,
  'former-employment': 4,
  other: 8,
  relative: 16,
  request: 32,
  rotation: 64,
} as const;
/**
 * Ground code g (bit 1 << g, digest code g + 1) of each declared ground (§M2 g 1–4). Looked up with
 * `Object.hasOwn`: `'constructor'`, `'toString'` or an internal ground such as `'relative'` is unknown.
 */
const DECLARED_GROUNDS: Readonly<Record<RecusalGround, number>> = {
  'close-relative': 0,
  interest: 1,
  'former-employment': 2,
  other: 3,
};

/** Recusal declared on the day (re-draw); not part of the recusal digest. */
export const DAY_BIT = 128;

export interface DayRecusal {
  readonly targetId: string;
  readonly inspectorId: string;
}

export interface Prepared {
  readonly seed: string;
  readonly label: string;
  readonly rules: NormalisedMatchRules;
  readonly dateDay: number;
  /** Targets sorted by id. */
  readonly targets: readonly MatchTarget[];
  readonly targetIndex: ReadonlyMap<string, number>;
  /** Ticket hex per target index. */
  readonly tickets: readonly string[];
  /** Target indices in ascending ticket. */
  readonly ticketOrder: readonly number[];
  /** Required specialties per target (sorted, unique, including the rules' own). */
  readonly expertise: readonly (readonly string[])[];
  /** All inspectors (local and neighbouring) sorted by id. */
  readonly inspectors: readonly Inspector[];
  readonly inspectorIndex: ReadonlyMap<string, number>;
  readonly isNeighbour: Uint8Array;
  readonly status: Uint8Array;
  /** {@link ExpertStatus} of each inspector (as a 专家 who might assist). */
  readonly expertStatus: Uint8Array;
  /** `rules.expertsPerTarget`, 0 when absent. */
  readonly expertsPerTarget: number;
  /** UTF-8 bytes of each target id. */
  readonly targetIdBytes: readonly Uint8Array[];
  /**
   * Recusal pairs (declared facts and day-of recusals) by target: the recused inspectors of target t are
   * `recInspector[recStart[t] … recStart[t+1])`, ascending, with their ground bits in `recBits`.
   */
  readonly recStart: Int32Array;
  readonly recInspector: Int32Array;
  readonly recBits: Uint8Array;
  /** Interned units for 所所交叉: per inspector (-1 none) and per target's supervising unit (-1 none or unknown). */
  readonly inspectorUnit: Int32Array;
  readonly targetUnit: Int32Array;
  readonly teamSize: number;
  readonly capacity: number;
  /** Department → minimum (only minimums ≥ 1). */
  readonly minimums: ReadonlyMap<string, number>;
  readonly digests: { targets: string; inspectors: string; neighbourInspectors: string; recusals: string };
}

function fail(code: string, zh: string, en: string, path: readonly (string | number)[] = []): never {
  throw new ShuangsuijiError(code, zh, en, { path });
}

function isNonNegativeInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** The same calendar day `years` years earlier (29 February → 28 February). */
function yearsBefore(day: number, years: number): number {
  const text = plainDateOf(day);
  const y = Number(text.slice(0, 4)) - years;
  const m = Number(text.slice(5, 7));
  const d = Math.min(Number(text.slice(8, 10)), daysInMonth(Math.max(y, 1), m));
  return daysFromCivil(y, m, d);
}

export function normaliseRules(options: MatchOptions): NormalisedMatchRules {
  if (typeof options !== 'object' || options === null) fail('INVALID_MATCH_OPTIONS', '缺少匹配选项', 'match options are missing');
  if (typeof options.seed !== 'string' || options.seed.length === 0) fail('INVALID_MATCH_OPTIONS', '随机种子必须是非空字符串', 'seed must be a non-empty string', ['seed']);
  if (typeof options.label !== 'string') fail('INVALID_MATCH_OPTIONS', '抽取标签必须是字符串', 'label must be a string', ['label']);
  dayNumberOf(options.date, ['date']);
  if (typeof options.department !== 'string' || options.department.length === 0) fail('INVALID_MATCH_OPTIONS', '发起部门必须是非空字符串', 'department must be a non-empty string', ['department']);
  const cooperatingIn = options.cooperatingDepartments ?? [];
  if (!Array.isArray(cooperatingIn)) fail('INVALID_MATCH_OPTIONS', '配合部门必须是数组', 'cooperatingDepartments must be an array', ['cooperatingDepartments']);
  cooperatingIn.forEach((d: unknown, k) => {
    if (typeof d !== 'string' || d.length === 0) fail('INVALID_MATCH_OPTIONS', `配合部门必须是非空字符串，第 ${k + 1} 项不是`, `cooperating departments must be non-empty strings; entry ${k} is not`, ['cooperatingDepartments', k]);
  });
  const cooperating = sortedUnique(cooperatingIn.filter((d) => d !== options.department));
  const given = options.teamSize;
  if (given !== undefined && (!isNonNegativeInt(given) || given < 2)) fail('INVALID_MATCH_OPTIONS', `每组执法人员不得少于2人，收到 ${String(given)}`, `teamSize must be an integer ≥ 2, got ${String(given)}`, ['teamSize']);
  const allowed = new Set([options.department, ...cooperating]);
  let minimums: [string, number][];
  const minimumsIn: unknown = options.departmentMinimums;
  if (minimumsIn !== undefined && (typeof minimumsIn !== 'object' || minimumsIn === null || Array.isArray(minimumsIn))) {
    fail('INVALID_MATCH_OPTIONS', '部门最少人数必须是以部门为键的对象', 'departmentMinimums must be an object keyed by department', ['departmentMinimums']);
  }
  if (options.departmentMinimums === undefined) {
    minimums = cooperating.length === 0 ? [] : [...allowed].sort(compareCodeUnits).map((d) => [d, 1]);
  } else {
    minimums = [];
    for (const key of Object.keys(options.departmentMinimums).sort(compareCodeUnits)) {
      const value = options.departmentMinimums[key];
      if (!allowed.has(key)) fail('INVALID_MATCH_OPTIONS', `部门最少人数中的部门不在本次抽查部门内：${key}`, `departmentMinimums names a department not in the inspection: ${key}`, ['departmentMinimums', key]);
      if (!isNonNegativeInt(value)) fail('INVALID_MATCH_OPTIONS', `部门最少人数必须是非负整数：${key}`, `department minimum must be a non-negative integer: ${key}`, ['departmentMinimums', key]);
      if (value > 0) minimums.push([key, value]);
    }
  }
  const sum = minimums.reduce((s, [, v]) => s + v, 0);
  // Default team size: 2, or the sum of the department minimums when larger (a joint inspection of three
  // departments needs three). Only a team size the caller set can be too small.
  const teamSize = given ?? Math.max(2, sum);
  if (sum > teamSize) {
    const defaulted = options.departmentMinimums === undefined;
    const whyZh = defaulted ? `（联合抽查默认每个部门至少 1 人，共 ${minimums.length} 个部门）` : '';
    const whyEn = defaulted ? ` (a joint inspection needs at least 1 per department by default, ${minimums.length} departments)` : '';
    fail(
      'INVALID_MATCH_OPTIONS',
      `所设每组人数 teamSize ${teamSize} 小于各部门最少人数之和 ${sum}${whyZh}：请增大 teamSize、不设 teamSize（默认取 ${Math.max(2, sum)}）或减少 departmentMinimums`,
      `the teamSize ${teamSize} you set is smaller than the sum ${sum} of the department minimums${whyEn}: raise teamSize, leave it out (the default is then ${Math.max(2, sum)}) or lower departmentMinimums`,
      defaulted ? ['teamSize'] : ['departmentMinimums'],
    );
  }
  const cap = options.maxTargetsPerInspector ?? null;
  if (cap !== null && (!isNonNegativeInt(cap) || cap < 1)) fail('INVALID_MATCH_OPTIONS', '工作量上限必须是正整数或 null', 'maxTargetsPerInspector must be a positive integer or null', ['maxTargetsPerInspector']);
  const rotationYears = options.rotationYears ?? 0;
  if (!isNonNegativeInt(rotationYears) || rotationYears > 100) fail('INVALID_MATCH_OPTIONS', '轮换年限必须是 0–100 的整数', 'rotationYears must be an integer 0–100', ['rotationYears']);
  const expertise = options.requiredExpertise ?? [];
  if (!Array.isArray(expertise)) fail('INVALID_MATCH_OPTIONS', '业务专长要求必须是数组', 'requiredExpertise must be an array', ['requiredExpertise']);
  expertise.forEach((s: unknown, k) => {
    if (typeof s !== 'string' || s.length === 0) fail('INVALID_MATCH_OPTIONS', `业务专长必须是非空字符串，第 ${k + 1} 项不是`, `expertise must be non-empty strings; entry ${k} is not`, ['requiredExpertise', k]);
  });
  const experts: unknown = options.expertsPerTarget ?? 0;
  if (!isNonNegativeInt(experts)) fail('INVALID_MATCH_OPTIONS', `每个检查对象的专家人数 expertsPerTarget 必须是非负整数，收到 ${String(experts)}`, `expertsPerTarget must be a non-negative integer, got ${String(experts)}`, ['expertsPerTarget']);
  const expertExpertise: unknown = options.requiredExpertExpertise ?? [];
  if (!Array.isArray(expertExpertise)) fail('INVALID_MATCH_OPTIONS', '专家业务专长要求必须是数组', 'requiredExpertExpertise must be an array', ['requiredExpertExpertise']);
  expertExpertise.forEach((s: unknown, k) => {
    if (typeof s !== 'string' || s.length === 0) fail('INVALID_MATCH_OPTIONS', `专家业务专长必须是非空字符串，第 ${k + 1} 项不是`, `expert expertise must be non-empty strings; entry ${k} is not`, ['requiredExpertExpertise', k]);
  });
  if (expertExpertise.length > 0 && experts === 0) {
    fail('INVALID_MATCH_OPTIONS', '设置了专家业务专长 requiredExpertExpertise，但未要求专家（expertsPerTarget 为 0）', 'requiredExpertExpertise is set but no expert is requested (expertsPerTarget is 0)', ['requiredExpertExpertise']);
  }
  const expertSpecialties = sortedUnique(expertExpertise as string[]);
  // Expert keys only when experts are requested: a record without experts is byte-identical to one written
  // before the option existed (docs/spec.md §M11).
  return {
    date: options.date,
    department: options.department,
    cooperatingDepartments: cooperating,
    departmentMinimums: minimums,
    teamSize,
    requiredExpertise: sortedUnique(options.requiredExpertise ?? []),
    maxTargetsPerInspector: cap,
    crossUnit: options.crossUnit ?? false,
    rotationYears,
    ...(experts > 0 ? { expertsPerTarget: experts } : {}),
    ...(expertSpecialties.length > 0 ? { requiredExpertExpertise: expertSpecialties } : {}),
  };
}

/** A certificate date as a day number; a bad one throws `INVALID_DATE` naming the inspector, with the path to the field. */
function certificateDay(inspector: Inspector, field: 'validFrom' | 'validTo', path: Path): number {
  const value: unknown = inspector.certificate?.[field];
  const day = tryDayNumber(value);
  if (day !== undefined) return day;
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  const [zh, en] = field === 'validTo' ? ['有效期止', 'validTo'] : ['有效期起', 'validFrom'];
  return fail(
    'INVALID_DATE',
    `执法检查人员 ${inspector.id} 的执法证${zh}日期无效：${shown}，应为 YYYY-MM-DD 格式的真实日期`,
    `inspector ${inspector.id}: invalid certificate ${en} date ${shown}; expected a real date written YYYY-MM-DD`,
    [...path, 'certificate', field],
  );
}

function statusOf(inspector: Inspector, allowed: ReadonlySet<string>, day: number, path: Path): Status {
  if (!allowed.has(inspector.department)) return Status.WrongDepartment;
  if (inspector.isExpert) return Status.Expert;
  if (inspector.status !== 'active') return Status.Suspended;
  const c = inspector.certificate;
  if (c === undefined) return Status.NoCertificate;
  if (c.validTo !== undefined && certificateDay(inspector, 'validTo', path) < day) return Status.Expired;
  if (c.validFrom !== undefined && certificateDay(inspector, 'validFrom', path) > day) return Status.NotYetValid;
  return Status.Eligible;
}

/** Experts need no 执法证: only the role, the department, the status and the required expert specialties count. */
function expertStatusOf(inspector: Inspector, allowed: ReadonlySet<string>, specialties: readonly string[]): ExpertStatus {
  if (!inspector.isExpert) return ExpertStatus.NotExpert;
  if (!allowed.has(inspector.department)) return ExpertStatus.WrongDepartment;
  if (inspector.status !== 'active') return ExpertStatus.Suspended;
  if (!specialties.every((s) => inspector.expertise.includes(s))) return ExpertStatus.LacksExpertise;
  return ExpertStatus.Eligible;
}

function encodeInspector(w: HashWriter, p: Inspector): void {
  w.str(p.id).str(p.department).str(p.unit).list(sortedUnique(p.expertise)).str(p.status).u8(p.isExpert ? 1 : 0);
  if (p.certificate === undefined) w.u8(0);
  else w.u8(1).str(p.certificate.validFrom).str(p.certificate.validTo);
}

type Path = readonly (string | number)[];

/**
 * Sorts rows by id and indexes them. `lists` are the caller's arrays with their paths (`['targets']`,
 * `['inspectors']`, `['neighbourInspectors']`); every error points at `[...list path, index in that list, …]`.
 * Returns the path of each sorted row too.
 */
function indexById<T extends { readonly id: string }>(
  lists: readonly { readonly rows: unknown; readonly path: Path }[],
  zh: string,
  en: string,
): { sorted: T[]; index: Map<string, number>; paths: Path[] } {
  const rows: { row: T; path: Path }[] = [];
  const firstAt = new Map<string, Path>();
  for (const list of lists) {
    if (!Array.isArray(list.rows)) fail('INVALID_MATCH_INPUT', `${zh}必须是数组`, `${en} must be an array`, list.path);
    list.rows.forEach((row: unknown, k) => {
      const path = [...list.path, k];
      if (typeof row !== 'object' || row === null || Array.isArray(row)) fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 行不是对象`, `${en} row ${k} is not an object`, path);
      const id: unknown = (row as { id?: unknown }).id;
      if (typeof id !== 'string' || id.length === 0) fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 行的 id 必须是非空字符串`, `the id of ${en} row ${k} must be a non-empty string`, [...path, 'id']);
      const earlier = firstAt.get(id);
      if (earlier !== undefined) fail('DUPLICATE_ID', `重复的 id：${id}（已见于 ${earlier.join('.')}）`, `duplicate id: ${id} (already at ${earlier.join('.')})`, [...path, 'id']);
      firstAt.set(id, path);
      rows.push({ row: row as T, path });
    });
  }
  rows.sort((a, b) => compareCodeUnits(a.row.id, b.row.id));
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(r.row.id, i));
  return { sorted: rows.map((r) => r.row), index, paths: rows.map((r) => r.path) };
}

/** Checks the shape of the recusal facts and the search budget (paths into the options). */
function checkFacts(options: MatchOptions): void {
  const rows = (key: 'conflicts' | 'relatives' | 'recusalRequests' | 'history', fields: readonly string[], zh: string): void => {
    const list: unknown = options[key];
    if (list === undefined) return;
    if (!Array.isArray(list)) fail('INVALID_MATCH_INPUT', `${zh}必须是数组`, `${key} must be an array`, [key]);
    list.forEach((row: unknown, k) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 项不是对象`, `${key} entry ${k} is not an object`, [key, k]);
      for (const field of fields) {
        if (typeof (row as Record<string, unknown>)[field] !== 'string') {
          fail('INVALID_MATCH_INPUT', `${zh}第 ${k + 1} 项的 ${field} 必须是字符串`, `${key} entry ${k}: ${field} must be a string`, [key, k, field]);
        }
      }
    });
  };
  rows('conflicts', ['inspectorId', 'entityId'], '回避申报');
  rows('relatives', ['inspectorId', 'name'], '近亲属名单');
  rows('recusalRequests', ['entityId', 'inspectorId'], '当事人申请回避');
  rows('history', ['inspectorId', 'entityId'], '既往检查记录');
  const budget: unknown = options.searchBudget;
  if (budget !== undefined && !(typeof budget === 'number' && (Number.isSafeInteger(budget) || budget === Infinity) && budget >= 1)) {
    fail('INVALID_MATCH_OPTIONS', '搜索步数上限 searchBudget 必须是正整数', 'searchBudget must be a positive integer', ['searchBudget']);
  }
}

export function prepare(
  targetsIn: readonly MatchTarget[],
  inspectorsIn: readonly Inspector[],
  options: MatchOptions,
  dayRecusals: readonly DayRecusal[] = [],
): Prepared {
  const rules = normaliseRules(options);
  checkFacts(options);
  const day = dayNumberOf(rules.date);
  const { sorted: targets, index: targetIndex } = indexById<MatchTarget>([{ rows: targetsIn, path: ['targets'] }], '检查对象', 'targets');
  const {
    sorted: inspectors,
    index: inspectorIndex,
    paths: inspectorPaths,
  } = indexById<Inspector>(
    [
      { rows: inspectorsIn, path: ['inspectors'] },
      { rows: options.neighbourInspectors ?? [], path: ['neighbourInspectors'] },
    ],
    '执法检查人员',
    'inspectors',
  );
  const N = inspectors.length;
  const isNeighbour = new Uint8Array(N);
  const status = new Uint8Array(N);
  const expertStatus = new Uint8Array(N).fill(ExpertStatus.NotExpert);
  const allowed = new Set([rules.department, ...rules.cooperatingDepartments]);
  const expertSpecialties = rules.requiredExpertExpertise ?? [];
  for (let i = 0; i < N; i++) {
    const path = inspectorPaths[i]!;
    isNeighbour[i] = path[0] === 'neighbourInspectors' ? 1 : 0;
    status[i] = statusOf(inspectors[i]!, allowed, day, path.slice(0, 2));
    // Independent of the enforcement status (which reports a wrong department before expertness).
    expertStatus[i] = expertStatusOf(inspectors[i]!, allowed, expertSpecialties);
  }

  // Tickets.
  const T = targets.length;
  const targetIdBytes = targets.map((t) => utf8(t.id));
  const tickets: string[] = new Array<string>(T);
  const prefixBytes = new ByteWriter().str(TARGET_TAG).str(options.seed).str(options.label).bytes();
  let message = new Uint8Array(prefixBytes.length + 64);
  message.set(prefixBytes);
  const scratch = hashScratch();
  for (let t = 0; t < T; t++) {
    const id = targetIdBytes[t]!;
    const length = prefixBytes.length + 4 + id.length;
    if (length > message.length) {
      const next = new Uint8Array(length * 2);
      next.set(prefixBytes);
      message = next;
    }
    let o = prefixBytes.length;
    message[o++] = id.length >>> 24; message[o++] = (id.length >>> 16) & 0xff; message[o++] = (id.length >>> 8) & 0xff; message[o++] = id.length & 0xff;
    message.set(id, o);
    tickets[t] = sha256HexOf(message, length, scratch);
  }
  const ticketOrder = targets.map((_, i) => i).sort((a, b) => compareCodeUnits(tickets[a]!, tickets[b]!) || a - b);

  const expertise = targets.map((t) => {
    const own = t.requiredExpertise ?? [];
    return own.length === 0 ? rules.requiredExpertise : sortedUnique([...own, ...rules.requiredExpertise]);
  });

  // Recusal facts → (target, inspector, ground) rows; ground g ↔ bit 1 << g (g = 7: day-of recusal).
  const facts = new RecusalRows((options.conflicts?.length ?? 0) + (options.recusalRequests?.length ?? 0) + dayRecusals.length + 16);
  let lastEntity: string | undefined, lastT = -1;
  const mark = (entityId: string, inspectorId: string, g: number): void => {
    let t = lastT;
    if (entityId !== lastEntity) {
      t = targetIndex.get(entityId) ?? -1;
      lastEntity = entityId;
      lastT = t;
    }
    if (t < 0) return;
    const i = inspectorIndex.get(inspectorId);
    if (i === undefined) return;
    facts.push(t, i, g);
  };
  (options.conflicts ?? []).forEach((c, k) => {
    const ground: unknown = c.ground;
    if (typeof ground !== 'string' || !Object.hasOwn(DECLARED_GROUNDS, ground)) {
      fail('INVALID_MATCH_INPUT', `未知的回避事由：${String(ground)}`, `unknown recusal ground: ${String(ground)}`, ['conflicts', k, 'ground']);
    }
    mark(c.entityId, c.inspectorId, DECLARED_GROUNDS[ground as RecusalGround]);
  });
  for (const q of options.recusalRequests ?? []) mark(q.entityId, q.inspectorId, 5);
  const relatives = options.relatives ?? [];
  if (relatives.length > 0) {
    const byName = new Map<string, number[]>();
    for (let t = 0; t < T; t++) {
      const name = targets[t]!.legalRepresentative;
      if (name === undefined) continue;
      const list = byName.get(name);
      if (list === undefined) byName.set(name, [t]);
      else list.push(t);
    }
    for (const r of relatives) {
      const i = inspectorIndex.get(r.inspectorId);
      if (i === undefined) continue;
      for (const t of byName.get(r.name) ?? []) facts.push(t, i, 4);
    }
  }
  if (rules.rotationYears > 0) {
    const start = yearsBefore(day, rules.rotationYears);
    (options.history ?? []).forEach((h, k) => {
      if (dayNumberOf(h.date, ['history', k, 'date']) >= start) mark(h.entityId, h.inspectorId, 6);
    });
  }
  for (const r of dayRecusals) mark(r.targetId, r.inspectorId, 7);

  // Bucket the rows by target (counting sort), sort each bucket by (inspector, ground), merge, and hash
  // the distinct declared triples in (t, i, g) order (day-of recusals live in the record's redraws).
  const recStart = new Int32Array(T + 1);
  for (let r = 0; r < facts.length; r++) recStart[facts.t[r]! + 1]!++;
  for (let t = 0; t < T; t++) recStart[t + 1]! += recStart[t]!;
  const entries = new Int32Array(facts.length);
  {
    const fill = recStart.slice(0, T);
    for (let r = 0; r < facts.length; r++) entries[fill[facts.t[r]!]!++] = facts.i[r]! * 8 + facts.g[r]!;
  }
  facts.release();
  let count = 0;
  for (let t = 0; t < T; t++) {
    const a = recStart[t]!, b = recStart[t + 1]!;
    sortSegment(entries, a, b);
    for (let e = a; e < b; e++) if ((entries[e]! & 7) !== 7 && (e === a || entries[e] !== entries[e - 1])) count++;
  }
  const rw = new HashWriter().str('shuangsuiji/match/v1/recusals').u32(count);
  const recInspectorAll = new Int32Array(entries.length);
  const recBitsAll = new Uint8Array(entries.length);
  let n = 0;
  for (let t = 0; t < T; t++) {
    const a = recStart[t]!, b = recStart[t + 1]!;
    recStart[t] = n;
    for (let e = a; e < b; e++) {
      const v = entries[e]!;
      if (e > a && v === entries[e - 1]) continue;
      const i = v >>> 3, g = v & 7;
      if (g !== 7) rw.u32(t).u32(i).u8(g + 1);
      if (n > recStart[t]! && recInspectorAll[n - 1] === i) recBitsAll[n - 1]! |= 1 << g;
      else { recInspectorAll[n] = i; recBitsAll[n] = 1 << g; n++; }
    }
  }
  recStart[T] = n;
  const recInspector = recInspectorAll.slice(0, n);
  const recBits = recBitsAll.slice(0, n);

  // Units for 所所交叉.
  const units = new Map<string, number>();
  const inspectorUnit = new Int32Array(N).fill(-1);
  for (let i = 0; i < N; i++) {
    const unit = inspectors[i]!.unit;
    if (unit === undefined) continue;
    let u = units.get(unit);
    if (u === undefined) units.set(unit, (u = units.size));
    inspectorUnit[i] = u;
  }
  const targetUnit = new Int32Array(T).fill(-1);
  for (let t = 0; t < T; t++) {
    const unit = targets[t]!.supervisingUnit;
    if (unit !== undefined) targetUnit[t] = units.get(unit) ?? -1;
  }

  // Digests.
  const tw = new HashWriter().str('shuangsuiji/match/v1/targets').u32(T);
  for (let t = 0; t < T; t++) {
    const x = targets[t]!;
    tw.strBytes(targetIdBytes[t]!).str(x.supervisingUnit).str(x.legalRepresentative).list(sortedUnique(x.requiredExpertise ?? []));
  }
  const local = inspectors.filter((_, i) => isNeighbour[i] === 0);
  const neighbours = inspectors.filter((_, i) => isNeighbour[i] === 1);
  const iw = new HashWriter().str('shuangsuiji/match/v1/inspectors').u32(local.length);
  for (const p of local) encodeInspector(iw, p);
  const nw = new HashWriter().str('shuangsuiji/match/v1/inspectors').u32(neighbours.length);
  for (const p of neighbours) encodeInspector(nw, p);

  return {
    seed: options.seed,
    label: options.label,
    rules,
    dateDay: day,
    targets,
    targetIndex,
    tickets,
    ticketOrder,
    expertise,
    inspectors,
    inspectorIndex,
    isNeighbour,
    status,
    expertStatus,
    expertsPerTarget: rules.expertsPerTarget ?? 0,
    targetIdBytes,
    recStart,
    recInspector,
    recBits,
    inspectorUnit,
    targetUnit,
    teamSize: rules.teamSize,
    capacity: rules.maxTargetsPerInspector ?? Math.max(1, targets.length),
    minimums: new Map(rules.departmentMinimums),
    digests: { targets: tw.digestHex(), inspectors: iw.digestHex(), neighbourInspectors: nw.digestHex(), recusals: rw.digestHex() },
  };
}

/** The recusal bits of a pair including the rule-based 所所交叉 (bit 256). */
export function recusalBits(p: Prepared, t: number, i: number): number {
  const rec = p.recInspector;
  let lo = p.recStart[t]!, hi = p.recStart[t + 1]!;
  let bits = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = rec[mid]!;
    if (v < i) lo = mid + 1;
    else if (v > i) hi = mid;
    else { bits = p.recBits[mid]!; break; }
  }
  if (p.rules.crossUnit) {
    const unit = p.inspectorUnit[i]!;
    if (unit >= 0 && unit === p.targetUnit[t]) bits |= 256;
  }
  return bits;
}

/** Growable columns of (target, inspector, ground) rows. */
class RecusalRows {
  t: Int32Array;
  i: Int32Array;
  g: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.t = new Int32Array(capacity);
    this.i = new Int32Array(capacity);
    this.g = new Uint8Array(capacity);
  }

  push(t: number, i: number, g: number): void {
    if (this.length === this.t.length) {
      const size = this.t.length * 2;
      const t2 = new Int32Array(size); t2.set(this.t); this.t = t2;
      const i2 = new Int32Array(size); i2.set(this.i); this.i = i2;
      const g2 = new Uint8Array(size); g2.set(this.g); this.g = g2;
    }
    this.t[this.length] = t;
    this.i[this.length] = i;
    this.g[this.length] = g;
    this.length++;
  }

  release(): void {
    this.t = this.i = new Int32Array(0);
    this.g = new Uint8Array(0);
  }
}

/** Sorts `a[from … to)` ascending (insertion sort for short runs). */
function sortSegment(a: Int32Array, from: number, to: number): void {
  if (to - from > 48) {
    a.subarray(from, to).sort();
    return;
  }
  for (let x = from + 1; x < to; x++) {
    const v = a[x]!;
    let y = x - 1;
    while (y >= from && a[y]! > v) { a[y + 1] = a[y]!; y--; }
    a[y + 1] = v;
  }
}
