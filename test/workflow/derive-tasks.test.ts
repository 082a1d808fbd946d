import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualExclusions } from '../../src/workflow/annual-exclusions.js';
import { batchSampleSize } from '../../src/workflow/batch-sample-size.js';
import { deriveTasks } from '../../src/workflow/derive-tasks.js';
import { splitPeriodIntoBatches } from '../../src/workflow/split-period-into-batches.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { transitionTask } from '../../src/workflow/transition-task.js';
import { dayNumberOf, plainDateOf } from '../../src/internals/plain-date.js';
import { DEPT_A, DEPT_B, DEPT_C, entity, item, plan } from './fixtures.js';

function ok<T>(r: { success: true; data: T } | { success: false; issues: readonly { code: string }[] }): T {
  if (!r.success) throw new Error(`unexpected issues: ${r.issues.map((i) => i.code).join(', ')}`);
  return r.data;
}
function issueCodes(r: { success: boolean; issues?: readonly { code: string }[] }): string[] {
  return r.success ? [] : (r.issues ?? []).map((i) => i.code);
}

const twoBatches = [
  { label: '第二批', start: '2025-07-01', end: '2025-12-31' },
  { label: '第一批', start: '2025-01-01', end: '2025-06-30' },
];

describe('deriveTasks', () => {
  it('gives one task per item and batch, each batch a share of one round', () => {
    const { tasks, skipped } = ok(deriveTasks([plan('P', ['I2', 'I1'], { batches: twoBatches })], [item('I1', DEPT_A), item('I2', DEPT_A, { ratio: 0.03 })]));
    expect(skipped).toEqual([]);
    expect(tasks.map((t) => t.id)).toEqual(['P/I1/R1/第一批', 'P/I1/R1/第二批', 'P/I2/R1/第一批', 'P/I2/R1/第二批']);
    const first = tasks[0]!;
    expect(first.kind).toBe('single-department');
    expect(first.state).toBe('to-draw');
    expect(first.spec).toEqual({ label: 'P/I1/R1/第一批', targetScope: [], size: { kind: 'ratio', ratio: 0.05 }, batch: { index: 0, count: 2 }, annualDedup: { scope: 'any-department' } });
    expect(tasks[1]!.spec.batch).toEqual({ index: 1, count: 2 });
    expect(tasks[2]!.spec.size).toEqual({ kind: 'ratio', ratio: 0.03 });
    expect(first.methods).toEqual(['on-site']);
  });

  it('uses the plan size over the item size (ratio per risk class, or a count)', () => {
    const byRisk = ok(deriveTasks([plan('P', ['I1'], { ratioByRiskClass: { A: 0.01, D: 0.3 } })], [item('I1', DEPT_A)]));
    expect(byRisk.tasks[0]!.spec.size).toEqual({ kind: 'ratio-by-risk-class', ratios: { A: 0.01, D: 0.3 } });
    const counted = ok(deriveTasks([plan('P', ['I1'], { count: 12 })], [item('I1', DEPT_A)]));
    expect(counted.tasks[0]!.spec.size).toEqual({ kind: 'count', count: 12 });
  });

  it('turns a frequency of n times a year into n rounds through the year', () => {
    const { tasks } = ok(deriveTasks([plan('P', ['K'])], [item('K', DEPT_A, { category: 'key', frequencyPerYear: 2 })]));
    expect(tasks.map((t) => [t.id, t.round, t.batch.start, t.batch.end, t.spec.batch])).toEqual([
      ['P/K/R1/B1-R1', { index: 1, count: 2 }, '2025-01-01', '2025-07-01', { index: 0, count: 1 }],
      ['P/K/R2/B1-R2', { index: 2, count: 2 }, '2025-07-02', '2025-12-31', { index: 0, count: 1 }],
    ]);
    const explicit = ok(deriveTasks([plan('P', ['K'], { batches: twoBatches })], [item('K', DEPT_A, { frequencyPerYear: 2 })]));
    expect(explicit.tasks.map((t) => [t.batch.label, t.round.index])).toEqual([['第一批', 1], ['第二批', 2]]);
    const mismatch = deriveTasks(
      [plan('P', ['K'], { batches: [...twoBatches, { label: '第三批', start: '2024-01-01', end: '2024-02-01' }], period: { start: '2024-01-01', end: '2025-12-31' } })],
      [item('K', DEPT_A, { frequencyPerYear: 2 })],
    );
    expect(issueCodes(mismatch)).toEqual(['FREQUENCY_BATCH_MISMATCH']);
  });

  it('gives a joint plan one task per batch for all its items, and skips those items in the departments\' own plans', () => {
    const items = [item('I1', DEPT_A), item('I2', DEPT_B, { methods: ['document'] }), item('I3', DEPT_A)];
    const joint = plan('J', ['I1', 'I2'], { cooperatingDepartments: [DEPT_B], ratio: 0.05 });
    const own = plan('P', ['I1', 'I3']);
    const { tasks, skipped } = ok(deriveTasks([own, joint], items));
    expect(tasks.map((t) => [t.id, t.kind, t.itemIds])).toEqual([
      ['J/joint/R1/B1', 'joint', ['I1', 'I2']],
      ['P/I3/R1/B1', 'single-department', ['I3']],
    ]);
    expect(tasks[0]!.cooperatingDepartments).toEqual([DEPT_B]);
    expect(tasks[0]!.methods).toEqual(['on-site', 'document']);
    expect(skipped).toEqual([{ planId: 'P', itemId: 'I1', reason: 'JOINT_ITEM_COVERED', jointPlanId: 'J' }]);
    expect(issueCodes(deriveTasks([own, joint], items, { jointItemsInSinglePlans: 'error' }))).toEqual(['JOINT_ITEM_DRAWN_SEPARATELY']);
    // A joint plan of another year does not cover the item.
    expect(ok(deriveTasks([own, { ...joint, year: 2024, period: { start: '2024-01-01', end: '2024-12-31' }, batches: [{ label: 'B1', start: '2024-01-01', end: '2024-12-31' }] }], items)).skipped).toEqual([]);
  });

  it('reports every problem of the plans with a code and a path', () => {
    const items = [item('I1', DEPT_A), item('I2', DEPT_B), item('NOSIZE', DEPT_A, { ratio: undefined } as never), item('JI', DEPT_A, { joint: { initiatingDepartment: DEPT_A, cooperatingDepartments: [DEPT_B] } })];
    const bad = deriveTasks(
      [
        plan('P', ['I1', 'GHOST', 'I2', 'NOSIZE', 'JI']),
        plan('J', ['I1', 'I2'], { cooperatingDepartments: [DEPT_C], ratio: 0.05 }),
        plan('Q', ['I1'], { ratio: 0.05, count: 3, batches: [{ label: 'x', start: '2025-05-01', end: '2025-04-01' }] }),
        plan('R', ['I1'], { batches: [{ label: 'a', start: '2024-12-01', end: '2025-03-01' }, { label: 'a', start: '2025-02-01', end: '2025-04-01' }] }),
      ],
      items,
    );
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.issues.map((i) => [i.code, i.path])).toEqual([
      ['JOINT_ITEM_DEPARTMENT_NOT_PARTICIPATING', [1, 'itemIds', 1]],
      ['PLAN_ITEM_UNKNOWN', [0, 'itemIds', 1]],
      ['PLAN_ITEM_OTHER_DEPARTMENT', [0, 'itemIds', 2]],
      ['JOINT_ITEM_WITHOUT_JOINT_PLAN', [0, 'itemIds', 4]],
      ['PLAN_SIZE_MISSING', [0, 'itemIds', 3]],
      ['PLAN_BATCH_DATES_INVALID', [2, 'batches', 0]],
      ['PLAN_SIZE_AMBIGUOUS', [2]],
      ['PLAN_BATCH_OUTSIDE_PERIOD', [3, 'batches', 0]],
      ['PLAN_BATCH_LABEL_DUPLICATE', [3, 'batches', 1, 'label']],
      ['PLAN_BATCHES_OVERLAP', [3, 'batches', 1]],
    ]);
    expect(bad.issues.every((i) => i.messageZh.length > 0 && i.messageEn.length > 0)).toBe(true);
  });

  it('applies the annual de-duplication policy per department', () => {
    const { tasks } = ok(
      deriveTasks([plan('P', ['I1']), plan('Q', ['I2'], { initiatingDepartment: DEPT_B })], [item('I1', DEPT_A), item('I2', DEPT_B)], {
        annualDedup: { scope: 'same-department' },
        annualDedupByDepartment: [{ department: DEPT_B, policy: { scope: 'any-department', riskClasses: ['A'] } }],
      }),
    );
    expect(tasks.map((t) => t.spec.annualDedup)).toEqual([{ scope: 'same-department' }, { scope: 'any-department', riskClasses: ['A'] }]);
  });

  it('property: the tasks do not depend on the order of plans, items or batches', () => {
    const items = [item('I1', DEPT_A), item('I2', DEPT_B), item('I3', DEPT_A, { frequencyPerYear: 2 }), item('I4', DEPT_A)];
    const plans = [plan('P', ['I1', 'I3', 'I4'], { batches: [twoBatches[0]!] }), plan('J', ['I1', 'I2'], { cooperatingDepartments: [DEPT_B], batches: twoBatches })];
    const reference = JSON.stringify(ok(deriveTasks(plans, items)));
    fc.assert(
      fc.property(fc.shuffledSubarray(plans, { minLength: 2 }), fc.shuffledSubarray(items, { minLength: 4 }), fc.boolean(), (ps, its, flip) => {
        const shuffled = ps.map((p) => (flip ? { ...p, batches: [...p.batches].reverse(), itemIds: [...p.itemIds].reverse() } : p));
        expect(JSON.stringify(ok(deriveTasks(shuffled, its)))).toBe(reference);
      }),
    );
  });
});

describe('batches', () => {
  it('splits a year into near-equal consecutive batches', () => {
    expect(splitPeriodIntoBatches({ start: '2025-01-01', end: '2025-12-31' }, 4, { labelPrefix: '第' }).map((b) => [b.label, b.start, b.end])).toEqual([
      ['第1', '2025-01-01', '2025-04-01'],
      ['第2', '2025-04-02', '2025-07-01'],
      ['第3', '2025-07-02', '2025-09-30'],
      ['第4', '2025-10-01', '2025-12-31'],
    ]);
    expect(() => splitPeriodIntoBatches({ start: '2025-01-01', end: '2025-01-02' }, 3)).toThrow(/BATCH_COUNT_INVALID/);
  });

  it('property: batches tile the period exactly, in order, lengths differing by at most one day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 24 }), (offset, length, count) => {
        fc.pre(count <= length);
        const start = dayNumberOf('2020-01-01') + offset;
        const period = { start: plainDateOf(start), end: plainDateOf(start + length - 1) };
        const batches = splitPeriodIntoBatches(period, count);
        expect(batches.length).toBe(count);
        expect(batches[0]!.start).toBe(period.start);
        expect(batches.at(-1)!.end).toBe(period.end);
        const lengths = batches.map((b) => dayNumberOf(b.end) - dayNumberOf(b.start) + 1);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
        for (let k = 1; k < count; k += 1) expect(dayNumberOf(batches[k]!.start)).toBe(dayNumberOf(batches[k - 1]!.end) + 1);
      }),
    );
  });

  it('property: batch sample sizes add up to the total and differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 12 }), (total, count) => {
        const sizes = Array.from({ length: count }, (_, index) => batchSampleSize(total, { index, count }));
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
    expect([0, 1, 2].map((index) => batchSampleSize(10, { index, count: 3 }))).toEqual([4, 3, 3]);
    expect(() => batchSampleSize(10, { index: 3, count: 3 })).toThrow(/BATCH_INDEX_INVALID/);
    expect(() => batchSampleSize(-1, { index: 0, count: 1 })).toThrow(/INVALID_SIZE/);
  });
});

describe('annualExclusions', () => {
  const items = [item('I1', DEPT_A), item('I2', DEPT_A), item('I3', DEPT_B)];
  const plans = [plan('P', ['I1', 'I2'], { batches: twoBatches }), plan('Q', ['I3'], { initiatingDepartment: DEPT_B })];
  const register = [entity('E1', { riskClass: 'A' }), entity('E2', { riskClass: 'C' }), entity('E3', { riskClass: 'A' }), entity('E4')];
  const draw = (t: SpotCheckTask, ids: string[]): SpotCheckTask => transitionTask(t, { to: 'drawn', date: '2025-02-01', targetIds: ids });
  function setup(policy: Parameters<typeof deriveTasks>[2]): Record<string, SpotCheckTask> {
    const { tasks } = ok(deriveTasks(plans, items, policy));
    const byId = Object.fromEntries(tasks.map((t) => [t.id, t]));
    byId['P/I1/R1/第一批'] = draw(byId['P/I1/R1/第一批']!, ['E1']);
    byId['P/I2/R1/第一批'] = draw(byId['P/I2/R1/第一批']!, ['E2']);
    byId['Q/I3/R1/B1'] = draw(byId['Q/I3/R1/B1']!, ['E3', 'E4']);
    return byId;
  }

  it('always excludes earlier batches of the same round, and others per policy', () => {
    const none = setup({ annualDedup: { scope: 'none' } });
    expect(annualExclusions(none['P/I1/R1/第二批']!, Object.values(none), register)).toEqual(['E1']);
    const same = setup({ annualDedup: { scope: 'same-department' } });
    expect(annualExclusions(same['P/I1/R1/第二批']!, Object.values(same), register)).toEqual(['E1', 'E2']);
    const any = setup({});
    expect(annualExclusions(any['P/I1/R1/第二批']!, Object.values(any), register)).toEqual(['E1', 'E2', 'E3', 'E4']);
    const lowRisk = setup({ annualDedup: { scope: 'any-department', riskClasses: ['A'] } });
    expect(annualExclusions(lowRisk['P/I1/R1/第二批']!, Object.values(lowRisk), register)).toEqual(['E1', 'E3']);
  });

  it('ignores tasks not yet drawn and cancelled tasks', () => {
    const any = setup({});
    const cancelled = transitionTask(any['Q/I3/R1/B1']!, { to: 'cancelled', date: '2025-02-02', reason: '示例' });
    expect(annualExclusions(any['P/I1/R1/第二批']!, [...Object.values(any).filter((t) => t.id !== 'Q/I3/R1/B1'), cancelled], register)).toEqual(['E1', 'E2']);
  });
});

describe('deriveTasks — item list and joint sizes', () => {
  const joint = { cooperatingDepartments: [DEPT_B] };
  /** The fixture item without its default ratio. */
  const strip = (it: ReturnType<typeof item>): ReturnType<typeof item> => {
    const copy = { ...it };
    delete (copy as { ratio?: number }).ratio;
    return copy;
  };

  it('judges per-class ratios equal field by field, whatever the key order', () => {
    const ab = strip(item('I1', DEPT_A, { ratioByRiskClass: { A: 0.01, B: 0.03 } }));
    const ba = strip(item('I2', DEPT_B, { ratioByRiskClass: { B: 0.03, A: 0.01 } }));
    const tasks = ok(deriveTasks([plan('J', ['I1', 'I2'], joint)], [ab, ba])).tasks;
    expect(tasks.map((t) => t.spec.size)).toEqual([{ kind: 'ratio-by-risk-class', ratios: { A: 0.01, B: 0.03 } }]);
  });

  it('still reports PLAN_SIZE_MISSING when the items\' sizes really differ', () => {
    const cases: [Partial<ReturnType<typeof item>>, Partial<ReturnType<typeof item>>][] = [
      [{ ratioByRiskClass: { A: 0.01, B: 0.03 } }, { ratioByRiskClass: { A: 0.01, B: 0.04 } }],
      [{ ratioByRiskClass: { A: 0.01, B: 0.03 } }, { ratioByRiskClass: { A: 0.01 } }],
      [{ ratioByRiskClass: { A: 0.05 } }, { ratio: 0.05 }],
      [{ ratio: 0.05 }, { ratio: 0.06 }],
    ];
    for (const [x, y] of cases) {
      const items = [strip(item('I1', DEPT_A, x)), strip(item('I2', DEPT_B, y))];
      expect(issueCodes(deriveTasks([plan('J', ['I1', 'I2'], joint)], items))).toEqual(['PLAN_SIZE_MISSING']);
    }
    // Equal plain ratios still agree.
    expect(ok(deriveTasks([plan('J', ['I1', 'I2'], joint)], [item('I1', DEPT_A, { ratio: 0.05 }), item('I2', DEPT_B, { ratio: 0.05 })])).tasks.length).toBe(1);
  });

  it('reports ITEM_ID_DUPLICATE for every repeated row of the item list, in any order', () => {
    const items = [item('I1', DEPT_A), item('I2', DEPT_A), item('I1', DEPT_B), item('I1', DEPT_A, { ratio: 0.5 })];
    const r = deriveTasks([plan('P', ['I1', 'I2'])], items);
    expect(r.success).toBe(false);
    if (r.success) return;
    const dups = r.issues.filter((i) => i.code === 'ITEM_ID_DUPLICATE');
    expect(dups.map((i) => i.path)).toEqual([['items', 2, 'id'], ['items', 3, 'id']]);
    for (const i of dups) {
      expect(i.messageZh).toContain('I1');
      expect(i.messageEn).toContain('I1');
    }
    // Reversing the list still fails (never silently keeps whichever row came last).
    expect(issueCodes(deriveTasks([plan('P', ['I1', 'I2'])], [...items].reverse()))).toContain('ITEM_ID_DUPLICATE');
  });
});
