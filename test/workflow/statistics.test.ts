import { describe, expect, it } from 'vitest';
import { computeStatistics } from '../../src/workflow/compute-statistics.js';
import { deriveTasks } from '../../src/workflow/derive-tasks.js';
import type { DeadlineStatus } from '../../src/workflow/evaluate-deadlines.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { transitionTask } from '../../src/workflow/transition-task.js';
import type { Inspector } from '../../src/models/inspector.js';
import { DEPT_A, DEPT_B, entity, item, plan, result } from './fixtures.js';

const inspectors: Inspector[] = ['X1', 'X2', 'X3', 'X4'].map((id) => ({ id, name: `检查员-${id}`, department: DEPT_A, expertise: [], status: 'active', isExpert: false }));
inspectors.push({ id: 'EXP', name: '专家-1', department: DEPT_A, expertise: [], status: 'active', isExpert: true });
const register = ['E1', 'E2', 'E3', 'E4', 'E5'].map((id, k) => entity(id, k < 3 ? { riskClass: 'A' } : { riskClass: 'D' }));

function setup(): SpotCheckTask[] {
  const d = deriveTasks(
    [plan('P', ['I1'], { ratioByRiskClass: { A: 0.01, D: 0.3 } }), plan('J', ['I2', 'I3'], { cooperatingDepartments: [DEPT_B], ratio: 0.05 }), plan('Q', ['I4'])],
    [item('I1', DEPT_A), item('I2', DEPT_A), item('I3', DEPT_B), item('I4', DEPT_A)],
  );
  if (!d.success) throw new Error('fixture');
  const [joint, single, cancelled] = d.data.tasks;
  let j = transitionTask(joint!, { to: 'drawn', date: '2025-03-01', targetIds: ['E1'], population: { total: 20, byRiskClass: { A: 12, D: 8 } } });
  j = transitionTask(j, { to: 'matched', date: '2025-03-02', assignments: [{ targetId: 'E1', inspectorIds: ['X1', 'X2'] }] });
  let s = transitionTask(single!, { to: 'drawn', date: '2025-03-01', targetIds: ['E2', 'E4', 'E5'], population: { total: 100, byRiskClass: { A: 90, D: 10 } } });
  s = transitionTask(s, { to: 'matched', date: '2025-03-02', assignments: [{ targetId: 'E2', inspectorIds: ['X1', 'X2'] }, { targetId: 'E4', inspectorIds: ['X1', 'X3'] }, { targetId: 'E5', inspectorIds: ['X1', 'X3'] }] });
  const c = transitionTask(transitionTask(cancelled!, { to: 'drawn', date: '2025-03-01', targetIds: ['E3'] }), { to: 'cancelled', date: '2025-03-02', reason: '示例' });
  return [j, s, c];
}

describe('computeStatistics', () => {
  it('computes coverage against the plan, joint share, participation, timeliness and categories', () => {
    const tasks = setup();
    const results = [
      result(tasks[0]!.id, 'E1', 'I2', { categoryCodes: ['no-problem'] }),
      result(tasks[0]!.id, 'E1', 'I3', { categoryCodes: ['problem-not-disclosed', 'corrected'], conduct: 'concealed-or-falsified', referrals: [{ department: DEPT_B }] }),
      result(tasks[1]!.id, 'E2', 'I1', { conduct: 'refused-inspection', recordSignature: 'refused-to-sign', categoryCodes: ['non-cooperation'], followUp: 'open' }),
      result(tasks[2]!.id, 'E3', 'I4'), // cancelled task: ignored
    ];
    const status = (ruleId: string, state: DeadlineStatus['state']): DeadlineStatus => ({ taskId: tasks[0]!.id, department: DEPT_A, ruleId, state });
    const deadlines = [status('r1', 'on-time'), status('r2', 'on-time'), status('r3', 'late'), status('r4', 'overdue'), status('r5', 'open')];
    const stats = computeStatistics({ tasks, items: [item('I1', DEPT_A), item('I2', DEPT_A)], entities: register, results, inspectors, deadlines }, { enforcementStaffTotal: 5 });
    expect(stats.coverage.map((r) => [r.itemId, r.riskClass, r.population, r.drawn, r.share, r.planned, r.meetsPlan])).toEqual([
      ['I1', 'all', 100, 3, '3%', undefined, null],
      ['I1', 'A', 90, 1, '1.11%', '1%', true],
      ['I1', 'D', 10, 2, '20%', '30%', false],
      ['I2', 'all', 20, 1, '5%', '5%', true],
      ['I2', 'A', 12, 1, '8.33%', undefined, null],
      ['I2', 'D', 8, 0, '0%', undefined, null],
      ['I3', 'all', 20, 1, '5%', '5%', true],
      ['I3', 'A', 12, 1, '8.33%', undefined, null],
      ['I3', 'D', 8, 0, '0%', undefined, null],
    ]);
    expect(stats.joint).toEqual({ tasks: 2, jointTasks: 1, taskShare: '50%', targetVisits: 4, jointTargetVisits: 1, visitShare: '25%' });
    expect(stats.inspectors).toEqual({
      registered: 4, enforcementStaffTotal: 5, registrationRate: '80%', participating: 3, participationRate: '75%',
      workload: { min: 0, max: 4, mean: '2', median: '2', distribution: [{ assignments: 0, inspectors: 1 }, { assignments: 2, inspectors: 2 }, { assignments: 4, inspectors: 1 }] },
    });
    expect(stats.timeliness).toEqual({ 'not-started': 0, open: 1, 'due-soon': 0, overdue: 1, 'on-time': 2, late: 1, onTimeRate: '50%' });
    const cat = Object.fromEntries(stats.resultsByCategory.map((c) => [c.code, c.count]));
    expect(cat).toMatchObject({ 'no-problem': 1, 'problem-not-disclosed': 1, corrected: 1, 'non-cooperation': 1, deregistered: 0 });
    expect(stats.resultsByCategory[0]!.labelZh).toBe('未发现问题');
    expect(stats.results).toEqual({ total: 3, refusedInspection: 1, concealedOrFalsified: 1, refusedToSign: 1, followUpOpen: 1, referrals: 1 });
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
  });

  it('compares ratios exactly (0.07 of 100 is 7, not 7.000000000000001)', () => {
    const d = deriveTasks([plan('P', ['I1'], { ratio: 0.07 })], [item('I1', DEPT_A)]);
    if (!d.success) throw new Error('fixture');
    const ids = Array.from({ length: 7 }, (_, k) => `T${k}`);
    const t = transitionTask(d.data.tasks[0]!, { to: 'drawn', date: '2025-03-01', targetIds: ids, population: { total: 100 } });
    expect(computeStatistics({ tasks: [t], items: [], entities: [], results: [], inspectors: [] }).coverage[0]).toMatchObject({ drawn: 7, share: '7%', meetsPlan: true });
    const six = transitionTask(d.data.tasks[0]!, { to: 'drawn', date: '2025-03-01', targetIds: ids.slice(1), population: { total: 100 } });
    expect(computeStatistics({ tasks: [six], items: [], entities: [], results: [], inspectors: [] }).coverage[0]?.meetsPlan).toBe(false);
  });

  it('gives risk-class rows meetsPlan null unless the size is per risk class (an overall ratio or count is not drawn per class)', () => {
    const reg = ['E1', 'E2', 'E3'].map((id, k) => entity(id, { riskClass: k === 0 ? 'A' : 'D' }));
    const population = { total: 20, byRiskClass: { A: 10, D: 10 } };
    for (const size of [{ ratio: 0.1 }, { count: 2 }] as const) {
      const d = deriveTasks([plan('P', ['I1'], size)], [item('I1', DEPT_A)]);
      if (!d.success) throw new Error('fixture');
      // Class A: 1 of 10 would "meet" 10 %, class D: 0 of 10 would "miss" it — neither was drawn by that ratio.
      const t = transitionTask(d.data.tasks[0]!, { to: 'drawn', date: '2025-03-01', targetIds: ['E1', 'E2'], population });
      const rows = computeStatistics({ tasks: [t], items: [], entities: reg, results: [], inspectors: [] }).coverage;
      expect(rows.map((r) => [r.riskClass, r.meetsPlan])).toEqual([['all', true], ['A', null], ['D', null]]);
      expect(rows[1]!.planned).toBeUndefined();
    }
    const byClass = deriveTasks([plan('P', ['I1'], { ratioByRiskClass: { A: 0.1, D: 0.1 } })], [item('I1', DEPT_A)]);
    if (!byClass.success) throw new Error('fixture');
    const t = transitionTask(byClass.data.tasks[0]!, { to: 'drawn', date: '2025-03-01', targetIds: ['E1', 'E2'], population });
    const rows = computeStatistics({ tasks: [t], items: [], entities: reg, results: [], inspectors: [] }).coverage;
    expect(rows.map((r) => [r.riskClass, r.meetsPlan])).toEqual([['all', null], ['A', true], ['D', true]]);
  });
});
