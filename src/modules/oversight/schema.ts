// Supervision (giám sát), part 1 (issue #13): topic proposals, annual programmes of each body with
// their versions, activities (subjects, fields, dates, founding decision), team members, notices to
// the supervised bodies, working sessions and the files those bodies upload. Overlap detection and
// lead times live in src/domain/oversight; reports and recommendations in recommendationsSchema.ts.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, date, timestamp, jsonb, index, uniqueIndex, customType, primaryKey } from 'drizzle-orm/pg-core';
import { agencies, bodies, councils, delegates } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { petitions } from '../petitions/schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Per-council supervision settings (only what differs from the defaults): the date topic
 * proposals are collected by, the overlap check's thresholds, the council's lead-time edits.
 */
export const oversightSettings = pgTable('oversight_settings', {
  councilId: uuid('council_id').primaryKey().references(() => councils.id),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An annual programme of one body: the council itself (bodyKind 'council', bodyId null, adopted by
 * resolution), the standing committee, a committee, a delegate group, or an outside plan entered
 * for the overlap check (bodyKind 'external', e.g. the National Assembly delegation's plan).
 */
export const oversightPrograms = pgTable(
  'oversight_programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** council | standing | committee | delegate_group | external */
    bodyKind: text('body_kind').notNull(),
    bodyId: uuid('body_id').references(() => bodies.id),
    /** The body as sentences name it ("Ban Kinh tế – Ngân sách HĐND tỉnh"), kept with the programme. */
    bodyName: text('body_name').notNull(),
    /** 'council' or the body id or the external name: one programme per body and year. */
    bodyKey: text('body_key').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft | adopted | amended */
    state: text('state').notNull().default('draft'),
    adoptedOn: date('adopted_on'),
    /** "12/NQ-HĐND" (council) or the plan's number; free text, known at adoption. */
    resolutionNumber: text('resolution_number').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('oversight_programs_body_year_uq').on(t.councilId, t.bodyKey, t.year), index('oversight_programs_year_idx').on(t.year)],
);

/** Adoption and every later change of a programme: a snapshot of its activities, the conflicts shown and the reason given. */
export const oversightProgramVersions = pgTable(
  'oversight_program_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id').notNull().references(() => oversightPrograms.id),
    version: integer('version').notNull(),
    /** adopted | amended */
    kind: text('kind').notNull(),
    decidedOn: date('decided_on').notNull(),
    resolutionNumber: text('resolution_number').notNull().default(''),
    /** The activities as adopted (id, title, kind, subjects, dates). */
    snapshot: jsonb('snapshot').notNull(),
    /** Conflicts present at adoption (sentences), and the reason for adopting over them. */
    conflicts: jsonb('conflicts').notNull().default(sql`'[]'::jsonb`),
    overlapReason: text('overlap_reason').notNull().default(''),
    note: text('note').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('oversight_program_versions_uq').on(t.programId, t.version)],
);

/** A topic proposed for next year's programmes, collected by the configured date. */
export const oversightTopicProposals = pgTable(
  'oversight_topic_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** The programme year the topic is proposed for. */
    year: integer('year').notNull(),
    /** committee | delegate_group | delegate | fatherland_front | voters | standing */
    sourceKind: text('source_kind').notNull(),
    sourceBodyId: uuid('source_body_id').references(() => bodies.id),
    sourceDelegateId: uuid('source_delegate_id').references(() => delegates.id),
    /** Who proposed it, as shown ("Ủy ban MTTQ Việt Nam tỉnh", "Cử tri xã Sa Huỳnh"). */
    sourceName: text('source_name').notNull(),
    title: text('title').notNull(),
    need: text('need').notNull().default(''),
    content: text('content').notNull().default(''),
    scope: text('scope').notNull().default(''),
    subjectAgencyIds: jsonb('subject_agency_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    fieldId: uuid('field_id'),
    /** A recurring petition proposed as a topic from the petition page. */
    petitionId: uuid('petition_id').references(() => petitions.id),
    /** submitted | accepted | declined */
    state: text('state').notNull().default('submitted'),
    /** The activity it became when accepted into a programme. */
    activityId: uuid('activity_id'),
    submittedOn: date('submitted_on').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('oversight_topic_proposals_council_idx').on(t.councilId, t.year), index('oversight_topic_proposals_petition_idx').on(t.petitionId)],
);

/**
 * A supervision activity of a programme. Denormalised from the programme (council, body, year) so
 * the overlap check and the agency's list read one table.
 */
export const oversightActivities = pgTable(
  'oversight_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id').notNull().references(() => oversightPrograms.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** council | standing | committee | delegate_group | external (as the programme) */
    bodyKind: text('body_kind').notNull(),
    bodyId: uuid('body_id').references(() => bodies.id),
    year: integer('year').notNull(),
    /** thematic | survey | hearing | delegate_group | resolution_review (domain ACTIVITY_KINDS) */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    scope: text('scope').notNull().default(''),
    plan: text('plan').notNull().default(''),
    /** Field taxonomy ids (petition_fields of the council). */
    fieldIds: jsonb('field_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Planned fieldwork, inclusive. */
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** planned | founded | notified | fieldwork | reported | closed | postponed | cancelled */
    state: text('state').notNull().default('planned'),
    /** The founding decision (ND30 document) and its date; the rule set in force that day is kept. */
    foundedOn: date('founded_on'),
    foundingDocumentId: uuid('founding_document_id').references(() => documents.id),
    ruleSetKey: text('rule_set_key'),
    /** Reason recorded when the activity was kept despite conflicts (also in the programme version). */
    overlapReason: text('overlap_reason').notNull().default(''),
    proposalId: uuid('proposal_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('oversight_activities_program_idx').on(t.programId),
    index('oversight_activities_year_idx').on(t.year, t.startDate),
    index('oversight_activities_council_idx').on(t.councilId, t.year),
  ],
);

/** The supervised bodies of an activity (directory agencies). */
export const oversightActivitySubjects = pgTable(
  'oversight_activity_subjects',
  {
    activityId: uuid('activity_id').notNull().references(() => oversightActivities.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.agencyId] }), index('oversight_activity_subjects_agency_idx').on(t.agencyId)],
);

/** The team (đoàn giám sát): members from the bodies concerned, MTTQ and experts invited. */
export const oversightTeamMembers = pgTable(
  'oversight_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => oversightActivities.id),
    /** leader | deputy | secretary | member */
    role: text('role').notNull().default('member'),
    delegateId: uuid('delegate_id').references(() => delegates.id),
    fullName: text('full_name').notNull(),
    /** Position and body, as printed in the decision ("Phó Trưởng Ban Pháp chế HĐND tỉnh"). */
    position: text('position').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('oversight_team_members_activity_idx').on(t.activityId)],
);

/**
 * A notice owed to a supervised body (content/plan/outline, schedule, hearing, delegate group),
 * with its due date by the activity's rule set; sent as a document, reminded while not sent.
 */
export const oversightNotices = pgTable(
  'oversight_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => oversightActivities.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** Domain OversightStep: contentNotice | scheduleNotice | hearingNotice | delegateGroupNotice */
    step: text('step').notNull(),
    dueDate: date('due_date'),
    dueExplanation: jsonb('due_explanation'),
    sentOn: date('sent_on'),
    documentId: uuid('document_id').references(() => documents.id),
    lastRemindedOn: date('last_reminded_on'),
    ...timestamps,
  },
  (t) => [uniqueIndex('oversight_notices_uq').on(t.activityId, t.agencyId, t.step), index('oversight_notices_due_idx').on(t.councilId, t.dueDate)],
);

/** The schedule of working sessions with the supervised bodies. */
export const oversightWorkingSessions = pgTable(
  'oversight_working_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => oversightActivities.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    date: date('date').notNull(),
    /** "08:00" */
    time: text('time').notNull().default(''),
    place: text('place').notNull().default(''),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('oversight_working_sessions_activity_idx').on(t.activityId, t.date)],
);

/** Reports and files a supervised body uploads through its own login (every version kept). */
export const oversightUploads = pgTable(
  'oversight_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => oversightActivities.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('oversight_uploads_activity_idx').on(t.activityId, t.agencyId)],
);
