/**
 * 未匹配的回避信息 — the fact rows (declared conflicts, relatives, recusal requests, history) that name no target
 * or no inspector of this match. A department-wide list legitimately names entities and people outside the task,
 * so such rows are not refused; they are counted and listed, so that a misspelled id (which would otherwise lose a
 * recusal without notice) is visible. Ids are compared in their canonical (NFC) form, so an NFD or NFC spelling of
 * one id is the same id. Relatives are listed only for an unknown inspector: their names are matched against the
 * targets' legal representatives, and a name matching nobody is the normal case. Rows are listed in the order
 * conflicts, relatives, recusalRequests, history, each by ascending index; the paths point into the lists as given.
 *
 * @group Match
 *
 * @example
 * ```ts
 * // Reached as MatchResult['unmatchedFacts'] (and on a verification, MatchVerification's unmatchedFacts):
 * const warn = (u: MatchResult['unmatchedFacts']) =>
 *   u.total === 0 ? 'every fact names a target and an inspector of this match'
 *     : `${u.total} fact(s) name nobody here: ${u.facts.map((f) => f.path.join('.')).join(', ')}`;
 * ```
 */
export interface UnmatchedFacts {
  /** Number of fact rows that name an unknown target or an unknown inspector. */
  readonly total: number;
  /** The same count per fact list. */
  readonly counts: {
    readonly conflicts: number;
    readonly relatives: number;
    readonly recusalRequests: number;
    readonly history: number;
  };
  /** Every such row. */
  readonly facts: readonly UnmatchedFact[];
}

/**
 * One fact row naming a target or an inspector this match does not have.
 *
 * @group Match
 *
 * @example
 * ```ts
 * const f: MatchResult['unmatchedFacts']['facts'][number] = {
 *   path: ['conflicts', 3], entityId: 'T-999', inspectorId: 'I-07', unknownTarget: true, unknownInspector: false,
 * };
 * ```
 */
export interface UnmatchedFact {
  /** Where the row is: `[list, index]` in the facts as given. */
  readonly path: readonly ['conflicts' | 'relatives' | 'recusalRequests' | 'history', number];
  /** The row's entity id, canonical (absent for a relative, which names a person instead). */
  readonly entityId?: string;
  /** The row's inspector id, canonical. */
  readonly inspectorId: string;
  /** True when `entityId` is no target of this match (always false for a relative). */
  readonly unknownTarget: boolean;
  /** True when `inspectorId` is no inspector of this match (local or neighbouring). */
  readonly unknownInspector: boolean;
}
