// Coordination with the executive (issue #15): the incoming-documents register (sổ văn bản đến)
// with its scans, invitations to the executive's meetings, the periodic reports the executive
// owes (kinds as dated data per council; each expectation projected onto the follow-up engine,
// kind 'periodic_report'), and the reporting conferences between levels. Deadline states and
// lateness are computed (src/domain/coordination), never stored.
import { pgTable, uuid, text, integer, date, timestamp, boolean, index, uniqueIndex, customType } from 'drizzle-orm/pg-core';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { councilSessions } from '../sessions/schema.ts';
import { petitions } from '../petitions/schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const incomingDocuments = pgTable(
  'incoming_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** Số đến: the register's number, restarting each year (NĐ 30 Phụ lục IV). */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    receivedOn: date('received_on').notNull(),
    /** Time of arrival, "HH:MM" as written in the register (optional). */
    receivedTime: text('received_time'),
    /** The sender as written (cơ quan ban hành); the directory agency when it is one. */
    senderName: text('sender_name').notNull(),
    senderAgencyId: uuid('sender_agency_id').references(() => agencies.id),
    /** The sender's own number and symbol ("125/BC-UBND"), kept exactly as given. */
    docSymbol: text('doc_symbol').notNull().default(''),
    docDate: date('doc_date'),
    /** program | plan | result | submission | answer | invitation | report | other */
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    /** normal | urgent | very_urgent | flash */
    urgency: text('urgency').notNull().default('normal'),
    /** A secret document: only its register entry, no scan uploaded. */
    secret: boolean('secret').notNull().default(false),
    /** registered | assigned | in_progress | replied | filed */
    state: text('state').notNull().default('registered'),
    handlerUserId: uuid('handler_user_id').references(() => users.id),
    handlerBodyId: uuid('handler_body_id').references(() => bodies.id),
    assignedOn: date('assigned_on'),
    due: date('due'),
    assignNote: text('assign_note').notNull().default(''),
    completedOn: date('completed_on'),
    outcomeNote: text('outcome_note').notNull().default(''),
    /** What it concerns: a session (a submission), a petition (an answer). */
    sessionId: uuid('session_id').references(() => councilSessions.id),
    petitionId: uuid('petition_id').references(() => petitions.id),
    /** The outgoing reply from the documents register, when made there. */
    replyDocumentId: uuid('reply_document_id').references(() => documents.id),
    searchKey: text('search_key').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('incoming_documents_register_uq').on(t.councilId, t.year, t.number),
    index('incoming_documents_council_received_idx').on(t.councilId, t.receivedOn),
    index('incoming_documents_handler_idx').on(t.handlerUserId, t.state),
  ],
);

export const incomingDocumentFiles = pgTable(
  'incoming_document_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => incomingDocuments.id),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('incoming_document_files_version_uq').on(t.documentId, t.version)],
);

export const executiveInvitations = pgTable(
  'executive_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** The giấy mời in the incoming register, when registered there. */
    incomingDocumentId: uuid('incoming_document_id').references(() => incomingDocuments.id),
    title: text('title').notNull(),
    organizerName: text('organizer_name').notNull(),
    organizerAgencyId: uuid('organizer_agency_id').references(() => agencies.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    location: text('location').notNull().default(''),
    /** The council's leader invited (a user of this council). */
    inviteeUserId: uuid('invitee_user_id').notNull().references(() => users.id),
    /** received | accepted | delegated | declined | attended | absent */
    state: text('state').notNull().default('received'),
    /** Who goes instead (delegated), a user of this council. */
    attendeeUserId: uuid('attendee_user_id').references(() => users.id),
    decisionNote: text('decision_note').notNull().default(''),
    /** What was said, what the council's representative raised (notes filed). */
    notes: text('notes').notNull().default(''),
    /** The submission the meeting decided (Luật 72/2025 Điều 40 k2): its session. */
    sessionId: uuid('session_id').references(() => councilSessions.id),
    searchKey: text('search_key').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('executive_invitations_council_idx').on(t.councilId, t.startsAt),
    index('executive_invitations_invitee_idx').on(t.inviteeUserId),
    index('executive_invitations_attendee_idx').on(t.attendeeUserId),
  ],
);

/** A council's own copy of the periodic report kinds, with validity (seeded from the shipped sets). */
export const periodicReportKinds = pgTable(
  'periodic_report_kinds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    ruleSetKey: text('rule_set_key').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    /** people_committee | court | procuracy | enforcement */
    owner: text('owner').notNull(),
    /** "mid_year,year_end" */
    periods: text('periods').notNull(),
    leadValue: integer('lead_value').notNull(),
    /** days | working_days */
    leadUnit: text('lead_unit').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    source: text('source').notNull().default(''),
    verified: boolean('verified').notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('periodic_report_kinds_uq').on(t.councilId, t.ruleSetKey, t.key)],
);

export const periodicReports = pgTable(
  'periodic_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    kindId: uuid('kind_id').notNull().references(() => periodicReportKinds.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    year: integer('year').notNull(),
    /** mid_year | year_end */
    period: text('period').notNull(),
    sessionId: uuid('session_id').references(() => councilSessions.id),
    /** First due date (kept for lateness) and the one in force. */
    originalDue: date('original_due').notNull(),
    due: date('due').notNull(),
    receivedOn: date('received_on'),
    incomingDocumentId: uuid('incoming_document_id').references(() => incomingDocuments.id),
    verifyingBodyId: uuid('verifying_body_id').references(() => bodies.id),
    verifiedOn: date('verified_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('periodic_reports_uq').on(t.councilId, t.kindId, t.agencyId, t.year, t.period),
    index('periodic_reports_council_due_idx').on(t.councilId, t.due),
  ],
);

export const reportingConferences = pgTable(
  'reporting_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The upper council that convenes it. */
    councilId: uuid('council_id').notNull().references(() => councils.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    /** The period whose activity is reported (figures counted up to periodTo). */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    chairName: text('chair_name').notNull().default(''),
    place: text('place').notNull().default(''),
    /** Number of sites (online points), as in the founding notice ("13 điểm cầu"). */
    sites: integer('sites'),
    attendees: text('attendees').notNull().default(''),
    /** planned | concluded (held is computed from the date) */
    state: text('state').notNull().default('planned'),
    conclusionDocumentId: uuid('conclusion_document_id').references(() => documents.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('reporting_conferences_council_idx').on(t.councilId, t.heldOn)],
);
