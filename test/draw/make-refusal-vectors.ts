/**
 * Writes test/vectors/draw/refusals.json: inputs the draw must refuse, each with the code and path that
 * docs/spec.md assigns (a re-implementation from the spec alone must reach the same). Run:
 * npx tsx test/draw/make-refusal-vectors.ts — then read the diff: every expected code must follow from the spec.
 */
import { writeFileSync } from 'node:fs';
import { runRefusal, type RefusalCase } from './refusal-cases.js';

const row = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id, name: `对象${id}`, kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0, ...extra });
const ok = [row('A1'), row('A2'), row('A3', { riskClass: 'D' })];
const D = '31415926535897932384';
const spec = { label: 'v', size: { count: 1 } };

const cases: Omit<RefusalCase, 'expected'>[] = [
  // §1.1 ids
  { name: 'id-empty', call: 'drawTargets', register: [row('')], spec, dice: D },
  { name: 'id-number', call: 'drawTargets', register: [row('A', { id: 7 })], spec, dice: D },
  { name: 'id-control', call: 'drawTargets', register: [row('a\nb')], spec, dice: D },
  { name: 'id-c1-control', call: 'drawTargets', register: [row('a\u0085b')], spec, dice: D },
  { name: 'id-lone-surrogate', call: 'registerDigest', register: [row('a\ud800')] },
  { name: 'id-leading-space', call: 'registerDigest', register: [row(' a')] },
  { name: 'id-trailing-ideographic-space', call: 'registerDigest', register: [row('a\u3000')] },
  { name: 'id-too-long', call: 'registerDigest', register: [row('x'.repeat(1025))] },
  { name: 'id-too-long-after-nfc', call: 'registerDigest', register: [row('\u00e9'.repeat(513))] },
  { name: 'id-duplicate-after-nfc', call: 'drawTargets', register: [row('Caf\u00e9'), row('X'), row('Cafe\u0301')], spec, dice: D },
  { name: 'id-duplicate-digest', call: 'registerDigest', register: [row('B'), row('B', { kind: 'other' })] },
  // §1.4 the row
  { name: 'row-not-object', call: 'registerDigest', register: [row('A'), 'B'] },
  { name: 'row-null', call: 'registerDigest', register: [null] },
  { name: 'row-unknown-key', call: 'registerDigest', register: [row('A', { riskclass: 'D' })] },
  { name: 'row-missing-status', call: 'registerDigest', register: [{ id: 'A', kind: 'other', lists: [], tags: [], complaintCount: 0 }] },
  { name: 'row-status-null', call: 'registerDigest', register: [row('A', { status: null })] },
  { name: 'row-status-chinese', call: 'registerDigest', register: [row('A', { status: '存续' })] },
  { name: 'row-risk-lower-case', call: 'registerDigest', register: [row('A', { riskClass: 'd' })] },
  { name: 'row-kind-number', call: 'registerDigest', register: [row('A', { kind: 7 })] },
  { name: 'row-industry-lone-surrogate', call: 'registerDigest', register: [row('A', { industry: '\ud800' })] },
  { name: 'row-industry-array', call: 'registerDigest', register: [row('A', { industry: ['食品'] })] },
  { name: 'row-industry-empty', call: 'registerDigest', register: [row('A', { industry: '' })] },
  { name: 'row-scale-too-long', call: 'registerDigest', register: [row('A', { scale: '中'.repeat(21845) })] },
  { name: 'row-lists-unknown', call: 'registerDigest', register: [row('A', { lists: ['经营异常名录'] })] },
  { name: 'row-tags-not-array', call: 'registerDigest', register: [row('A', { tags: '食品' })] },
  { name: 'row-tags-null-element', call: 'registerDigest', register: [row('A', { tags: ['食品', null] })] },
  { name: 'row-complaints-negative', call: 'registerDigest', register: [row('A', { complaintCount: -1 })] },
  { name: 'row-complaints-2^32', call: 'registerDigest', register: [row('A', { complaintCount: 4294967296 })] },
  { name: 'row-first-problem-in-fixed-order', call: 'registerDigest', register: [{ zzz: 1, tags: [1], kind: 'x', id: 'A', status: 'active', lists: [], complaintCount: 0 }] },
  // §2 seeds
  { name: 'dice-too-few', call: 'seedFromOrigin', origin: { method: 'dice', digits: '1234567890123456789' } },
  { name: 'dice-not-digits', call: 'seedFromOrigin', origin: { method: 'dice', digits: '1234567890123456789x' } },
  { name: 'beacon-not-hex', call: 'seedFromOrigin', origin: { method: 'beacon', source: 's', round: '1', value: 'zz'.repeat(20) } },
  { name: 'beacon-short', call: 'seedFromOrigin', origin: { method: 'beacon', source: 's', round: '1', value: 'ab'.repeat(15) } },
  { name: 'origin-unknown-key', call: 'seedFromOrigin', origin: { method: 'dice', digits: D, note: 'x' } },
  { name: 'origin-unknown-method', call: 'seedFromOrigin', origin: { method: 'coin', digits: D } },
  { name: 'contributions-duplicate-party', call: 'seedFromOrigin', origin: { method: 'contributions', contributions: [{ party: 'a', value: 'x'.repeat(20) }, { party: 'a', value: 'y' }] } },
  { name: 'contributions-lone-surrogate', call: 'seedFromOrigin', origin: { method: 'contributions', contributions: [{ party: '\ud800', value: 'x'.repeat(20) }] } },
  { name: 'contributions-short', call: 'seedFromOrigin', origin: { method: 'contributions', contributions: [{ party: 'a', value: 'x'.repeat(19) }] } },
  { name: 'seed-upper-case-hex', call: 'drawTargets', register: ok, spec, seedHex: 'AB'.repeat(32) },
  // §2.1 commitments
  { name: 'commitment-unknown-key', call: 'drawTargets', register: ok, spec, dice: D, commitment: { hash: 'ab'.repeat(32), salt: '', extra: 1 } },
  { name: 'commitment-short-hash', call: 'drawTargets', register: ok, spec, dice: D, commitment: { hash: 'abc', salt: '' } },
  { name: 'commitment-mismatch', call: 'drawTargets', register: ok, spec, dice: D, commitment: { hash: 'ab'.repeat(32), salt: '' } },
  { name: 'commit-options-string', call: 'commitSeed', value: 'abc', options: 'salt' },
  { name: 'commit-salt-number', call: 'commitSeed', value: 'abc', options: { salt: 5 } },
  // §5 history
  { name: 'history-unknown-key', call: 'drawTargets', register: ok, spec: { ...spec, exclusion: { year: 2025 } }, dice: D, history: [{ entityId: 'A1', date: '2025-01-02', department: 'd', item: 'i', agency: 'd' }] },
  { name: 'history-bad-date', call: 'drawTargets', register: ok, spec: { ...spec, exclusion: { year: 2025 } }, dice: D, history: [{ entityId: 'A1', date: '2025-02-30', department: 'd', item: 'i' }] },
  { name: 'history-missing', call: 'drawTargets', register: ok, spec: { ...spec, exclusion: { year: 2025 } }, dice: D },
  // §6 specs
  { name: 'spec-unknown-key', call: 'drawTargets', register: ok, spec: { ...spec, sise: 3 }, dice: D },
  { name: 'spec-null', call: 'drawTargets', register: ok, spec: { ...spec, shortfall: null }, dice: D },
  { name: 'spec-label-control', call: 'drawTargets', register: ok, spec: { label: 'a\tb', size: { count: 1 } }, dice: D },
  { name: 'spec-label-lone-surrogate', call: 'drawTargets', register: ok, spec: { label: 'a\udc00', size: { count: 1 } }, dice: D },
  { name: 'spec-size-shape', call: 'drawTargets', register: ok, spec: { label: 'v', size: 10 }, dice: D },
  { name: 'spec-count-fraction', call: 'drawTargets', register: ok, spec: { label: 'v', size: { count: 1.5 } }, dice: D },
  { name: 'spec-count-unsafe', call: 'drawTargets', register: ok, spec: { label: 'v', size: { count: 9007199254740992 } }, dice: D },
  { name: 'spec-ratio-zero', call: 'drawTargets', register: ok, spec: { label: 'v', size: { ratio: 0 } }, dice: D },
  { name: 'spec-ratio-above-one', call: 'drawTargets', register: ok, spec: { label: 'v', size: { ratio: '101%' } }, dice: D },
  { name: 'spec-ratio-grammar', call: 'drawTargets', register: ok, spec: { label: 'v', size: { ratio: '7 %' } }, dice: D },
  { name: 'spec-ratio-exponent', call: 'drawTargets', register: ok, spec: { label: 'v', size: { ratio: '1e-401' } }, dice: D },
  { name: 'spec-rounding', call: 'drawTargets', register: ok, spec: { label: 'v', size: { ratio: 0.5, rounding: 'nearest' } }, dice: D },
  { name: 'filter-unknown-field', call: 'drawTargets', register: ok, spec: { ...spec, population: { filter: [{ field: 'name', op: 'in', values: ['x'] }] } }, dice: D },
  { name: 'filter-bad-op', call: 'drawTargets', register: ok, spec: { ...spec, population: { filter: [{ field: 'kind', op: 'startsWith', value: 'e' }] } }, dice: D },
  { name: 'filter-vocabulary', call: 'drawTargets', register: ok, spec: { ...spec, population: { filter: [{ field: 'riskClass', op: 'in', values: ['a'] }] } }, dice: D },
  { name: 'filter-lists-vocabulary', call: 'drawTargets', register: ok, spec: { ...spec, population: { filter: [{ field: 'lists', op: 'hasAny', values: ['经营异常名录'] }] } }, dice: D },
  { name: 'filter-empty-anyOf', call: 'drawTargets', register: ok, spec: { ...spec, population: { filter: [{ op: 'anyOf', conditions: [] }] } }, dice: D },
  { name: 'spec-too-deep', call: 'drawTargets', register: ok, spec: { ...spec, population: { filter: [Array.from({ length: 40 }).reduce<unknown>((c) => ({ op: 'anyOf', conditions: [c] }), { field: 'kind', op: 'in', values: ['other'] })] } }, dice: D },
  { name: 'statuses-vocabulary', call: 'drawTargets', register: ok, spec: { ...spec, population: { statuses: ['存续'] } }, dice: D },
  { name: 'strata-unknown-field', call: 'drawTargets', register: ok, spec: { ...spec, stratification: { field: 'name', allocation: 'largest-remainder' } }, dice: D },
  { name: 'strata-size-with-per-stratum', call: 'drawTargets', register: ok, spec: { ...spec, stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { D: { count: 1 } } } }, dice: D },
  { name: 'strata-unknown-stratum', call: 'drawTargets', register: ok, spec: { label: 'v', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { E: { count: 1 } } } }, dice: D },
  { name: 'strata-duplicate-stratum', call: 'drawTargets', register: ok, spec: { label: 'v', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: [{ stratum: 'D', size: { count: 1 } }, { stratum: 'D', size: { count: 2 } }] } }, dice: D },
  { name: 'weights-zero', call: 'drawTargets', register: ok, spec: { ...spec, weights: { byRiskClass: { D: 0 } } }, dice: D },
  { name: 'weights-unknown-class', call: 'drawTargets', register: ok, spec: { ...spec, weights: { byRiskClass: { E: 2 } } }, dice: D },
  { name: 'exclusion-year', call: 'drawTargets', register: ok, spec: { ...spec, exclusion: { year: 2025.5 } }, dice: D, history: [] },
  { name: 'population-too-small', call: 'drawTargets', register: ok, spec: { label: 'v', size: { count: 9 }, shortfall: 'error' }, dice: D },
  // §1–§6 through the options
  { name: 'options-unknown-key', call: 'drawTargets', register: ok, spec, dice: D, extraOption: { duplicateCheck: 'selection' } },
  { name: 'register-not-iterable', call: 'drawTargets', register: 5, spec, dice: D },
];

const out = cases.map((c) => ({ ...c, expected: runRefusal(c as RefusalCase) }));
for (const c of out) if (c.expected === undefined) throw new Error(`${c.name} was not refused`);
writeFileSync(new URL('../vectors/draw/refusals.json', import.meta.url), JSON.stringify({ algorithm: 'shuangsuiji-draw', version: 1, cases: out }, null, 1) + '\n');
console.log(`wrote ${out.length} refusal cases`);
