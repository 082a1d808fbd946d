import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegisterDigestStream, registerDigestOfStream } from '../../src/cli/internals/register-digest-stream.js';
import { drawTargets } from '../../src/draw/draw-targets.js';
import { registerDigest } from '../../src/draw/register-digest.js';
import { seedFromDice } from '../../src/draw/seed-from-dice.js';
import type { Entity } from '../../src/models/entity.js';
import { generateEntityRegister } from '../../src/testing/generate-entity-register.js';

async function* slowly(rows: readonly Entity[]): AsyncGenerator<Entity> {
  for (const row of rows) {
    await Promise.resolve();
    yield row;
  }
}

describe('registerDigestOfStream', () => {
  it('equals registerDigest and the register digest of a draw record (known answer)', async () => {
    const register = generateEntityRegister(120, { seed: 21 });
    const { record } = drawTargets(register, { label: 'digest-stream', size: { count: 5 } }, { seed: seedFromDice('11223344556677889900') });
    const streamed = await registerDigestOfStream(slowly(register));
    expect(streamed).toEqual(registerDigest(register));
    expect(streamed).toEqual({ digest: record.register.digest, size: record.register.size });
    expect(await registerDigestOfStream(slowly([]))).toEqual(registerDigest([]));
  });

  it('equals registerDigest of the same rows in any order, fed from an async stream', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 1000 }), fc.array(fc.nat(), { maxLength: 40 }), async (size, seed, keys) => {
        const register = generateEntityRegister(size, { seed });
        const shuffled = register
          .map((e, i) => ({ e, key: keys[i] ?? i }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.e);
        expect(await registerDigestOfStream(slowly(shuffled))).toEqual(registerDigest(register));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a row without a valid id with the path of registerDigest', () => {
    const stream = new RegisterDigestStream();
    const bad = { ...generateEntityRegister(1, { seed: 1 })[0]!, id: '' };
    expect(() => stream.add(bad, 4)).toThrow(expect.objectContaining({ code: 'INVALID_ID', path: [4, 'id'] }));
    expect(() => registerDigest([bad])).toThrow(expect.objectContaining({ code: 'INVALID_ID' }));
  });
});
