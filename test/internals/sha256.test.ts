import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex, toHex } from '../../src/internals/sha256.js';

describe('sha256', () => {
  it('matches the FIPS 180-4 known answers', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on arbitrary messages of every length around block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (bytes) => {
        const expected = createHash('sha256').update(bytes).digest('hex');
        expect(toHex(sha256(bytes))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('sha256 midstate API', () => {
  it('sha256WithPrefix(prefix, tail) equals SHA-256(prefix ‖ tail) for prefixes of 0–3 blocks and any tail', async () => {
    const { sha256Prefix, sha256WithPrefix } = await import('../../src/internals/sha256.js');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.uint8Array({ minLength: 0, maxLength: 200 }), fc.integer({ min: 0, max: 255 }), (blocks, tail, fill) => {
        const prefix = new Uint8Array(blocks * 64).fill(fill);
        const expected = createHash('sha256').update(prefix).update(tail).digest('hex');
        expect(toHex(sha256WithPrefix(sha256Prefix(prefix), tail))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a prefix that is not whole blocks, and compressBlock still works on Uint32Array state', async () => {
    const { sha256Prefix, compressBlock } = await import('../../src/internals/sha256.js');
    expect(() => sha256Prefix(new Uint8Array(10))).toThrow(RangeError);
    // One block "abc" padded by hand, compressed from the IV, gives the FIPS answer.
    const block = new Uint8Array(64);
    block.set([0x61, 0x62, 0x63, 0x80]);
    block[63] = 24;
    const state = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    compressBlock(state, block, 0, new Uint32Array(64));
    expect([...state].map((v) => v.toString(16).padStart(8, '0')).join('')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('sha256 raw compression entry points', () => {
  it('compressScheduledInto (with expandSchedule) equals compressWords and compressBlock, also in place', async () => {
    const { compressBlock, compressScheduledInto, compressWords, expandSchedule, loadWords } = await import('../../src/internals/sha256.js');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 8, maxLength: 8 }), (block, chain) => {
        const w = new Int32Array(64);
        loadWords(block, 0, w);
        const viaWords = Int32Array.from(chain);
        compressWords(viaWords, w);
        const viaBlock = Int32Array.from(chain);
        compressBlock(viaBlock, block, 0, new Int32Array(64));
        expandSchedule(w);
        const src = Int32Array.from(chain);
        const dst = new Int32Array(8);
        compressScheduledInto(src, dst, w);
        expect(Array.from(dst)).toEqual(Array.from(viaWords));
        expect(Array.from(viaBlock)).toEqual(Array.from(viaWords));
        expect(Array.from(src)).toEqual(chain); // the source chaining value is left alone
        compressScheduledInto(src, src, w);
        expect(Array.from(src)).toEqual(Array.from(viaWords));
      }),
      { numRuns: 300 },
    );
  });
});
