/**
 * Worked example: random matching of inspectors to three drawn targets, with a declared conflict, a target
 * that cannot be staffed, a recusal on the day and verification of the record; then the same match with one
 * 特种设备 expert (专家) per target, an expert recusing on the day and verification again. Synthetic data only.
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

// 专家: one 特种设备 expert per team. Experts need no 执法证 and never count toward the two inspectors; X02 is of
// 东区所 (所所交叉 keeps it from T-东区-002), X03 lacks the specialty. The enforcement teams stay exactly as above.
// With this seed the first target's expert order starts with X01, but X01 is the only expert T-东区-002 may have
// and each expert assists at most once (maxTargetsPerInspector 1): the first target takes X02 (rank 1) instead.
const expert = (id: string, expertise: string[], unit?: string): Inspector => ({
  id, name: `专家${id}`, department: '市场监管局', expertise, status: 'active', isExpert: true, ...(unit === undefined ? {} : { unit }),
});
const withExperts = [...inspectors, expert('X01', ['特种设备']), expert('X02', ['特种设备'], '东区所'), expert('X03', ['食品'])];
const expertOptions: MatchOptions = { ...options, expertsPerTarget: 1, requiredExpertExpertise: ['特种设备'] };
const matched = matchInspectors(targets, withExperts, expertOptions);
for (const a of matched.assignments) {
  console.log('专家', a.targetId, a.experts!.map((m) => `${m.inspectorId}#${m.rank}`).join(' ') || '—', a.expertShortfall?.messageZh ?? '');
}
const helped = matched.assignments.find((a) => a.experts!.length > 0)!;
const leavingExpert = helped.experts![0]!.inspectorId;
const replaced = redrawForRecusal(matched, targets, withExperts, { targetId: helped.targetId, inspectorId: leavingExpert, ground: 'interest' }, expertOptions);
const now = replaced.assignments.find((a) => a.targetId === helped.targetId)!;
console.log('专家回避后', helped.targetId, now.experts!.map((m) => m.inspectorId).join(' ') || '—', now.expertShortfall?.messageZh ?? '');
const { seed: _s2, label: _l2, ...expertFacts } = expertOptions;
const check2 = verifyMatch(replaced.record, targets, withExperts, expertFacts);
console.log('核验（含专家）', check2.ok ? 'ok' : `${check2.code}: ${check2.messageZh}`);
const sameTeams = JSON.stringify(matched.assignments.map((a) => a.members)) === JSON.stringify(result.assignments.map((a) => a.members));
if (!check2.ok || !sameTeams) process.exit(1);
