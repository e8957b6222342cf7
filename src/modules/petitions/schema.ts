// Voter petitions (kiến nghị cử tri): rounds, contact meetings, raw opinions, aggregated petitions,
// dispatches to agencies or the upper-level council, answers, reviews, reminders; and the small
// tables the module needs around them (per-council taxonomy, routing rules and settings, the
// holiday override table, in-app notifications, once-a-day job runs).
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, date, timestamp, jsonb, boolean, index, uniqueIndex, customType, primaryKey,
} from 'drizzle-orm/pg-core';
import { adminUnits, agencies, bodies, councils, terms } from '../directory/schema.ts';
import { searchVectorColumn } from '../../db/searchSchema.ts';
import { documents } from '../documents/schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A round (đợt): the contact meetings before/after one session, or continuous intake between. */
export const petitionRounds = pgTable(
  'petition_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    termId: uuid('term_id').references(() => terms.id),
    /** "Tiếp xúc cử tri trước kỳ họp thứ 3, HĐND phường Sa Huỳnh khóa I" */
    name: text('name').notNull(),
    /** before_session | after_session | continuous */
    kind: text('kind').notNull(),
    /** 1, 2, 3… per council, in order: how the system counts sessions a petition stays outstanding. */
    sequence: integer('sequence').notNull(),
    /** The session it belongs to, as text until the sessions module exists ("Kỳ họp thứ 3"). */
    sessionName: text('session_name').notNull().default(''),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    /** Shown on the public page (results published, NQLT 72/2025 Điều 51). */
    published: boolean('published').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('petition_rounds_council_seq_uq').on(t.councilId, t.sequence)],
);

export const contactMeetings = pgTable(
  'contact_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    roundId: uuid('round_id').notNull().references(() => petitionRounds.id),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull().default(''),
    /** in_person | online | hybrid */
    mode: text('mode').notNull().default('in_person'),
    /** The commune where voters were met. */
    unitId: uuid('unit_id').references(() => adminUnits.id),
    /** The delegate group (a body of kind delegate_group). */
    bodyId: uuid('body_id').references(() => bodies.id),
    /** Delegates present: names as written in the minutes (ids when known). */
    delegatesPresent: jsonb('delegates_present').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    delegateIds: jsonb('delegate_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    votersAttending: integer('voters_attending').notNull().default(0),
    /** Usually the Fatherland Front (MTTQ) of the commune. */
    chairedBy: text('chaired_by').notNull().default(''),
    /** A joint meeting with delegates of another level: that council. */
    jointCouncilId: uuid('joint_council_id').references(() => councils.id),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('contact_meetings_round_idx').on(t.roundId, t.heldOn)],
);

/** The field taxonomy (lĩnh vực), per council, editable by the secretariat. */
export const petitionFields = pgTable(
  'petition_fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('petition_fields_council_code_uq').on(t.councilId, t.code)],
);

/** Routing rules: field × level × unit → agency (any condition may be empty = any). */
export const routingRules = pgTable(
  'petition_routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    fieldId: uuid('field_id').references(() => petitionFields.id),
    competentLevel: text('competent_level'),
    unitId: uuid('unit_id').references(() => adminUnits.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('petition_routing_rules_council_idx').on(t.councilId)],
);

/** Per-council petition policy (deadline rules, thresholds): only what differs from the defaults. */
export const petitionSettings = pgTable('petition_settings', {
  councilId: uuid('council_id').primaryKey().references(() => councils.id),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The aggregated petition that is routed, answered and reviewed. */
export const petitions = pgTable(
  'petitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** Current round (changes on carry-over); every round it has been in is in petition_round_entries. */
    roundId: uuid('round_id').notNull().references(() => petitionRounds.id),
    /** The round it was first raised in. */
    originRoundId: uuid('origin_round_id').notNull().references(() => petitionRounds.id),
    /** Running number per council, for letters and lists ("KN-12"). */
    number: integer('number').notNull(),
    text: text('text').notNull(),
    fieldId: uuid('field_id').references(() => petitionFields.id),
    /** central | province | district | commune (among the levels in force for the council). */
    competentLevel: text('competent_level'),
    /** The competent agency (or null when it goes to the upper council). */
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** Why the agency's level differs from the competent level, as the clerk stated it ('' when they agree). */
    levelReason: text('level_reason').notNull().default(''),
    /**
     * The text the privacy guard (or the clerk, "not personal") cleared for publication. The public
     * page shows a petition only while its text is still this one (modules/petitions/privacy.ts).
     */
    privacyClearedText: text('privacy_cleared_text'),
    /** draft | dispatched | returned | answered | closed | unsatisfied (src/domain/petitions/status.ts) */
    status: text('status').notNull().default('draft'),
    /** Lower-level petition this one answers for is linked through its opinions (source_petition_id). */
    searchText: text('search_text').notNull().default(''),
    /** Lowercase, one tone placement, diacritics kept: ranks exact-diacritic matches first. */
    exactText: text('exact_text').notNull().default(''),
    searchVector: searchVectorColumn(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('petitions_council_number_uq').on(t.councilId, t.number),
    index('petitions_round_idx').on(t.roundId, t.status),
    // A council's petitions in a state (the status filter; the deadline filters' answered side).
    index('petitions_council_status_idx').on(t.councilId, t.status),
    index('petitions_agency_idx').on(t.agencyId),
    index('petitions_search_idx').using('gin', t.searchVector),
  ],
);

/** Raw opinions as raised. Voter name and hamlet are personal data (secretariat only). */
export const opinions = pgTable(
  'petition_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    roundId: uuid('round_id').notNull().references(() => petitionRounds.id),
    meetingId: uuid('meeting_id').references(() => contactMeetings.id),
    /** meeting | fatherland_front | letter | hotline | online_form | delegate_contact | lower_council */
    channel: text('channel').notNull(),
    voterName: text('voter_name').notNull().default(''),
    voterHamlet: text('voter_hamlet').notNull().default(''),
    /** Voters who raised it (1, or more when the minutes record a group). */
    voterCount: integer('voter_count').notNull().default(1),
    /** Locality (commune) the opinion concerns / was raised in. */
    unitId: uuid('unit_id').references(() => adminUnits.id),
    /** NFC Unicode text (converted from TCVN3/VNI when detected). */
    text: text('text').notNull(),
    /** The text as received, when conversion changed it. */
    originalText: text('original_text'),
    sourceEncoding: text('source_encoding').notNull().default('unicode'),
    receivedOn: date('received_on'),
    /** petition | complaint (complaints leave the petition track). */
    kind: text('kind').notNull().default('petition'),
    fieldId: uuid('field_id').references(() => petitionFields.id),
    competentLevel: text('competent_level'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** Why the agency's level differs from the competent level ('' when they agree). */
    levelReason: text('level_reason').notNull().default(''),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    petitionId: uuid('petition_id').references(() => petitions.id),
    /** A lower council's petition that arrived in this council's intake (cross-level). */
    sourcePetitionId: uuid('source_petition_id').references((): any => petitions.id),
    searchText: text('search_text').notNull().default(''),
    /** Lowercase, one tone placement, diacritics kept: ranks exact-diacritic matches first. */
    exactText: text('exact_text').notNull().default(''),
    searchVector: searchVectorColumn(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('petition_opinions_round_idx').on(t.roundId, t.petitionId),
    index('petition_opinions_petition_idx').on(t.petitionId),
    index('petition_opinions_meeting_idx').on(t.meetingId),
    index('petition_opinions_council_created_idx').on(t.councilId, t.createdAt, t.id),
    index('petition_opinions_search_idx').using('gin', t.searchVector),
  ],
);

/** Every round a petition has been part of (created there, or carried over into it). */
export const petitionRoundEntries = pgTable(
  'petition_round_entries',
  {
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    roundId: uuid('round_id').notNull().references(() => petitionRounds.id),
    /** created | carried_over */
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.petitionId, t.roundId] })],
);

/** One official letter (công văn) forwarding petitions to one agency or to the upper council. */
export const dispatches = pgTable(
  'petition_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    roundId: uuid('round_id').notNull().references(() => petitionRounds.id),
    /** agency | na_delegation | council */
    targetKind: text('target_kind').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    targetCouncilId: uuid('target_council_id').references(() => councils.id),
    letterNumber: text('letter_number').notNull(),
    letterDate: date('letter_date').notNull(),
    /** Date the agency received it (anchor of the NA-channel rule), when known. */
    receivedOn: date('received_on'),
    dueDate: date('due_date').notNull(),
    /** The rule and how the due date was computed (DeadlineComputation). */
    dueRule: jsonb('due_rule').notNull(),
    note: text('note').notNull().default(''),
    /** The letter issued from the outgoing-document register in the same step, when it was. */
    documentId: uuid('document_id').references(() => documents.id),
    ...timestamps,
  },
  (t) => [index('petition_dispatches_round_idx').on(t.roundId), index('petition_dispatches_agency_idx').on(t.agencyId)],
);

/** A petition on a dispatch: what an agency sees in its inbox and answers. */
export const dispatchItems = pgTable(
  'petition_dispatch_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dispatchId: uuid('dispatch_id').notNull().references(() => dispatches.id),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    targetCouncilId: uuid('target_council_id').references(() => councils.id),
    /** The opinion created in the upper council's intake (cross-level). */
    upperOpinionId: uuid('upper_opinion_id').references(() => opinions.id),
    dueDate: date('due_date').notNull(),
    /** pending | answered | returned */
    state: text('state').notNull().default('pending'),
    returnReason: text('return_reason').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('petition_dispatch_items_agency_idx').on(t.agencyId, t.state, t.dueDate),
    index('petition_dispatch_items_petition_idx').on(t.petitionId),
    // A petition waits on one addressee at a time.
    uniqueIndex('petition_dispatch_items_one_pending_uq').on(t.petitionId).where(sql`state = 'pending'`),
    // The deadline filters' pending side (listPetitions.ts trackedMeets).
    index('petition_dispatch_items_pending_due_idx').on(t.dueDate).where(sql`state = 'pending'`),
  ],
);

/** An answer to a petition (by the agency, typed by the secretariat, or flowed down from the upper level). */
export const responses = pgTable(
  'petition_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    dispatchItemId: uuid('dispatch_item_id').references(() => dispatchItems.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** resolved | in_progress | explained | unresolved */
    result: text('result').notNull(),
    text: text('text').notNull(),
    letterNumber: text('letter_number').notNull().default(''),
    letterDate: date('letter_date'),
    /** in_progress: the roadmap and the committed date, tracked like a deadline. */
    roadmap: text('roadmap').notNull().default(''),
    committedDate: date('committed_date'),
    respondedOn: date('responded_on').notNull(),
    /** The upper-level response this one copies (answer flowing down). */
    fromResponseId: uuid('from_response_id').references((): any => responses.id),
    ...timestamps,
  },
  (t) => [index('petition_responses_petition_idx').on(t.petitionId)],
);

export const responseAttachments = pgTable(
  'petition_response_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id').notNull().references(() => responses.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('petition_response_attachments_response_idx').on(t.responseId)],
);

/** A committee's or delegate group's assessment of an answer. */
export const reviews = pgTable(
  'petition_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    petitionId: uuid('petition_id').notNull().references(() => petitions.id),
    responseId: uuid('response_id').notNull().references(() => responses.id),
    roundId: uuid('round_id').notNull().references(() => petitionRounds.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    bodyId: uuid('body_id').references(() => bodies.id),
    /** satisfactory | unsatisfactory */
    verdict: text('verdict').notNull(),
    comment: text('comment').notNull().default(''),
    reviewerId: uuid('reviewer_id'),
    reviewerName: text('reviewer_name').notNull(),
    ...timestamps,
  },
  (t) => [index('petition_reviews_petition_idx').on(t.petitionId)],
);

/** A reminder (đôn đốc) to an agency: the petitions it covers; the letter comes from documents later. */
export const reminders = pgTable(
  'petition_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    petitionIds: jsonb('petition_ids').$type<string[]>().notNull(),
    dispatchItemIds: jsonb('dispatch_item_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** manual (the secretariat) | job (the daily job) */
    source: text('source').notNull().default('manual'),
    note: text('note').notNull().default(''),
    letterNumber: text('letter_number').notNull().default(''),
    sentOn: date('sent_on').notNull(),
    createdById: uuid('created_by_id'),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('petition_reminders_agency_idx').on(t.agencyId, t.sentOn)],
);

/** Once-a-day jobs: the unique (job, day) row is inserted in the job's own transaction. */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    day: date('day').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.job, t.day] })],
);

/** The yearly holiday override table (YearOverrides), edited by an administrator. */
export const holidayOverrides = pgTable('holiday_overrides', {
  year: integer('year').primaryKey(),
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
