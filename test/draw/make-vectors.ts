/**
 * Writes test/vectors/draw/cases.json from the cases below using the library, after checking that the naive
 * reference implementation agrees. Run: npx tsx test/draw/make-vectors.ts (only when intentionally changing
 * outputs — that is a breaking change).
 */
import { writeFileSync } from 'node:fs';
import { drawTargets, seedFromDice, type DrawSpec, type PastInspection } from '../../src/draw/index.js';
import type { Entity } from '../../src/models/entity.js';
import { entity, makeRegister } from './fixtures.js';
import { refDraw } from './reference.js';

interface Case { name: string; register: 'base' | 'small' | 'nfc'; spec: DrawSpec; dice: string; history?: PastInspection[] }

const base = makeRegister(60, 'V', 7);
const small = makeRegister(12, 'S', 3);
const nfc = [entity('Cafe\u0301-1'), entity('中文标识甲'), entity('中文标识乙'), entity('𠀀-surrogate'), entity('plain-1'), entity('plain-2')];
const history: PastInspection[] = [
  { entityId: base[1]!.id, date: '2025-03-01', department: '市场监管局', item: 'FOOD' },
  { entityId: base[2]!.id, date: '2025-05-01', department: '卫健委', item: 'FOOD' },
  { entityId: base[3]!.id, date: '2024-12-31', department: '市场监管局', item: 'FOOD' },
  { entityId: base[4]!.id, date: '2025-01-01', department: '市场监管局', item: 'SAFETY' },
  ...base.slice(5, 30).map((e, i) => ({ entityId: e.id, date: `2025-0${1 + (i % 9)}-1${i % 10}`, department: i % 2 ? '市场监管局' : '卫健委', item: 'FOOD' })),
];
const D = '31415926535897932384';
const registers: Record<Case['register'], Entity[]> = { base, small, nfc };
const cases: Case[] = [
  { name: 'undirected-count', register: 'base', spec: { label: '2025-第一批', size: { count: 5 } }, dice: D },
  { name: 'undirected-count-1', register: 'base', spec: { label: '2025-第一批', size: { count: 1 } }, dice: D },
  { name: 'undirected-ratio-up', register: 'base', spec: { label: 'ratio', size: { ratio: 0.07 } }, dice: D },
  { name: 'undirected-ratio-down', register: 'base', spec: { label: 'ratio', size: { ratio: '7%', rounding: 'down' } }, dice: D },
  { name: 'undirected-ratio-half-up-min', register: 'base', spec: { label: 'ratio', size: { ratio: '1/30', rounding: 'half-up', minimum: 3 } }, dice: '27182818284590452353' },
  { name: 'all-statuses', register: 'base', spec: { label: 'all', population: { statuses: ['active', 'deregistered', 'revoked'] }, size: { count: 8 } }, dice: D },
  { name: 'directed-region', register: 'base', spec: { label: 'dir', population: { filter: [{ field: 'regionCode', op: 'startsWith', value: '4101' }] }, size: { count: 6 } }, dice: D },
  { name: 'directed-kind-risk', register: 'base', spec: { label: 'dir2', population: { filter: [{ field: 'kind', op: 'in', values: ['enterprise', 'other'] }, { field: 'riskClass', op: 'notIn', values: ['A'] }] }, size: { ratio: 0.25 } }, dice: D },
  { name: 'directed-lists-tags', register: 'base', spec: { label: 'dir3', population: { filter: [{ op: 'anyOf', conditions: [{ field: 'lists', op: 'hasAny', values: ['abnormal-operations', 'serious-violations'] }, { field: 'tags', op: 'hasAll', values: ['食品'] }] }] }, size: { count: 4 } }, dice: D },
  { name: 'directed-complaints', register: 'base', spec: { label: 'dir4', population: { filter: [{ field: 'complaintCount', op: 'gte', value: 1 }, { field: 'tags', op: 'hasNone', values: ['特种设备'] }] }, size: { count: 3 } }, dice: D },
  { name: 'stratified-per-stratum', register: 'base', spec: { label: 'henan', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.01 }, B: { ratio: 0.03 }, C: { ratio: 0.1 }, D: { ratio: 0.3 } } } }, dice: D },
  { name: 'stratified-per-stratum-other', register: 'base', spec: { label: 'other', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { count: 2 } }, otherStrata: { ratio: 0.1 } } }, dice: D },
  { name: 'stratified-largest-remainder', register: 'base', spec: { label: 'lr', size: { count: 10 }, stratification: { field: 'regionCode', allocation: 'largest-remainder' } }, dice: D },
  { name: 'stratified-largest-remainder-ratio', register: 'base', spec: { label: 'lr2', size: { ratio: 0.2 }, stratification: { field: 'scale', allocation: 'largest-remainder' } }, dice: D },
  { name: 'weighted-risk', register: 'base', spec: { label: 'w', size: { count: 8 }, weights: { byRiskClass: { A: 1, B: 2, C: 4, D: 8, unclassified: 2 } } }, dice: D },
  { name: 'weighted-certainty', register: 'base', spec: { label: 'w2', size: { count: 12 }, weights: { byRiskClass: { D: 100 }, default: 1 } }, dice: D },
  { name: 'weighted-lists-complaints', register: 'base', spec: { label: 'w3', size: { ratio: 0.1 }, weights: { default: '1.5', byList: { 'abnormal-operations': 3, 'serious-violations': '2.5' }, complaints: { perComplaint: 0.5, cap: 4 } } }, dice: D },
  { name: 'weighted-stratified', register: 'base', spec: { label: 'w4', stratification: { field: 'kind', allocation: 'per-stratum', sizes: {}, otherStrata: { ratio: 0.2 } }, weights: { byRiskClass: { C: 3, D: 6 } } }, dice: D },
  { name: 'dedup-same-department', register: 'base', spec: { label: 'dd1', size: { count: 10 }, exclusion: { year: 2025, departments: ['市场监管局'] } }, dice: D, history },
  { name: 'dedup-any-department-item', register: 'base', spec: { label: 'dd2', size: { count: 10 }, exclusion: { year: 2025, departments: 'any', items: ['FOOD'] } }, dice: D, history },
  { name: 'dedup-low-risk-only', register: 'base', spec: { label: 'dd3', size: { ratio: 0.2 }, exclusion: { year: 2025, riskClasses: ['A', 'B'] } }, dice: D, history },
  { name: 'non-ascii-ids', register: 'nfc', spec: { label: '中文标签', size: { count: 3 } }, dice: D },
  { name: 'population-smaller-take-all', register: 'small', spec: { label: 'small', size: { count: 50 } }, dice: D },
  { name: 'stratum-smaller-take-all', register: 'small', spec: { label: 'small2', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 9 }, B: { count: 1 } } } }, dice: D },
  { name: 'empty-population', register: 'small', spec: { label: 'none', population: { filter: [{ field: 'industry', op: 'in', values: ['nothing'] }] }, size: { count: 2 } }, dice: D },
];

const out = cases.map((c) => {
  const seed = seedFromDice(c.dice);
  const { record } = drawTargets(registers[c.register], c.spec, { seed, history: c.history ?? [] });
  const ref = refDraw(registers[c.register] as never, record.spec, seed.seed, c.history ?? []);
  const mine = { registerDigest: record.register.digest, exclusionDigest: record.exclusion.digest, eligible: record.register.eligible, excluded: record.exclusion.excluded, strata: record.strata, selected: record.selected };
  if (JSON.stringify(mine) !== JSON.stringify(ref)) throw new Error(`reference disagrees on ${c.name}\n${JSON.stringify(mine)}\n${JSON.stringify(ref)}`);
  return { name: c.name, input: { register: c.register, spec: c.spec, dice: c.dice, history: c.history ?? [] }, expected: { seed: seed.seed, normalizedSpec: record.spec, ...mine } };
});
writeFileSync(new URL('../vectors/draw/cases.json', import.meta.url), JSON.stringify({ algorithm: 'shuangsuiji-draw', version: 1, registers, cases: out }, null, 1) + '\n');
console.log(`wrote ${out.length} cases`);
