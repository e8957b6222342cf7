// The verification chain of a submission (sessions.md "Submissions and the verification chain"):
// the standing committee's assignment to a committee (Ban), the committee's verification meeting
// and report (báo cáo thẩm tra) with its conclusions point by point, the drafter's response report
// (báo cáo tiếp thu, giải trình) answering the points, and the reminders sent to presenting
// agencies before and after each expected document's due date.
import {
  pgTable, uuid, text, integer, date, timestamp, boolean, index, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { councilSessions, sessionDocuments, sessionItems } from './schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** One per submission: assignment, meeting and report of the committee that verifies it. */
export const sessionVerifications = pgTable(
  'session_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    committeeBodyId: uuid('committee_body_id').notNull().references(() => bodies.id),
    /** The standing committee's assignment: who recorded it and the day. */
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedOn: date('assigned_on').notNull(),
    /** Number of the tờ trình as received ("4486/TTr-UBND"), for the chain and the report. */
    submissionNumber: text('submission_number').notNull().default(''),
    /** The verification meeting (the Ban meets with the drafter present). */
    meetingOn: date('meeting_on'),
    meetingAttendees: text('meeting_attendees').notNull().default(''),
    drafterPresent: boolean('drafter_present'),
    drafterAttendees: text('drafter_attendees').notNull().default(''),
    /** The verification report; null until filed. */
    reportNumber: text('report_number').notNull().default(''),
    reportIssuedOn: date('report_issued_on'),
    /** The committee's overall conclusion (agree | agreeWithChanges | pointsToExplain | disagree). */
    conclusion: text('conclusion'),
    summary: text('summary').notNull().default(''),
    /** Whether the drafter must answer (some point to explain or disagreement). */
    needsResponse: boolean('needs_response').notNull().default(false),
    reportFiledBy: uuid('report_filed_by').references(() => users.id),
    /** Corrections of a filed report before the response: 1, 2, … */
    reportVersion: integer('report_version').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('session_verifications_item_uq').on(t.itemId),
    index('session_verifications_committee_idx').on(t.committeeBodyId),
    index('session_verifications_session_idx').on(t.sessionId),
  ],
);

/** A point of the verification report, linked to the article or section concerned. */
export const sessionVerificationPoints = pgTable(
  'session_verification_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verificationId: uuid('verification_id').notNull().references(() => sessionVerifications.id),
    key: text('key').notNull(),
    /** Order in the document (general first, then by part, chapter, article, clause). */
    position: integer('position').notNull(),
    reference: text('reference').notNull(),
    /** Canonical citation ("khoản 2 Điều 3"). */
    referenceLabel: text('reference_label').notNull(),
    conclusion: text('conclusion').notNull(),
    content: text('content').notNull(),
  },
  (t) => [uniqueIndex('session_verification_points_key_uq').on(t.verificationId, t.key)],
);

/** The drafter's response report (tiếp thu, giải trình). */
export const sessionResponses = pgTable(
  'session_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    verificationId: uuid('verification_id').notNull().references(() => sessionVerifications.id),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    number: text('number').notNull().default(''),
    issuedOn: date('issued_on').notNull(),
    summary: text('summary').notNull().default(''),
    /** app (the presenting agency through its login) | paper (recorded by the secretariat) */
    filedVia: text('filed_via').notNull(),
    filedBy: uuid('filed_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_responses_verification_uq').on(t.verificationId)],
);

export const sessionResponseAnswers = pgTable(
  'session_response_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id').notNull().references(() => sessionResponses.id),
    pointId: uuid('point_id').notNull().references(() => sessionVerificationPoints.id),
    /** accepted | partlyAccepted | explained */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('session_response_answers_point_uq').on(t.responseId, t.pointId)],
);

/** A reminder sent about an expected document (once per kind and due date; a new due date starts afresh). */
export const sessionReminders = pgTable(
  'session_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => sessionDocuments.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** beforeDue | overdue (domain reminderDue) */
    kind: text('kind').notNull(),
    dueDate: date('due_date').notNull(),
    sentOn: date('sent_on').notNull(),
    /** How many responders were told. */
    notified: integer('notified').notNull().default(0),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex('session_reminders_once_uq').on(t.documentId, t.kind, t.dueDate, t.sentOn),
    index('session_reminders_agency_idx').on(t.agencyId, t.sentOn),
  ],
);

/** Reminder letters (ND30 công văn) issued to an agency for a session: the register's document. */
export const sessionReminderLetters = pgTable(
  'session_reminder_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    issuedOn: date('issued_on').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('session_reminder_letters_session_idx').on(t.sessionId, t.agencyId)],
);
