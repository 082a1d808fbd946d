/**
 * **shuangsuiji — 双随机、一公开**: verifiable random draws of inspection targets (随机抽取检查对象), recusal-aware
 * random dispatch of inspectors (随机选派执法检查人员), Chinese legal working-day deadlines (工作日) and public
 * notices (一公开), for Node and browsers. Every draw is fixed by a public seed and a digest of the register, and
 * its plain-JSON record lets anyone recompute it, to the byte.
 *
 * ## Where to start
 *
 * - **Draw and verify** (the example below): publish the {@link registerDigest} of the 检查对象名录库 before the
 *   seed exists; make the seed in public ({@link seedFromDice}, {@link seedFromContributions} or
 *   {@link seedFromBeacon}, committed first with {@link commitSeed}); draw with {@link drawTargets} — the size is an
 *   object, `{ count: 30 }` or `{ ratio: 0.05 }` —; publish the record; anyone checks it with {@link verifyDraw}.
 * - **Registers**: {@link parseEntityRegister}, {@link parseInspectorRegister} and {@link parseItemList} read
 *   spreadsheet or JSON rows with Chinese column names and return every problem with a code and a path.
 * - **Matching inspectors**: {@link matchInspectors} staffs the drawn targets (team size, 执法证, recusal, 所所交叉)
 *   and says why a target cannot be staffed; {@link redrawForRecusal} on the day; {@link verifyMatch}.
 * - **Working days**: {@link addWorkdays}, {@link countWorkdays} and {@link calendarDayDeadline} know the State
 *   Council notices 2007–2026; {@link createWorkCalendar} adds newer years and local days.
 * - **The annual cycle**: {@link deriveTasks} (plans → tasks), {@link drawInputsForTask}, {@link transitionTask},
 *   {@link evaluateDeadlines}, and the public notices ({@link buildDrawNotice}, {@link buildResultNotice},
 *   {@link noticeToCsv}).
 * - **Auditing** a history of draws, from this library or any other system: {@link auditDrawHistory}.
 * - **Errors**: bad data comes back as a {@link ParseResult} listing every {@link DataIssue}; a wrong argument
 *   throws a {@link ShuangsuijiError} with a stable `code` — test for it with {@link isShuangsuijiError}.
 * - **Files and test data**: `shuangsuiji/readers` reads register files (CSV, JSON, GB18030) in Node and browsers,
 *   as the `shuangsuiji` command does; `shuangsuiji/testing` makes synthetic registers.
 *
 * Guides by audience — vendors (this API): [中文](../docs/zh/vendors.md) · [English](../docs/en/vendors.md);
 * departments (the command line): [中文](../docs/zh/departments.md) · [English](../docs/en/departments.md);
 * auditors: [中文](../docs/zh/auditors.md) · [English](../docs/en/auditors.md); the byte-level specification:
 * [docs/spec.md](../docs/spec.md).
 *
 * @example
 * ```ts
 * import { drawTargets, registerDigest, seedFromDice, verifyDraw } from 'shuangsuiji';
 * import { generateEntityRegister } from 'shuangsuiji/testing';
 *
 * const register = generateEntityRegister(500, { seed: 2026 }); // a real one: parseEntityRegister(rows)
 * const published = registerDigest(register);                   // 1. publish before the seed exists
 * const seed = seedFromDice('40271958360112847735');             // 2. 20 ten-sided dice, rolled in public
 * const { selected, record } = drawTargets(register, { label: '2026 年第一批', size: { count: 30 } }, { seed });
 * console.log(selected.length, record.register.digest === published.digest); // 30 true
 * console.log(verifyDraw(record, register).ok);                 // 3. anyone re-runs it: true
 * ```
 *
 * @groupDescription Models
 * 一单两库 — the item list (随机抽查事项清单) and the two registers (检查对象名录库, 执法检查人员名录库): zod schemas and
 * types, the 统一社会信用代码 check, and parsers that read whole registers and report every problem.
 *
 * @groupDescription Calendar
 * 工作日 — plain `YYYY-MM-DD` dates and the Chinese working-day calendar of the State Council notices: working days
 * added and counted in O(1), calendar-day deadlines extended past rest days (民法典 art. 201, 203).
 *
 * @groupDescription Draw
 * 随机抽取检查对象 — seeds and commitments, the draw (undirected, directed, stratified, risk-weighted, with annual
 * de-duplication), its plain-JSON record and its verification.
 *
 * @groupDescription Match
 * 随机选派执法检查人员 — random teams for the drawn targets with certificates, departments, expertise, recusal and
 * workload limits; re-draws on the day; the match record and its verification.
 *
 * @groupDescription Workflow
 * 年度流程与一公开 — plans → tasks → draw inputs → results, task states, deadlines and overdue lists, public notices
 * (CSV, JSON) and statistics.
 *
 * @groupDescription Audit
 * 公平性审计 — fairness tests over a history of draws and design inclusion probabilities.
 *
 * @groupDescription Errors
 * The one error class with its stable codes, the type guard that works across bundles, and the issue shape every
 * parser returns.
 *
 * @module shuangsuiji
 */
// Maintainers: the public surface is listed by hand (one line per name) so that it can be reviewed in one place;
// test/meta/exports.test.ts checks that it matches the domain barrels. Every export needs TSDoc with @param for each
// parameter, an @example and an @group from the list in typedoc.json (test/meta/api-docs.test.ts).
export { ShuangsuijiError, isShuangsuijiError } from './errors.js';
export type { DataIssue, IssuePath, ParseResult, ShuangsuijiErrorOptions } from './errors.js';
export type { ErrorCode } from './error-code.js';

// 一单两库 — models, 统一社会信用代码, register parsing
export {
  CertificateSchema,
  CreditCodeSchema,
  ENTITY_HEADERS,
  ENTITY_INPUT_FIELDS,
  EntityKindSchema,
  EntitySchema,
  EntityStatusSchema,
  INSPECTOR_HEADERS,
  INSPECTOR_INPUT_FIELDS,
  ITEM_HEADERS,
  ITEM_INPUT_FIELDS,
  InspectionItemSchema,
  InspectionMethodSchema,
  InspectorSchema,
  InspectorStatusSchema,
  ItemCategorySchema,
  JointDepartmentsSchema,
  ListMembershipSchema,
  OPEN_ENDED,
  OtherIdentifierSchema,
  PlainDateStringSchema,
  PlanBatchSchema,
  RatioByRiskClassSchema,
  RatioSchema,
  RiskClassSchema,
  ScalarFilterFieldSchema,
  SetFilterFieldSchema,
  SpotCheckPlanSchema,
  TargetConditionSchema,
  TargetFilterSchema,
  computeUsccCheckCharacter,
  isValidUscc,
  parseEntityRegister,
  parseInspectorRegister,
  parseItemList,
  parseSpotCheckPlans,
  parseUscc,
} from './models/index.js';
export type {
  Certificate,
  Entity,
  EntityInputField,
  EntityKind,
  EntityRegister,
  EntityStatus,
  InspectionItem,
  InspectionMethod,
  Inspector,
  InspectorInputField,
  InspectorRegister,
  InspectorStatus,
  ItemCategory,
  ItemInputField,
  ItemList,
  JointDepartments,
  ListMembership,
  OtherIdentifier,
  ParseEntityRegisterOptions,
  ParseInspectorRegisterOptions,
  ParseItemListOptions,
  PlanBatch,
  RatioByRiskClass,
  RegisterParseOptions,
  RiskClass,
  ScalarFilterField,
  SetFilterField,
  SpotCheckPlan,
  TargetCondition,
  TargetFilter,
  UsccIssueCode,
  UsccParts,
  ModelsErrorCode,
  EntityRegisterIssueCode,
  InspectorRegisterIssueCode,
  ItemListIssueCode,
  SpotCheckPlanIssueCode,
} from './models/index.js';

// 工作日 — the Chinese work calendar and deadlines
export {
  addWorkdays,
  builtInHolidayData,
  calendarDayDeadline,
  countWorkdays,
  createWorkCalendar,
  defaultWorkCalendar,
  describeDay,
  isPlainDate,
  isRestDay,
  isWorkday,
  nextWorkday,
  parsePlainDate,
  plainDateInShanghai,
  previousWorkday,
  safeCreateWorkCalendar,
} from './calendar/index.js';
export type {
  CalendarCoverage,
  CalendarSource,
  DayDescription,
  DayKind,
  DayOverride,
  DaySource,
  HolidayYear,
  HolidayYearDay,
  PlainDate,
  UnknownYearsPolicy,
  WorkCalendar,
  WorkCalendarIssueCode,
  WorkCalendarOptions,
  CalendarErrorCode,
} from './calendar/index.js';

// 随机抽取检查对象 — the verifiable draw
export {
  canonicalEntityId,
  checkEntityOutcome,
  checkSeedCommitment,
  commitSeed,
  computeTicket,
  countPopulation,
  drawTargets,
  drawTargetsAsync,
  exclusionDigest,
  finishShardedDraw,
  historyFromDraw,
  isInPopulation,
  mergeShardSummaries,
  planShardedDraw,
  registerDigest,
  registerDigestAsync,
  sampleSize,
  seedFromBeacon,
  seedFromContributions,
  seedFromDice,
  seedFromOrigin,
  shardRounds,
  summarizeShard,
  summarizeShardAsync,
  verifyDraw,
  verifyDrawAsync,
} from './draw/index.js';
export type {
  AsyncRegisterSource,
  CommitSeedOptions,
  DrawOptions,
  DrawRecord,
  DrawResult,
  DrawSeed,
  DrawSpec,
  EntityOutcome,
  EntityOutcomeQuery,
  EntityOutcomeVerdict,
  ExactDecimal,
  ExclusionPolicy,
  NormalizedDrawSpec,
  NormalizedStratification,
  PastInspection,
  RegisterSource,
  SeedContribution,
  SeedOrigin,
  SelectedTarget,
  ShardCandidate,
  ShardCandidatesSummary,
  ShardCountsSummary,
  ShardDrawBinding,
  ShardOptions,
  ShardPlan,
  ShardSummary,
  SizeRule,
  Stratification,
  StratumOutcome,
  StratumSize,
  StratumSummary,
  VerifyCode,
  VerifyDrawOptions,
  VerifyProvenance,
  VerifyResult,
  WeightRule,
  DrawErrorCode,
  SeedErrorCode,
  VerifyDrawErrorCode,
  EntityOutcomeErrorCode,
} from './draw/index.js';

// 随机选派执法检查人员 — recusal-aware matching
export {
  matchInspectors,
  redrawForRecusal,
  verifyMatch,
} from './match/index.js';
export type {
  AssignedInspector,
  DayOfRecusal,
  DeclaredConflict,
  ExpertShortfall,
  InspectorRelative,
  MatchFacts,
  MatchOptions,
  MatchRecord,
  MatchResult,
  MatchRules,
  MatchTarget,
  MatchVerification,
  NormalisedMatchRules,
  PastAssignment,
  RecordedAssignment,
  RecordedRedraw,
  RecusalGround,
  RecusalRequest,
  TeamAssignment,
  UnmatchedFact,
  UnmatchedFacts,
  UnstaffableCounts,
  UnstaffableReason,
  UnstaffableTarget,
  MatchErrorCode,
  VerifyMatchCode,
} from './match/index.js';

// 年度流程与一公开 — plans, tasks, results, deadlines, notices, statistics
export {
  ALLOWED_TASK_TRANSITIONS,
  DEADLINE_RULE_PRESETS,
  DEFAULT_DEADLINE_RULES,
  DEFAULT_RESULT_CATEGORY_TREE,
  TASK_STATE_LABELS,
  annualExclusions,
  batchSampleSize,
  buildDrawNotice,
  buildPlanNotice,
  buildResultNotice,
  collectMilestones,
  computeDeadline,
  computeStatistics,
  deriveTasks,
  drawInputsForTask,
  evaluateDeadlines,
  listDueSoon,
  listOverdue,
  noticeToCsv,
  noticeToJson,
  resolveDeadlineRules,
  splitPeriodIntoBatches,
  transitionTask,
  tryTransitionTask,
  validateInspectionResults,
  validateResultCategoryTree,
} from './workflow/index.js';
export type {
  AnnualDedupPolicy,
  CollectMilestonesOptions,
  CoverageRow,
  DeadlineEvent,
  DeadlinePolicy,
  DeadlineRule,
  DeadlineState,
  DeadlineStatus,
  DeadlineSubject,
  DeriveTasksOptions,
  DerivedTasks,
  DrawInputs,
  DrawNoticeFacts,
  DrawNoticeInput,
  EntityConduct,
  EvaluateDeadlinesOptions,
  InspectionResult,
  Milestone,
  NoticeColumn,
  NoticeMetaEntry,
  NoticeToCsvOptions,
  NoticeToJsonOptions,
  PublicNotice,
  Referral,
  ResultCategoryNode,
  ResultNoticeInput,
  ResultNoticeOptions,
  SensitivityMark,
  SensitivityReason,
  SkippedPlanItem,
  SplitPeriodOptions,
  SpotCheckTask,
  StatisticsInput,
  StatisticsOptions,
  TaskAssignment,
  TaskDrawSpec,
  TaskPopulation,
  TaskSampleSize,
  TaskState,
  TaskTransition,
  TaskTransitionRecord,
  TransitionTaskOptions,
  ValidateInspectionResultsOptions,
  WorkCalendarLike,
  WorkflowStatistics,
  WorkflowErrorCode,
  DeriveTasksIssueCode,
  InspectionResultIssueCode,
  ResultCategoryTreeIssueCode,
  TaskTransitionIssueCode,
} from './workflow/index.js';

// 公平性审计 — fairness checks over draw histories
export {
  AuditEntitySchema,
  AuditFieldSchema,
  HistoryDrawSchema,
  RegisterSnapshotSchema,
  StatedDesignSchema,
  auditDrawHistory,
  computeInclusionProbabilities,
  formatAuditReport,
  statedDesignFromDrawSpec,
} from './audit/index.js';
export type {
  AuditDrawFunction,
  AuditEffect,
  AuditEntity,
  AuditField,
  AuditFinding,
  AuditOptions,
  AuditReport,
  AuditScope,
  AuditTestKind,
  CategoryCount,
  FormatAuditReportOptions,
  HistoryDraw,
  InclusionProbabilities,
  MonteCarloOptions,
  RegisterSnapshot,
  StatedDesign,
  AuditErrorCode,
  AuditIssueCode,
} from './audit/index.js';
