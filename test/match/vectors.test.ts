import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchInspectors, redrawForRecusal, verifyMatch, type DayOfRecusal, type MatchOptions, type MatchResult, type MatchTarget } from '../../src/match/index.js';
import type { Inspector } from '../../src/models/inspector.js';

const dir = new URL('../vectors/match/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

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
      expect(verifyMatch(v.expected.record, [...v.targets].reverse(), [...v.inspectors].reverse(), rest)).toEqual({ ok: true });
    });
  }
});
