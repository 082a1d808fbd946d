import * as z from 'zod';
import type { DataIssue, IssuePath, ParseResult } from '../errors.js';
import type { AuditIssueCode } from './audit-issue-code.js';
import type { AuditFinding, AuditTestKind } from './audit-finding.js';
import type { AuditOptions } from './audit-options.js';
import type { AuditReport } from './audit-report.js';
import { HistoryDrawSchema } from './history-draw.js';
import type { HistoryDraw } from './history-draw.js';
import { RegisterSnapshotSchema } from './register-snapshot.js';
import type { RegisterSnapshot } from './register-snapshot.js';
import { StatedDesignSchema } from './stated-design.js';
import type { StatedDesign } from './stated-design.js';
import { estimateInclusion } from './internals/inclusion.js';
import { findingMessages, summaryMessages } from './internals/messages.js';
import { adjustPValues } from './internals/multiple-comparisons.js';
import { reportNumber } from './internals/numbers.js';
import { compareCodeUnits, stratify } from './internals/population.js';
import type { StratifiedPopulation } from './internals/population.js';
import { focusGroupTests, representationTests, repeatTests, stratumRateTests } from './internals/tests.js';
import type { DraftFinding, PreparedDraw } from './internals/tests.js';
import { resolveAuditOptions, safeParseDetached } from './internals/validation.js';

const KIND_ORDER: readonly AuditTestKind[] = [
  'stratum-rate',
  'representation',
  'category-rate',
  'focus-group',
  'repeat-distribution',
  'entity-repeat',
];

/**
 * 抽取历史审计 — tests whether a history of draws is consistent with the designs it states. The draws may come
 * from this library or from any other system: all that is needed is, per draw, the population it was drawn
 * from (a {@link RegisterSnapshot}, filters already applied), the stated design, and the selected ids.
 *
 * The tests (see {@link AuditTestKind}):
 * - per draw and stratum, the selection rate against the stated ratio — exact binomial, x ~ Bin(N_h, r_h);
 * - per field (region, supervising unit, industry …), over- or under-representation of its categories over all
 *   draws — Pearson χ² with expected counts from the population shares within each stratum — and each category
 *   on its own (exact binomial);
 * - optional focus groups (sets of ids the auditor suspects) — exact binomial;
 * - entities drawn repeatedly or never across draws, against their inclusion probabilities.
 *
 * Inclusion probabilities are taken conditional on the number actually drawn in each stratum (so the rate
 * test and the who-was-drawn tests answer separate questions): exact n_h / N_h for simple designs, Monte-Carlo
 * for weighted designs — replicating the library's own `drawTargets` when the design states the draw's
 * `weights` rule, else the caller's `monteCarlo.drawFunction` (see {@link MonteCarloOptions}). Stated ratios
 * become counts exactly as the draw's `sampleSize` does (rounding, then `minimum`); a draw made with this library
 * states its design with {@link statedDesignFromDrawSpec}. Entities lacking the stratification field form the
 * stratum `""`, as in the draw, when the design covers it (a single `ratio`, or a `""` entry in `ratios` or
 * `sizes`); otherwise they are reported as `MISSING_STRATUM_VALUE`. Exact two-sided binomial p-values sum every outcome at
 * most as likely as the observed one (relative tolerance 1e-7). All tests form one family corrected by Holm
 * (default) or Benjamini–Hochberg. Every approximation used is exact or conservative, so a fair history is
 * flagged with probability at most α.
 *
 * Bad input returns every {@link DataIssue} (e.g. `SELECTED_ID_NOT_IN_POPULATION`, `SNAPSHOT_NOT_FOUND`,
 * `STRATUM_NOT_IN_DESIGN`, `MISSING_STRATUM_VALUE`, `MISSING_WEIGHT`; an invalid weight rule is `INVALID_INPUT`
 * with the draw's code in its message; data that is not JSON, nested too deeply or cyclic is `INVALID_INPUT` too, and
 * the caller's objects are never frozen or changed: they are read from a copy); bad options — an unknown key, a
 * wrong type, more than 1 000 000 replications — throw `AUDIT_BAD_OPTION` with the path, a design weighted by
 * entity `weight` without a draw function throws `AUDIT_DRAW_FUNCTION_REQUIRED`, and a draw function answering
 * with anything but an array of ids from the population `AUDIT_DRAW_FUNCTION_INVALID`.
 *
 * @param history - the draws (order does not matter; the report orders them by year, then label).
 * @param registerSnapshots - the populations the draws refer to.
 * @param design - the stated design of every draw that does not state its own.
 * @param options - significance level, correction, fields, focus groups, Monte-Carlo settings.
 * @throws {@link ShuangsuijiError} with a code of {@link AuditErrorCode}
 * @group Audit
 *
 * @example
 * ```ts
 * import { auditDrawHistory, formatAuditReport } from 'shuangsuiji';
 * const entities = Array.from({ length: 1000 }, (_, i) => ({ id: `E${String(i).padStart(4, '0')}`, regionCode: i % 2 ? '410402' : '410403' }));
 * // A system that drew 30 entities, all from one region, while stating a plain 3% draw:
 * const selectedIds = entities.filter((e) => e.regionCode === '410402').slice(0, 30).map((e) => e.id);
 * const result = auditDrawHistory(
 *   [{ label: '2024', snapshotId: 'S2024', selectedIds }],
 *   [{ id: 'S2024', entities }],
 *   { ratio: 0.03 },
 * );
 * if (result.success) console.log(formatAuditReport(result.data, { language: 'en' }));
 * ```
 */
export function auditDrawHistory(
  history: readonly HistoryDraw[],
  registerSnapshots: readonly RegisterSnapshot[],
  design: StatedDesign,
  options: AuditOptions = {},
): ParseResult<AuditReport, AuditIssueCode> {
  const { alpha, correction, fields, minExpectedCount: minExpected, focusGroups, monteCarlo } = resolveAuditOptions(options);

  const issues: DataIssue<AuditIssueCode>[] = [];
  const parsedHistory = safeParseDetached(z.array(HistoryDrawSchema).min(1), history, ['history'], 'INVALID_INPUT');
  if (!parsedHistory.success) issues.push(...parsedHistory.issues);
  const parsedSnapshots = safeParseDetached(z.array(RegisterSnapshotSchema), registerSnapshots, ['registerSnapshots'], 'INVALID_INPUT');
  if (!parsedSnapshots.success) issues.push(...parsedSnapshots.issues);
  const parsedDesign = safeParseDetached(StatedDesignSchema, design, ['design'], 'INVALID_INPUT');
  if (!parsedDesign.success) issues.push(...parsedDesign.issues);
  if (!parsedHistory.success || !parsedSnapshots.success || !parsedDesign.success) return { success: false, issues };

  const snapshotIndex = new Map<string, number>();
  parsedSnapshots.data.forEach((snapshot, i) => {
    if (snapshotIndex.has(snapshot.id)) {
      issues.push({
        code: 'DUPLICATE_SNAPSHOT_ID',
        path: ['registerSnapshots', i, 'id'],
        messageZh: `名录库快照编号重复：${snapshot.id}`,
        messageEn: `duplicate snapshot id: ${snapshot.id}`,
        received: snapshot.id,
      });
    } else snapshotIndex.set(snapshot.id, i);
  });

  const labels = new Set<string>();
  const order = parsedHistory.data.map((_, i) => i);
  order.sort((a, b) => {
    const da = parsedHistory.data[a] as HistoryDraw;
    const db = parsedHistory.data[b] as HistoryDraw;
    return (da.year ?? 0) - (db.year ?? 0) || compareCodeUnits(da.label, db.label) || a - b;
  });
  const cache = new Map<string, StratifiedPopulation>();
  const pending: { index: number; draw: HistoryDraw; design: StatedDesign; population: StratifiedPopulation; selected: Uint8Array; observed: Record<string, number> }[] = [];
  for (const index of order) {
    const draw = parsedHistory.data[index] as HistoryDraw;
    if (labels.has(draw.label)) {
      issues.push({
        code: 'DUPLICATE_DRAW_LABEL',
        path: ['history', index, 'label'],
        messageZh: `抽取标签重复：${draw.label}`,
        messageEn: `duplicate draw label: ${draw.label}`,
        received: draw.label,
      });
      continue;
    }
    labels.add(draw.label);
    const si = snapshotIndex.get(draw.snapshotId);
    if (si === undefined) {
      issues.push({
        code: 'SNAPSHOT_NOT_FOUND',
        path: ['history', index, 'snapshotId'],
        messageZh: `找不到抽取「${draw.label}」引用的名录库快照 ${draw.snapshotId}`,
        messageEn: `draw "${draw.label}" refers to a missing snapshot ${draw.snapshotId}`,
        received: draw.snapshotId,
      });
      continue;
    }
    const drawDesign = draw.design ?? parsedDesign.data;
    const designPath: IssuePath = draw.design === undefined ? ['design'] : ['history', index, 'design'];
    const key = `${si}\u0000${JSON.stringify(drawDesign)}`;
    let population = cache.get(key);
    if (population === undefined) {
      const snapshot = parsedSnapshots.data[si] as RegisterSnapshot;
      population = stratify(snapshot.entities, drawDesign, ['registerSnapshots', si, 'entities'], designPath, issues);
      cache.set(key, population);
    }
    const selected = new Uint8Array(population.entities.length);
    const observed: Record<string, number> = Object.create(null) as Record<string, number>;
    draw.selectedIds.forEach((id, k) => {
      const i = population.indexOf.get(id);
      if (i === undefined) {
        issues.push({
          code: 'SELECTED_ID_NOT_IN_POPULATION',
          path: ['history', index, 'selectedIds', k],
          messageZh: `抽取「${draw.label}」选中的 ${id} 不在名录库快照 ${draw.snapshotId} 中`,
          messageEn: `draw "${draw.label}" selected ${id}, which is not in snapshot ${draw.snapshotId}`,
          received: id,
        });
      } else if (selected[i] === 1) {
        issues.push({
          code: 'DUPLICATE_SELECTED_ID',
          path: ['history', index, 'selectedIds', k],
          messageZh: `抽取「${draw.label}」重复选中 ${id}`,
          messageEn: `draw "${draw.label}" selected ${id} twice`,
          received: id,
        });
      } else {
        selected[i] = 1;
        const stratum = population.strata[i] as string;
        observed[stratum] = (observed[stratum] ?? 0) + 1;
      }
    });
    pending.push({ index, draw, design: drawDesign, population, selected, observed });
  }
  const known = new Set<string>();
  if (focusGroups.length > 0) for (const p of pending) for (const entity of p.population.entities) known.add(entity.id);
  focusGroups.forEach((group, g) => {
    group.ids.forEach((id, k) => {
      if (!known.has(id)) {
        issues.push({
          code: 'FOCUS_ID_NOT_IN_POPULATION',
          path: ['options', 'focusGroups', g, 'ids', k],
          messageZh: `重点名单「${group.label}」中的 ${id} 不在任何被审计抽取的总体中`,
          messageEn: `focus group "${group.label}" lists ${id}, which is in no audited population`,
          received: id,
        });
      }
    });
  });
  if (issues.length > 0) return { success: false, issues };

  const draws: PreparedDraw[] = pending.map((p) => ({
    label: p.draw.label,
    design: p.design,
    population: p.population,
    selected: p.selected,
    observedByStratum: p.observed,
    inclusion: estimateInclusion(p.population, p.design, p.observed, monteCarlo, p.draw.label),
  }));

  const drafts: DraftFinding[] = [
    ...stratumRateTests(draws),
    ...representationTests(draws, fields, minExpected),
    ...focusGroupTests(draws, focusGroups),
    ...repeatTests(draws, minExpected),
  ];
  drafts.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareCodeUnits(a.id, b.id));
  const adjusted = adjustPValues(
    drafts.map((d) => d.pValue),
    drafts.map((d) => d.id),
    correction,
  );
  const tests: AuditFinding[] = drafts.map((draft, i) => {
    const { facts, ...rest } = draft;
    void facts;
    const adjustedPValue = reportNumber(adjusted[i] as number);
    const verdict = { pValue: draft.pValue, adjustedPValue, significant: adjustedPValue <= alpha };
    return { ...rest, ...verdict, ...findingMessages(draft, verdict, alpha) };
  });
  const significantCount = tests.filter((t) => t.significant).length;

  let maxStandardError = 0;
  let exact = 0;
  for (const draw of draws) {
    if (draw.inclusion.method === 'exact') exact += 1;
    for (const se of draw.inclusion.standardErrors) maxStandardError = Math.max(maxStandardError, se);
  }
  const method = exact === draws.length ? 'exact' : exact === 0 ? 'monte-carlo' : 'mixed';
  const entityIds = new Set<string>();
  let selectionCount = 0;
  for (const draw of draws) {
    for (const entity of draw.population.entities) entityIds.add(entity.id);
    for (const flag of draw.selected) selectionCount += flag;
  }
  return {
    success: true,
    data: {
      alpha,
      correction,
      drawCount: draws.length,
      drawLabels: draws.map((d) => d.label),
      entityCount: entityIds.size,
      selectionCount,
      inclusionProbabilities: {
        method,
        replications: method === 'exact' ? null : monteCarlo.replications,
        maxStandardError: reportNumber(maxStandardError),
      },
      tests,
      significantCount,
      ...summaryMessages(tests.length, significantCount, alpha, correction, draws.length),
    },
  };
}
