import { describe, expect, it } from 'vitest';
import { utf8Lead } from '../../src/readers/internals/utf8-lead.js';

// The lead-byte rule shared by the register decoder and the checker of files read whole, against the platform's
// strict UTF-8 decoder, exhaustively: every lead byte with every first continuation byte.
describe('utf8Lead', () => {
  it('accepts exactly the (lead, first continuation) pairs that start a valid UTF-8 sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let b = 0x80; b <= 0xff; b++) {
      const lead = utf8Lead(b);
      for (let c = 0x00; c <= 0xff; c++) {
        const need = lead & 0xff;
        const ours = lead !== 0 && c >= ((lead >> 8) & 0xff) && c <= lead >> 16;
        // Complete the sequence with the smallest continuation bytes; the platform decides.
        const tail = need > 1 ? new Array<number>(need - 1).fill(0x80) : [];
        let platform = true;
        try { strict.decode(new Uint8Array([b, c, ...tail])); } catch { platform = false; }
        if (lead === 0) platform = false; // a byte that starts nothing (the pair may still decode as two characters)
        expect(ours, `lead 0x${b.toString(16)}, next 0x${c.toString(16)}`).toBe(platform && c >= 0x80);
      }
    }
  });
});
