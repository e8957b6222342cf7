// Reports of supervision activities and their recommendations (issue #13, supervision.md
// "Recommendations"): the report (issued as an ND30 document through the documents engine, or an
// uploaded file with its typed number), one recommendation per addressee with its due date, the
// events that changed it (the domain replays them: src/domain/oversight/recommendations.ts), the
// evidence files the agency uploads with its reports, and the escalation steps with their
// documents. Overdue, awaiting verification and not accepted are computed, never stored.
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, date, timestamp, jsonb, boolean, index, uniqueIndex, customType,
} from 'drizzle-orm/pg-core';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { oversightActivities } from './schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** The report of one supervision activity: draft (recommendations editable) → issued. */
export const oversightReports = pgTable(
  'oversight_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** The activity reported on. */
    activityId: uuid('activity_id').references(() => oversightActivities.id),
    /** The supervising body (a Ban, the Thường trực); null = the council itself. */
    bodyId: uuid('body_id').references(() => bodies.id),
    title: text('title').notNull(),
    /** Purpose, scope, subjects and method. */
    scope: text('scope').notNull().default(''),
    results: text('results').notNull().default(''),
    shortcomings: text('shortcomings').notNull().default(''),
    /** draft | issued */
    state: text('state').notNull().default('draft'),
    issuedOn: date('issued_on'),
    /** The ND30 report from the register, when the council issued it here. */
    documentId: uuid('document_id').references(() => documents.id),
    /** The number typed for a report made outside ("15/BC-HĐND"), with its uploaded file. */
    typedNumber: text('typed_number'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    fileContent: bytea('file_content'),
    /** Published on the public pages (Điều 89 k1: except state secrets). */
    isPublic: boolean('is_public').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('oversight_reports_council_idx').on(t.councilId, t.state), index('oversight_reports_activity_idx').on(t.activityId)],
);

/** One recommendation to one agency; `state` and the dates are the replay of its events. */
export const oversightRecommendations = pgTable(
  'oversight_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id').notNull().references(() => oversightReports.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** Order in the report (1, 2, …). */
    position: integer('position').notNull(),
    content: text('content').notNull(),
    /** The due date as entered while the report is a draft: a date, or working days after the issue. */
    plannedDue: date('planned_due'),
    plannedWorkingDays: integer('planned_working_days'),
    issuedOn: date('issued_on'),
    originalDue: date('original_due'),
    due: date('due'),
    /** RecommendationState (domain); 'draft' until the report is issued. */
    state: text('state').notNull().default('draft'),
    answeredOn: date('answered_on'),
    closedOn: date('closed_on'),
    dispositionReason: text('disposition_reason'),
    searchKey: text('search_key').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('oversight_recommendations_position_uq').on(t.reportId, t.position),
    index('oversight_recommendations_council_idx').on(t.councilId, t.state),
    index('oversight_recommendations_agency_idx').on(t.agencyId, t.state),
  ],
);

/** An event of the recommendation (domain RecommendationEvent), in order. */
export const oversightRecommendationEvents = pgTable(
  'oversight_recommendation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id').notNull().references(() => oversightRecommendations.id),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    /** agency | supervisor */
    actor: text('actor').notNull(),
    on: date('on').notNull(),
    reason: text('reason'),
    text: text('text'),
    due: date('due'),
    approvedBy: text('approved_by'),
    /** The agency's report may be shown on the public pages. */
    isPublic: boolean('is_public').notNull().default(true),
    userId: uuid('user_id').references(() => users.id),
    userName: text('user_name').notNull().default(''),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('oversight_recommendation_events_seq_uq').on(t.recommendationId, t.seq)],
);

/** A file attached to an agency's report as evidence. */
export const oversightEvidenceFiles = pgTable(
  'oversight_evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id').notNull().references(() => oversightRecommendations.id),
    eventId: uuid('event_id').notNull().references(() => oversightRecommendationEvents.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('oversight_evidence_files_rec_idx').on(t.recommendationId)],
);

/** One step of the escalation ladder taken on a recommendation, with its document. */
export const oversightEscalations = pgTable(
  'oversight_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id').notNull().references(() => oversightRecommendations.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** EscalationStepKind (domain followup). */
    kind: text('kind').notNull(),
    stepIndex: integer('step_index').notNull(),
    takenOn: date('taken_on').notNull(),
    note: text('note').notNull().default(''),
    /** Hearing or session date the step schedules, when it has one. */
    scheduledOn: date('scheduled_on'),
    /** When the agency must answer the step (an explanation: Luật 121/2025 Điều 40, UNVERIFIED default). */
    responseDue: date('response_due'),
    documentId: uuid('document_id').notNull().references(() => documents.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('oversight_escalations_rec_idx').on(t.recommendationId, t.takenOn)],
);

/** A council's escalation ladder (the profile); absent = the shipped UNVERIFIED default. */
export const oversightFollowupProfiles = pgTable(
  'oversight_followup_profiles',
  {
    councilId: uuid('council_id').primaryKey().references(() => councils.id),
    ladder: jsonb('ladder').notNull().default(sql`'[]'::jsonb`),
    ...timestamps,
  },
);
