/**
 * 检查对象（待匹配） — the minimal shape of a drawn target the matcher needs. Every {@link Entity} of the
 * register fits it (its other fields are allowed and not read; any key that is neither the entity's nor one of
 * these is refused); `requiredExpertise` adds the 检查人员要求 of the items to be inspected there and must be an
 * array (a string is refused, never read character by character). The id is canonicalised (NFC).
 *
 * @group Match
 *
 * @example
 * ```ts
 * const target: MatchTarget = {
 *   id: 'T-001',
 *   supervisingUnit: '城关所',
 *   legalRepresentative: '甲某',
 *   requiredExpertise: ['食品'],
 * };
 * ```
 */
export interface MatchTarget {
  /** Stable id of the target (hashed by the matcher). */
  readonly id: string;
  /** 属地监管单位 (监管所); used by the 所所交叉 rule. */
  readonly supervisingUnit?: string | undefined;
  /** 法定代表人/负责人; compared with inspectors' declared relatives. */
  readonly legalRepresentative?: string | undefined;
  /** 业务专长 the items at this target need: each needs at least one team member holding it. */
  readonly requiredExpertise?: readonly string[] | undefined;
}
