import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalEntityId, checkSeedCommitment, commitSeed, computeTicket, drawTargets, seedFromBeacon, seedFromContributions,
  seedFromDice, seedFromOrigin, verifyDraw,
} from '../../src/draw/index.js';
import { entity } from './fixtures.js';
import { refTicket } from './reference.js';

const hex = (...parts: (string | Buffer)[]): string => createHash('sha256').update(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)))).digest('hex');
const lp = (s: string): Buffer => { const b = Buffer.from(s, 'utf8'); const l = Buffer.alloc(4); l.writeUInt32BE(b.length); return Buffer.concat([l, b]); };

describe('seeds', () => {
  it('dice: SHA-256 of the tagged digits; known answer', () => {
    const s = seedFromDice('31415926535897932384');
    expect(s.seed).toBe(hex('shuangsuiji/seed/dice/v1', Buffer.from([0]), '31415926535897932384'));
    expect(s.origin).toEqual({ method: 'dice', digits: '31415926535897932384' });
    expect(seedFromDice('31415926535897932385').seed).not.toBe(s.seed);
  });
  it('dice: fewer than 20 digits is SEED_TOO_WEAK, non-digits are INVALID_DICE_DIGITS', () => {
    expect(() => seedFromDice('1234567890123456789')).toThrow(expect.objectContaining({ code: 'SEED_TOO_WEAK' }));
    expect(() => seedFromDice('')).toThrow(expect.objectContaining({ code: 'SEED_TOO_WEAK' }));
    expect(() => seedFromDice('1234567890 1234567890')).toThrow(expect.objectContaining({ code: 'INVALID_DICE_DIGITS' }));
    expect(() => seedFromDice('１２３４５６７８９０１２３４５６７８９０')).toThrow(expect.objectContaining({ code: 'INVALID_DICE_DIGITS' }));
  });
  it('contributions: combined in the stated order', () => {
    const a = { party: '甲', value: '1234567890' }, b = { party: '乙', value: 'abcdefghij' };
    const s = seedFromContributions([a, b]);
    const bytes = Buffer.concat([Buffer.from('shuangsuiji/seed/contributions/v1'), Buffer.from([0, 0, 0, 0, 2]), lp('甲'), lp('1234567890'), lp('乙'), lp('abcdefghij')]);
    expect(s.seed).toBe(hex(bytes));
    expect(seedFromContributions([b, a]).seed).not.toBe(s.seed);
    expect(() => seedFromContributions([{ party: '甲', value: 'short' }])).toThrow(expect.objectContaining({ code: 'SEED_TOO_WEAK' }));
    expect(() => seedFromContributions([a, { ...a }])).toThrow(expect.objectContaining({ code: 'INVALID_SEED' }));
    expect(() => seedFromContributions([])).toThrow(expect.objectContaining({ code: 'SEED_TOO_WEAK' }));
  });
  it('beacon: tagged source, round and lower-case value', () => {
    const v = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const s = seedFromBeacon({ source: 'drand', round: 42, value: v });
    expect(s.seed).toBe(hex(Buffer.from('shuangsuiji/seed/beacon/v1'), Buffer.from([0]), lp('drand'), lp('42'), lp(v.toLowerCase())));
    expect(() => seedFromBeacon({ source: 'drand', round: 1, value: 'abcd' })).toThrow(expect.objectContaining({ code: 'SEED_TOO_WEAK' }));
    expect(seedFromOrigin(s.origin)).toEqual(s);
  });
  it('commitments bind the value and the salt', () => {
    const seed = seedFromDice('11111111112222222222').seed;
    const c = commitSeed(seed, { salt: 'pepper' });
    expect(c).toBe(hex(Buffer.from('shuangsuiji/commit/v1'), Buffer.from([0]), lp(seed), lp('pepper')));
    expect(checkSeedCommitment(seed, c, { salt: 'pepper' })).toBe(true);
    expect(checkSeedCommitment(seed, c)).toBe(false);
    expect(checkSeedCommitment(seedFromDice('11111111112222222223').seed, c, { salt: 'pepper' })).toBe(false);
  });
  it('a draw checks and records the commitment; verification rejects a seed that does not match it', () => {
    const seed = seedFromDice('11111111112222222222');
    const reg = ['a', 'b', 'c', 'd'].map((id) => entity(id));
    const commitment = { hash: commitSeed(seed.seed, { salt: 's' }), salt: 's' };
    const { record } = drawTargets(reg, { label: 'c', size: { count: 2 } }, { seed, commitment });
    expect(record.seedCommitment).toEqual(commitment);
    expect(verifyDraw(record, reg).ok).toBe(true);
    expect(verifyDraw({ ...record, seedCommitment: { hash: commitSeed(seed.seed, { salt: 't' }), salt: 's' } }, reg)).toMatchObject({ ok: false, code: 'SEED_COMMITMENT_MISMATCH' });
    expect(() => drawTargets(reg, { label: 'c', size: { count: 2 } }, { seed, commitment: { hash: commitment.hash, salt: 'x' } })).toThrow(expect.objectContaining({ code: 'SEED_COMMITMENT_MISMATCH' }));
  });
});

describe('tickets and ids', () => {
  it('tickets follow the spec byte layout (checked with node:crypto) for short, long and non-ASCII ids and labels', () => {
    const seed = seedFromDice('31415926535897932384');
    for (const label of ['x', '2025 食品经营 第一批', 'L'.repeat(70), 'L'.repeat(6)]) {
      for (const id of ['91350100M000100Y43', '中文标识', 'é', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(200), '𠀀'.repeat(20)]) {
        expect(computeTicket(seed, label, id)).toBe(refTicket(seed.seed, label, id));
      }
    }
  });
  it('ids are NFC-canonicalised; control characters, lone surrogates and empty ids are rejected', () => {
    expect(canonicalEntityId('Cafe\u0301')).toBe('Caf\u00e9');
    const seed = seedFromDice('31415926535897932384');
    expect(computeTicket(seed, 'l', 'Cafe\u0301')).toBe(computeTicket(seed, 'l', 'Caf\u00e9'));
    for (const bad of ['', 'a\u0000b', 'tab\there', 'x\u0085', 'lone\ud800', '\udc00', 'n'.repeat(1025)]) {
      expect(() => canonicalEntityId(bad)).toThrow(expect.objectContaining({ code: 'INVALID_ID' }));
    }
    expect(() => drawTargets([entity('a'), entity('b\u0007')], { label: 'x', size: { count: 1 } }, { seed })).toThrow(expect.objectContaining({ code: 'INVALID_ID', path: [1, 'id'] }));
  });
});
