/**
 * The one string order used where an output must not depend on input order or locale: UTF-16 code units,
 * as JavaScript's `<` compares strings (never `localeCompare`).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Code-point order (= UTF-8 byte order): the order of every hashed or recorded list of the draw and the matcher
 * (docs/spec.md). Differs from {@link compareCodeUnits} only between a character above U+FFFF and one in
 * U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate (≥ U+10000) sorts after any BMP unit
    return x - y;
  }
  return a.length - b.length;
}
