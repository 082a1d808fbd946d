/**
 * Benchmark of matchInspectors. Prints one JSON object per line plus a readable line.
 * Run: node --expose-gc --import tsx bench/match.bench.ts
 */
import type { Inspector } from '../src/models/inspector.js';
import { matchInspectors, type DeclaredConflict, type MatchTarget } from '../src/match/index.js';

function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

function scenario(name: string, targetCount: number, inspectorCount: number, conflictsPerTarget: number, cap: number, experts = 0, expertsPerTarget = 0): void {
  const rnd = xorshift(targetCount + inspectorCount);
  const depts = ['D0', 'D1', 'D2'];
  const inspectors: Inspector[] = Array.from({ length: inspectorCount }, (_, i) => ({
    id: `I${i}`, name: `n${i}`, department: depts[i % 3]!, expertise: [], status: 'active', isExpert: false,
    certificate: { number: `Z${i}`, validTo: '2027-12-31' },
  }));
  // Experts (专家) assist after the teams are fixed; they have no certificate and share the workload limit.
  for (let i = 0; i < experts; i++) inspectors.push({ id: `X${i}`, name: `x${i}`, department: depts[i % 3]!, expertise: [], status: 'active', isExpert: true });
  const targets: MatchTarget[] = Array.from({ length: targetCount }, (_, t) => ({ id: `T${t}` }));
  const conflicts: DeclaredConflict[] = [];
  for (let t = 0; t < targetCount; t++) {
    for (let c = 0; c < conflictsPerTarget; c++) {
      conflicts.push({ inspectorId: `I${Math.floor(rnd() * inspectorCount)}`, entityId: `T${t}`, ground: 'interest' });
    }
  }
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 5);
  const t0 = process.hrtime.bigint();
  const result = matchInspectors(targets, inspectors, {
    seed: '31415926535897932384', label: 'bench', date: '2025-07-01',
    department: 'D0', cooperatingDepartments: ['D1', 'D2'], departmentMinimums: {},
    teamSize: 2, maxTargetsPerInspector: cap, conflicts,
    ...(expertsPerTarget > 0 ? { expertsPerTarget } : {}),
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const line = {
    bench: `match/${name}`, targets: targetCount, inspectors: inspectorCount, experts, expertsPerTarget, conflicts: conflicts.length, workloadLimit: cap,
    ms: Math.round(ms), staffed: result.assignments.length, unstaffable: result.unstaffable.length,
    expertsAssigned: result.assignments.reduce((n, a) => n + (a.experts?.length ?? 0), 0),
    heapBeforeMB: Math.round(before / 1048576), heapPeakSampledMB: Math.round(peak / 1048576), rssMB: Math.round(process.memoryUsage().rss / 1048576),
  };
  console.log(JSON.stringify(line));
  const expertNote = expertsPerTarget > 0 ? `, ${experts} experts (${expertsPerTarget} per target, ${line.expertsAssigned} assigned)` : '';
  console.log(`# ${name}: ${targetCount} targets × ${inspectorCount} inspectors${expertNote}, ${conflicts.length} conflicts, limit ${cap}: ${line.ms} ms, ${line.staffed} staffed, heap peak ≈ ${line.heapPeakSampledMB} MB (rss ${line.rssMB} MB)`);
}

// 5% of the 20,000,000 pairs in conflict = 100 per target (duplicates possible, as in real declarations).
scenario('10k-targets', 10_000, 2_000, 100, 12);
// The same with 500 experts, one per target (each expert assists at most 12 targets: 6,000 places for 10,000).
scenario('10k-targets-experts', 10_000, 2_000, 100, 12, 500, 1);
// 100,000 targets × 10,000 inspectors: 5% of pairs would be 50,000,000 conflict objects (several GB of input
// alone), so this run uses 50 conflicts per target (0.5%); 200,000 places need a limit above 20 per person.
scenario('100k-targets', 100_000, 10_000, 50, 24);
