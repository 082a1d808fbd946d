// Issue 11 §4 for the audit: options are read strictly, the Monte-Carlo effort is bounded, a draw function's answer
// is checked, a report is checked before it is rendered, and data the schemas cannot take is a coded problem that
// never touches (freezes) the caller's objects.
import { describe, expect, it } from 'vitest';
import { auditDrawHistory, computeInclusionProbabilities, formatAuditReport } from '../../src/audit/index.js';
import type { AuditEntity, StatedDesign } from '../../src/audit/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import type { ErrorCode } from '../../src/error-code.js';

const population: AuditEntity[] = Array.from({ length: 20 }, (_, i) => ({ id: `E${i}`, riskClass: i < 5 ? 'D' : 'A' }));
const simple: StatedDesign = { ratio: 0.2 };
const weighted: StatedDesign = { ratio: 0.2, selection: 'weighted', weights: { byRiskClass: { A: 1, D: 3 } } };

function thrown(fn: () => unknown, code: ErrorCode): { path: readonly (string | number)[] } {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (!isShuangsuijiError(error, code)) throw new Error(`expected ${code}, got ${String(error)}`);
  return error;
}

describe('audit options', () => {
  it('bounds the Monte-Carlo replications (a billion would run for hours)', () => {
    expect(thrown(() => computeInclusionProbabilities(population, weighted, { replications: 1e9 }), 'AUDIT_BAD_OPTION').path).toEqual(['replications']);
    const history = [{ label: 'x', snapshotId: 'S', selectedIds: ['E1'] }];
    expect(thrown(() => auditDrawHistory(history, [{ id: 'S', entities: population }], simple, { monteCarlo: { replications: 1e9 } }), 'AUDIT_BAD_OPTION').path).toEqual(['monteCarlo', 'replications']);
  });

  it('refuses unknown keys and wrong types, with paths', () => {
    const history = [{ label: 'x', snapshotId: 'S', selectedIds: ['E1'] }];
    const snapshots = [{ id: 'S', entities: population }];
    expect(thrown(() => auditDrawHistory(history, snapshots, simple, { alhpa: 0.01 } as never), 'AUDIT_BAD_OPTION').path).toEqual(['alhpa']);
    expect(thrown(() => auditDrawHistory(history, snapshots, simple, null as never), 'AUDIT_BAD_OPTION').path).toEqual([]);
    expect(thrown(() => auditDrawHistory(history, snapshots, simple, { fields: 'regionCode' } as never), 'AUDIT_BAD_OPTION').path).toEqual(['fields']);
    expect(thrown(() => auditDrawHistory(history, snapshots, simple, { focusGroups: [null] } as never), 'AUDIT_BAD_OPTION').path).toEqual(['focusGroups', 0]);
    expect(thrown(() => auditDrawHistory(history, snapshots, simple, { focusGroups: [{ label: 'g', ids: [1] }] } as never), 'AUDIT_BAD_OPTION').path).toEqual(['focusGroups', 0, 'ids', 0]);
    expect(thrown(() => computeInclusionProbabilities(population, weighted, { drawFunction: 'mine' } as never), 'AUDIT_BAD_OPTION').path).toEqual(['drawFunction']);
    expect(thrown(() => computeInclusionProbabilities(population, weighted, { seeds: 'x' } as never), 'AUDIT_BAD_OPTION').path).toEqual(['seeds']);
  });

  it("checks a draw function's answer", () => {
    const design: StatedDesign = { ratio: 0.2, selection: 'weighted' };
    const withWeights = population.map((e) => ({ ...e, weight: 1 }));
    thrown(() => computeInclusionProbabilities(withWeights, design, { replications: 2, drawFunction: () => 'E1' as never }), 'AUDIT_DRAW_FUNCTION_INVALID');
    thrown(() => computeInclusionProbabilities(withWeights, design, { replications: 2, drawFunction: () => [1, 2, 3, 4] as never }), 'AUDIT_DRAW_FUNCTION_INVALID');
  });
});

describe('audit data the schemas cannot take', () => {
  it('a typed array where a list is expected is a problem, not a TypeError', () => {
    const bad = [{ id: 'E1', lists: new Uint8Array([1]) }] as unknown as AuditEntity[];
    const result = computeInclusionProbabilities(bad, simple);
    expect(result.success ? [] : result.issues.map((i) => `${i.code}@${i.path.join('.')}`)).toEqual(['INVALID_INPUT@population.0.lists']);
  });

  it("a refused input is not frozen (zod's readonly freezes what it fails to parse; the audit parses a copy)", () => {
    const row = [1, 2];
    const entities = [row] as unknown as AuditEntity[];
    expect(computeInclusionProbabilities(entities, simple).success).toBe(false);
    expect(Object.isFrozen(row)).toBe(false);
    const snapshot = { id: 'S', entities: [['not', 'an', 'entity']] };
    expect(auditDrawHistory([{ label: 'x', snapshotId: 'S', selectedIds: [] }], [snapshot as never], simple).success).toBe(false);
    expect(Object.isFrozen(snapshot.entities[0])).toBe(false);
  });

  it('formatAuditReport checks the report and its options', () => {
    expect(thrown(() => formatAuditReport(null as never), 'INVALID_INPUT').path).toEqual(['report']);
    const result = auditDrawHistory([{ label: 'x', snapshotId: 'S', selectedIds: ['E1', 'E7', 'E9', 'E11'] }], [{ id: 'S', entities: population }], simple, { fields: [] });
    if (!result.success) throw new Error('fixture audit failed');
    expect(formatAuditReport(result.data, { language: 'en' })).toContain('Draw history audit report');
    expect(thrown(() => formatAuditReport({ ...result.data, tests: 'none' } as never), 'INVALID_INPUT').path).toEqual(['report', 'tests']);
    expect(thrown(() => formatAuditReport(result.data, { lang: 'en' } as never), 'AUDIT_BAD_OPTION').path).toEqual(['lang']);
    expect(thrown(() => formatAuditReport(result.data, { showAll: 'yes' } as never), 'AUDIT_BAD_OPTION').path).toEqual(['showAll']);
  });
});
