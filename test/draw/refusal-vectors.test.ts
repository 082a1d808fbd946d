import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRefusal, type RefusalCase } from './refusal-cases.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/draw/refusals.json', import.meta.url), 'utf8')) as { cases: RefusalCase[] };

describe('draw refusal vectors (test/vectors/draw/refusals.json): input → code and path, as docs/spec.md assigns them', () => {
  it('holds the cases', () => expect(vectors.cases.length).toBeGreaterThanOrEqual(70));
  for (const c of vectors.cases) {
    it(`${c.name}: ${c.expected!.code}`, () => {
      expect(runRefusal(c)).toEqual(c.expected);
    });
  }
});
