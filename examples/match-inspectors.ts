/**
 * Worked example: random matching of inspectors to three drawn targets, with a declared conflict, a target
 * that cannot be staffed, a recusal on the day and verification of the record. Synthetic data only.
 * Run: npx tsx examples/match-inspectors.ts
 */
import { matchInspectors, redrawForRecusal, verifyMatch, type MatchOptions } from '../src/match/index.js';
import type { Inspector } from '../src/models/inspector.js';

const person = (id: string, unit: string, expertise: string[] = [], validTo = '2027-12-31'): Inspector => ({
  id, name: `检查员${id}`, department: '市场监管局', unit, expertise, status: 'active', isExpert: false,
  certificate: { number: `执-${id}`, validTo },
});
const inspectors = [
  person('A01', '城关所', ['食品']), person('A02', '城关所'), person('A03', '东区所', ['食品']),
  person('A04', '东区所'), person('A05', '东区所', [], '2025-06-30'), person('A06', '西区所'),
];
const targets = [
  { id: '91350100M000100Y43', supervisingUnit: '城关所', requiredExpertise: ['食品'] },
  { id: 'T-东区-002', supervisingUnit: '东区所' },
  { id: 'T-西区-003', supervisingUnit: '西区所', requiredExpertise: ['特种设备'] },
];
const options: MatchOptions = {
  seed: '58209749445923078164', label: '2025年第一批', date: '2025-07-01', department: '市场监管局',
  crossUnit: true, maxTargetsPerInspector: 1,
  conflicts: [{ inspectorId: 'A03', entityId: 'T-东区-002', ground: 'former-employment' }],
};

const result = matchInspectors(targets, inspectors, options);
for (const a of result.assignments) console.log('检查组', a.targetId, a.members.map((m) => `${m.inspectorId}#${m.rank}`).join(' '));
for (const u of result.unstaffable) console.log(u.reason.code, u.reason.messageZh, '/', u.reason.messageEn);

const first = result.assignments[0]!;
const after = redrawForRecusal(result, targets, inspectors, { targetId: first.targetId, inspectorId: first.members[0]!.inspectorId, ground: 'close-relative' }, options);
const redone = after.assignments.find((a) => a.targetId === first.targetId);
console.log('回避后', first.targetId, redone ? redone.members.map((m) => m.inspectorId).join(' ') : after.unstaffable.find((u) => u.targetId === first.targetId)?.reason.messageZh);

const { seed: _seed, label: _label, ...facts } = options;
const check = verifyMatch(after.record, targets, inspectors, facts);
console.log('核验', check.ok ? 'ok' : `${check.code}: ${check.messageZh}`);
if (!check.ok || result.unstaffable.length === 0) process.exit(1);
