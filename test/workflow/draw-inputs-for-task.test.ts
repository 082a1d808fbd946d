import { describe, expect, it } from 'vitest';
import { drawTargets, sampleSize, seedFromDice } from '../../src/draw/index.js';
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
      expect(() => drawInputsForTask(task, tasks, register)).toThrow(/ROUND_POPULATION_REQUIRED/);
      const { spec, history } = drawInputsForTask(task, tasks, register, { roundPopulation: { total: active.length } });
      expect(history.length).toBe(k === 0 ? 0 : drawn[0]!.length);
      const { selected, record } = drawTargets(register, spec, { seed: seedFromDice('31415926535897932384'), history });
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
    const first = drawTargets(register, drawInputsForTask(p1, tasks, register, { roundPopulation: { total: active.length } }).spec, { seed: seedFromDice('27182818284590452353') });
    tasks = tasks.map((t) => (t.id === p1.id ? transitionTask(t, { to: 'drawn', date: '2025-02-01', targetIds: first.selected.map((s) => s.id) }) : t));
    const q = tasks.find((t) => t.id === 'Q/I2/R1/B1')!;
    const { spec, history } = drawInputsForTask(q, tasks, register);
    expect(spec.stratification).toEqual({ field: 'riskClass', allocation: 'per-stratum', sizes: { C: { ratio: 0.5, rounding: 'up' }, D: { ratio: 1, rounding: 'up' } } });
    expect(history.map((h) => h.entityId).sort()).toEqual(first.selected.map((s) => s.id).sort());
    const { selected } = drawTargets(register, spec, { seed: seedFromDice('16180339887498948482'), history });
    const firstIds = new Set(first.selected.map((s) => s.id));
    expect(selected.some((s) => firstIds.has(s.id))).toBe(false);
    const dActive = active.filter((e) => e.riskClass === 'D' && !firstIds.has(e.id)).length;
    expect(selected.filter((s) => s.entity.riskClass === 'D').length).toBe(dActive);
    expect(selected.every((s) => s.entity.riskClass === 'C' || s.entity.riskClass === 'D')).toBe(true);
  });
});
