/**
 * Pure rules of the elections module (issue #14, elections.md): the election calendar, ballots per
 * voter and moves between lists, one-citizen-one-list reconciliation, tally-sheet checks and
 * roll-ups, winners by Luật 85/2015 Điều 78–81, turnout through the day, labels. No I/O.
 */
export { ElectionRuleError } from './errors.ts';
export * from './labels.ts';
export { ELECTION_RULE_SETS, electionRuleSetFor, electionCalendar, milestoneOf, checkVoterListPosting } from './calendar.ts';
export type { ElectionRuleSet, Milestone, MilestoneKey, MilestoneRule } from './calendar.ts';
export {
  voterEligibility,
  ballotMarks,
  registeredTwelveMonths,
  citizenIdProblem,
  voterAgeProblem,
  citizenIdMismatch,
  normalizeCitizenId,
  planMove,
  DEFAULT_MOVE_POLICY,
  EXCLUSION_GROUND_LABELS,
  MOVE_KIND_LABELS,
} from './voters.ts';
export type { Eligibility, Exclusion, ExclusionGround, ListChange, MoveKind, MovePolicy, MoveRequest, CarePolicy, Residence, VoterFacts } from './voters.ts';
export { reconcileVoters, matchPair, prepareVoterRow, MATCH_KIND_LABELS } from './reconcile.ts';
export type { MatchKind, MatchScope, ReconcileResult, VoterMatch, VoterRow } from './reconcile.ts';
export { TALLY_CHECKS, TALLY_LINE_LABELS, DEFAULT_TALLY_OPTIONS, assertTallyShape, checkTally, lockBlockers, percentOf, rollUpUnit } from './tally.ts';
export type { AreaSheet, BallotInventory, CandidateVotes, InventoryIdentity, TallyCheck, TallyCheckKey, TallyFailure, TallyFigures, TallyOptions, TallyOverrides, UnitRollUp } from './tally.ts';
export { unitOutcome, additionalRoundSetup, DEFAULT_WINNER_RULES, CANDIDATE_OUTCOME_LABELS, NEXT_STEP_LABELS } from './winners.ts';
export type { CandidateOutcome, CandidateOutcomeKind, CandidateResult, ElectedBody, NextStep, TieRule, UnitOutcome, UnitTally, WinnerRules } from './winners.ts';
export { recordTurnout, rollUpTurnout } from './turnout.ts';
export type { AreaTurnout, TurnoutRollUp, TurnoutSnapshot } from './turnout.ts';
export { resultComplaintTiming } from './results.ts';
export type { ComplaintTiming } from './results.ts';
export { runElectionCommand, parseWinnersInput, describeUnitOutcome } from './winnersCli.ts';
export { CANDIDATE_COUNT_RULES, seatsProblem, checkCandidateCount } from './candidates.ts';
export type { CandidateCountRule, CandidateCountCheck } from './candidates.ts';
