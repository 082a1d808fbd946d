/**
 * The one statement of UTF-8's lead-byte rule (the WHATWG decoder's: no overlongs, no surrogates, nothing above
 * U+10FFFF), shared by the register decoder (text-decoding.ts) and the checker of files read whole (utf8-checker.ts).
 *
 * For a byte ≥ 0x80 at the start of a sequence: 0 if it cannot start one, else `need | lower << 8 | upper << 16` —
 * the number of continuation bytes and the range the first of them must fall in (later ones: 0x80–0xBF). Packed in
 * a number so that the byte loops that call it allocate nothing.
 */
export function utf8Lead(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 1 | (0x80 << 8) | (0xbf << 16);
  if (b >= 0xe0 && b <= 0xef) return 2 | ((b === 0xe0 ? 0xa0 : 0x80) << 8) | ((b === 0xed ? 0x9f : 0xbf) << 16);
  if (b >= 0xf0 && b <= 0xf4) return 3 | ((b === 0xf0 ? 0x90 : 0x80) << 8) | ((b === 0xf4 ? 0x8f : 0xbf) << 16);
  return 0;
}
