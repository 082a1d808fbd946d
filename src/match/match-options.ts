import type { DrawSeed } from '../draw/draw-record.js';
import type { Inspector } from '../models/inspector.js';

/**
 * 回避事由 — ground of a declared conflict: 近亲属 `close-relative`, 利害关系 `interest`,
 * 曾任职 `former-employment`, 其他可能影响公正的关系 `other`.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const ground: RecusalGround = 'interest';
 * ```
 */
export type RecusalGround = 'close-relative' | 'interest' | 'former-employment' | 'other';

/**
 * 回避申报 — an inspector–entity pair with a declared conflict of interest.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const c: DeclaredConflict = { inspectorId: 'I-07', entityId: 'T-001', ground: 'close-relative' };
 * ```
 */
export interface DeclaredConflict {
  /** The inspector's id. */
  readonly inspectorId: string;
  /** The entity's (target's) id. */
  readonly entityId: string;
  /** 回避事由. */
  readonly ground: RecusalGround;
}

/**
 * 近亲属名单 — a relative of an inspector, by name; an inspector recuses from every target whose
 * 法定代表人 has exactly this name (compared as strings, no normalisation).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const r: InspectorRelative = { inspectorId: 'I-07', name: '甲某' };
 * ```
 */
export interface InspectorRelative {
  /** The inspector's id. */
  readonly inspectorId: string;
  /** The relative's name. */
  readonly name: string;
}

/**
 * 当事人申请回避 — the entity's own request that an inspector recuse.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const q: RecusalRequest = { entityId: 'T-001', inspectorId: 'I-03' };
 * ```
 */
export interface RecusalRequest {
  /** The entity's (target's) id. */
  readonly entityId: string;
  /** The inspector's id. */
  readonly inspectorId: string;
}

/**
 * 既往检查记录 — an inspector inspected an entity on a date (for the rotation rule: a row dated on or after the
 * same calendar day `rotationYears` before the inspection date recuses the pair; a row dated after the inspection
 * date counts too). The date is checked whatever `rotationYears` is.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const h: PastAssignment = { inspectorId: 'I-01', entityId: 'T-001', date: '2024-05-10' };
 * ```
 */
export interface PastAssignment {
  /** The inspector's id. */
  readonly inspectorId: string;
  /** The entity's id. */
  readonly entityId: string;
  /** Day of the past inspection, `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * 匹配规则 — the recorded rules of a match (they go into the record as they are, after normalisation).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const rules: MatchRules = { date: '2025-07-01', department: '市场监管局', teamSize: 2 };
 * // Two enforcement inspectors plus one 特种设备 expert per target:
 * const withExpert: MatchRules = { ...rules, expertsPerTarget: 1, requiredExpertExpertise: ['特种设备'] };
 * ```
 */
export interface MatchRules {
  /** 检查日期 `YYYY-MM-DD`: certificates must be valid on this day (inclusive bounds). */
  readonly date: string;
  /** 发起部门 — the department whose inspectors are drawn (the only one for a single-department plan). */
  readonly department: string;
  /**
   * 配合部门 of a joint inspection (跨部门联合抽查); their inspectors are drawn too.
   * @defaultValue `[]`
   */
  readonly cooperatingDepartments?: readonly string[] | undefined;
  /**
   * Minimum number of enforcement inspectors per department in every team, as an object keyed by department
   * (`{ 市场监管局: 2, 卫健委: 1 }`; the `[department, m]` pairs of the record are refused here), each key the
   * initiating or a cooperating department, each value an integer 0–1000 (0 = none). Their sum may not exceed
   * `teamSize` (when `teamSize` is left out it defaults to at least this sum).
   * @defaultValue for a joint inspection, 1 for the initiating and 1 for each cooperating department;
   * otherwise none
   */
  readonly departmentMinimums?: Readonly<Record<string, number>> | undefined;
  /**
   * Enforcement inspectors per team (执法人员不得少于两人). At least 2. Experts never fill these places.
   * When set, it must be at least the sum of `departmentMinimums`.
   * @defaultValue `max(2, sum of departmentMinimums)` — 2 for a single department or a joint inspection with
   * one cooperating department, 3 with two cooperating departments (one inspector per department)
   */
  readonly teamSize?: number | undefined;
  /**
   * 业务专长 every team needs (in addition to each target's own `requiredExpertise`).
   * @defaultValue `[]`
   */
  readonly requiredExpertise?: readonly string[] | undefined;
  /**
   * 工作量上限 — at most this many targets per inspector in this batch; `null` for no limit.
   * @defaultValue `null`
   */
  readonly maxTargetsPerInspector?: number | null | undefined;
  /**
   * 所所交叉 — no inspector inspects a target of their own supervising unit (`inspector.unit ===
   * target.supervisingUnit`).
   * @defaultValue `false`
   */
  readonly crossUnit?: boolean | undefined;
  /**
   * 轮换 — an inspector who inspected the entity on or after the same calendar day this many years before
   * `date` (29 February → 28 February) recuses; 0 switches the rule off.
   * @defaultValue `0`
   */
  readonly rotationYears?: number | undefined;
  /**
   * 专家 per target — after a target's enforcement team is fixed, this many experts (`isExpert: true`) are drawn
   * at random to assist there (特种设备, 食品检验 …). Experts never fill or count toward the `teamSize` places.
   * An expert needs no 执法证 but must be active and of a participating department; the recusal rules apply to
   * experts as to enforcement inspectors, and each expert assists at most `maxTargetsPerInspector` targets (the
   * same limit, counted over expert assists). When fewer experts may assist a target, the team stands and the
   * assignment carries an `expertShortfall`. See docs/spec.md §M11.
   * @defaultValue `0` — no experts (records then hold no expert fields at all)
   */
  readonly expertsPerTarget?: number | undefined;
  /**
   * 专家业务专长 — an expert may be drawn only when holding every specialty listed. Needs `expertsPerTarget` ≥ 1.
   * @defaultValue `[]`
   */
  readonly requiredExpertExpertise?: readonly string[] | undefined;
}

/**
 * 匹配事实 — the facts a match is computed from besides targets and inspectors (recusal data, the
 * neighbouring pool). Their digests go into the record; the facts themselves do not. Each row has exactly the keys
 * of its type; ids are canonicalised like every id (NFC; white space at either end refused), so an NFD spelling
 * names the same target. A row naming no target or inspector of this match (a department-wide list names many) is
 * not refused but reported in the result's `unmatchedFacts`, with its path, so that a misspelt id is seen.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const facts: MatchFacts = { conflicts: [{ inspectorId: 'I-07', entityId: 'T-001', ground: 'interest' }] };
 * ```
 */
export interface MatchFacts {
  /**
   * 回避申报 — declared conflicts.
   * @defaultValue `[]`
   */
  readonly conflicts?: readonly DeclaredConflict[] | undefined;
  /**
   * 近亲属名单 — inspectors' relatives, matched against targets' legal representatives.
   * @defaultValue `[]`
   */
  readonly relatives?: readonly InspectorRelative[] | undefined;
  /**
   * 当事人申请回避 — the entities' own recusal requests.
   * @defaultValue `[]`
   */
  readonly recusalRequests?: readonly RecusalRequest[] | undefined;
  /**
   * 既往检查记录 for the rotation rule (`rotationYears`).
   * @defaultValue `[]`
   */
  readonly history?: readonly PastAssignment[] | undefined;
  /**
   * 相邻区域执法检查人员 — used only for targets the local pool cannot staff (seed 004 二(二)2).
   * @defaultValue `[]`
   */
  readonly neighbourInspectors?: readonly Inspector[] | undefined;
  /**
   * Upper bound on search steps of the exact search used when some target's expertise and department
   * requirements are not nested (see docs/spec.md §M6). Exceeding it throws `MATCH_SEARCH_LIMIT`.
   * @defaultValue `1000000`
   */
  readonly searchBudget?: number | undefined;
}

/**
 * Options of {@link matchInspectors}: the seed and label, the rules and the facts. Any other key (say a
 * misspelled `crossunit`) throws `INVALID_MATCH_OPTIONS` with the path `[key]` rather than being ignored.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const options: MatchOptions = {
 *   seed: '314159265358979323846', label: '2025-批次1', date: '2025-07-01', department: '市场监管局',
 * };
 * const withExperts: MatchOptions = { ...options, expertsPerTarget: 1 }; // plus one 专家 per target
 * ```
 */
export interface MatchOptions extends MatchRules, MatchFacts {
  /**
   * 随机种子 — the published seed, by the draw's rules: a {@link DrawSeed} from the draw's seed helpers (its 64-hex
   * `seed` is used, so one dice reading can serve the draw and the match), 64 lower-case hex digits, or at least 20
   * ten-sided dice digits (`0`–`9` only, hashed as written). Anything else (upper-case hex, 19 digits, free text)
   * is refused: `INVALID_SEED` / `SEED_TOO_WEAK` / `SEED_ORIGIN_MISMATCH` at `['seed']`.
   */
  readonly seed: string | DrawSeed;
  /**
   * 抽取标签 — the label of this match (plan and batch), hashed with the seed. The draw's label rule: 1–1024
   * characters, no control character or lone surrogate (`INVALID_LABEL`); hashed and recorded in NFC.
   */
  readonly label: string;
}

