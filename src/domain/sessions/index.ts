/**
 * Pure rules of the sessions module (issue #11): council profile and rule sets, due dates of
 * expected documents, lateness, states, agenda versions, iCalendar. No I/O.
 * Contract: /work/team/sessions-interface.md.
 */
export { SessionRuleError } from './errors.ts';
export {
  defaultSessionRuleSets,
  ruleSetInForce,
  mergeProfile,
  validateProfile,
  LEAD_TIME_STEPS,
  LEAD_TIME_STEP_LABELS,
  PROFILE_PATHS,
  UNVERIFIED_SOURCE,
  MODEL_RULES_2025_DATE,
} from './profile.ts';
export type { LeadTimeRule, LeadTimeStep, SessionProfile, SessionRuleSet } from './profile.ts';
export { stepOfDocument, dueDateOf, coversYear, EXPECTED_DOCUMENT_KIND_LABELS } from './dueDates.ts';
export type { ExpectedDocumentKind, KnownYears } from './dueDates.ts';
export { documentTiming, latenessByAgency, DOCUMENT_TIMING_LABELS } from './timing.ts';
export type { DocumentTiming, TimingInput, AgencyLateness } from './timing.ts';
export {
  sessionTransition,
  sessionActions,
  submissionTransition,
  submissionActions,
  nextRegularNumber,
  SESSION_STATE_LABELS,
  SESSION_ACTION_LABELS,
  SUBMISSION_STATE_LABELS,
  SUBMISSION_ACTION_LABELS,
  SESSION_KIND_LABELS,
  SUBMISSION_KIND_LABELS,
  VERIFICATION_CONCLUSION_LABELS,
} from './states.ts';
export type {
  SessionState,
  SessionAction,
  SessionKind,
  SubmissionState,
  SubmissionAction,
  SubmissionKind,
  VerificationConclusion,
} from './states.ts';
export { agendaDiff, describeAgendaDiff } from './agenda.ts';
export type { AgendaEntry, AgendaDiff } from './agenda.ts';
export { icalendar, escapeText, foldLine, VIETNAM_TZID } from './icalendar.ts';
export type { CalendarEvent, ICalendarOptions } from './icalendar.ts';
export {
  parseReference,
  compareReferences,
  validateVerificationPoints,
  summarizeVerification,
  validateResponse,
  chainSummary,
  CONCLUSIONS_REQUIRING_ANSWER,
  RESPONSE_ANSWER_KIND_LABELS,
  CHAIN_STEP_LABELS,
} from './verification.ts';
export type {
  LegalReference,
  VerificationPoint,
  VerificationSummary,
  ResponseAnswerKind,
  ResponseAnswer,
  ResponseCheck,
  ChainStepKind,
  ChainDocument,
  ChainStep,
  ChainSummary,
} from './verification.ts';
export { reminderDue, reminderText, REMINDER_KIND_LABELS } from './reminders.ts';
export type { ReminderKind, SentReminder } from './reminders.ts';
export {
  slipTransition, slipIsPublished, isSlipState, commitmentTransition, isCommitmentState, checkCitations, writtenAnswerDue,
  commitmentReportDate, writtenAnswerDays, commitmentReportDaysBefore, dueBeforeSession,
  SLIP_STATE_LABELS, COMMITMENT_STATE_LABELS, CITATION_KIND_LABELS, LEGACY_QUESTION_SOURCE, MAX_CITATIONS,
} from './questions.ts';
export type { SlipState, SlipAction, Citation, CitationKind, CommitmentState, CommitmentAction, ProfileValue } from './questions.ts';
