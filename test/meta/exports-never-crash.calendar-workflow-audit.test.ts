// Issue 11 §4 for the calendar, workflow and audit exports: "every export, given any value, returns its documented
// result or throws ShuangsuijiError with a code". Every function exported by the three barrels (and every method
// of a WorkCalendar) is called with
//   1. tuples of arbitrary values (fast-check `anything`, with every option on), and
//   2. mutations of valid calls: one argument, or one nested field anywhere inside one, replaced by an arbitrary
//      or a known-nasty value, deleted, or joined by an unknown key,
// and must either return or throw an error for which `isShuangsuijiError` holds, with an UPPER_SNAKE code and
// messages in both languages. The valid calls are deep-frozen, so a function that mutates its input fails too.
// A function exported without an entry in VALID_CALLS fails the test, so new exports are covered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as audit from '../../src/audit/index.js';
import * as calendar from '../../src/calendar/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import { computeUsccCheckCharacter } from '../../src/models/compute-uscc-check-character.js';
import type { Inspector } from '../../src/models/inspector.js';
import * as workflow from '../../src/workflow/index.js';
import type { DeadlinePolicy, InspectionResult, SpotCheckTask } from '../../src/workflow/index.js';
import { DEPT_A, DEPT_B, entity, item, plan, result } from '../workflow/fixtures.js';
import { declaredCodes, undeclaredReturn, undeclaredThrow } from './never-crash.js';

const SEED = 20261122;

type Path = readonly (string | number)[];
type Call = readonly unknown[];
type AnyFunction = (...args: unknown[]) => unknown;

// ---------------------------------------------------------------------------------------------------------------
// Valid inputs (small and synthetic).

const cal = calendar.createWorkCalendar();
const lenient = calendar.createWorkCalendar({ unknownYears: 'weekdays-only' });
const items = [
  item('I1', DEPT_A),
  item('I2', DEPT_A, { ratio: undefined, ratioByRiskClass: { A: 0.1, D: 0.5 }, frequencyPerYear: 2, sequence: 3, remark: '备注' }),
  item('I3', DEPT_B),
];
const plans = [
  plan('P1', ['I1']),
  plan('P2', ['I2'], { batches: [{ label: 'H1', start: '2025-01-01', end: '2025-06-30' }, { label: 'H2', start: '2025-07-01', end: '2025-12-31' }] }),
  plan('J1', ['I3'], { cooperatingDepartments: [DEPT_A], initiatingDepartment: DEPT_B, count: 2, targetScope: [{ field: 'riskClass', op: 'in', values: ['A', 'B'] }] }),
];
const derived = workflow.deriveTasks(plans, items);
if (!derived.success) throw new Error(`fixture plans are invalid: ${JSON.stringify(derived.issues)}`);
const tasks = derived.data.tasks;
const task0 = tasks.find((t) => t.planId === 'P1')!;
const uscc = (n: number): string => `91350100MA000000${n}${computeUsccCheckCharacter(`91350100MA000000${n}`)}`;
const entities = [entity('E1', { riskClass: 'A', creditCode: uscc(1) }), entity('E2', { creditCode: uscc(2) }), entity('E3', { riskClass: 'B', regionCode: '410402', creditCode: uscc(3) })];
const drawnTransition = { to: 'drawn', date: '2025-03-03', targetIds: ['E1', 'E2'], population: { total: 3, byRiskClass: { A: 1, B: 1, unclassified: 1 } }, drawRecordDigest: 'ab'.repeat(32), note: '备注' } as const;
const drawn = workflow.transitionTask(task0, drawnTransition);
const matchedTransition = {
  to: 'matched',
  date: '2025-03-04',
  assignments: [
    { targetId: 'E1', inspectorIds: ['X1', 'X2'] },
    { targetId: 'E2', inspectorIds: ['X1', 'X3'], expertIds: ['Y1'] },
  ],
} as const;
const matched = workflow.transitionTask(drawn, matchedTransition);
const inspecting = workflow.transitionTask(matched, { to: 'inspecting', date: '2025-03-05' });
const results: InspectionResult[] = [
  result(task0.id, 'E1', 'I1'),
  result(task0.id, 'E2', 'I1', {
    resultDate: '2025-03-12',
    details: '现场检查发现标签不规范',
    categoryCodes: ['problem-not-disclosed', 'corrected'],
    referrals: [{ department: DEPT_B, matter: '内部事项' }],
    sensitive: [{ field: 'details', reason: 'personal-privacy' }],
    conduct: 'refused-inspection',
    followUp: 'open',
  }),
];
const recordedTransition = { to: 'recorded', date: '2025-03-20', results } as const;
const recorded = workflow.transitionTask(inspecting, recordedTransition);
const published = workflow.transitionTask(recorded, { to: 'published', date: '2025-03-25' });
const allTasks: SpotCheckTask[] = [published, ...tasks.filter((t) => t.id !== task0.id)];
const inspectors: Inspector[] = [
  { id: 'X1', name: '检查员甲', department: DEPT_A, expertise: [], status: 'active', isExpert: false, certificate: { number: 'Z-1', validFrom: '2024-01-01', validTo: '2028-12-31' } },
  { id: 'X2', name: '检查员乙', department: DEPT_A, expertise: ['食品'], status: 'active', isExpert: false },
  { id: 'Y1', name: '专家丙', department: DEPT_B, expertise: [], status: 'active', isExpert: true },
];
const policy: DeadlinePolicy = {
  rules: workflow.DEFAULT_DEADLINE_RULES,
  byDepartment: [{ department: DEPT_A, rules: [workflow.DEADLINE_RULE_PRESETS.recordWithin7WorkingDays, workflow.DEADLINE_RULE_PRESETS.reportWithin7Days] }],
};
const extra = [{ taskId: published.id, targetId: 'E1', event: 'report-submitted', date: '2025-03-15' }, { taskId: published.id, event: 'summary-submitted', date: '2025-03-30' }];
const subjects = workflow.collectMilestones(allTasks, results, { extra });
const deadlines = workflow.evaluateDeadlines(subjects, { asOf: '2025-04-30', calendar: cal, policy });
const planNotice = workflow.buildPlanNotice(plans[1]!, items);
const facts = { algorithm: 'consistent-sampling/1', seedCommitment: 'cd'.repeat(32), seed: 'ef'.repeat(32), registerDigest: '01'.repeat(32), exclusionsDigest: '02'.repeat(32), recordDigest: '03'.repeat(32), populationSize: 3, recordJson: '{}' };
const resultNotice = workflow.buildResultNotice({ tasks: allTasks, results, entities, items }, { includeInspectors: true, inspectors, includeSensitive: false });

const population = Array.from({ length: 12 }, (_, i) => ({ id: `E${i}`, riskClass: i < 4 ? 'D' : 'A', regionCode: i % 2 ? '410402' : '410403', supervisingUnit: `所${i % 3}`, industry: '制造业', lists: i === 0 ? ['serious-violations'] : [], complaintCount: i % 4 }));
const snapshots = [{ id: 'S1', entities: population }, { id: 'S2', entities: population.slice(2) }];
const history: audit.HistoryDraw[] = [
  { label: '2024', year: 2024, snapshotId: 'S1', selectedIds: ['E1', 'E5', 'E9'] },
  { label: '2025', year: 2025, snapshotId: 'S2', selectedIds: ['E2', 'E3'], design: { stratifyBy: 'riskClass', ratios: { A: 0.1, D: 0.3 } } },
];
const weighted = { ratio: 0.25, selection: 'weighted', weights: { byRiskClass: { A: 1, D: 4 }, byList: { 'serious-violations': 2 }, complaints: { perComplaint: 0.5, cap: 3 } } } as const;
const auditResult = audit.auditDrawHistory(history, snapshots, { ratio: 0.25 }, { fields: ['regionCode', 'industry'], focusGroups: [{ label: '重点', ids: ['E1', 'E2'] }] });
if (!auditResult.success) throw new Error(`fixture audit is invalid: ${JSON.stringify(auditResult.issues)}`);
const toyDraw: audit.AuditDrawFunction = (pop, design, seed) => {
  const n = Object.values(design.sizes ?? {}).reduce((a, b) => a + b, 0);
  return pop.map((e) => e.id).sort((a, b) => (seed + a < seed + b ? -1 : 1)).slice(0, n);
};

const calendarOptions = {
  years: [{ $schema: 'https://example.invalid/schema.json', $id: 'https://example.invalid/2027.json', year: 2027, papers: ['国办发明电〔2026〕X号'], days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }, { name: '春节', date: '2027-02-06', isOffDay: false }] }],
  overrides: [{ date: '2026-03-03', isOffDay: true, name: '本地节日' }],
  unknownYears: 'error',
  builtIn: true,
};

/** Valid argument tuples of every exported function (and of the methods of a WorkCalendar). */
const VALID_CALLS: Record<string, { readonly fn: AnyFunction; readonly calls: readonly Call[] }> = {};
function register(name: string, fn: unknown, calls: readonly Call[]): void {
  VALID_CALLS[name] = { fn: fn as AnyFunction, calls };
}

// calendar
register('calendar.createWorkCalendar', calendar.createWorkCalendar, [[], [calendarOptions], [{ builtIn: false, years: calendarOptions.years, unknownYears: 'weekdays-only' }]]);
register('calendar.safeCreateWorkCalendar', calendar.safeCreateWorkCalendar, [[], [calendarOptions]]);
register('calendar.defaultWorkCalendar', calendar.defaultWorkCalendar, [[]]);
register('calendar.builtInHolidayData', calendar.builtInHolidayData, [[]]);
register('calendar.addWorkdays', calendar.addWorkdays, [['2024-09-30', 1], ['2024-10-08', -3]]);
register('calendar.countWorkdays', calendar.countWorkdays, [['2024-09-30', '2024-10-08']]);
register('calendar.isWorkday', calendar.isWorkday, [['2024-09-29']]);
register('calendar.isRestDay', calendar.isRestDay, [['2024-10-01']]);
register('calendar.nextWorkday', calendar.nextWorkday, [['2024-09-30']]);
register('calendar.previousWorkday', calendar.previousWorkday, [['2024-10-08']]);
register('calendar.calendarDayDeadline', calendar.calendarDayDeadline, [['2024-09-24', 7]]);
register('calendar.describeDay', calendar.describeDay, [['2024-10-01']]);
register('calendar.parsePlainDate', calendar.parsePlainDate, [['2026-05-06']]);
register('calendar.isPlainDate', calendar.isPlainDate, [['2024-02-29']]);
register('calendar.plainDateInShanghai', calendar.plainDateInShanghai, [[new Date(Date.UTC(2024, 8, 30, 16, 30))]]);
for (const [label, c] of [['WorkCalendar', cal], ['WorkCalendar(weekdays-only)', lenient]] as const) {
  register(`${label}#addWorkdays`, c.addWorkdays, c === lenient ? [['2024-09-30', 1], ['2030-01-01', 5]] : [['2024-09-30', 1]]);
  register(`${label}#countWorkdays`, c.countWorkdays, [['2024-09-30', '2024-10-08']]);
  register(`${label}#isWorkday`, c.isWorkday, [['2024-09-29']]);
  register(`${label}#isRestDay`, c.isRestDay, [['2024-10-01']]);
  register(`${label}#nextWorkday`, c.nextWorkday, [['2024-09-30']]);
  register(`${label}#previousWorkday`, c.previousWorkday, [['2024-10-08']]);
  register(`${label}#calendarDayDeadline`, c.calendarDayDeadline, [['2024-09-24', 7]]);
  register(`${label}#describeDay`, c.describeDay, [['2024-10-01']]);
}

// workflow
register('workflow.deriveTasks', workflow.deriveTasks, [
  [plans, items],
  [plans, items, { annualDedup: { scope: 'same-department', riskClasses: ['A'] }, annualDedupByDepartment: [{ department: DEPT_B, policy: { scope: 'none' } }], jointItemsInSinglePlans: 'error' }],
]);
register('workflow.splitPeriodIntoBatches', workflow.splitPeriodIntoBatches, [[{ start: '2025-01-01', end: '2025-12-31' }, 2], [{ start: '2025-01-01', end: '2025-01-31' }, 3, { labelPrefix: '第' }]]);
register('workflow.batchSampleSize', workflow.batchSampleSize, [[10, { index: 0, count: 3 }]]);
register('workflow.annualExclusions', workflow.annualExclusions, [[tasks.find((t) => t.planId === 'P2')!, allTasks, entities], [task0, [drawn]]]);
for (const name of ['tryTransitionTask', 'transitionTask'] as const) {
  register(`workflow.${name}`, workflow[name], [
    [task0, drawnTransition],
    [drawn, matchedTransition, { minInspectorsPerTarget: 2 }],
    [inspecting, recordedTransition, { categoryTree: workflow.DEFAULT_RESULT_CATEGORY_TREE }],
    [matched, { to: 'inspecting', date: '2025-03-06', note: '开始' }],
    [recorded, { to: 'published', date: '2025-03-25' }],
    [task0, { to: 'cancelled', date: '2025-02-01', reason: '机构改革' }],
  ]);
}
register('workflow.validateResultCategoryTree', workflow.validateResultCategoryTree, [[workflow.DEFAULT_RESULT_CATEGORY_TREE]]);
register('workflow.validateInspectionResults', workflow.validateInspectionResults, [[results], [results, { categoryTree: workflow.DEFAULT_RESULT_CATEGORY_TREE }]]);
register('workflow.resolveDeadlineRules', workflow.resolveDeadlineRules, [[policy, DEPT_A], [{ ...policy, byDepartment: [{ ...policy.byDepartment![0]!, replace: true }] }, DEPT_A]]);
register('workflow.computeDeadline', workflow.computeDeadline, [
  ['2025-01-20', workflow.DEFAULT_DEADLINE_RULES[0], cal],
  ['2024-09-24', workflow.DEADLINE_RULE_PRESETS.reportWithin7Days, cal],
]);
register('workflow.collectMilestones', workflow.collectMilestones, [[allTasks, results, { extra }], [allTasks, results]]);
for (const name of ['evaluateDeadlines', 'listOverdue', 'listDueSoon'] as const) {
  register(`workflow.${name}`, workflow[name], [[subjects, { asOf: '2025-04-30', calendar: cal, policy, dueSoonWorkdays: 5 }], [subjects, { asOf: '2025-03-20', calendar: cal }]]);
}
register('workflow.buildPlanNotice', workflow.buildPlanNotice, [[plans[1], items], [plans[2], items]]);
register('workflow.buildDrawNotice', workflow.buildDrawNotice, [[{ task: published, items, entities, facts }]]);
register('workflow.buildResultNotice', workflow.buildResultNotice, [
  [{ tasks: allTasks, results, entities, items }],
  [{ tasks: allTasks, results, entities, items }, { includeInspectors: true, inspectors, includeSensitive: true, categoryTree: workflow.DEFAULT_RESULT_CATEGORY_TREE }],
]);
register('workflow.noticeToCsv', workflow.noticeToCsv, [[resultNotice, { bom: true, headers: 'en', part: 'meta' }], [planNotice]]);
register('workflow.noticeToJson', workflow.noticeToJson, [[resultNotice, { headers: 'en', indent: 0 }], [planNotice]]);
register('workflow.computeStatistics', workflow.computeStatistics, [
  [{ tasks: allTasks, items, entities, results, inspectors, deadlines }, { enforcementStaffTotal: 40, categoryTree: workflow.DEFAULT_RESULT_CATEGORY_TREE }],
]);
register('workflow.drawInputsForTask', workflow.drawInputsForTask, [[tasks.find((t) => t.planId === 'P2')!, allTasks, entities], [tasks.find((t) => t.planId === 'J1')!, allTasks, entities]]);

// audit
register('audit.auditDrawHistory', audit.auditDrawHistory, [
  [history, snapshots, { ratio: 0.25 }, { alpha: 0.05, correction: 'benjamini-hochberg', fields: ['regionCode'], focusGroups: [{ label: '重点', ids: ['E1', 'E2'] }], minExpectedCount: 5 }],
  [history.slice(0, 1), snapshots, weighted, { monteCarlo: { replications: 8, seed: 'fuzz' } }],
  [history.slice(0, 1), snapshots, { ratio: 0.25, selection: 'weighted' }, { monteCarlo: { replications: 4, drawFunction: toyDraw } }],
]);
register('audit.computeInclusionProbabilities', audit.computeInclusionProbabilities, [
  [population, { stratifyBy: 'riskClass', ratios: { A: 0.1, D: 0.3 }, minimum: 1 }],
  [population, weighted, { replications: 8, seed: 'fuzz' }],
]);
register('audit.formatAuditReport', audit.formatAuditReport, [[auditResult.data, { language: 'en', showAll: true }], [auditResult.data]]);
register('audit.statedDesignFromDrawSpec', audit.statedDesignFromDrawSpec, [
  [{ label: '2025', size: { ratio: '5%', rounding: 'down', minimum: 3 } }],
  [{ label: '2025', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 2 }, D: { ratio: 0.3 } }, otherStrata: { count: 0 } }, weights: { byRiskClass: { D: 3 } } }],
]);

// ---------------------------------------------------------------------------------------------------------------
// Arbitrary and nasty values, and mutation of valid calls.

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Date) return value;
  for (const key of Reflect.ownKeys(value as object)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}
for (const entry of Object.values(VALID_CALLS)) deepFreeze(entry.calls);

let deep: unknown = [];
for (let i = 0; i < 100_000; i++) deep = [deep];
let deepObject: unknown = {};
for (let i = 0; i < 100_000; i++) deepObject = { children: [deepObject], code: `c${i}`, labelZh: '甲', labelEn: 'a' };
const cyclic: Record<string, unknown> = { code: 'loop', labelZh: '环', labelEn: 'loop' };
cyclic['children'] = [cyclic];

const NASTY: readonly unknown[] = [
  null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, -0, 0.5, 1e9, 2 ** 31, 2 ** 53, Number.MAX_VALUE,
  '', ' ', 'x', '2025-02-30', '2025-01-01', ' 2025-01-01', '0000-01-01', '9999-12-31', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  [], [null], [undefined], {}, Object.create(null), { toString: 1 }, { valueOf: 1, toString: 1 }, { length: 1e9 }, new Array(3),
  new Date(Number.NaN), new Date(0), 10n, Symbol('s'), () => 1, deep, deepObject, cyclic, new Map([['a', 1]]), new Set([1]), new Uint8Array(2),
  'x'.repeat(100_000),
];

const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});
const value = fc.oneof({ weight: 3, arbitrary: anything }, { weight: 2, arbitrary: fc.constantFrom(...NASTY) });

function isWalkable(node: unknown): node is Record<string, unknown> | unknown[] {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return true;
  const proto = Object.getPrototypeOf(node);
  return proto === Object.prototype || proto === null;
}

/** Every path into a call (argument index first), outermost first; capped. */
function pathsOf(call: Call): Path[] {
  const out: Path[] = [];
  const walk = (node: unknown, path: Path): void => {
    if (out.length >= 3000) return;
    out.push(path);
    if (!isWalkable(node)) return;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) walk((node as Record<string | number, unknown>)[key], [...path, key]);
  };
  call.forEach((arg, i) => walk(arg, [i]));
  // Also one past the last argument: an extra (or a missing optional) argument.
  out.push([call.length]);
  return out;
}

const DELETE = Symbol('delete');
type Edit = { readonly kind: 'replace'; readonly value: unknown } | { readonly kind: 'delete' } | { readonly kind: 'add-key'; readonly key: string; readonly value: unknown };

/** A copy of `root` with one edit at `path`; nodes along the path are copied, nothing else (and nothing is mutated). */
function edit(root: unknown, path: Path, change: Edit): unknown {
  if (path.length === 0) {
    if (change.kind === 'replace') return change.value;
    if (change.kind === 'delete') return DELETE;
    if (isWalkable(root) && !Array.isArray(root)) return { ...root, [change.key]: change.value };
    if (Array.isArray(root)) return [...root, change.value];
    return change.value;
  }
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root) ? [...root] : isWalkable(root) ? { ...root } : {};
  const next = edit((container as Record<string | number, unknown>)[head!], rest, change);
  if (next === DELETE) {
    if (Array.isArray(container)) container.splice(head as number, 1);
    else delete (container as Record<string | number, unknown>)[head!];
  } else {
    (container as Record<string | number, unknown>)[head!] = next;
  }
  return container;
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: value.map((v) => ({ kind: 'replace' as const, value: v })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      key: fc.oneof(fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'Id', ' id', 'replace'), fc.string()),
      value,
    }),
  },
);

function mutatedCall(calls: readonly Call[]): fc.Arbitrary<{ call: Call; path: Path; change: Edit }> {
  return fc
    .integer({ min: 0, max: calls.length - 1 })
    .chain((c) => {
      const paths = pathsOf(calls[c]!);
      return fc.record({ c: fc.constant(c), path: fc.constantFrom(...paths), change: editArb });
    })
    .map(({ c, path, change }) => {
      const next = edit(calls[c], path, change);
      return { call: (next === DELETE ? [] : (next as Call)), path, change };
    });
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return `non-error thrown: ${typeof error}`;
}

/**
 * Calls `fn`; passes when it returns (any issue or verdict code declared), or throws a ShuangsuijiError with a
 * declared code (./declared-codes.ts), a path and both messages.
 */
function callIsSafe(name: string, fn: AnyFunction, args: Call): true | string {
  try {
    return undeclaredReturn(name, fn(...args)) ?? true;
  } catch (error) {
    if (!isShuangsuijiError(error)) return describeFailure(error);
    if (!/^[A-Z][A-Z0-9_]*$/.test(error.code)) return `bad code ${String(error.code)}`;
    if (typeof error.messageZh !== 'string' || error.messageZh.length === 0 || typeof error.messageEn !== 'string' || error.messageEn.length === 0) {
      return `${error.code} lacks a message in both languages`;
    }
    if (!Array.isArray(error.path)) return `${error.code} has no path array`;
    return undeclaredThrow(name, error.code) ?? true;
  }
}

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' ? v.toString() : typeof v === 'function' ? '[function]' : v));
    return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return '[unprintable]';
  }
}

// ---------------------------------------------------------------------------------------------------------------

const barrels = { calendar, workflow, audit } as const;
const exportedFunctions = Object.entries(barrels).flatMap(([barrel, module]) =>
  Object.entries(module)
    .filter(([, v]) => typeof v === 'function')
    .map(([name]) => `${barrel}.${name}`),
);

describe('calendar, workflow and audit exports never crash', () => {
  it('every exported function has valid calls to mutate, and those calls succeed', () => {
    expect(exportedFunctions.filter((name) => VALID_CALLS[name] === undefined)).toEqual([]);
    for (const [name, { fn, calls }] of Object.entries(VALID_CALLS)) {
      declaredCodes(name);
      for (const call of calls) {
        let thrown: unknown;
        try {
          fn(...call);
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${name}(${show(call).slice(0, 200)}) should succeed`).toBeUndefined();
      }
    }
  });

  for (const [name, { fn, calls }] of Object.entries(VALID_CALLS)) {
    it(`${name}: arbitrary argument tuples and mutated valid calls return or throw a coded error`, () => {
      fc.assert(
        fc.property(fc.array(value, { maxLength: 4 }), (args) => {
          const outcome = callIsSafe(name, fn, args);
          if (outcome !== true) throw new Error(`${name}(${show(args)}) → ${outcome}`);
        }),
        { seed: SEED, numRuns: 100 },
      );
      fc.assert(
        fc.property(mutatedCall(calls), ({ call, path, change }) => {
          const outcome = callIsSafe(name, fn, call);
          if (outcome !== true) {
            const what = change.kind === 'replace' ? `replaced by ${show(change.value)}` : change.kind === 'delete' ? 'deleted' : `gained key ${JSON.stringify(change.key)} = ${show(change.value)}`;
            throw new Error(`${name}: argument path ${JSON.stringify(path)} ${what} → ${outcome}`);
          }
        }),
        { seed: SEED, numRuns: 500 },
      );
    });
  }
});
