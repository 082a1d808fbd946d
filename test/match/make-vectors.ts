/**
 * Writes the known-answer vectors under test/vectors/match/ (run once with `npx tsx test/match/make-vectors.ts`
 * when the algorithm version changes; the vectors test then guards against regressions). `refusals.json` holds
 * inputs every implementation must refuse, with the code and path of the refusal (docs/spec.md §M12).
 */
import { writeFileSync } from 'node:fs';
import { isShuangsuijiError } from '../../src/errors.js';
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
    options: { seed: '99999999999999999999', label: 'vector-joint', date: '2025-07-01', department: '市场监管局', cooperatingDepartments: ['卫健委'], maxTargetsPerInspector: 1, relatives: [{ inspectorId: 'H3', name: '甲某' }] },
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
      seed: '3141592653589793238462', label: 'vector-search', date: '2025-07-01', department: '市场监管局', cooperatingDepartments: ['卫健委'],
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
      seed: '27182818284590452353', label: 'vector-experts', date: '2025-07-01', department: '市场监管局', maxTargetsPerInspector: 2, crossUnit: true,
      expertsPerTarget: 2, requiredExpertExpertise: ['特种设备'],
      relatives: [{ inspectorId: 'E6', name: '乙某' }], conflicts: [{ inspectorId: 'E1', entityId: 'T03', ground: 'other' }],
    },
    redraws: [],
  },
  'neighbour-completeness': {
    description: 'issue 12 §3: run 1 (local pool) staffs A and leaves B out; B may not use the neighbouring N1, N2 (declared conflicts); run 2 keeps both by letting A, not B, draw on the neighbouring pool',
    targets: [{ id: 'A' }, { id: 'B' }],
    inspectors: [inspector('L1'), inspector('L2')],
    options: {
      seed: '31415926535897932384', label: 'p2', date: '2025-07-01', department: '市场监管局', teamSize: 2, maxTargetsPerInspector: 1,
      conflicts: [{ inspectorId: 'N1', entityId: 'B', ground: 'interest' }, { inspectorId: 'N2', entityId: 'B', ground: 'interest' }],
      neighbourInspectors: [inspector('N1', { regionCode: '630104' }), inspector('N2', { regionCode: '630104' })],
    },
    redraws: [],
  },
  'ids-and-unmatched-facts': {
    description: 'ids in NFC and NFD spellings name one target (Café-001), code-point order of ids (U+FF21 before U+20000, the reverse of UTF-16 code-unit order), facts naming nobody in this match reported by path, a re-draw with a note',
    targets: [{ id: 'Caf\u00e9-001', legalRepresentative: '甲某' }, { id: 'T-002' }],
    inspectors: [inspector('\u{20000}-1'), inspector('\uff21-1'), inspector('B-1'), inspector('B-2')],
    options: {
      seed: '16180339887498948482', label: 'vector-ids', date: '2025-07-01', department: '市场监管局', rotationYears: 1,
      conflicts: [{ inspectorId: 'B-1', entityId: 'Cafe\u0301-001', ground: 'interest' }, { inspectorId: 'B-2', entityId: 'T-999', ground: 'other' }],
      relatives: [{ inspectorId: 'X-404', name: '甲某' }],
      history: [{ inspectorId: 'B-2', entityId: 'T-002', date: '2025-01-15' }, { inspectorId: 'B-9', entityId: 'T-777', date: '2024-12-01' }],
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
  if (name === 'ids-and-unmatched-facts') {
    // The recusal names the target in its NFD spelling; the record holds the canonical (NFC) id and the note.
    const a = result.assignments.find((x) => x.targetId === 'Caf\u00e9-001')!;
    v.redraws = [{ targetId: 'Cafe\u0301-001', inspectorId: a.members[0]!.inspectorId, ground: 'request', note: '当事人当场书面申请回避' }];
  }
  if (name === 'experts') {
    // The first expert of the first target recuses on the day, three times over: replacements from the expert
    // order while an expert with workload to spare may assist, then a recorded shortfall.
    const targetId = result.assignments[0]!.targetId;
    for (const ground of ['interest', 'other', 'request'] as const) {
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

// Refusals: each case is a valid base with one thing wrong; expected is the code and path of the refusal.
interface Refusal {
  description: string;
  targets: unknown;
  inspectors: unknown;
  options: unknown;
  /** When present, the match succeeds and this re-draw is refused. */
  recusal?: unknown;
  expected?: { code: string; path: (string | number)[] };
}
const baseTargets: MatchTarget[] = [{ id: 'T1' }, { id: 'T2' }];
const basePool: Inspector[] = ['I1', 'I2', 'I3', 'I4'].map((id) => inspector(id));
const baseOptions: MatchOptions = { seed: '27182818284590452353', label: 'vector-refusals', date: '2025-07-01', department: '市场监管局' };
const refusal = (description: string, change: { targets?: unknown; inspectors?: unknown; options?: Record<string, unknown>; recusal?: unknown }): Refusal => ({
  description,
  targets: change.targets ?? baseTargets,
  inspectors: change.inspectors ?? basePool,
  options: { ...baseOptions, ...change.options },
  ...(change.recusal === undefined ? {} : { recusal: change.recusal }),
});
const refusals: Refusal[] = [
  refusal('a seed of 19 dice digits (the draw asks for at least 20)', { options: { seed: '3141592653589793238' } }),
  refusal('a seed in upper-case hex', { options: { seed: 'AB'.repeat(32) } }),
  refusal('a seed that is free text', { options: { seed: 'dice-3141592653' } }),
  refusal('a label with a control character', { options: { label: 'batch\u0007' } }),
  refusal('a label with a lone surrogate', { options: { label: 'batch-\ud800' } }),
  refusal('an empty label', { options: { label: '' } }),
  refusal('an unknown option key (a misspelt rule)', { options: { crossunit: true } }),
  refusal('teamSize 1', { options: { teamSize: 1 } }),
  refusal('crossUnit given as text', { options: { crossUnit: 'yes' } }),
  refusal('departmentMinimums as pairs (the record form), not an object', { options: { departmentMinimums: [['市场监管局', 2]] } }),
  refusal('a minimum for a department not in the inspection', { options: { departmentMinimums: { 卫健委: 1 } } }),
  refusal('requiredExpertise given as a string', { options: { requiredExpertise: '食品' } }),
  refusal("a target's requiredExpertise given as a string (not read character by character)", { targets: [{ id: 'T1', requiredExpertise: '食品' }] }),
  refusal("an inspector's expertise given as a string (not searched as a substring)", { inspectors: [inspector('I1', { expertise: '非食品类' as never }), ...basePool.slice(1)] }),
  refusal('an inspector status outside the vocabulary', { inspectors: [inspector('I1', { status: '在岗' as never }), ...basePool.slice(1)] }),
  refusal('an unknown key in an inspector row', { inspectors: [{ ...inspector('I1'), unti: '城关所' }, ...basePool.slice(1)] }),
  refusal('a certificate date that does not exist', { inspectors: [inspector('I1', { certificate: { number: 'x', validTo: '2025-02-30' } }), ...basePool.slice(1)] }),
  refusal('a target id with a trailing space', { targets: [{ id: 'T1 ' }] }),
  refusal('a target id with a control character', { targets: [{ id: 'T\u00011' }] }),
  refusal('one target id spelled NFC and NFD', { targets: [{ id: 'Caf\u00e9' }, { id: 'Cafe\u0301' }] }),
  refusal('a conflict whose entityId has a leading space', { options: { conflicts: [{ inspectorId: 'I1', entityId: ' T1', ground: 'interest' }] } }),
  refusal('a conflict ground outside the vocabulary', { options: { conflicts: [{ inspectorId: 'I1', entityId: 'T1', ground: 'constructor' }] } }),
  refusal('a misspelt key in a recusal request', { options: { recusalRequests: [{ entityId: 'T1', inspector: 'I1' }] } }),
  refusal('a history row with an impossible date', { options: { history: [{ inspectorId: 'I1', entityId: 'T1', date: '2025-13-01' }] } }),
  refusal('a day-of recusal with a free-text ground (free text belongs in note)', { recusal: { targetId: 'T1', inspectorId: '{member}', ground: '因为我想换人' } }),
  refusal('a day-of recusal naming an inspector who is not on the team', { recusal: { targetId: 'T1', inspectorId: '{outsider}', ground: 'interest' } }),
  refusal('a day-of recusal naming an id that is not a target of the match', { recusal: { targetId: 'T9', inspectorId: 'I1', ground: 'interest' } }),
  refusal('a day-of recusal naming a target that could not be staffed (it has no team)', {
    inspectors: basePool.slice(0, 2), options: { maxTargetsPerInspector: 1 }, recusal: { targetId: '{unstaffable}', inspectorId: 'I1', ground: 'interest' },
  }),
];
for (const r of refusals) {
  try {
    const result = matchInspectors(r.targets as MatchTarget[], r.inspectors as Inspector[], r.options as MatchOptions);
    if (r.recusal === undefined) throw new Error(`not refused: ${r.description}`);
    // '{member}' / '{outsider}': an inspector on / not on T1's team, fixed here so the vector is explicit.
    const recusal = { ...(r.recusal as DayOfRecusal) };
    if (recusal.targetId === '{unstaffable}') recusal.targetId = result.unstaffable[0]!.targetId;
    const team = result.assignments.find((a) => a.targetId === 'T1')?.members.map((m) => m.inspectorId) ?? [];
    if (recusal.inspectorId === '{member}') recusal.inspectorId = team[0]!;
    if (recusal.inspectorId === '{outsider}') recusal.inspectorId = basePool.map((p) => p.id).find((id) => !team.includes(id))!;
    r.recusal = recusal;
    redrawForRecusal(result, r.targets as MatchTarget[], r.inspectors as Inspector[], recusal, r.options as MatchOptions);
    throw new Error(`not refused: ${r.description}`);
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    r.expected = { code: error.code, path: [...error.path] };
    console.log('refusal', error.code, JSON.stringify(error.path), r.description);
  }
}
writeFileSync(new URL('../vectors/match/refusals.json', import.meta.url), `${JSON.stringify({ description: 'inputs a conforming implementation refuses: the code and path of the refusal (docs/spec.md §M12); when recusal is present the match succeeds and the re-draw is refused', cases: refusals }, null, 2)}\n`);
