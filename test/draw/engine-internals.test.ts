import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawTargets, registerDigest, seedFromDice } from '../../src/draw/index.js';
import { FIELD_MEMO_LIMIT, RegisterAccumulator, rowHashHex } from '../../src/draw/internals/digest.js';
import { entity, makeRegister } from './fixtures.js';
import { canonicalRow } from '../../src/internals/canonical-row.js';
import { refDraw, refRegisterDigest, refRowHash } from './reference.js';

const seed = seedFromDice('31415926535897932384');

describe('register accumulator: memo of non-ASCII field encodings', () => {
  it('gives the reference digest and row hashes with repeated and more than FIELD_MEMO_LIMIT distinct values', () => {
    const units = ['市场监督管理局第一所', '市场监管所𠀀', 'Ünit', '小型'];
    const rows = Array.from({ length: FIELD_MEMO_LIMIT + 600 }, (_, i) =>
      entity(`E${i}`, { supervisingUnit: units[i % 4]!, registrationAuthority: `登记机关${i}`, scale: i % 2 === 0 ? '小型' : '微型', tags: [`标签${i % 7}`, '甲'] }));
    expect(registerDigest(rows).digest).toBe(refRegisterDigest(rows as never));
    const acc = new RegisterAccumulator();
    rows.forEach((e, i) => acc.add(canonicalRow(e, i)));
    for (const i of [0, 5, FIELD_MEMO_LIMIT + 599]) {
      const e = rows[i]!;
      expect(acc.rowHashHex(canonicalRow(e, i))).toBe(refRowHash(e as never));
      expect(rowHashHex(canonicalRow(e, i))).toBe(refRowHash(e as never));
    }
  });
});

describe('no duplicate id passes, whatever the draw keeps (the duplicate guard sees every row)', () => {
  it('refuses a duplicate that loses, and one that would be kept, naming both rows', () => {
    const base = makeRegister(3000);
    for (const count of [1, 3001]) {
      const withDup = [...base, { ...base[1234]! }];
      expect(() => drawTargets(withDup, { label: 'x', size: { count } }, { seed })).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID', details: { id: base[1234]!.id, rows: [1234, 3000] } }));
    }
  });
  it('matches the reference selection for small counts (heavy eviction) on random registers', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 60 }), (n, k) => {
      const rows = makeRegister(n, 'R', n + k);
      const mine = drawTargets(rows, { label: 'kept', size: { count: k } }, { seed });
      const ref = refDraw(rows as never, mine.record.spec, seed.seed);
      expect(mine.record.selected.map((s) => s.id)).toEqual(ref.selected.map((s: { id: string }) => s.id));
    }), { numRuns: 40, seed: 11 });
  });
});
