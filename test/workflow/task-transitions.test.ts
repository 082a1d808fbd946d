import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { ALLOWED_TASK_TRANSITIONS } from '../../src/workflow/task-transitions.js';
import type { TaskState } from '../../src/workflow/task-state.js';
import { TASK_STATE_LABELS } from '../../src/workflow/task-state.js';
import type { TaskTransition } from '../../src/workflow/task-transition.js';
import { transitionTask } from '../../src/workflow/transition-task.js';
import { tryTransitionTask } from '../../src/workflow/try-transition-task.js';
import { freshTask, result } from './fixtures.js';

const STATES: TaskState[] = ['to-draw', 'drawn', 'matched', 'inspecting', 'recorded', 'published', 'cancelled'];

/** A valid transition into `to` for a task (dates increase with the step). */
function validStep(task: SpotCheckTask, to: TaskState): TaskTransition {
  const date = `2025-03-${String(10 + task.history.length).padStart(2, '0')}`;
  switch (to) {
    case 'drawn':
      return { to, date, targetIds: ['E2', 'E1'], population: { total: 40 } };
    case 'matched':
      return { to, date, assignments: task.targetIds.map((targetId) => ({ targetId, inspectorIds: ['X2', 'X1'] })) };
    case 'inspecting':
      return { to, date };
    case 'recorded':
      return { to, date, results: task.targetIds.map((t) => result(task.id, t, 'I1', { inspectionDate: date })) };
    case 'published':
      return { to, date };
    case 'cancelled':
      return { to, date, reason: '示例：计划调整' };
    case 'to-draw':
      // Not a transition any caller could make legally: a request to go back to the start.
      return { to: 'to-draw', date } as unknown as TaskTransition;
  }
}

/** Walks a fresh task along the main path up to `state`. */
function taskIn(state: TaskState): SpotCheckTask {
  let task = freshTask();
  if (state === 'cancelled') return transitionTask(task, validStep(task, 'cancelled'));
  for (const next of ['drawn', 'matched', 'inspecting', 'recorded', 'published'] as const) {
    if (task.state === state) break;
    task = transitionTask(task, validStep(task, next));
  }
  expect(task.state).toBe(state);
  return task;
}

function codes(task: SpotCheckTask, step: TaskTransition): string[] {
  const r = tryTransitionTask(task, step);
  return r.success ? [] : r.issues.map((i) => i.code);
}

describe('task state machine', () => {
  it('walks 待抽取 → 已抽取 → 已匹配 → 检查中 → 已录入 → 已公示, recording each date', () => {
    const task = taskIn('published');
    expect(task.history.map((h) => [h.from, h.to, h.date])).toEqual([
      ['to-draw', 'drawn', '2025-03-10'],
      ['drawn', 'matched', '2025-03-11'],
      ['matched', 'inspecting', '2025-03-12'],
      ['inspecting', 'recorded', '2025-03-13'],
      ['recorded', 'published', '2025-03-14'],
    ]);
    expect(task.targetIds).toEqual(['E1', 'E2']);
    expect(task.population).toEqual({ total: 40 });
    expect(task.assignments[0]).toEqual({ targetId: 'E1', inspectorIds: ['X1', 'X2'] });
    expect(TASK_STATE_LABELS[task.state].zh).toBe('已公示');
  });

  it('accepts exactly the transitions of the table and refuses every other pair with a code', () => {
    for (const from of STATES) {
      const task = taskIn(from);
      for (const to of STATES) {
        const allowed = ALLOWED_TASK_TRANSITIONS[from].includes(to);
        const attempt = tryTransitionTask(task, validStep(task, to));
        if (allowed) {
          expect(attempt.success, `${from} → ${to}`).toBe(true);
          if (attempt.success) expect(attempt.data.state).toBe(to);
        } else {
          expect(attempt.success, `${from} → ${to}`).toBe(false);
          if (!attempt.success) expect(attempt.issues[0]?.code).toBe('TASK_TRANSITION_NOT_ALLOWED');
          expect(() => transitionTask(task, validStep(task, to))).toThrow(/TASK_TRANSITION_NOT_ALLOWED/);
        }
      }
    }
  });

  it('allows cancelling until results are recorded, and records the reason', () => {
    for (const from of ['to-draw', 'drawn', 'matched', 'inspecting'] as const) {
      const cancelled = transitionTask(taskIn(from), { to: 'cancelled', date: '2025-04-01', reason: '示例：对象已注销' });
      expect(cancelled.state).toBe('cancelled');
      expect(cancelled.cancellationReason).toBe('示例：对象已注销');
      expect(cancelled.history.at(-1)).toEqual({ from, to: 'cancelled', date: '2025-04-01' });
    }
    expect(codes(taskIn('recorded'), { to: 'cancelled', date: '2025-04-01', reason: 'x' })).toEqual(['TASK_TRANSITION_NOT_ALLOWED']);
    expect(codes(taskIn('drawn'), { to: 'cancelled', date: '2025-04-01', reason: '  ' })).toEqual(['TASK_CANCEL_REASON_MISSING']);
  });

  it('throws a ShuangsuijiError with the code and all issues in details', () => {
    const task = taskIn('drawn');
    try {
      transitionTask(task, { to: 'matched', date: '2025-03-01', assignments: [] });
      expect.unreachable();
    } catch (error) {
      expect(isShuangsuijiError(error, 'TASK_DATE_BEFORE_PREVIOUS')).toBe(true);
      const issues = (error as { details: { issues: { code: string }[] } }).details.issues.map((i) => i.code);
      expect(issues).toEqual(['TASK_DATE_BEFORE_PREVIOUS', 'TASK_ASSIGNMENT_MISSING', 'TASK_ASSIGNMENT_MISSING']);
    }
  });

  it('refuses invalid dates', () => {
    expect(codes(freshTask(), { to: 'drawn', date: '2025-02-30', targetIds: [] })).toEqual(['TASK_DATE_INVALID']);
  });

  it('checks the facts of 已抽取', () => {
    expect(codes(freshTask(), { to: 'drawn', date: '2025-03-01', targetIds: ['E1', 'E1', ''] })).toEqual(['TASK_TARGET_DUPLICATE', 'TASK_TARGET_ID_EMPTY']);
    expect(codes(freshTask(), { to: 'drawn', date: '2025-03-01', targetIds: ['E1', 'E2'], population: { total: 1 } })).toEqual(['TASK_POPULATION_TOO_SMALL']);
  });

  it('checks the teams of 已匹配: every target once, at least two distinct inspectors', () => {
    const task = taskIn('drawn');
    const date = '2025-03-20';
    expect(codes(task, { to: 'matched', date, assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'X2'] }] })).toEqual(['TASK_ASSIGNMENT_MISSING']);
    expect(
      codes(task, {
        to: 'matched',
        date,
        assignments: [
          { targetId: 'E1', inspectorIds: ['X1', 'X2'] },
          { targetId: 'E1', inspectorIds: ['X1', 'X2'] },
          { targetId: 'E2', inspectorIds: ['X1', 'X1'] },
          { targetId: 'E9', inspectorIds: ['X3', 'X4'] },
        ],
      }),
    ).toEqual(['TASK_ASSIGNMENT_DUPLICATE', 'TASK_ASSIGNMENT_INSPECTOR_REPEATED', 'TASK_ASSIGNMENT_TOO_FEW_INSPECTORS', 'TASK_ASSIGNMENT_UNKNOWN_TARGET']);
    // 执法人员不得少于两人: a lower or malformed minimum is refused rather than applied.
    const solo = { to: 'matched', date, assignments: [{ targetId: 'E1', inspectorIds: ['X1'] }, { targetId: 'E2', inspectorIds: ['X3'] }] } as const;
    for (const minInspectorsPerTarget of [1, 0, Number.NaN, 2.5]) {
      expect(() => tryTransitionTask(task, solo, { minInspectorsPerTarget })).toThrow(/INVALID_OPTION/);
    }
    const three = tryTransitionTask(task, { to: 'matched', date, assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'X2'] }, { targetId: 'E2', inspectorIds: ['X3', 'X4', 'X5'] }] }, { minInspectorsPerTarget: 3 });
    expect(three.success ? [] : three.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['TASK_ASSIGNMENT_TOO_FEW_INSPECTORS', 'assignments.0.inspectorIds']]);
  });

  it('never counts an expert toward the two inspectors, even when listed among them', () => {
    const task = taskIn('drawn');
    const attempt = tryTransitionTask(task, {
      to: 'matched',
      date: '2025-03-20',
      assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'EXP'], expertIds: ['EXP'] }, { targetId: 'E2', inspectorIds: ['X3', 'X4'], expertIds: ['EXP2'] }],
    });
    expect(attempt.success ? [] : attempt.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['TASK_ASSIGNMENT_EXPERT_AS_INSPECTOR', 'assignments.0.expertIds.0'],
      ['TASK_ASSIGNMENT_TOO_FEW_INSPECTORS', 'assignments.0.inspectorIds'],
    ]);
  });

  it('refuses 已录入 while a target has no record (it is not done), and checks every result', () => {
    const task = taskIn('inspecting');
    const date = '2025-03-20';
    expect(codes(task, { to: 'recorded', date, results: [result(task.id, 'E1', 'I1')] })).toEqual(['TASK_RESULT_MISSING']);
    const missing = tryTransitionTask(task, { to: 'recorded', date, results: [] });
    expect(missing.success).toBe(false);
    if (!missing.success) expect(missing.issues.map((i) => i.received)).toEqual([{ targetId: 'E1', itemId: 'I1' }, { targetId: 'E2', itemId: 'I1' }]);
    expect(
      codes(task, {
        to: 'recorded',
        date,
        results: [
          result(task.id, 'E1', 'I1', { inspectionDate: '2025-03-01' }),
          result(task.id, 'E2', 'I1', { inspectionDate: '2025-03-25' }),
          result('OTHER', 'E3', 'I9', { categoryCodes: ['made-up'] }),
        ],
      }),
    ).toEqual([
      'RESULT_CATEGORY_UNKNOWN',
      'TASK_RESULT_BEFORE_DRAW',
      'TASK_RESULT_AFTER_RECORDING',
      'TASK_RESULT_OTHER_TASK',
      'TASK_RESULT_UNKNOWN_TARGET',
      'TASK_RESULT_UNKNOWN_ITEM',
    ]);
    const bad = tryTransitionTask(task, { to: 'recorded', date, results: [result(task.id, 'E1', 'I1', { categoryCodes: ['made-up'] }), result(task.id, 'E2', 'I1')] });
    if (!bad.success) expect(bad.issues[0]?.path).toEqual(['results', 0, 'categoryCodes', 0]);
  });

  it('never changes its input (pure) and returns a new object', () => {
    const task = taskIn('drawn');
    const before = structuredClone(task);
    const next = transitionTask(task, validStep(task, 'matched'));
    expect(task).toEqual(before);
    expect(next).not.toBe(task);
    expect(JSON.parse(JSON.stringify(next))).toEqual(next);
  });

  it('property: any sequence of requests follows the table; refused requests change nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATES), { maxLength: 12 }), (requests) => {
        let task = freshTask();
        let accepted = 0;
        for (const to of requests) {
          const before = structuredClone(task);
          const attempt = tryTransitionTask(task, validStep(task, to));
          expect(task).toEqual(before);
          if (ALLOWED_TASK_TRANSITIONS[task.state].includes(to)) {
            expect(attempt.success).toBe(true);
            if (attempt.success) task = attempt.data;
            accepted += 1;
          } else {
            expect(attempt.success).toBe(false);
          }
        }
        expect(task.history.length).toBe(accepted);
        for (let k = 1; k < task.history.length; k += 1) expect(task.history[k]?.from).toBe(task.history[k - 1]?.to);
      }),
    );
  });
});
