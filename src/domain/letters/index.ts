/**
 * Pure rules of the letters module (issue #15): classification and competence, confidentiality,
 * rule sets with validity dates and deadlines, duplicates, states and the follow-up Obligation,
 * the reception register and schedule. No I/O. Follow-up of forwarded letters is ../followup.
 */
export { LetterRuleError } from './errors.ts';
export { LETTER_KINDS, LETTER_KIND_LABELS, LETTER_CHANNEL_LABELS } from './labels.ts';
export type { LetterKind, LetterChannel } from './labels.ts';
export {
  classifyLetter,
  splitLetter,
  findKinds,
  routeLetter,
  DEFAULT_KIND_CUES,
  CLASSIFICATION_LABELS,
  COMPETENCE_LABELS,
  ROUTE_LABELS,
  NOT_PROCESSABLE_REASON_LABELS,
} from './classify.ts';
export type { Classification, LetterClassification, Respondent, Competence, Route, NotProcessableReason, RoutingFacts, RoutingDecision, KindFinding } from './classify.ts';
export { redactLetter, audienceOf, canSee, publicCounts, VISIBILITY, AUDIENCE_LABELS, CONFIDENTIAL_FIELD_LABELS } from './confidentiality.ts';
export type { Audience, ConfidentialField, LetterAttachment, LetterSigner, LetterView, StoredLetter } from './confidentiality.ts';
export {
  defaultLetterRuleSets,
  ruleSetOfLetter,
  ruleSetByKey,
  letterStepDue,
  receiptDueDates,
  stepsAtReceipt,
  agencyResultDue,
  LETTERS_2026_DATE,
  LETTER_STEPS,
  LETTER_STEP_LABELS,
  LETTER_STEP_ANCHORS,
  LETTER_ANCHOR_LABELS,
} from './rules.ts';
export type { LetterAnchor, LetterRule, LetterRuleSet, LetterStep, StepDue } from './rules.ts';
export { findRepeats, DEFAULT_SAME_MATTER_THRESHOLD, MATCH_KIND_LABELS } from './duplicates.ts';
export type { LetterForMatching, LetterMatch, MatchKind, RepeatVerdict } from './duplicates.ts';
export {
  letterTransition,
  allowedLetterActions,
  letterObligation,
  FOLLOWED_UP_STATES,
  LETTER_STATES,
  LETTER_STATE_LABELS,
  LETTER_ACTION_LABELS,
} from './states.ts';
export type { LetterState, LetterAction, ForwardedLetter } from './states.ts';
export {
  validateReceptionRecord,
  registerRow,
  receptionDays,
  scheduleShortfall,
  shortfallRuns,
  DEFAULT_RECEPTION_SCHEDULE,
  RECEPTION_MODE_LABELS,
  RECEIVER_KIND_LABELS,
} from './reception.ts';
export type { ReceptionMode, ReceiverKind, ReceptionRecordInput, ReceptionScheduleRule, Shortfall, FieldError } from './reception.ts';
export { DEFAULT_LETTER_FIELDS, LETTER_FIELD_OTHER, suggestLetterField, letterFieldName } from './fields.ts';
export { DEFAULT_ONLINE_RECEPTION_RULES, ONLINE_REQUEST_STATE_LABELS, noticeDeadline, linkTestDeadline, checkRequestable } from './online.ts';
export type { OnlineReceptionRules, OnlineRequestState } from './online.ts';
