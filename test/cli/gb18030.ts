/**
 * A GB18030 encoder for tests and benchmarks (Node has a GB18030 decoder but no encoder, and no encoding library is
 * a dependency): the table is built by inverting the platform's own fatal GB18030 decoder over every two-byte code
 * (lead 0x81–0xFE, trail 0x40–0x7E, 0x80–0xFE) and every four-byte code of the BMP range (0x81–0x84 0x30–0x39
 * 0x81–0xFE 0x30–0x39). `KNOWN` pins a few code points to the bytes published in the GB18030 standard, so the
 * tests also check the table against something other than the decoder it came from.
 */

let table: Map<number, readonly number[]> | undefined;

function build(): Map<number, readonly number[]> {
  const map = new Map<number, readonly number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const add = (bytes: number[]): void => {
    let text: string;
    try {
      text = decoder.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    const cp = text.codePointAt(0)!;
    if (text.length === String.fromCodePoint(cp).length && !map.has(cp)) map.set(cp, bytes);
  };
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) add([a, b]);
  }
  for (let a = 0x81; a <= 0x84; a++) {
    for (let b = 0x30; b <= 0x39; b++) {
      for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) add([a, b, c, d]);
    }
  }
  return map;
}

/** Code points and their GB18030 bytes as the standard lists them (GB 18030-2005), independent of the decoder. */
export const KNOWN: readonly (readonly [string, readonly number[]])[] = [
  ['中', [0xd6, 0xd0]],
  ['文', [0xce, 0xc4]],
  ['名', [0xc3, 0xfb]],
  ['称', [0xb3, 0xc6]],
  ['企', [0xc6, 0xf3]],
  ['业', [0xd2, 0xb5]],
  ['类', [0xc0, 0xe0]],
  ['型', [0xd0, 0xcd]],
  ['，', [0xa3, 0xac]],
  ['、', [0xa1, 0xa2]],
];

/**
 * `text` in GB18030 bytes (characters above the BMP use the four-byte form computed from their offset, as the
 * standard defines it).
 */
export function encodeGb18030(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const bytes = table.get(cp);
    if (bytes !== undefined) {
      out.push(...bytes);
      continue;
    }
    if (cp >= 0x10000) {
      // Supplementary planes: linear four-byte codes from 0x90 0x30 0x81 0x30.
      let n = cp - 0x10000;
      const d = 0x30 + (n % 10);
      n = Math.floor(n / 10);
      const c = 0x81 + (n % 126);
      n = Math.floor(n / 126);
      const b = 0x30 + (n % 10);
      const a = 0x90 + Math.floor(n / 10);
      out.push(a, b, c, d);
      continue;
    }
    throw new Error(`no GB18030 code for U+${cp.toString(16)}`);
  }
  return new Uint8Array(out);
}
