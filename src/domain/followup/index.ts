/** The shared follow-up engine of what agencies owe (petitions, recommendations, commitments, letters). Pure, no I/O. */
export {
  obligationView,
  reminderDue,
  remindersByAgency,
  DEFAULT_FOLLOW_UP_SETTINGS,
  OBLIGATION_KIND_LABELS,
  OBLIGATION_STATUS_LABELS,
  REMINDER_KIND_LABELS,
} from './obligation.ts';
export type { Obligation, ObligationKind, ObligationStatus, ObligationView, FollowUpSettings, ReminderKind, SentReminder } from './obligation.ts';
export { nextEscalation, DEFAULT_ESCALATION_LADDER, ESCALATION_STEP_LABELS } from './escalation.ts';
export type { EscalationStep, EscalationStepKind, EscalationTaken } from './escalation.ts';
