// 查询本单位 (docs/spec.md §7.8): an entity's verdict from the published record alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEntityOutcome, computeTicket, drawTargets, isInPopulation, seedFromDice, verifyDraw,
  type DrawRecord, type DrawSpec, type EntityOutcome, type PastInspection,
} from '../../src/draw/index.js';
import { decimalOf, ticketFraction, ticketFractions } from '../../src/draw/internals/outcome-numbers.js';
import { isShuangsuijiError, type ShuangsuijiError } from '../../src/errors.js';
import type { Entity } from '../../src/models/entity.js';
import { entity, makeRegister } from './fixtures.js';
import { expectedOf, queryOf, readCases, recordOf, type OutcomeVector } from './make-outcome-vectors.js';
import { refTicket } from './reference.js';
import outcomes from '../vectors/draw/outcomes.json' with { type: 'json' };

const SEED = seedFromDice('31415926535897932384');
const TWO256 = 1n << 256n;

function thrown(f: () => unknown): ShuangsuijiError {
  try {
    f();
  } catch (error) {
    if (isShuangsuijiError(error)) return error;
    throw error;
  }
  throw new Error('expected a ShuangsuijiError, nothing was thrown');
}

/** A mutable deep copy of a record, to tamper with. */
function copy(record: DrawRecord): any {
  return JSON.parse(JSON.stringify(record));
}

/** Exact a/b · c/d ≥ 1, and min(1, a/b · c/d) as "num/den" in lowest terms (test-side arithmetic). */
function gcd(a: bigint, b: bigint): bigint { while (b) [a, b] = [b, a % b]; return a; }
function frac(text: string): [bigint, bigint] { const [n, d] = text.split('/'); return [BigInt(n!), BigInt(d!)]; }
function minOneTimes(w: string, s: string): string {
  const [a, b] = frac(w), [c, d] = frac(s);
  let n = a * c, m = b * d;
  if (n >= m) return '1/1';
  const g = gcd(n, m);
  n /= g; m /= g;
  return `${n}/${m}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The property: over random registers and every kind of draw, each register entity's verdict agrees with the truth.

const rowArb = fc.record({
  status: fc.constantFrom('active', 'active', 'active', 'active', 'deregistered'),
  riskClass: fc.constantFrom('A', 'B', 'C', 'D', undefined),
  regionCode: fc.constantFrom('410102', '410103', '350100', undefined),
  kind: fc.constantFrom('enterprise', 'other'),
  lists: fc.subarray(['abnormal-operations', 'serious-violations']),
  complaintCount: fc.constantFrom(0, 0, 0, 1, 2, 5),
});
const registerArb = fc.array(rowArb, { minLength: 1, maxLength: 28 }).map((rows) => rows.map((r, i) => {
  const e: Record<string, unknown> = { id: i % 7 === 3 ? `单位${i}号` : `R${String(i).padStart(3, '0')}`, name: `测试对象${i}`, kind: r.kind, status: r.status, lists: r.lists, tags: [], complaintCount: r.complaintCount };
  if (r.riskClass !== undefined) e['riskClass'] = r.riskClass;
  if (r.regionCode !== undefined) e['regionCode'] = r.regionCode;
  return e as unknown as Entity;
}));
const weights = { byRiskClass: { D: 25, C: 4, A: '0.5' }, default: 1, byList: { 'abnormal-operations': 3 }, complaints: { perComplaint: '1/2', cap: 3 } };
const kindArb = fc.oneof(
  fc.nat(32).map((count) => ({ name: 'count', spec: { size: { count } } })),
  fc.constantFrom('0.1', '30%', '1/2', '1').map((ratio) => ({ name: 'ratio', spec: { size: { ratio, rounding: 'half-up' as const } } })),
  fc.tuple(fc.nat(30), fc.constantFrom('riskClass' as const, 'regionCode' as const)).map(([count, field]) => ({ name: 'largest-remainder', spec: { size: { count }, stratification: { field, allocation: 'largest-remainder' as const } } })),
  fc.tuple(fc.nat(6), fc.nat(3)).map(([a, other]) => ({ name: 'per-stratum', spec: { stratification: { field: 'regionCode' as const, allocation: 'per-stratum' as const, sizes: { '410102': { count: a }, '350100': { ratio: '1/2' } }, otherStrata: { count: other } } } })),
  fc.nat(30).map((count) => ({ name: 'weighted', spec: { size: { count }, weights } })),
  fc.tuple(fc.nat(5), fc.nat(4)).map(([d, other]) => ({ name: 'weighted-stratified', spec: { stratification: { field: 'riskClass' as const, allocation: 'per-stratum' as const, sizes: { D: { count: d } }, otherStrata: { count: other } }, weights } })),
);
const caseArb = fc.record({
  register: registerArb,
  kind: kindArb,
  directed: fc.boolean(),
  exclusion: fc.constantFrom('none', 'all', 'low-risk'),
  history: fc.array(fc.nat(30), { maxLength: 12 }),
  dice: fc.stringMatching(/^[0-9]{20}$/),
});

describe('checkEntityOutcome agrees with the truth (property, every draw kind)', () => {
  it('drawn ⇒ selected; in the population and not drawn ⇒ not-selected; outside ⇒ never selected', () => {
    const seen = new Map<string, number>();
    const count = (key: string): void => { seen.set(key, (seen.get(key) ?? 0) + 1); };
    fc.assert(fc.property(caseArb, (c) => {
      const register = c.register;
      const spec: DrawSpec = {
        label: `性质-${c.kind.name}`,
        ...c.kind.spec,
        ...(c.directed ? { population: { filter: [{ field: 'kind', op: 'in', values: ['enterprise'] }] } } : {}),
        ...(c.exclusion === 'none' ? {} : { exclusion: { year: 2025, riskClasses: c.exclusion === 'all' ? 'all' : ['A', 'B'] } }),
      } as DrawSpec;
      const history: PastInspection[] = c.exclusion === 'none' ? [] : [...new Set(c.history)].filter((i) => i < register.length).map((i) => ({ entityId: register[i]!.id, date: '2025-04-01', department: '市场监管局', item: 'FOOD' }));
      const seed = seedFromDice(c.dice);
      const { record, selected } = drawTargets(register, spec, { seed, history });
      const drawn = new Set(selected.map((s) => s.id));
      const historyIds = new Set(history.map((h) => h.entityId));
      const field = record.spec.stratification?.field;
      const weighted = record.spec.weights !== undefined;
      // Weighted: the λ of a population unit with a given (stratum, weight) is the recorded λ of a drawn unit with
      // the same (stratum, weight), when there is one — checked below against the engine's own choice.
      const recordedLambda = new Map<string, string>();
      const unitLambda: { key: string; p: string }[] = [];
      for (const e of register) {
        const eligible = isInPopulation(e, spec.population);
        const excluded = eligible && spec.exclusion !== undefined && historyIds.has(e.id) && (c.exclusion === 'all' || (e.riskClass !== undefined && ['A', 'B'].includes(e.riskClass)));
        const inPopulation = eligible && !excluded;
        const stratum = field === undefined ? null : ((e as unknown as Record<string, string | undefined>)[field] ?? '');
        const withRow = checkEntityOutcome(record, { id: e.id, entity: e as unknown as Record<string, unknown> });
        const idOnly = checkEntityOutcome(record, { id: e.id });
        for (const o of [withRow, idOnly]) {
          expect(o.ticket).toBe(computeTicket(seed, spec.label, e.id));
          expect(o.selected).toBe(drawn.has(e.id));
        }
        expect(withRow.eligible).toBe(eligible);
        expect(idOnly.eligible).toBeNull();
        if (drawn.has(e.id)) {
          for (const o of [withRow, idOnly]) {
            expect(o.strata).toHaveLength(1);
            expect(o.strata[0]!.verdict).toBe('selected');
            expect(o.strata[0]!.stratum).toBe(stratum);
          }
          count('selected');
          if (weighted) {
            const s = withRow.strata[0]!;
            const summary = record.strata.find((x) => x.stratum === s.stratum)!;
            // §7.4/§7.8: λ = min(1, w·s) for the engine's own choice (strata with 0 < n < N; there s = 0/1).
            if (summary.size > 0 && summary.size < summary.population) expect(s.inclusionProbability).toBe(minOneTimes(s.weight!, summary.weightScale!));
            recordedLambda.set(`${s.stratum}|${s.weight}`, s.inclusionProbability!);
          }
          continue;
        }
        if (inPopulation) {
          expect(withRow.strata).toHaveLength(1);
          const s = withRow.strata[0]!;
          expect(s.stratum).toBe(stratum);
          const summary = record.strata.find((x) => x.stratum === stratum)!;
          expect(s.verdict).toBe(summary.size === 0 ? 'none-selected' : 'not-selected');
          const mine = idOnly.strata.find((x) => x.stratum === stratum)!;
          expect(mine.verdict).toBe(summary.size === 0 ? 'none-selected' : weighted ? 'entity-fields-needed' : 'not-selected');
          if (weighted && s.inclusionProbability !== null) unitLambda.push({ key: `${s.stratum}|${s.weight}`, p: s.inclusionProbability });
          count(`population:${s.verdict}`);
        } else {
          for (const o of [withRow, idOnly]) for (const s of o.strata) expect(s.verdict).not.toBe('selected');
          for (const s of withRow.strata) count(`outside:${s.verdict}`);
        }
      }
      for (const u of unitLambda) {
        if (!recordedLambda.has(u.key)) continue;
        expect(u.p).toBe(recordedLambda.get(u.key));
        count('lambda-cross-check');
      }
      // An id that is in no register: never selected.
      for (const absent of ['不存在的单位', 'ZZ-0001']) {
        const o = checkEntityOutcome(record, { id: absent });
        expect(o.selected).toBe(false);
        for (const s of o.strata) expect(s.verdict).not.toBe('selected');
      }
    }), { numRuns: 120 });
    // The property was not vacuous: every kind of answer occurred.
    for (const key of ['selected', 'lambda-cross-check', 'population:not-selected', 'population:none-selected', 'outside:must-have-been-selected', 'outside:not-selected']) {
      expect(seen.get(key) ?? 0, key).toBeGreaterThan(0);
    }
  });

  it('must-have-been-selected means: had it been in the population, it would have been drawn (count draws)', () => {
    const checked = [0, 0];
    fc.assert(fc.property(registerArb, fc.nat(30), fc.stringMatching(/^[0-9]{20}$/), fc.array(fc.nat(30), { maxLength: 10 }), (register, k, d, picks) => {
      const spec: DrawSpec = { label: '计数', size: { count: k }, population: { filter: [{ field: 'kind', op: 'in', values: ['enterprise'] }] }, exclusion: { year: 2025 } };
      const history = [...new Set(picks)].filter((i) => i < register.length).map((i) => ({ entityId: register[i]!.id, date: '2025-06-01', department: '市场监管局', item: 'FOOD' }));
      const seed = seedFromDice(d);
      const { record } = drawTargets(register, spec, { seed, history });
      const { population, size } = record.strata[0]!;
      if (size === population) return; // everyone was taken: then any newcomer "must have been", by rule n = N
      for (const x of register) {
        const o = checkEntityOutcome(record, { id: x.id, entity: x as unknown as Record<string, unknown> });
        if (o.selected) continue;
        const inside = isInPopulation(x, spec.population) && !history.some((h) => h.entityId === x.id);
        if (inside) continue;
        // Put x into the population (active, enterprise, not in the history) and draw again with the same seed.
        const moved = register.map((e) => (e.id === x.id ? ({ ...e, status: 'active', kind: 'enterprise' } as Entity) : e));
        const again = drawTargets(moved, spec, { seed, history: history.filter((h) => h.entityId !== x.id) });
        const wouldBeDrawn = again.selected.some((s) => s.id === x.id);
        expect(o.strata[0]!.verdict, x.id).toBe(wouldBeDrawn ? 'must-have-been-selected' : size === 0 ? 'none-selected' : 'not-selected');
        checked[wouldBeDrawn ? 0 : 1]! += 1;
      }
    }), { numRuns: 80 });
    // Both answers occurred (would be drawn / would not).
    expect(Math.min(...checked)).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const base = makeRegister(60, 'V', 7);
const unweighted = drawTargets(base, { label: '2025-第一批', size: { count: 6 } }, { seed: SEED });
const stratified = drawTargets(base, { label: '分层', size: { count: 10 }, stratification: { field: 'regionCode', allocation: 'largest-remainder' } }, { seed: SEED });
const weightedDraw = drawTargets(base, { label: '加权', size: { count: 12 }, weights: { byRiskClass: { D: 100 }, default: 1 } }, { seed: SEED });

/** The population's unselected entities of `result`, smallest ticket first (unweighted, unfiltered active draws). */
function undrawn(result: typeof unweighted): Entity[] {
  const drawn = new Set(result.selected.map((s) => s.id));
  return base.filter((e) => e.status === 'active' && !drawn.has(e.id))
    .sort((a, b) => (computeTicket(SEED, result.record.label, a.id) < computeTicket(SEED, result.record.label, b.id) ? -1 : 1));
}

describe('a tampered record (§7.8)', () => {
  it('an entity removed from the list and the next one added: the removed one must have been selected', () => {
    for (const result of [unweighted, stratified]) {
      const record = copy(result.record);
      // Remove the first drawn entity; add the next entity of its stratum in ticket order.
      const victim = record.selected[0];
      const replacement = undrawn(result).find((e) => (victim.stratum === null ? true : e.regionCode === victim.stratum))!;
      record.selected = [...record.selected.slice(1), { ...victim, id: replacement.id, ticket: computeTicket(SEED, record.label, replacement.id), rowHash: 'ab'.repeat(32) }]
        .sort((a: { ticket: string }, b: { ticket: string }) => (a.ticket < b.ticket ? -1 : 1));
      expect(verifyDraw(record, base).ok).toBe(false);
      const removed = checkEntityOutcome(record, { id: victim.id });
      expect(removed.selected).toBe(false);
      const own = removed.strata.find((s) => s.stratum === victim.stratum)!;
      expect(own.verdict).toBe('must-have-been-selected');
      expect(own.cutoffId).toBe(replacement.id);
      expect(own.explanationZh).toContain('要么这份记录有误');
      const withRow = checkEntityOutcome(record, { id: victim.id, entity: base.find((e) => e.id === victim.id)! as unknown as Record<string, unknown> });
      expect(withRow.strata).toHaveLength(1);
      expect(withRow.strata[0]!.verdict).toBe('must-have-been-selected');
      expect(withRow.summaryZh).toContain('这份记录有误');
      expect(withRow.summaryEn).toContain('this record is wrong');
      expect(checkEntityOutcome(record, { id: replacement.id }).strata[0]!.verdict).toBe('selected');
    }
  });

  it('weighted: a drawn unit removed and another added: the removed one must have been selected (key or certainty)', () => {
    const record = copy(weightedDraw.record);
    const row = (id: string): Record<string, unknown> => base.find((e) => e.id === id)! as unknown as Record<string, unknown>;
    const notDrawn = base.filter((e) => e.status === 'active' && !weightedDraw.selected.some((s) => s.id === e.id));
    const answers = notDrawn.map((e) => checkEntityOutcome(record, { id: e.id, entity: row(e.id) }).strata[0]!);
    expect(answers.every((s) => s.verdict === 'not-selected')).toBe(true);
    const certainVictim = record.selected.find((s: { inclusionProbability: string }) => s.inclusionProbability === '1/1');
    const keyVictim = record.selected.find((s: { inclusionProbability: string }) => s.inclusionProbability !== '1/1');
    expect(certainVictim).toBeDefined();
    expect(keyVictim).toBeDefined();
    // Replace the key-drawn victim by an undrawn unit of the same weight (so the certainty count stays right).
    const same = notDrawn.find((e) => checkEntityOutcome(record, { id: e.id, entity: row(e.id) }).strata[0]!.inclusionProbability === keyVictim.inclusionProbability)!;
    const tampered = copy(record);
    tampered.selected = [...tampered.selected.filter((s: { id: string }) => s.id !== keyVictim.id), { ...keyVictim, id: same.id, ticket: computeTicket(SEED, record.label, same.id) }]
      .sort((a: { ticket: string }, b: { ticket: string }) => (a.ticket < b.ticket ? -1 : 1));
    const o = checkEntityOutcome(tampered, { id: keyVictim.id, entity: row(keyVictim.id) });
    expect(o.strata[0]!.verdict).toBe('must-have-been-selected');
    expect(o.strata[0]!.cutoffId).toBe(same.id);
    expect(Number(o.strata[0]!.paretoKey)).toBeLessThan(Number(o.strata[0]!.cutoffParetoKey));
    // A certainty unit swapped for an undrawn unit (recorded as certain): its own weight makes λ = 1.
    const swapped = copy(record);
    swapped.selected = [...swapped.selected.filter((s: { id: string }) => s.id !== certainVictim.id), { ...certainVictim, id: same.id, ticket: computeTicket(SEED, record.label, same.id) }]
      .sort((a: { ticket: string }, b: { ticket: string }) => (a.ticket < b.ticket ? -1 : 1));
    const certain = checkEntityOutcome(swapped, { id: certainVictim.id, entity: row(certainVictim.id) }).strata[0]!;
    expect(certain.verdict).toBe('must-have-been-selected');
    expect(certain.inclusionProbability).toBe('1/1');
    expect(certain.explanationZh).toContain('必然入选');
  });

  it('a listed ticket that is not its id\'s ticket is refused (SELECTION_DIFFERS), as are other contradictions', () => {
    const good = unweighted.record;
    const wrongTicket = copy(good);
    wrongTicket.selected[2].ticket = computeTicket(SEED, 'another label', wrongTicket.selected[2].id);
    let e = thrown(() => checkEntityOutcome(wrongTicket, { id: 'V0001' }));
    expect(e.code).toBe('SELECTION_DIFFERS');
    expect(e.path).toEqual(['selected', 2, 'ticket']);
    // The same with every ticket recomputed under another seed (the whole list re-ticketed): refused at the first.
    const reticketed = copy(good);
    const other = seedFromDice('27182818284590452353');
    for (const s of reticketed.selected) s.ticket = computeTicket(other, good.label, s.id);
    expect(thrown(() => checkEntityOutcome(reticketed, { id: 'V0001' })).path).toEqual(['selected', 0, 'ticket']);

    const cases: [string, (r: any) => void, string, (string | number)[]][] = [
      ['missing key', (r) => { delete r.strata; }, 'RECORD_MALFORMED', ['strata']],
      ['seed not from its origin', (r) => { r.seed = '0'.repeat(64); }, 'SEED_ORIGIN_MISMATCH', []],
      ['label differs from the spec', (r) => { r.label = 'x'; }, 'RECORD_MALFORMED', ['label']],
      ['invalid spec', (r) => { r.spec.size = { count: -1 }; }, 'RECORD_MALFORMED', ['spec', 'size', 'count']],
      ['upper-case ticket', (r) => { r.selected[1].ticket = r.selected[1].ticket.toUpperCase(); }, 'RECORD_MALFORMED', ['selected', 1, 'ticket']],
      ['id not in NFC', (r) => { r.selected[0].id = 'Cafe\u0301'; }, 'RECORD_MALFORMED', ['selected', 0, 'id']],
      ['order swapped', (r) => { [r.selected[0], r.selected[1]] = [r.selected[1], r.selected[0]]; }, 'SELECTION_DIFFERS', ['selected', 1]],
      ['id repeated', (r) => { r.selected[1] = { ...r.selected[0] }; }, 'SELECTION_DIFFERS', ['selected', 1]],
      ['probability changed', (r) => { r.selected[0].inclusionProbability = '1/2'; }, 'SELECTION_DIFFERS', ['selected', 0, 'inclusionProbability']],
      ['probability not reduced', (r) => { r.selected[0].inclusionProbability = '6/92'; }, 'RECORD_MALFORMED', ['selected', 0, 'inclusionProbability']],
      ['stratum on an unstratified draw', (r) => { r.selected[0].stratum = 'A'; }, 'SELECTION_DIFFERS', ['selected', 0, 'stratum']],
      ['one drawn entity dropped', (r) => { r.selected.pop(); }, 'STRATA_DIFFER', ['strata', 0, 'selected']],
      ['size lowered', (r) => { r.strata[0].size = 5; r.strata[0].selected = 5; }, 'STRATA_DIFFER', ['strata', 0, 'size']],
      ['population changed', (r) => { r.strata[0].population += 1; }, 'STRATA_DIFFER', ['strata']],
      ['weight scale on an unweighted draw', (r) => { r.strata[0].weightScale = '1/2'; }, 'STRATA_DIFFER', ['strata', 0, 'weightScale']],
    ];
    for (const [name, change, code, path] of cases) {
      const r = copy(good);
      change(r);
      e = thrown(() => checkEntityOutcome(r, { id: 'V0001' }));
      expect({ name, code: e.code, path: e.path }).toEqual({ name, code, path });
      expect(e.messageZh.length * e.messageEn.length).toBeGreaterThan(0);
      if (code === 'RECORD_MALFORMED') expect(e.details?.['path']).toEqual(path);
    }
    const weightedCases: [string, (r: any) => void, string, (string | number)[]][] = [
      ['scale not reduced', (r) => { r.strata[0].weightScale = '0/2'; }, 'RECORD_MALFORMED', ['strata', 0, 'weightScale']],
      ['scale 0 in a partial draw', (r) => { r.strata[0].weightScale = '0/1'; }, 'STRATA_DIFFER', ['strata', 0, 'weightScale']],
      ['certainty count', (r) => { r.strata[0].certain -= 1; }, 'STRATA_DIFFER', ['strata', 0, 'certain']],
      ['a certain unit recorded below 1', (r) => { const s = r.selected.find((x: { inclusionProbability: string }) => x.inclusionProbability === '1/1'); s.inclusionProbability = '1/2'; }, 'STRATA_DIFFER', ['strata', 0, 'certain']],
      ['probability above 1', (r) => { r.selected[0].inclusionProbability = '3/2'; }, 'SELECTION_DIFFERS', ['selected', 0, 'inclusionProbability']],
    ];
    for (const [name, change, code, path] of weightedCases) {
      const r = copy(weightedDraw.record);
      change(r);
      e = thrown(() => checkEntityOutcome(r, { id: 'V0001' }));
      expect({ name, code: e.code, path: e.path }).toEqual({ name, code, path });
    }
    // The untouched records are answered, and not mutated.
    const before = JSON.stringify(good);
    checkEntityOutcome(good, { id: 'V0001' });
    expect(JSON.stringify(good)).toBe(before);
  });
});

describe('verdicts in particular cases', () => {
  it('states the not-drawn verdict in plain words, with the ticket and the cut-off as fractions', () => {
    const e = undrawn(stratified)[0]!;
    const o = checkEntityOutcome(stratified.record, { id: e.id, entity: e as unknown as Record<string, unknown> });
    expect(o.strata).toHaveLength(1);
    const s = o.strata[0]!;
    expect(s.verdict).toBe('not-selected');
    expect(s.stratum).toBe(e.regionCode);
    expect(o.summaryZh).toContain('您的号码大于本层最后一个入选号码，因此未被抽中');
    expect(o.summaryEn).toContain('Your ticket is larger than the last drawn ticket of this stratum, so you were not drawn');
    const t = BigInt(`0x${o.ticket}`), cut = BigInt(`0x${s.cutoffTicket!}`);
    expect(cut).toBe(BigInt(`0x${stratified.record.selected.filter((x) => x.stratum === e.regionCode).at(-1)!.ticket}`));
    expect(t > cut).toBe(true);
    expect(ticketFractions(t, cut, 6)).toEqual([s.ticketFraction, s.cutoffFraction]);
    expect(o.summaryZh).toContain(s.ticketFraction);
    expect(o.summaryZh).toContain(s.cutoffFraction!);
    expect(s.inclusionProbability).toBe(stratified.record.selected.find((x) => x.stratum === e.regionCode)!.inclusionProbability);
    // Unstratified: the same words for the draw as a whole.
    const u = undrawn(unweighted)[0]!;
    expect(checkEntityOutcome(unweighted.record, { id: u.id }).summaryZh).toContain('您的号码大于本次抽取最后一个入选号码，因此未被抽中');
  });

  it('without the entity\'s fields a stratified draw is answered for every stratum', () => {
    const e = undrawn(stratified).at(-1)!;
    const o = checkEntityOutcome(stratified.record, { id: e.id });
    expect(o.strata.map((s) => s.stratum)).toEqual(stratified.record.strata.map((s) => s.stratum));
    expect(o.stratifiedBy).toBe('regionCode');
    for (const s of o.strata) expect(s.verdict).toBe('not-selected'); // the largest ticket of the population
    expect(o.summaryZh).toContain('请看您所在的那一层');
  });

  it('an ineligible entity below the cut-off: must-have-been-selected, explained by its own fields', () => {
    const deregistered = base.filter((e) => e.status !== 'active');
    const cut = unweighted.record.selected.at(-1)!.ticket;
    const below = deregistered.find((e) => computeTicket(SEED, unweighted.record.label, e.id) < cut);
    expect(below).toBeDefined();
    const o = checkEntityOutcome(unweighted.record, { id: below!.id, entity: below as unknown as Record<string, unknown> });
    expect(o.eligible).toBe(false);
    expect(o.strata[0]!.verdict).toBe('must-have-been-selected');
    expect(o.summaryZh).toContain('您不在本次抽取范围内');
    expect(o.summaryZh).toContain(`登记状态为 ${below!.status}`);
    expect(o.summaryZh).not.toContain('这份记录有误');
  });

  it('nothing drawn, everything drawn, a stratum the record does not list', () => {
    const small = makeRegister(12, 'S', 3);
    const none = drawTargets(small, { label: 'none', size: { count: 0 } }, { seed: SEED });
    expect(checkEntityOutcome(none.record, { id: 'S0001' }).strata[0]!.verdict).toBe('none-selected');
    const all = drawTargets(small, { label: 'all', size: { count: 50 } }, { seed: SEED });
    const absent = checkEntityOutcome(all.record, { id: 'not-in-the-register' });
    expect(absent.strata[0]!.verdict).toBe('must-have-been-selected');
    expect(absent.strata[0]!.inclusionProbability).toBe('1/1');
    const per = drawTargets(small, { label: 'per', stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { count: 1 } } } }, { seed: SEED });
    const missing = checkEntityOutcome(per.record, { id: 'new', entity: { kind: 'other', status: 'active', riskClass: 'B', lists: [], tags: [], complaintCount: 0, regionCode: '999999' } });
    const inRecord = per.record.strata.some((s) => s.stratum === 'B');
    expect(missing.strata[0]!.stratum).toBe('B');
    expect(missing.strata[0]!.verdict).toBe('none-selected');
    if (!inRecord) expect(missing.strata[0]!.explanationZh).toContain('记录中没有');
    const unlisted = checkEntityOutcome(stratified.record, { id: 'new', entity: { kind: 'other', status: 'active', regionCode: '999999', lists: [], tags: [], complaintCount: 0 } });
    expect(unlisted.strata[0]).toMatchObject({ stratum: '999999', verdict: 'none-selected', population: 0, size: 0, inclusionProbability: '0/1' });
    expect(unlisted.strata[0]!.explanationZh).toContain('记录中没有“999999”层');
  });

  it('weighted without the entity\'s fields: entity-fields-needed, with the ticket and the cut-off', () => {
    const e = base.find((x) => x.status === 'active' && !weightedDraw.selected.some((s) => s.id === x.id))!;
    const o = checkEntityOutcome(weightedDraw.record, { id: e.id });
    expect(o.weighted).toBe(true);
    expect(o.strata[0]).toMatchObject({ verdict: 'entity-fields-needed', inclusionProbability: null, paretoKey: null });
    expect(o.strata[0]!.cutoffTicket).toMatch(/^[0-9a-f]{64}$/);
    expect(o.summaryZh).toContain('请提供您在名录库中的那一行信息');
  });

  it('is deterministic, JSON-serialisable and independent of how the id is written (NFC)', () => {
    const reg = [entity('Caf\u00e9-1'), entity('其他-2'), entity('X-3')];
    const { record } = drawTargets(reg, { label: 'nfc', size: { count: 1 } }, { seed: SEED });
    const a = checkEntityOutcome(record, { id: 'Cafe\u0301-1' }), b = checkEntityOutcome(record, { id: 'Caf\u00e9-1' });
    expect(a).toEqual(b);
    expect(a.id).toBe('Caf\u00e9-1');
    expect(a.ticket).toBe(refTicket(SEED.seed, 'nfc', 'Caf\u00e9-1'));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.provenance).toEqual({ seedOrigin: 'dice', commitment: 'none' });
  });
});

describe('the query', () => {
  const record = unweighted.record;
  it('refuses bad queries with codes and paths', () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [null, 'INVALID_ARGUMENT', ['query']],
      [{ id: 'V0001', extra: 1 }, 'INVALID_ARGUMENT', ['query', 'extra']],
      [{}, 'INVALID_ID', ['query', 'id']],
      [{ id: ' V0001' }, 'INVALID_ID', ['query', 'id']],
      [{ id: 'V0001', entity: null }, 'INVALID_ENTITY', ['query', 'entity']],
      [{ id: 'V0001', entity: { kind: 'enterprise', status: 'alive', lists: [], tags: [], complaintCount: 0 } }, 'INVALID_ENTITY', ['query', 'entity', 'status']],
      [{ id: 'V0001', entity: { kind: 'enterprise', status: 'active', lists: [], tags: [] } }, 'INVALID_ENTITY', ['query', 'entity', 'complaintCount']],
      [{ id: 'V0001', entity: { id: 'V0002', kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0 } }, 'INVALID_ARGUMENT', ['query', 'entity', 'id']],
      [{ id: 'V0001', entity: { id: '', kind: 'enterprise', status: 'active', lists: [], tags: [], complaintCount: 0 } }, 'INVALID_ID', ['query', 'entity', 'id']],
    ];
    for (const [query, code, path] of cases) {
      const e = thrown(() => checkEntityOutcome(record, query as never));
      expect({ query, code: e.code, path: e.path }).toEqual({ query, code, path });
    }
    expect(thrown(() => checkEntityOutcome(record, { id: 'V0001', entity: { kind: 'enterprise', status: 'alive', lists: [], tags: [], complaintCount: 0 } })).messageZh).toMatch(/^单位信息/);
  });

  it('accepts the entity\'s id in its row when it is the same id', () => {
    const e = base[0]!;
    expect(checkEntityOutcome(record, { id: e.id, entity: e as unknown as Record<string, unknown> }).eligible).toBe(e.status === 'active');
  });
});

describe('numbers for people', () => {
  it('writes tickets as fractions of the ticket space, exactly truncated', () => {
    expect(ticketFraction(TWO256 / 2n, 6)).toBe('0.500000');
    expect(ticketFraction(0n, 4)).toBe('0.0000');
    expect(ticketFraction(TWO256 - 1n, 6)).toBe('0.999999');
    // Neighbouring tickets differ by 1/2^256 ≈ 8.6e-78: told apart at the 78th decimal.
    expect(ticketFractions(TWO256 / 4n, TWO256 / 4n + 1n, 4)).toEqual([`0.${'25'.padEnd(78, '0')}`, `0.${'25'.padEnd(77, '0')}8`]);
    expect(ticketFractions(TWO256 / 10n, TWO256 / 2n, 4)).toEqual(['0.0999', '0.5000']);
  });

  it('writes fractions with 4 significant digits, truncated', () => {
    expect(decimalOf(1n, 3n)).toBe('0.3333');
    expect(decimalOf(22n, 7n)).toBe('3.142');
    expect(decimalOf(21n, 10n)).toBe('2.1');
    expect(decimalOf(6n, 1n)).toBe('6');
    expect(decimalOf(1n, 18n)).toBe('0.05555');
    expect(decimalOf(1n, 3n * 10n ** 12n)).toBe('3.333e-13');
    expect(decimalOf(10n ** 20n, 3n)).toBe('3.333e+19');
    expect(decimalOf(12345n, 1n)).toBe('12345');
    expect(decimalOf(123456789n, 10n)).toBe('12340000');
    expect(decimalOf(0n, 5n)).toBe('0');
  });
});

describe('known answers (test/vectors/draw/outcomes.json)', () => {
  const cases = readCases();
  const vectors = (outcomes as { vectors: OutcomeVector[] }).vectors;

  it('covers every case of cases.json and every verdict', () => {
    expect(new Set(vectors.map((v) => v.case))).toEqual(new Set(cases.cases.map((c) => c.name)));
    expect(new Set(vectors.flatMap((v) => v.expected.strata.map((s) => s.verdict)))).toEqual(new Set(['selected', 'not-selected', 'must-have-been-selected', 'none-selected', 'entity-fields-needed']));
  });

  it('reproduces every vector', () => {
    const records = new Map(cases.cases.map((c) => [c.name, recordOf(cases, c)]));
    for (const v of vectors) {
      const c = cases.cases.find((x) => x.name === v.case)!;
      const record = records.get(v.case)!;
      expect({ case: v.case, query: v.query, ...expectedOf(record, queryOf(cases, c, v.query)) }).toEqual({ case: v.case, query: v.query, ...v.expected });
      // Independently of the library: the ticket by the naive reference, and an unweighted verdict by comparing
      // the ticket with the cut-off as plain hex (§3: hex order is integer order).
      expect(v.expected.ticket).toBe(refTicket(c.expected.seed, c.input.spec.label, v.query.id));
      if (c.input.spec.weights === undefined) {
        for (const s of v.expected.strata) {
          if (s.verdict === 'not-selected') expect(v.expected.ticket > s.cutoffTicket!).toBe(true);
          if (s.verdict === 'must-have-been-selected' && s.inclusionProbability !== '1/1') expect(v.expected.ticket < s.cutoffTicket!).toBe(true);
        }
      }
    }
  });
});
