import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isShuangsuijiError } from '../../src/errors.js';
import { matchInspectors, redrawForRecusal, verifyMatch, type DayOfRecusal, type MatchOptions, type MatchResult, type MatchTarget } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';

const dir = new URL('../vectors/match/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'refusals.json').sort();

describe('known-answer vectors (test/vectors/match)', () => {
  it('has vectors', () => expect(files.length).toBeGreaterThanOrEqual(3));
  for (const file of files) {
    it(`reproduces ${file} byte for byte and verifies it`, () => {
      const v = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
        targets: MatchTarget[]; inspectors: Inspector[]; options: MatchOptions; redraws: DayOfRecusal[]; expected: MatchResult;
      };
      let result = matchInspectors(v.targets, v.inspectors, v.options);
      for (const r of v.redraws) result = redrawForRecusal(result, v.targets, v.inspectors, r, v.options);
      expect(JSON.parse(JSON.stringify(result))).toEqual(v.expected);
      const { seed: _s, label: _l, ...rest } = v.options;
      expect(verifyMatch(v.expected.record, [...v.targets].reverse(), [...v.inspectors].reverse(), rest)).toMatchObject({ ok: true });
    });
  }
});

describe('known-answer refusals (test/vectors/match/refusals.json)', () => {
  const { cases } = JSON.parse(readFileSync(new URL('refusals.json', dir), 'utf8')) as {
    cases: { description: string; targets: MatchTarget[]; inspectors: Inspector[]; options: MatchOptions; recusal?: DayOfRecusal; expected: { code: string; path: (string | number)[] } }[];
  };
  it('has refusal cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const c of cases) {
    it(`refuses ${c.description}: ${c.expected.code} at ${JSON.stringify(c.expected.path)}`, () => {
      let error: unknown;
      try {
        const result = matchInspectors(c.targets, c.inspectors, c.options);
        expect(c.recusal, 'the match itself must be refused').toBeDefined();
        redrawForRecusal(result, c.targets, c.inspectors, c.recusal!, c.options);
      } catch (e) {
        error = e;
      }
      expect(isShuangsuijiError(error), String(error)).toBe(true);
      expect({ code: (error as { code: string }).code, path: (error as { path: unknown }).path }).toEqual(c.expected);
    });
  }
});
