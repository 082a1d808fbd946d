/**
 * 抽取历史审计示例 — simulates a department whose system quietly draws one district (410403) twice as often as
 * the others while stating a plain 3% draw per credit-risk class, for three years over ~10,000 entities, then
 * audits the history and prints the report in Chinese and English. Run: `npx tsx examples/audit-history.ts`.
 * Synthetic data only; the simulation uses its own seeded generator (never Math.random).
 */
import { auditDrawHistory, formatAuditReport } from '../src/audit/index.js';
import type { AuditEntity, HistoryDraw, RegisterSnapshot, StatedDesign } from '../src/audit/index.js';

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
    const size = Math.ceil((stratum.length * 3) / 100);
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
