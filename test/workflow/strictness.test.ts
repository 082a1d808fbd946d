// Issue 12 §5 and issue 11 §4 for the workflow: department names are matched exactly (a padded name is refused, never
// silently given the default rules), deadline rules and policies refuse unknown keys, null and mistyped arguments
// are coded errors with paths, inputs are never touched, and deep or huge inputs are bounded.
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../src/calendar/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import {
  DEADLINE_RULE_PRESETS,
  DEFAULT_DEADLINE_RULES,
  collectMilestones,
  computeDeadline,
  deriveTasks,
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
  type DeadlinePolicy,
  type DeadlineSubject,
  type PublicNotice,
  type ResultCategoryNode,
} from '../../src/workflow/index.js';
import { DEPT_A, freshTask, item, plan, result } from './fixtures.js';

const calendar = createWorkCalendar();
const DEPT = '示例县市场监督管理局';
const policy: DeadlinePolicy = {
  rules: DEFAULT_DEADLINE_RULES,
  byDepartment: [{ department: DEPT, rules: [DEADLINE_RULE_PRESETS.publishWithin10WorkingDaysOfCompletion] }],
};

/** Runs `fn` and returns the ShuangsuijiError it throws (failing when it returns or throws anything else). */
function thrown(fn: () => unknown, code?: string): { code: string; path: readonly (string | number)[]; messageZh: string; messageEn: string } {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (!isShuangsuijiError(error)) throw new Error(`expected a ShuangsuijiError, got ${String(error)}`);
  if (code !== undefined) expect(error.code).toBe(code);
  expect(error.messageZh.length > 0 && error.messageEn.length > 0).toBe(true);
  return error;
}

describe('department names are matched exactly', () => {
  it("resolveDeadlineRules(policy, '市场监管局 ') is refused instead of falling back to the default rule", () => {
    expect(resolveDeadlineRules(policy, DEPT).map((r) => [r.id, r.amount])).toEqual([['publish-results', 10]]);
    for (const padded of [`${DEPT} `, ` ${DEPT}`, `${DEPT}\u3000`, `${DEPT}\n`, `\u00a0${DEPT}`]) {
      expect(thrown(() => resolveDeadlineRules(policy, padded), 'DEPARTMENT_NAME_WHITESPACE').path).toEqual(['department']);
    }
    // An unpadded name without an entry gets the defaults, as documented.
    expect(resolveDeadlineRules(policy, '示例县卫生健康委员会').map((r) => [r.id, r.amount])).toEqual([['publish-results', 20]]);
  });

  it('refuses padded and repeated departments inside a policy', () => {
    const padded = { rules: DEFAULT_DEADLINE_RULES, byDepartment: [{ department: `${DEPT} `, rules: [] }] };
    expect(thrown(() => resolveDeadlineRules(padded, DEPT), 'DEPARTMENT_NAME_WHITESPACE').path).toEqual(['policy', 'byDepartment', 0, 'department']);
    const twice = { rules: DEFAULT_DEADLINE_RULES, byDepartment: [{ department: DEPT, rules: [] }, { department: DEPT, rules: [], replace: true }] };
    expect(thrown(() => resolveDeadlineRules(twice, DEPT), 'DEADLINE_DEPARTMENT_DUPLICATE').path).toEqual(['policy', 'byDepartment', 1, 'department']);
    const sameId = { rules: [...DEFAULT_DEADLINE_RULES, DEFAULT_DEADLINE_RULES[0]!] };
    expect(thrown(() => resolveDeadlineRules(sameId, DEPT), 'DEADLINE_RULE_ID_DUPLICATE').path).toEqual(['policy', 'rules', 1, 'id']);
  });

  it('refuses a subject whose department is padded (evaluateDeadlines would otherwise apply the defaults)', () => {
    const subject: DeadlineSubject = { taskId: 'T', targetId: 'E1', department: `${DEPT} `, milestones: [{ event: 'result-formed', date: '2025-01-20' }] };
    expect(thrown(() => evaluateDeadlines([subject], { asOf: '2025-03-01', calendar, policy }), 'DEPARTMENT_NAME_WHITESPACE').path).toEqual(['subjects', 0, 'department']);
  });

  it('reports padded department names of plans and items as data problems', () => {
    const derived = deriveTasks([plan('P1', ['I1'], { initiatingDepartment: `${DEPT_A} ` })], [item('I1', ` ${DEPT_A}`)]);
    expect(derived.success ? [] : derived.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual([
      'DEPARTMENT_NAME_WHITESPACE@0.initiatingDepartment',
      'DEPARTMENT_NAME_WHITESPACE@items.0.department',
    ]);
  });
});

describe('deadline rules and policies refuse unknown keys', () => {
  const rule = DEFAULT_DEADLINE_RULES[0]!;
  it('computeDeadline names the unknown key of a rule', () => {
    expect(thrown(() => computeDeadline('2025-01-20', { ...rule, dayz: 20 } as never, calendar), 'UNKNOWN_FIELD').path).toEqual(['rule', 'dayz']);
    expect(thrown(() => computeDeadline('2025-01-20', { ...rule, amount: 0 }, calendar), 'DEADLINE_AMOUNT_INVALID').path).toEqual(['rule', 'amount']);
    expect(thrown(() => computeDeadline('2025-01-20', { ...rule, unit: 'weeks' as never }, calendar), 'DEADLINE_UNIT_INVALID').path).toEqual(['rule', 'unit']);
  });
  it('a policy rule with an unknown key is refused wherever the policy is read', () => {
    const bad = { rules: [{ ...rule, perTarget: true }] } as unknown as DeadlinePolicy;
    expect(thrown(() => resolveDeadlineRules(bad, DEPT), 'UNKNOWN_FIELD').path).toEqual(['policy', 'rules', 0, 'perTarget']);
    const subject: DeadlineSubject = { taskId: 'T', department: DEPT, milestones: [] };
    expect(thrown(() => evaluateDeadlines([subject], { asOf: '2025-03-01', calendar, policy: bad }), 'UNKNOWN_FIELD').path).toEqual(['policy', 'rules', 0, 'perTarget']);
  });
  it('evaluateDeadlines refuses unknown option keys and repeated milestones', () => {
    expect(thrown(() => evaluateDeadlines([], { asOf: '2025-03-01', calendar, dueSoon: 3 } as never), 'UNKNOWN_FIELD').path).toEqual(['dueSoon']);
    const twice: DeadlineSubject = { taskId: 'T', department: DEPT, milestones: [{ event: 'published', date: '2025-01-02' }, { event: 'published', date: '2025-01-03' }] };
    expect(thrown(() => evaluateDeadlines([twice], { asOf: '2025-03-01', calendar }), 'MILESTONE_DUPLICATE').path).toEqual(['subjects', 0, 'milestones', 1, 'event']);
  });
});

describe('null and mistyped deadline arguments are coded errors, never TypeErrors', () => {
  const rule = DEFAULT_DEADLINE_RULES[0]!;
  const subjects: DeadlineSubject[] = [{ taskId: 'T', department: DEPT, milestones: [] }];
  it('computeDeadline', () => {
    expect(thrown(() => computeDeadline('2025-01-20', null as never, calendar)).path).toEqual(['rule']);
    expect(thrown(() => computeDeadline(null as never, rule, calendar), 'INVALID_DATE').path).toEqual(['start']);
    expect(thrown(() => computeDeadline('2025-01-20', rule, null as never), 'INVALID_CALENDAR').path).toEqual(['calendar']);
    expect(thrown(() => computeDeadline('2025-01-20', rule, { ...calendar, addWorkdays: null } as never), 'INVALID_CALENDAR').path).toEqual(['calendar', 'addWorkdays']);
    const liar = { ...calendar, addWorkdays: () => 20250210 } as never;
    expect(thrown(() => computeDeadline('2025-01-20', rule, liar), 'INVALID_CALENDAR').path).toEqual(['calendar', 'addWorkdays']);
  });
  it('evaluateDeadlines, listOverdue and listDueSoon', () => {
    for (const fn of [evaluateDeadlines, listOverdue, listDueSoon]) {
      expect(thrown(() => fn(null as never, { asOf: '2025-03-01', calendar })).path).toEqual(['subjects']);
      expect(thrown(() => fn(subjects, null as never), 'INVALID_TYPE').path).toEqual([]);
      expect(thrown(() => fn(subjects, { asOf: null, calendar } as never), 'INVALID_DATE').path).toEqual(['asOf']);
      expect(thrown(() => fn(subjects, { asOf: '2025-03-01', calendar: null } as never), 'INVALID_CALENDAR').path).toEqual(['calendar']);
      expect(thrown(() => fn(subjects, { asOf: '2025-03-01', calendar, dueSoonWorkdays: null } as never), 'DUE_SOON_WINDOW_INVALID').path).toEqual(['dueSoonWorkdays']);
      expect(thrown(() => fn(subjects, { asOf: '2025-03-01', calendar, policy: null } as never)).path).toEqual(['policy']);
    }
  });
  it('resolveDeadlineRules and collectMilestones', () => {
    expect(thrown(() => resolveDeadlineRules(null as never, DEPT)).path).toEqual(['policy']);
    expect(thrown(() => resolveDeadlineRules(policy, null as never), 'INVALID_ARGUMENT').path).toEqual(['department']);
    expect(thrown(() => collectMilestones(null as never, [])).path).toEqual(['tasks']);
    expect(thrown(() => collectMilestones([], null as never)).path).toEqual(['results']);
    expect(thrown(() => collectMilestones([], [], null as never)).path).toEqual([]);
    const task = freshTask();
    expect(thrown(() => collectMilestones([task], [], { extra: [{ taskId: task.id, targetId: 'NOT-DRAWN', event: 'report-submitted', date: '2025-03-01' }] }), 'MILESTONE_TARGET_UNKNOWN').path).toEqual(['extra', 0, 'targetId']);
  });
});

describe('inputs are never touched, even when refused', () => {
  it('a refused argument is not frozen or changed (schemas read a detached copy)', () => {
    const tasks = [[1, 2]] as unknown as never[];
    thrown(() => collectMilestones(tasks, []));
    expect(Object.isFrozen(tasks) || Object.isFrozen(tasks[0])).toBe(false);
    const notice = { kind: 'plan', titleZh: '', titleEn: '', meta: [], columns: [[]], rows: [], withheld: 0 } as unknown as PublicNotice;
    thrown(() => noticeToCsv(notice));
    expect(Object.isFrozen(notice) || Object.isFrozen((notice.columns as unknown[])[0])).toBe(false);
  });
});

describe('bounds on deep and huge inputs', () => {
  const node = (code: string, children?: ResultCategoryNode[]): ResultCategoryNode => ({ code, labelZh: code, labelEn: code, ...(children ? { children } : {}) });
  const codesOf = (r: { success: boolean; issues?: readonly { code: string }[] }): string[] => (r.success ? [] : r.issues!.map((i) => i.code));

  it('category trees: too deep, far too deep, cyclic and exponentially shared trees are problems, not stack overflows', () => {
    let chain = node('c0');
    for (let i = 1; i < 20; i++) chain = node(`c${i}`, [chain]);
    expect(codesOf(validateResultCategoryTree([chain]))).toEqual(['CATEGORY_TREE_TOO_DEEP']);
    let abyss: ResultCategoryNode = node('x');
    for (let i = 0; i < 100_000; i++) abyss = node(`x${i}`, [abyss]);
    expect(codesOf(validateResultCategoryTree([abyss]))).toEqual(['INPUT_TOO_DEEP']);
    const loop: { code: string; labelZh: string; labelEn: string; children?: unknown[] } = { code: 'loop', labelZh: '环', labelEn: 'loop' };
    loop.children = [loop];
    const cyclic = loop as unknown as ResultCategoryNode;
    expect(codesOf(validateResultCategoryTree([cyclic]))).toEqual(['INPUT_CYCLIC']);
    let shared = node('s0');
    for (let i = 1; i < 15; i++) shared = node(`s${i}`, [shared, shared]); // 2^15 paths over 15 objects
    expect(codesOf(validateResultCategoryTree([shared]))).toContain('CATEGORY_TREE_TOO_LARGE');
    // The same trees as an option throw the problem, with the path below the option.
    expect(thrown(() => validateInspectionResults([], { categoryTree: [chain] }), 'CATEGORY_TREE_TOO_DEEP').path[0]).toBe('categoryTree');
    expect(thrown(() => validateInspectionResults([], { categoryTree: [cyclic] }), 'INPUT_CYCLIC').path[0]).toBe('categoryTree');
  });

  it('a sparse array of a billion slots is refused at once, not walked', () => {
    const huge = new Array<unknown>(1e9);
    const check = validateInspectionResults(huge as never);
    expect(codesOf(check)).toEqual(['NOT_PLAIN_DATA']);
  });

  it('a deeply nested 定向 condition in a task is refused before any recursive schema reads it', () => {
    const task = freshTask();
    let condition: unknown = { field: 'riskClass', op: 'in', values: ['A'] };
    for (let i = 0; i < 10_000; i++) condition = { op: 'anyOf', conditions: [condition] };
    const deep = { ...task, spec: { ...task.spec, targetScope: [condition] } };
    expect(thrown(() => transitionTask(deep as never, { to: 'drawn', date: '2025-03-01', targetIds: [] }), 'INPUT_TOO_DEEP').path[0]).toBe('task');
  });

  it('counts that would allocate without bound are refused: batches and frequencies', () => {
    expect(thrown(() => splitPeriodIntoBatches({ start: '0001-01-01', end: '9999-12-31' }, 3_000_000), 'BATCH_COUNT_INVALID').path).toEqual(['count']);
    expect(thrown(() => splitPeriodIntoBatches({ start: '0001-01-01', end: '9999-12-31' }, 10_001), 'BATCH_COUNT_INVALID').path).toEqual(['count']);
    expect(splitPeriodIntoBatches({ start: '2025-01-01', end: '2025-12-31' }, 365)).toHaveLength(365);
    const derived = deriveTasks([plan('P1', ['I1'])], [item('I1', DEPT_A, { frequencyPerYear: 1e9 })]);
    expect(derived.success ? [] : derived.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual(['FREQUENCY_TOO_HIGH@items.0.frequencyPerYear']);
  });
});

describe('unknown keys elsewhere in the workflow', () => {
  it('tasks, transitions, results and options refuse unknown keys with their paths', () => {
    const task = freshTask();
    expect(thrown(() => transitionTask({ ...task, note: 'x' } as never, { to: 'drawn', date: '2025-03-01', targetIds: [] }), 'UNKNOWN_FIELD').path).toEqual(['task', 'note']);
    const attempt = tryTransitionTask(task, { to: 'drawn', date: '2025-03-01', targetIds: [], population: { total: 1 }, digest: 'x' } as never);
    expect(attempt.success ? [] : attempt.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual(['UNKNOWN_FIELD@digest']);
    const check = validateInspectionResults([{ ...result('T', 'E1', 'I1'), inspector: 'X1' } as never]);
    expect(check.success ? [] : check.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual(['UNKNOWN_FIELD@0.inspector']);
    expect(thrown(() => validateInspectionResults([], { tree: [] } as never), 'UNKNOWN_FIELD').path).toEqual(['tree']);
    expect(thrown(() => splitPeriodIntoBatches({ start: '2025-01-01', end: '2025-12-31' }, 2, { prefix: '第' } as never), 'UNKNOWN_FIELD').path).toEqual(['prefix']);
  });

  it('notices: a duplicate column would overwrite a JSON entry and is refused; a `__proto__` key stays a key', () => {
    const base: PublicNotice = { kind: 'plan', titleZh: '标题', titleEn: 'title', meta: [], columns: [{ key: 'a', headerZh: '甲', headerEn: 'A' }], rows: [['1']], withheld: 0 };
    const twice = { ...base, columns: [...base.columns, { key: 'a', headerZh: '乙', headerEn: 'B' }], rows: [['1', '2']] };
    expect(thrown(() => noticeToJson(twice), 'NOTICE_DUPLICATE_KEY').path).toEqual(['notice', 'columns', 1, 'key']);
    expect(thrown(() => noticeToCsv({ ...base, rows: [['1', '2']] }), 'NOTICE_ROW_LENGTH').path).toEqual(['notice', 'rows', 0]);
    const proto = { ...base, columns: [{ key: '__proto__', headerZh: '__proto__', headerEn: 'P' }] };
    expect(JSON.parse(noticeToJson(proto, { headers: 'en', indent: 0 })).records).toEqual([JSON.parse('{"__proto__":"1"}')]);
  });
});
