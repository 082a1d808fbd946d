import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreditCodeSchema, computeUsccCheckCharacter, isValidUscc, parseUscc } from '../../src/models/index.js';
import { isShuangsuijiError } from '../../src/errors.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** An independent, deliberately plain reimplementation of the GB 32100-2015 check (for cross-checking). */
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

const charsetChar = fc.integer({ min: 0, max: 30 }).map((i) => CHARSET[i]!);
const digit = fc.integer({ min: 0, max: 9 }).map(String);
/** Arbitrary valid codes: any department/category characters, digit region, any body. */
const validCode = fc
  .tuple(fc.array(charsetChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(charsetChar, { minLength: 9, maxLength: 9 }))
  .map(([head, region, body]) => {
    const first17 = head.join('') + region.join('') + body.join('');
    return first17 + referenceCheck(first17);
  });

describe('统一社会信用代码 known answers', () => {
  it('accepts the documented valid example and rejects the documented invalid one', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y4A')).toBe(false);
    expect(computeUsccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('the weights are 3^(i-1) mod 31', () => {
    let w = 1;
    for (const expected of WEIGHTS) {
      expect(w).toBe(expected);
      w = (w * 3) % 31;
    }
  });

  it('parses the parts of a valid code', () => {
    const result = parseUscc('91350100M000100Y43');
    expect(result).toEqual({
      success: true,
      data: { code: '91350100M000100Y43', registrationDepartment: '9', organisationCategory: '1', regionCode: '350100', organisationCode: 'M000100Y4', checkCharacter: '3' },
    });
  });

  it('names the expected check character', () => {
    const result = parseUscc('91350100M000100Y4A');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues.map((i) => i.code)).toEqual(['USCC_CHECK_CHARACTER']);
      expect(result.issues[0]!.messageEn).toContain('should be 3');
      expect(result.issues[0]!.messageZh).toContain('校验码');
    }
  });

  it.each([
    ['lower case', '91350100m000100Y43', 'USCC_INVALID_CHARACTER'],
    ['letter S', '91350100S000100Y43', 'USCC_INVALID_CHARACTER'],
    ['letter V', '91350100V000100Y43', 'USCC_INVALID_CHARACTER'],
    ['letter Z', '91350100Z000100Y43', 'USCC_INVALID_CHARACTER'],
    ['letter I', '91350100I000100Y43', 'USCC_INVALID_CHARACTER'],
    ['letter O', '91350100O000100Y43', 'USCC_INVALID_CHARACTER'],
    ['letter in region', '9135A100M000100Y43', 'USCC_REGION_NOT_DIGITS'],
    ['17 characters', '91350100M000100Y4', 'USCC_LENGTH'],
    ['19 characters', '91350100M000100Y433', 'USCC_LENGTH'],
    ['empty', '', 'USCC_LENGTH'],
    ['full-width digit', '９1350100M000100Y43', 'USCC_INVALID_CHARACTER'],
  ])('rejects %s', (_label, code, expected) => {
    expect(isValidUscc(code)).toBe(false);
    expect(CreditCodeSchema.safeParse(code).success).toBe(false);
    const result = parseUscc(code);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.code)).toContain(expected);
  });

  it('rejects non-strings', () => {
    expect(isValidUscc(91350100)).toBe(false);
    expect(isValidUscc(null)).toBe(false);
    const result = parseUscc(42);
    expect(!result.success && result.issues[0]!.code).toBe('USCC_NOT_STRING');
  });

  it('computeUsccCheckCharacter throws INVALID_ARGUMENT on bad input', () => {
    for (const bad of ['91350100M000100Y', '91350100M000100Y4X1', '91350100S000100Y4', 17 as unknown as string]) {
      try {
        computeUsccCheckCharacter(bad);
        expect.unreachable();
      } catch (error) {
        expect(isShuangsuijiError(error, 'INVALID_ARGUMENT')).toBe(true);
      }
    }
  });
});

describe('统一社会信用代码 properties', () => {
  it('every generated valid code passes (and agrees with the reference and the zod schema)', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(isValidUscc(code)).toBe(true);
        expect(parseUscc(code).success).toBe(true);
        expect(CreditCodeSchema.safeParse(code).success).toBe(true);
        expect(computeUsccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
      }),
    );
  });

  it('every single-character substitution of a valid code fails', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, position, shift) => {
        const replacement = CHARSET[(CHARSET.indexOf(code[position]!) + shift) % 31]!;
        const mutated = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(mutated).not.toBe(code);
        expect(isValidUscc(mutated)).toBe(false);
        expect(parseUscc(mutated).success).toBe(false);
      }),
    );
  });

  it('exhaustively: all 18 × 30 substitutions of the known code fail', () => {
    const code = '91350100M000100Y43';
    for (let p = 0; p < 18; p++) {
      for (const c of CHARSET) {
        if (c === code[p]) continue;
        expect(isValidUscc(code.slice(0, p) + c + code.slice(p + 1))).toBe(false);
      }
    }
  });

  it('codes containing S, V, Z, I, O or lower case are rejected wherever they appear', () => {
    const bad = fc.constantFrom('S', 'V', 'Z', 'I', 'O', 'a', 'm', 'y', ' ');
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), bad, (code, position, c) => {
        const mutated = code.slice(0, position) + c + code.slice(position + 1);
        expect(isValidUscc(mutated)).toBe(false);
        const result = parseUscc(mutated);
        expect(!result.success && result.issues.map((i) => i.code)).toContain('USCC_INVALID_CHARACTER');
      }),
    );
  });

  it('agrees with a plain reference on arbitrary text (any length, any characters)', () => {
    const reference = (code: string): boolean =>
      code.length === 18 && /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) && referenceCheck(code.slice(0, 17)) === code[17];
    const char = fc.oneof(charsetChar, charsetChar, fc.constantFrom('I', 'O', 'S', 'V', 'Z', 'a', 'y', ' ', '-', '\u00ff', '\u0131', '０', '\u{1f600}'));
    fc.assert(
      fc.property(fc.array(char, { minLength: 15, maxLength: 20 }), (chars) => {
        const code = chars.join('');
        expect(isValidUscc(code)).toBe(reference(code));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(validCode, (code) => {
        expect(isValidUscc(code)).toBe(true);
      }),
    );
  });

  it('wrong lengths are rejected', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 40 }).filter((n) => n !== 18), (code, length) => {
        const text = (code + code + code).slice(0, length);
        expect(isValidUscc(text)).toBe(false);
        const result = parseUscc(text);
        expect(!result.success && result.issues.map((i) => i.code)).toContain('USCC_LENGTH');
      }),
    );
  });
});
