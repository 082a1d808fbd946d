import { describe, expect, it } from 'vitest';
import { countPopulation, drawTargets, isInPopulation, sampleSize, seedFromDice } from '../../src/draw/index.js';
import { generateEntityRegister } from '../../src/testing/index.js';
import { deriveTasks } from '../../src/workflow/derive-tasks.js';
import { drawInputsForTask } from '../../src/workflow/draw-inputs-for-task.js';
import type { SpotCheckTask } from '../../src/workflow/spot-check-task.js';
import { transitionTask } from '../../src/workflow/transition-task.js';
import { DEPT_A, DEPT_B, item, plan } from './fixtures.js';

const register = generateEntityRegister(400, { seed: 'draw-inputs' });
const active = register.filter((e) => e.status === 'active');

function derive(): SpotCheckTask[] {
  const d = deriveTasks(
    [
      plan('P', ['I1'], { batches: [{ label: 'B1', start: '2025-01-01', end: '2025-06-30' }, { label: 'B2', start: '2025-07-01', end: '2025-12-31' }] }),
      plan('Q', ['I2'], { initiatingDepartment: DEPT_B, ratioByRiskClass: { C: 0.5, D: 1 } }),
    ],
    [item('I1', DEPT_A, { ratio: 0.05 }), item('I2', DEPT_B)],
  );
  if (!d.success) throw new Error('fixture');
  return [...d.data.tasks];
}

describe('drawInputsForTask with the real draw', () => {
  it('splits a round over batches, never repeats a target and reaches ⌈N × ratio⌉ in total', () => {
    let tasks = derive();
    const total = sampleSize(active.length, { ratio: 0.05, rounding: 'up' });
    const drawn: string[][] = [];
    for (const [k, id] of ['P/I1/R1/B1', 'P/I1/R1/B2'].entries()) {
      const task = tasks.find((t) => t.id === id)!;
      const { spec, history, population } = drawInputsForTask(task, tasks, register);
      expect(population.total).toBe(active.length);
      expect(history.length).toBe(k === 0 ? 0 : drawn[0]!.length);
      const { selected, record } = drawTargets(register, spec, { seed: seedFromDice('31415926535897932384'), history });
      expect(record.register.eligible).toBe(population.total);
      expect(record.exclusion.excluded).toBe(history.length);
      drawn.push(selected.map((s) => s.id));
      tasks = tasks.map((t) => (t.id === id ? transitionTask(t, { to: 'drawn', date: `2025-0${k + 2}-01`, targetIds: drawn[k]! }) : t));
      expect(() => drawInputsForTask(tasks.find((t) => t.id === id)!, tasks, register)).toThrow(/TASK_NOT_DRAWABLE/);
    }
    expect(drawn[0]!.length + drawn[1]!.length).toBe(total);
    expect(drawn[1]!.filter((id) => drawn[0]!.includes(id))).toEqual([]);
  });

  it('turns per-class ratios into a per-stratum draw and excludes other departments\' targets (any-department)', () => {
    let tasks = derive();
    const p1 = tasks.find((t) => t.id === 'P/I1/R1/B1')!;
    const first = drawTargets(register, drawInputsForTask(p1, tasks, register).spec, { seed: seedFromDice('27182818284590452353') });
    tasks = tasks.map((t) => (t.id === p1.id ? transitionTask(t, { to: 'drawn', date: '2025-02-01', targetIds: first.selected.map((s) => s.id) }) : t));
    const q = tasks.find((t) => t.id === 'Q/I2/R1/B1')!;
    const { spec, history, population } = drawInputsForTask(q, tasks, register);
    // Per class ⌈N_c × p_c⌉ of the class's population before the annual exclusions, as explicit counts.
    const nC = active.filter((e) => e.riskClass === 'C').length;
    const nD = active.filter((e) => e.riskClass === 'D').length;
    expect(population.byRiskClass).toMatchObject({ C: nC, D: nD });
    expect(spec.stratification).toEqual({ field: 'riskClass', allocation: 'per-stratum', sizes: { C: { count: Math.ceil(nC / 2) }, D: { count: nD } } });
    expect(history.map((h) => h.entityId).sort()).toEqual(first.selected.map((s) => s.id).sort());
    const { selected } = drawTargets(register, spec, { seed: seedFromDice('16180339887498948482'), history });
    const firstIds = new Set(first.selected.map((s) => s.id));
    expect(selected.some((s) => firstIds.has(s.id))).toBe(false);
    const dActive = active.filter((e) => e.riskClass === 'D' && !firstIds.has(e.id)).length;
    expect(selected.filter((s) => s.entity.riskClass === 'D').length).toBe(dActive); // fewer left than ⌈N_D × 1⌉: take all
    expect(selected.filter((s) => s.entity.riskClass === 'C').length).toBe(Math.ceil(nC / 2));
    expect(selected.every((s) => s.entity.riskClass === 'C' || s.entity.riskClass === 'D')).toBe(true);
  });

  it('counts a directed, split round from the register itself: per class, as the draw does', () => {
    const scope = [{ field: 'kind' as const, op: 'in' as const, values: ['enterprise'] }, { field: 'complaintCount' as const, op: 'lte' as const, value: 2 }];
    const batches = [{ label: 'B1', start: '2025-01-01', end: '2025-04-30' }, { label: 'B2', start: '2025-05-01', end: '2025-08-31' }, { label: 'B3', start: '2025-09-01', end: '2025-12-31' }];
    const d = deriveTasks([plan('R', ['I3'], { targetScope: scope, batches, ratioByRiskClass: { A: 0.05, B: 0.1, D: 0.5 } })], [item('I3', DEPT_A)]);
    if (!d.success) throw new Error('fixture');
    let tasks = [...d.data.tasks];
    const members = register.filter((e) => isInPopulation(e, { filter: scope }));
    expect(members.length).toBe(countPopulation(register, { filter: scope }));
    const byClass = (c: string | undefined): number => members.filter((e) => e.riskClass === c).length;
    const drawnByClass: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const [k, task] of tasks.entries()) {
      const { spec, history, population } = drawInputsForTask(task, tasks, register);
      expect(population).toEqual({ total: members.length, byRiskClass: { A: byClass('A'), B: byClass('B'), C: byClass('C'), D: byClass('D'), unclassified: byClass(undefined) } });
      const { selected, record } = drawTargets(register, spec, { seed: seedFromDice(`3141592653589793238${k}`), history });
      expect(record.register.eligible).toBe(population.total);
      expect(selected.every((s) => isInPopulation(s.entity, { filter: scope }))).toBe(true);
      for (const s of selected) drawnByClass[s.entity.riskClass ?? '']! += 1;
      tasks = tasks.map((t) => (t.id === task.id ? transitionTask(t, { to: 'drawn', date: `2025-0${2 * k + 2}-01`, targetIds: selected.map((s) => s.id), population }) : t));
    }
    // The three batches together reach the round's ⌈N_c × r_c⌉ in every class (the register is large enough).
    expect(drawnByClass).toEqual({
      A: sampleSize(byClass('A'), { ratio: 0.05 }),
      B: sampleSize(byClass('B'), { ratio: 0.1 }),
      C: 0,
      D: sampleSize(byClass('D'), { ratio: 0.5 }),
    });
  });

  it('sizes an unsplit ratio round by ⌈N × p⌉ of the population before exclusions, as a split round does', () => {
    const one = [{ label: 'B1', start: '2025-01-01', end: '2025-12-31' }];
    const two = [{ label: 'B1', start: '2025-01-01', end: '2025-06-30' }, { label: 'B2', start: '2025-07-01', end: '2025-12-31' }];
    const d = deriveTasks(
      [
        plan('A', ['I1'], { ratio: 0.5 }),
        plan('U', ['I2'], { ratio: 0.1, batches: one }),
        plan('S', ['I3'], { ratio: 0.1, batches: two }),
      ],
      [item('I1', DEPT_A), item('I2', DEPT_A), item('I3', DEPT_A)],
    );
    if (!d.success) throw new Error('fixture');
    let tasks = [...d.data.tasks];
    const first = tasks.find((t) => t.planId === 'A')!;
    const excluded = drawTargets(register, drawInputsForTask(first, tasks, register).spec, { seed: seedFromDice('11111111111111111111') }).selected.map((s) => s.id);
    tasks = tasks.map((t) => (t.id === first.id ? transitionTask(t, { to: 'drawn', date: '2025-02-01', targetIds: excluded }) : t));
    const n = active.length;
    const expected = Math.ceil(n / 10);
    expect(Math.ceil((n - excluded.length) / 10)).not.toBe(expected); // the fixture tells the two rules apart

    const unsplit = tasks.find((t) => t.planId === 'U')!;
    const u = drawInputsForTask(unsplit, tasks, register);
    expect(u.population.total).toBe(n);
    expect(u.spec.size).toEqual({ count: expected });
    const drawnU = drawTargets(register, u.spec, { seed: seedFromDice('22222222222222222222'), history: u.history });
    expect(drawnU.record.exclusion.excluded).toBe(excluded.length);
    expect(drawnU.selected.length).toBe(expected);

    let splitTotal = 0;
    for (const [k, id] of ['S/I3/R1/B1', 'S/I3/R1/B2'].entries()) {
      const task = tasks.find((t) => t.id === id)!;
      const inputs = drawInputsForTask(task, tasks, register);
      const { selected } = drawTargets(register, inputs.spec, { seed: seedFromDice(`3333333333333333333${k}`), history: inputs.history });
      splitTotal += selected.length;
      tasks = tasks.map((t) => (t.id === id ? transitionTask(t, { to: 'drawn', date: `2025-0${k + 3}-01`, targetIds: selected.map((s) => s.id) }) : t));
    }
    expect(splitTotal).toBe(expected);
  });

  for (const drawnOn of ['2024-12-20', '2026-01-05']) {
    it(`dates the history of a plan-year task drawn outside its year (${drawnOn}) inside that year, so a later draw of the year still excludes its targets`, () => {
      let tasks = derive();
      const p1 = tasks.find((t) => t.id === 'P/I1/R1/B1')!;
      const first = drawTargets(register, drawInputsForTask(p1, tasks, register).spec, { seed: seedFromDice('27182818284590452353') });
      const firstIds = first.selected.map((s) => s.id);
      // Plan year 2025, drawn in late December 2024 (ahead of the year) or early January 2026 (late).
      tasks = tasks.map((t) => (t.id === p1.id ? transitionTask(t, { to: 'drawn', date: drawnOn, targetIds: firstIds }) : t));
      const q = tasks.find((t) => t.id === 'Q/I2/R1/B1')!;
      const { spec, history } = drawInputsForTask(q, tasks, register);
      expect(spec.exclusion).toEqual({ year: 2025 });
      expect(history.map((h) => h.entityId).sort()).toEqual([...firstIds].sort());
      const { selected, record } = drawTargets(register, spec, { seed: seedFromDice('16180339887498948482'), history });
      const firstSet = new Set(firstIds);
      // Dated by the draw alone, the history fell outside 2025: nothing was excluded and a target was drawn twice.
      expect(selected.filter((s) => firstSet.has(s.id)).map((s) => s.id)).toEqual([]);
      expect(record.exclusion.excluded).toBe(firstIds.length);
      expect(history.every((h) => h.date === (drawnOn < '2025-01-01' ? '2025-01-01' : '2025-12-31'))).toBe(true);
    });
  }

  it('keeps the draw date of a task drawn within its plan year', () => {
    let tasks = derive();
    const p1 = tasks.find((t) => t.id === 'P/I1/R1/B1')!;
    const first = drawTargets(register, drawInputsForTask(p1, tasks, register).spec, { seed: seedFromDice('27182818284590452353') });
    tasks = tasks.map((t) => (t.id === p1.id ? transitionTask(t, { to: 'drawn', date: '2025-03-17', targetIds: first.selected.map((s) => s.id) }) : t));
    const { history } = drawInputsForTask(tasks.find((t) => t.id === 'Q/I2/R1/B1')!, tasks, register);
    expect(history.length).toBe(first.selected.length);
    expect(history.every((h) => h.date === '2025-03-17' && h.department === p1.initiatingDepartment)).toBe(true);
  });
});
