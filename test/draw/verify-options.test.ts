import { describe, expect, it } from 'vitest';
import { commitSeed, drawTargets, historyFromDraw, seedFromDice, verifyDraw, verifyDrawAsync, type DrawRecord, type DrawSpec, type VerifyDrawOptions } from '../../src/draw/index.js';
import { generateEntityRegister } from '../../src/testing/index.js';

describe('verification options', () => {
  const register = generateEntityRegister(60, { seed: 'verify-options' });
  const seed = seedFromDice('27182818284590452353');
  const spec: DrawSpec = { label: 'batch-1', size: { count: 5 }, exclusion: { year: 2025 } };
  const first = drawTargets(register, spec, { seed, history: [] });
  const history = historyFromDraw(first, { date: '2025-03-01', department: '甲局', item: 'X' });
  const second = drawTargets(register, { ...spec, label: 'batch-2' }, { seed, history });

  it('refuses the history passed bare where the options belong (it would otherwise read as "no history")', async () => {
    const bare = history as unknown as VerifyDrawOptions;
    expect(() => verifyDraw(second.record, register, bare)).toThrow(/INVALID_OPTION/);
    await expect(verifyDrawAsync(second.record, register, bare)).rejects.toThrow(/INVALID_OPTION/);
    expect(verifyDraw(second.record, register, { history })).toMatchObject({ ok: true });
    expect(await verifyDrawAsync(second.record, register, { history })).toMatchObject({ ok: true });
  });

  it('accepts a commitment hash in any case at draw time, records it in lower case, and binds that spelling', () => {
    const salt = 'k3v9-public-ceremony-salt';
    const hash = commitSeed(seed.seed, { salt });
    const { record } = drawTargets(register, { label: 'c', size: { count: 3 } }, { seed, commitment: { hash: hash.toUpperCase(), salt } });
    expect(record.seedCommitment?.hash).toBe(hash);
    const upper: DrawRecord = { ...record, seedCommitment: { hash: hash.toUpperCase(), salt } };
    // The draw writes lower case: a record showing another spelling is not what the draw produced.
    expect(verifyDraw(upper, register)).toMatchObject({ ok: false, code: 'RECORD_MALFORMED' });
    expect(verifyDraw(record, register)).toEqual({ ok: true, provenance: { seedOrigin: 'dice', commitment: 'checked' } });
    const other: DrawRecord = { ...record, seedCommitment: { hash: commitSeed(seed.seed, { salt: 'another' }), salt } };
    expect(verifyDraw(other, register)).toMatchObject({ ok: false, code: 'SEED_COMMITMENT_MISMATCH' });
  });
});
