import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerDigest, registerDigestAsync } from '../../src/draw/index.js';
import { isShuangsuijiError } from '../../src/errors.js';
import type { Entity } from '../../src/models/entity.js';
import { generateEntityRegister } from '../../src/testing/index.js';

async function* stream<T>(rows: readonly T[], closed?: { opened: number; count: number }): AsyncGenerator<T> {
  if (closed) closed.opened++;
  try {
    for (const row of rows) yield row;
  } finally {
    if (closed) closed.count++;
  }
}

/** The code and path a call throws, or 'ok'. */
async function outcome(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (!isShuangsuijiError(error)) throw error;
    return { code: error.code, path: error.path };
  }
}

describe('registerDigestAsync', () => {
  it('gives registerDigest for every order and every kind of source (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1_000 }), fc.array(fc.nat()), async (count, seed, keys) => {
        const register = generateEntityRegister(count, { seed });
        const shuffled = register.map((e, i) => ({ e, k: keys[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.e);
        const expected = registerDigest(register);
        expect(await registerDigestAsync(() => stream(shuffled))).toEqual(expected);
        expect(await registerDigestAsync(stream(shuffled))).toEqual(expected);
        expect(await registerDigestAsync(shuffled)).toEqual(expected);
        expect(await registerDigestAsync(new Set(shuffled))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses what registerDigest refuses, with the same code and path, and closes the source', async () => {
    const register = generateEntityRegister(20, { seed: 3 });
    const duplicate = [...register, register[7]!];
    const bad = register.map((e, i) => (i === 11 ? ({ ...e, status: 'sleeping' } as unknown as Entity) : e));
    for (const rows of [duplicate, bad]) {
      const closed = { opened: 0, count: 0 };
      const sync = await outcome(() => registerDigest(rows));
      expect(sync).not.toBe('ok');
      expect(await outcome(() => registerDigestAsync(() => stream(rows, closed)))).toEqual(sync);
      // Every read of the source is closed (its finally runs: a database cursor, a file), also the one a bad row
      // stops; a duplicate is confirmed by a second read.
      expect(closed.opened).toBe(rows === duplicate ? 2 : 1);
      expect(closed.count).toBe(closed.opened);
    }
    expect(await outcome(() => registerDigestAsync(42 as never))).toEqual({ code: 'INVALID_REGISTER', path: ['register'] });
  });
});

describe('draws close their source when a row is refused', () => {
  it('drawTargets, drawTargetsAsync and summarizeShardAsync run the source\'s finally', async () => {
    const { drawTargets, drawTargetsAsync, summarizeShardAsync, seedFromDice } = await import('../../src/draw/index.js');
    const register = generateEntityRegister(30, { seed: 5 });
    const bad = register.map((e, i) => (i === 10 ? ({ ...e, status: 'sleeping' } as unknown as Entity) : e));
    const seed = seedFromDice('31415926535897932384');
    const spec = { label: 'close', size: { count: 3 } };
    function* syncRows(closed: { count: number }): Generator<Entity> {
      try { yield* bad; } finally { closed.count++; }
    }
    const runs: [string, (closed: { opened: number; count: number }) => unknown][] = [
      ['drawTargets', (closed) => drawTargets(syncRows(closed), spec, { seed })],
      ['drawTargetsAsync', (closed) => drawTargetsAsync(() => stream(bad, closed), spec, { seed })],
      ['summarizeShardAsync', (closed) => summarizeShardAsync(() => stream(bad, closed), spec, { seed, round: 'candidates' })],
    ];
    for (const [name, run] of runs) {
      const closed = { opened: 0, count: 0 };
      expect(await outcome(() => run(closed)), name).toMatchObject({ code: 'INVALID_ENTITY' });
      expect(closed.count, name).toBe(1);
    }
  });
});
