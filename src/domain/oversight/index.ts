/**
 * Pure rules of the oversight module (issue #13): rule sets with validity dates and the due dates
 * of each step, overlap detection between activities, the recommendations' follow-up, Vietnamese
 * labels. No I/O. The follow-up shared with petitions, commitments and letters is ../followup.
 */
export { OversightRuleError } from './errors.ts';
export { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, SUPERVISING_BODY_KIND_LABELS } from './labels.ts';
export type { ActivityKind, SupervisingBodyKind } from './labels.ts';
export {
  defaultOversightRuleSets,
  ruleSetOfActivity,
  validateLeadTimes,
  stepDueDate,
  stepsOfActivity,
  activityDueDates,
  LAW_121_2025_DATE,
  OVERSIGHT_STEPS,
  OVERSIGHT_STEP_LABELS,
  STEP_ANCHORS,
  LEAD_TIME_ANCHOR_LABELS,
} from './rules.ts';
export type { LeadTimeAnchor, LeadTimeRule, OversightStep, OversightRuleSet, ActivityDates, StepDue } from './rules.ts';
export {
  findOverlaps,
  findOverlapsNaive,
  conflictsOf,
  periodText,
  CONFLICT_TYPE_LABELS,
  SUBJECT_RELATION_LABELS,
  TOPIC_MATCH_LABELS,
} from './overlap.ts';
export type { OverlapActivity, OverlapOptions, OverlapSubject, Conflict, ConflictType, SubjectRelation, TopicMatch } from './overlap.ts';
export { decisionKind, overlapReason, proposalDeadline, openProposalYear, PROGRAM_STATE_LABELS } from './programs.ts';
export type { ProgramState } from './programs.ts';
export {
  issueRecommendation,
  applyRecommendationEvent,
  replayRecommendation,
  recommendationActions,
  recommendationObligation,
  recommendationView,
  RECOMMENDATION_STATES,
  RECOMMENDATION_STATE_LABELS,
  RECOMMENDATION_ACTION_LABELS,
  RECOMMENDATION_ACTOR_LABELS,
  RECOMMENDATION_FLAG_LABELS,
  ASSESSMENT_MEANINGS,
  CLOSED_STATES,
} from './recommendations.ts';
export type {
  RecommendationState,
  RecommendationAction,
  RecommendationActor,
  RecommendationEvent,
  RecommendationRecord,
  RecommendationFlag,
} from './recommendations.ts';
export {
  recommendationDueDate,
  recommendationStatus,
  escalationChoice,
  checkEscalation,
  validateLadder,
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_STATUS_LABELS,
  STATUS_STATES,
} from './followup.ts';
export type { RecommendationStatus, EscalationChoice } from './followup.ts';
