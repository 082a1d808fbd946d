/**
 * 随机选派执法检查人员 — recusal-aware random matching of inspectors to drawn targets.
 *
 * @module
 */
export { matchInspectors } from './match-inspectors.js';
export { redrawForRecusal } from './redraw-for-recusal.js';
export type { DayOfRecusal } from './redraw-for-recusal.js';
export { verifyMatch } from './verify-match.js';
export type { MatchVerification } from './verify-match.js';
export type { MatchErrorCode } from './match-error-code.js';
export type { VerifyMatchCode } from './verify-match-code.js';
export type { MatchTarget } from './match-target.js';
export type {
  DeclaredConflict,
  InspectorRelative,
  MatchFacts,
  MatchOptions,
  MatchRules,
  PastAssignment,
  RecusalGround,
  RecusalRequest,
} from './match-options.js';
export type { AssignedInspector, MatchResult, TeamAssignment, UnstaffableTarget } from './match-result.js';
export type { ExpertShortfall } from './expert-shortfall.js';
export type { MatchRecord, NormalisedMatchRules, RecordedAssignment, RecordedRedraw } from './match-record.js';
export type { UnstaffableCounts, UnstaffableReason } from './unstaffable-reason.js';
export type { UnmatchedFact, UnmatchedFacts } from './unmatched-facts.js';
