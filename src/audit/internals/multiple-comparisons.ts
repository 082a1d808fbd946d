/**
 * Multiple-comparison adjustments. Holm (1979) is the default: it controls the family-wise error rate —
 * the chance that a fair history gets even one false finding — under any dependence between the tests
 * (ours are dependent: a region's count enters both its own test and the chi-square of its field).
 * Benjamini–Hochberg (1995) controls the false discovery rate instead; it is more powerful when many
 * findings are real, but its guarantee needs positive dependence, and under the global null (a fair
 * history) it only promises what Holm promises.
 *
 * @module
 */

/** Which adjustment: `holm` (family-wise error rate) or `benjamini-hochberg` (false discovery rate). */
export type Correction = 'holm' | 'benjamini-hochberg';

/**
 * Adjusted p-values in the input order. Ties are ordered by `keys` (code-unit order) so the result never
 * depends on the order the tests were produced in.
 */
export function adjustPValues(pValues: readonly number[], keys: readonly string[], correction: Correction): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i);
  order.sort((a, b) => {
    const pa = pValues[a] as number;
    const pb = pValues[b] as number;
    if (pa !== pb) return pa < pb ? -1 : 1;
    const ka = keys[a] as string;
    const kb = keys[b] as string;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const adjusted = new Array<number>(m).fill(1);
  if (correction === 'holm') {
    let running = 0;
    order.forEach((index, rank) => {
      running = Math.max(running, Math.min(1, (m - rank) * (pValues[index] as number)));
      adjusted[index] = running;
    });
  } else {
    let running = 1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = order[rank] as number;
      running = Math.min(running, Math.min(1, (m / (rank + 1)) * (pValues[index] as number)));
      adjusted[index] = running;
    }
  }
  return adjusted;
}
