/**
 * Writes the known-answer vectors under test/vectors/match/ (run once with `npx tsx test/match/make-vectors.ts`
 * when the algorithm version changes; the vectors test then guards against regressions).
 */
import { writeFileSync } from 'node:fs';
import { matchInspectors, redrawForRecusal, type DayOfRecusal, type MatchOptions, type MatchTarget } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';
import { inspector } from './fixtures.js';

interface Vector {
  description: string;
  targets: MatchTarget[];
  inspectors: Inspector[];
  options: MatchOptions;
  redraws: DayOfRecusal[];
}

const vectors: Record<string, Vector> = {
  'basic': {
    description: 'single department, teams of 2, workload limit 2, one declared conflict, 所所交叉',
    targets: ['T01', 'T02', 'T03', 'T04'].map((id, j) => ({ id, supervisingUnit: j % 2 === 0 ? '甲所' : '乙所' })),
    inspectors: ['P1', 'P2', 'P3', 'P4', 'P5'].map((id, j) => inspector(id, { unit: j < 2 ? '甲所' : '乙所' })),
    options: { seed: '1234567890123456789012', label: 'vector-basic', date: '2025-07-01', department: '市场监管局', maxTargetsPerInspector: 2, crossUnit: true, conflicts: [{ inspectorId: 'P3', entityId: 'T02', ground: 'interest' }] },
    redraws: [],
  },
  'joint-expertise-redraw': {
    description: 'joint inspection (市场监管局 + 卫健委), 食品 expertise nested in one department, an expired certificate, an infeasible target and a re-draw',
    targets: [{ id: 'T01', requiredExpertise: ['食品'] }, { id: 'T02' }, { id: 'T03', legalRepresentative: '甲某' }],
    inspectors: [
      inspector('S1', { expertise: ['食品'] }), inspector('S2', { expertise: ['食品'] }), inspector('S3'),
      inspector('H1', { department: '卫健委' }), inspector('H2', { department: '卫健委', certificate: { number: 'x', validTo: '2025-06-30' } }),
      inspector('H3', { department: '卫健委' }),
    ],
    options: { seed: '99999', label: 'vector-joint', date: '2025-07-01', department: '市场监管局', cooperatingDepartments: ['卫健委'], maxTargetsPerInspector: 1, relatives: [{ inspectorId: 'H3', name: '甲某' }] },
    redraws: [],
  },
  'crossing-expertise-search': {
    description: 'expertise crossing departments (exact search engine), teams of 3, rotation, neighbouring pool',
    targets: [{ id: 'A', requiredExpertise: ['特种设备'] }, { id: 'B', requiredExpertise: ['特种设备', '食品'] }, { id: 'C' }],
    inspectors: [
      inspector('M1', { expertise: ['特种设备'] }), inspector('M2', { expertise: ['食品'] }), inspector('M3'),
      inspector('W1', { department: '卫健委', expertise: ['特种设备', '食品'] }), inspector('W2', { department: '卫健委' }),
    ],
    options: {
      seed: 'dice-3141592653', label: 'vector-search', date: '2025-07-01', department: '市场监管局', cooperatingDepartments: ['卫健委'],
      teamSize: 3, maxTargetsPerInspector: 2, rotationYears: 1, history: [{ inspectorId: 'M3', entityId: 'C', date: '2024-09-01' }],
      neighbourInspectors: [inspector('N1', { regionCode: '630104' }), inspector('N2', { department: '卫健委', regionCode: '630104' })],
    },
    redraws: [],
  },
  'experts': {
    description: '专家: two experts per target with a required expert specialty, workload limit 2, experts without or with an expired certificate (both eligible), a suspended and an unqualified expert, experts recused by 所所交叉, a relative and a declared conflict, then two experts of one target recusing on the day',
    targets: [{ id: 'T01', supervisingUnit: '甲所' }, { id: 'T02', legalRepresentative: '乙某' }, { id: 'T03' }],
    inspectors: [
      ...['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((id, j) => inspector(id, { unit: j < 3 ? '甲所' : '乙所' })),
      { id: 'E1', name: '专家E1', department: '市场监管局', expertise: ['特种设备'], status: 'active', isExpert: true },
      inspector('E2', { isExpert: true, expertise: ['特种设备'], certificate: { number: 'x', validTo: '2024-12-31' } }),
      inspector('E3', { isExpert: true, expertise: ['特种设备'], status: 'suspended' }),
      inspector('E4', { isExpert: true, expertise: ['食品'] }),
      inspector('E5', { isExpert: true, expertise: ['特种设备', '食品'], unit: '甲所' }),
      inspector('E6', { isExpert: true, expertise: ['特种设备'] }),
      inspector('E7', { isExpert: true, expertise: ['特种设备'], unit: '乙所' }),
    ],
    options: {
      seed: '2718281828459045', label: 'vector-experts', date: '2025-07-01', department: '市场监管局', maxTargetsPerInspector: 2, crossUnit: true,
      expertsPerTarget: 2, requiredExpertExpertise: ['特种设备'],
      relatives: [{ inspectorId: 'E6', name: '乙某' }], conflicts: [{ inspectorId: 'E1', entityId: 'T03', ground: 'other' }],
    },
    redraws: [],
  },
};

for (const [name, v] of Object.entries(vectors)) {
  let result = matchInspectors(v.targets, v.inspectors, v.options);
  if (name === 'joint-expertise-redraw') {
    const a = result.assignments[0]!;
    v.redraws = [{ targetId: a.targetId, inspectorId: a.members[0]!.inspectorId, ground: 'close-relative' }];
  }
  if (name === 'experts') {
    // The first expert of the first target recuses on the day, three times over: replacements from the expert
    // order while an expert with workload to spare may assist, then a recorded shortfall.
    const targetId = result.assignments[0]!.targetId;
    for (const ground of ['interest', 'other', 'request']) {
      const experts = result.assignments.find((a) => a.targetId === targetId)!.experts!;
      if (experts.length === 0) break;
      const r = { targetId, inspectorId: experts[0]!.inspectorId, ground };
      v.redraws.push(r);
      result = redrawForRecusal(result, v.targets, v.inspectors, r, v.options);
    }
  } else for (const r of v.redraws) result = redrawForRecusal(result, v.targets, v.inspectors, r, v.options);
  writeFileSync(new URL(`../vectors/match/${name}.json`, import.meta.url), `${JSON.stringify({ ...v, expected: result }, null, 2)}\n`);
  console.log(name, result.complete, result.assignments.map((a) => `${a.targetId}:${a.members.map((m) => m.inspectorId).join('+')}${a.experts === undefined ? '' : `/${a.experts.map((m) => m.inspectorId).join('+')}${a.expertShortfall ? `(${a.expertShortfall.code})` : ''}`}`).join(' '), result.unstaffable.map((u) => `${u.targetId}:${u.reason.code}`).join(' '));
}
