import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawTargets, seedFromDice, verifyDraw } from '../../src/draw/index.js';
import { refDraw } from './reference.js';

const file = JSON.parse(readFileSync(new URL('../vectors/draw/cases.json', import.meta.url), 'utf8'));

describe('draw known-answer vectors (test/vectors/draw/cases.json)', () => {
  it('has at least 20 cases covering every kind of draw', () => {
    const names: string[] = file.cases.map((c: { name: string }) => c.name);
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const kind of ['undirected', 'directed', 'stratified', 'weighted', 'dedup', 'non-ascii', 'smaller']) {
      expect(names.some((n) => n.includes(kind))).toBe(true);
    }
  });

  for (const c of file.cases) {
    it(`${c.name}: the library reproduces the vector and verifies`, () => {
      const register = file.registers[c.input.register];
      const seed = seedFromDice(c.input.dice);
      expect(seed.seed).toBe(c.expected.seed);
      const { record, selected } = drawTargets(register, c.input.spec, { seed, history: c.input.history });
      expect(record.spec).toEqual(c.expected.normalizedSpec);
      expect(record.register.digest).toBe(c.expected.registerDigest);
      expect(record.exclusion.digest).toBe(c.expected.exclusionDigest);
      expect(record.register.eligible).toBe(c.expected.eligible);
      expect(record.exclusion.excluded).toBe(c.expected.excluded);
      expect(record.strata).toEqual(c.expected.strata);
      expect(record.selected).toEqual(c.expected.selected);
      expect(selected.map((s) => s.ticket)).toEqual(c.expected.selected.map((s: { ticket: string }) => s.ticket));
      expect(verifyDraw(record, register, { history: c.input.history })).toMatchObject({ ok: true });
    });
    it(`${c.name}: the naive reference implementation (from docs/spec.md) reproduces the vector`, () => {
      const ref = refDraw(file.registers[c.input.register], c.expected.normalizedSpec, c.expected.seed, c.input.history);
      expect(ref).toEqual({
        registerDigest: c.expected.registerDigest, exclusionDigest: c.expected.exclusionDigest, eligible: c.expected.eligible,
        excluded: c.expected.excluded, strata: c.expected.strata, selected: c.expected.selected,
      });
    });
  }
});
