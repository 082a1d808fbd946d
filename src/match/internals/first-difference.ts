/** Deep comparison of plain JSON-like values that names where they first differ. */
import { compareCodePoints } from './encoding.js';

/**
 * The first place (path, expected, actual) where `expected` and `actual` differ, walking arrays by index and
 * objects by the union of their own keys in code-point order (a key such as `toString` present on one side only differs);
 * undefined when equal.
 */
export function firstDifference(expected: unknown, actual: unknown, path: (string | number)[]): { path: (string | number)[]; expected: unknown; actual: unknown } | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(expected[i], actual[i], [...path, i]);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(compareCodePoints);
    // Own properties only: a key of the record such as `toString` is absent from the recomputation.
    const own = (o: object, k: string): unknown => (Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined);
    for (const k of keys) {
      const d = firstDifference(own(expected, k), own(actual, k), [...path, k]);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : { path, expected, actual };
}
