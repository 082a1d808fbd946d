/**
 * The one string order used where an output must not depend on input order or locale: UTF-16 code units,
 * as JavaScript's `<` compares strings (never `localeCompare`).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
