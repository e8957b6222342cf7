// Council sessions (kỳ họp), part 1: the council's session profile (its edits over the shipped
// rule sets), the annual plan, sessions, agenda items (each a submission from a presenting body),
// their expected documents with due dates, the files received, the joint conference and the
// agenda versions. States, due dates and lateness rules live in src/domain/sessions.
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, date, timestamp, jsonb, boolean, index, uniqueIndex, customType,
} from 'drizzle-orm/pg-core';
import { agencies, bodies, councils, terms } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A council's edits of one shipped rule set (domain defaultSessionRuleSets, by key): only the
 * values the secretariat changed are stored; the rest stay the marked defaults.
 */
export const sessionProfiles = pgTable(
  'session_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    ruleSetKey: text('rule_set_key').notNull(),
    /** Partial SessionProfile: the council's values; merged over the defaults by mergeProfile. */
    profile: jsonb('profile').notNull().default(sql`'{}'::jsonb`),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_profiles_council_key_uq').on(t.councilId, t.ruleSetKey)],
);

/** Kế hoạch tổ chức các kỳ họp of one year. */
export const sessionPlans = pgTable(
  'session_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    year: integer('year').notNull(),
    /** The session that adopted the plan (the first of the term, or the last of the year before). */
    adoptedAtSessionId: uuid('adopted_at_session_id'),
    /** Number of the resolution adopting it, known later, e.g. "15/NQ-HĐND". */
    resolutionNumber: text('resolution_number').notNull().default(''),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_plans_council_year_uq').on(t.councilId, t.year)],
);

export const councilSessions = pgTable(
  'council_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    planId: uuid('plan_id').references(() => sessionPlans.id),
    /** regular | thematic | urgent */
    kind: text('kind').notNull(),
    /** Regular sessions are numbered within the term ("Kỳ họp thứ 5"); others carry no number. */
    number: integer('number'),
    title: text('title').notNull(),
    firstOfTerm: boolean('first_of_term').notNull().default(false),
    openingDate: date('opening_date').notNull(),
    closingDate: date('closing_date'),
    /** planned | convened | inProgress | closed | postponed (domain sessionTransition) */
    state: text('state').notNull().default('planned'),
    postponedReason: text('postponed_reason').notNull().default(''),
    /** The rule set in force at the convening date (kept once convened; before that, at the opening date). */
    ruleSetKey: text('rule_set_key').notNull(),
    convenedOn: date('convened_on'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('council_sessions_council_idx').on(t.councilId, t.openingDate),
    uniqueIndex('council_sessions_term_number_uq').on(t.termId, t.number),
  ],
);

/** An agenda item of a session: one submission (tờ trình, báo cáo, đề án) from a presenting body. */
export const sessionItems = pgTable(
  'session_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** Order on the agenda (agenda versions key entries by the item id). */
    position: integer('position').notNull(),
    /** proposal | report | project */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The presenting body: an agency of the directory, or one of the council's bodies. */
    presenterAgencyId: uuid('presenter_agency_id').references(() => agencies.id),
    presenterBodyId: uuid('presenter_body_id').references(() => bodies.id),
    /** Submission state (domain submissionTransition). */
    state: text('state').notNull().default('planned'),
    /** The committee the standing committee assigned for verification (the chain itself is part 2). */
    committeeBodyId: uuid('committee_body_id').references(() => bodies.id),
    ...timestamps,
  },
  (t) => [
    index('session_items_session_idx').on(t.sessionId, t.position),
    index('session_items_agency_idx').on(t.presenterAgencyId),
  ],
);

/** A document the presenting body must hand in for an item, with its due date from the profile. */
export const sessionDocuments = pgTable(
  'session_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** Denormalised from the item: whose lateness this is. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** submission | draftResolution | report | project | verificationReport | responseReport */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Computed from the session's opening date by the profile (null: no lead time for the step). */
    dueDate: date('due_date'),
    /** How the due date was computed (DeadlineComputation), shown to the user. */
    dueExplanation: jsonb('due_explanation'),
    /** The day the secretariat received it (first version): decides lateness. */
    receivedOn: date('received_on'),
    /** upload | paper */
    receivedVia: text('received_via'),
    /** The day of the latest version after the first. */
    lastRevisedOn: date('last_revised_on'),
    ...timestamps,
  },
  (t) => [
    index('session_documents_item_idx').on(t.itemId),
    index('session_documents_session_idx').on(t.sessionId),
    index('session_documents_agency_idx').on(t.agencyId, t.dueDate),
  ],
);

/** Each version of an expected document's file (nothing is overwritten). */
export const sessionDocumentFiles = pgTable(
  'session_document_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => sessionDocuments.id),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    receivedOn: date('received_on').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('session_document_files_version_uq').on(t.documentId, t.version)],
);

/** Hội nghị liên tịch: agrees the session's date, content and agenda. */
export const jointConferences = pgTable(
  'session_joint_conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    heldOn: date('held_on').notNull(),
    participants: text('participants').notNull(),
    agreedOpeningDate: date('agreed_opening_date').notNull(),
    content: text('content').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_joint_conferences_session_uq').on(t.sessionId)],
);

/** A version of the agenda: the entries, the diff from the previous version, the reason, the approval. */
export const agendaVersions = pgTable(
  'session_agenda_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    number: integer('number').notNull(),
    entries: jsonb('entries').notNull(),
    diff: jsonb('diff'),
    reason: text('reason').notNull().default(''),
    proposedBy: uuid('proposed_by').references(() => users.id),
    /** Approved by the standing committee: who and when (null while waiting). */
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedOn: date('approved_on'),
    ...timestamps,
  },
  (t) => [uniqueIndex('session_agenda_versions_number_uq').on(t.sessionId, t.number)],
);
