/**
 * The `verify` summary line for the fact rows of a match that name no target or inspector (docs/spec.md §M2.1):
 * counts and paths, so that a misspelled id in the facts file is seen instead of silently losing a recusal.
 */
import type { UnmatchedFacts } from '../../match/unmatched-facts.js';

/** Paths shown in the text output before "…" (the JSON output lists every one). */
const SHOWN = 20;

/** Summary entries to add to a match verification (none when the matcher did not get as far as reading the facts). */
export function unmatchedFactsSummary(
  unmatched: UnmatchedFacts | undefined,
  json: boolean,
  say: (zh: string, en: string) => string,
): Record<string, unknown> {
  if (unmatched === undefined) return {};
  const key = say('未匹配检查对象或人员的回避信息', 'facts naming no target or inspector');
  if (json) return { [key]: unmatched };
  if (unmatched.total === 0) return { [key]: 0 };
  const lists = Object.entries(unmatched.counts).filter(([, n]) => n > 0).map(([list, n]) => `${list} ${n}`).join(', ');
  const paths = unmatched.facts.slice(0, SHOWN).map((f) => f.path.join('.')).join(', ');
  const more = unmatched.facts.length > SHOWN ? ', …' : '';
  return { [key]: `${unmatched.total} (${lists}): ${paths}${more}` };
}
