// Interpellation (chất vấn) and commitments (issue #12): delegates' question slips with their
// citations, the standing committee's topics (nhóm vấn đề) with who answers and in which order,
// answers (in the sitting or in writing by a due date), the commitments made in them, and the
// agencies' progress reports with evidence. States and due dates: src/domain/sessions/questions.ts.
import {
  pgTable, uuid, text, integer, date, timestamp, jsonb, index, customType,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { agencies, councils, delegates } from '../../directory/schema.ts';
import { users } from '../../accounts/schema.ts';
import { councilSessions } from '../schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A topic the standing committee groups slips into, with who answers it and its place in the session. */
export const questionTopics = pgTable(
  'question_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    title: text('title').notNull(),
    /** Order of questioning in the session (1, 2, …). */
    position: integer('position').notNull(),
    answererAgencyId: uuid('answerer_agency_id').references(() => agencies.id),
    answererName: text('answerer_name').notNull().default(''),
    answererPost: text('answerer_post').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('question_topics_session_idx').on(t.sessionId, t.position)],
);

/** A delegate's question slip (phiếu chất vấn). */
export const questionSlips = pgTable(
  'question_slips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    filedBy: uuid('filed_by').references(() => users.id),
    /** To a named official (agency + person) or to a topic only. */
    addressedAgencyId: uuid('addressed_agency_id').references(() => agencies.id),
    addressedName: text('addressed_name').notNull().default(''),
    addressedPost: text('addressed_post').notNull().default(''),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    /** [{kind: petition|supervision|question|commitment, id, label}] (domain checkCitations). */
    citations: jsonb('citations').notNull().default(sql`'[]'::jsonb`),
    /** Re-questioning: the slip or commitment of an earlier session this one follows up. */
    followsSlipId: uuid('follows_slip_id').references((): any => questionSlips.id),
    followsCommitmentId: uuid('follows_commitment_id'),
    /** submitted | grouped | notSelected | writtenDue | answered (domain slipTransition) */
    state: text('state').notNull().default('submitted'),
    topicId: uuid('topic_id').references(() => questionTopics.id),
    decisionNote: text('decision_note').notNull().default(''),
    writtenRequestedOn: date('written_requested_on'),
    writtenDue: date('written_due'),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Folded subject, content and addressee (nameSearch). */
    searchKey: text('search_key').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('question_slips_session_idx').on(t.sessionId, t.filedAt),
    index('question_slips_delegate_idx').on(t.delegateId),
    index('question_slips_topic_idx').on(t.topicId),
  ],
);

/** An answer: to a topic in the sitting (oral), or to one slip in writing. */
export const questionAnswers = pgTable(
  'question_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    topicId: uuid('topic_id').references(() => questionTopics.id),
    slipId: uuid('slip_id').references(() => questionSlips.id),
    /** oral | written */
    mode: text('mode').notNull(),
    answererAgencyId: uuid('answerer_agency_id').references(() => agencies.id),
    answererName: text('answerer_name').notNull(),
    answererPost: text('answerer_post').notNull().default(''),
    summary: text('summary').notNull(),
    answeredOn: date('answered_on').notNull(),
    /** Reference of the written answer (số văn bản), if any. */
    reference: text('reference').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** 1 as recorded; each correction adds one (question_answer_versions keeps what it replaced). */
    version: integer('version').notNull().default(1),
    correctedOn: date('corrected_on'),
    ...timestamps,
  },
  (t) => [index('question_answers_session_idx').on(t.sessionId), index('question_answers_topic_idx').on(t.topicId), index('question_answers_slip_idx').on(t.slipId)],
);

/** A promise made in an answer; projected onto followup_items (kind 'commitment'). */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    answerId: uuid('answer_id').notNull().references(() => questionAnswers.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    ownerName: text('owner_name').notNull(),
    ownerPost: text('owner_post').notNull().default(''),
    content: text('content').notNull(),
    madeOn: date('made_on').notNull(),
    originalDue: date('original_due').notNull(),
    dueOn: date('due_on').notNull(),
    /** open | inProgress | reportedDone | closed (domain commitmentTransition) */
    state: text('state').notNull().default('open'),
    doneReportedOn: date('done_reported_on'),
    closedOn: date('closed_on'),
    closedBy: uuid('closed_by').references(() => users.id),
    verificationNote: text('verification_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('commitments_council_idx').on(t.councilId, t.dueOn),
    index('commitments_agency_idx').on(t.agencyId, t.dueOn),
    index('commitments_session_idx').on(t.sessionId),
  ],
);

/** An agency's report on a commitment (progress or done), with its evidence: text and an optional file. */
export const commitmentReports = pgTable(
  'commitment_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** progress | done (the agency's) | verified | reopened | extended (the standing committee's) */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    reportedOn: date('reported_on').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    content: bytea('content'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commitment_reports_commitment_idx').on(t.commitmentId, t.createdAt)],
);

/**
 * A correction of an answer (đính chính): the text as it stood before each correction, with who
 * corrected it, when and why; the answer row holds the current text and its version. The
 * original is always version 1 of this history (UK written questions: corrections keep the
 * original answer).
 */
export const questionAnswerVersions = pgTable(
  'question_answer_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id').notNull().references(() => questionAnswers.id),
    /** The version this row keeps (1 = the answer as first recorded). */
    version: integer('version').notNull(),
    summary: text('summary').notNull(),
    reference: text('reference').notNull().default(''),
    /** Why the next version replaced this one. */
    reason: text('reason').notNull(),
    correctedBy: uuid('corrected_by').references(() => users.id),
    correctedOn: date('corrected_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('question_answer_versions_answer_idx').on(t.answerId, t.version)],
);

/**
 * A step of the escalation ladder taken on an overdue commitment (the follow-up engine's ladder,
 * src/domain/followup/escalation.ts, in the council's follow-up profile): which step, its place
 * in the ladder, on which day, by whom, with a note.
 */
export const commitmentEscalations = pgTable(
  'commitment_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id').notNull().references(() => commitments.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** domain EscalationStepKind */
    kind: text('kind').notNull(),
    stepIndex: integer('step_index').notNull(),
    takenOn: date('taken_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commitment_escalations_commitment_idx').on(t.commitmentId, t.takenOn)],
);
