/**
 * 抽取历史审计示例 — simulates a department whose system quietly draws one district (410403) twice as often as
 * the others while stating a plain 3% draw per credit-risk class, for three years over ~10,000 entities, then
 * audits the history and prints the report in Chinese and English. Then risk-weighted draws made with
 * `drawTargets`, audited with the design derived from their spec (`statedDesignFromDrawSpec`) against inclusion
 * probabilities estimated by replicating `drawTargets` (no draw function needed). Run: `npx tsx examples/audit-history.ts`.
 * Synthetic data only; the simulation uses its own seeded generator (never Math.random).
 */
import { auditDrawHistory, formatAuditReport, statedDesignFromDrawSpec } from '../src/audit/index.js';
import type { AuditEntity, HistoryDraw, RegisterSnapshot, StatedDesign } from '../src/audit/index.js';
import { drawTargets, sampleSize, seedFromDice } from '../src/draw/index.js';
import type { DrawSpec, WeightRule } from '../src/draw/index.js';
import type { Entity } from '../src/models/entity.js';

// A small seeded generator (mulberry32) for the simulation.
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(2025);
const regions = ['410402', '410403', '410404', '410411', '410421', '410422'];
const industries = ['批发和零售业', '制造业', '住宿和餐饮业', '建筑业'];

// 1. Register snapshots for 2022–2024 (about 5% of entities leave and are replaced each year).
let serial = 0;
const newEntity = (): AuditEntity => {
  const region = regions[Math.floor(random() * regions.length)] as string;
  const u = random();
  return {
    id: `E${String(serial++).padStart(6, '0')}`,
    riskClass: u < 0.5 ? 'A' : u < 0.85 ? 'B' : u < 0.95 ? 'C' : 'D',
    regionCode: region,
    supervisingUnit: `${region}-所${1 + Math.floor(random() * 2)}`,
    industry: industries[Math.floor(random() * industries.length)] as string,
  };
};
let current = Array.from({ length: 10_000 }, newEntity);
const snapshots: RegisterSnapshot[] = [];
for (const year of [2022, 2023, 2024]) {
  if (year > 2022) {
    current = current.filter(() => random() >= 0.05);
    while (current.length < 10_000) current.push(newEntity());
  }
  snapshots.push({ id: `名录库-${year}`, entities: current });
}

// 2. The stated design: 3% of every credit-risk class.
const design: StatedDesign = { stratifyBy: 'riskClass', ratios: { A: 0.03, B: 0.03, C: 0.03, D: 0.03 } };

// 3. The biased system: within each class, district 410403 gets twice the weight (successive sampling).
const history: HistoryDraw[] = snapshots.map((snapshot, k) => {
  const selectedIds: string[] = [];
  for (const riskClass of ['A', 'B', 'C', 'D']) {
    const stratum = snapshot.entities.filter((e) => e.riskClass === riskClass);
    const size = sampleSize(stratum.length, { ratio: 0.03 }); // the stated count, as the audit computes it
    const keyed = stratum.map((e) => ({ id: e.id, key: -Math.log(random() || 1e-300) / (e.regionCode === '410403' ? 2 : 1) }));
    keyed.sort((a, b) => a.key - b.key);
    selectedIds.push(...keyed.slice(0, size).map((x) => x.id));
  }
  return { label: `${2022 + k} 年度`, year: 2022 + k, snapshotId: snapshot.id, selectedIds };
});

// 4. The audit.
const result = auditDrawHistory(history, snapshots, design);
if (!result.success) {
  for (const issue of result.issues) console.error(issue.code, issue.path.join('.'), issue.messageZh);
  process.exit(1);
}
console.log(formatAuditReport(result.data, { language: 'zh' }));
console.log('');
console.log(formatAuditReport(result.data, { language: 'en' }));

// The planted bias must be found: the district itself, significant, over-represented.
const district = result.data.tests.find((t) => t.id === 'category-rate:regionCode:410403');
if (district?.significant !== true || (district.effect.rateRatio ?? 0) <= 1) {
  console.error('the planted bias was not found');
  process.exit(1);
}

// 5. A risk-weighted draw made with the library, audited against Monte-Carlo replications of the library's draw.
//    The design is derived from the very spec that drew (statedDesignFromDrawSpec), not restated by hand.
const weights: WeightRule = { byRiskClass: { A: 1, B: 2, C: 5, D: 10 }, byList: { 'serious-violations': 3 } };
const weightedSpec = (label: string): DrawSpec => ({
  label,
  stratification: { field: 'regionCode', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.05 } },
  weights,
});
const weightedDesign = statedDesignFromDrawSpec(weightedSpec('加权'));
const small = (snapshots[2] as RegisterSnapshot).entities.slice(0, 400).map((e, i) => ({ ...e, lists: i % 13 === 0 ? ['serious-violations'] : [] }));
const rows = small.map((e) => ({ ...e, name: `示例对象${e.id}`, kind: 'enterprise', status: 'active', tags: [], complaintCount: 0 }) as unknown as Entity);
const weightedHistory: HistoryDraw[] = ['31415926535897932384', '27182818284590452353'].map((dice, k) => ({
  label: `加权 ${2023 + k}`,
  snapshotId: '加权名录',
  selectedIds: drawTargets(rows, weightedSpec(`加权 ${2023 + k}`), { seed: seedFromDice(dice) }).selected.map((t) => t.id),
}));
const weighted = auditDrawHistory(weightedHistory, [{ id: '加权名录', entities: small }], weightedDesign, { monteCarlo: { replications: 400 } });
if (!weighted.success) {
  for (const issue of weighted.issues) console.error(issue.code, issue.path.join('.'), issue.messageZh);
  process.exit(1);
}
console.log('');
console.log(`风险加权设计（本库抽取，蒙特卡洛 ${weighted.data.inclusionProbabilities.replications ?? 0} 次）：${weighted.data.summaryZh}`);
console.log(`Risk-weighted design (library draw replicated): ${weighted.data.summaryEn}`);
