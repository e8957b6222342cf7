// Citizen letters (đơn thư): each letter the council receives, its signers kept apart (a protected
// record: for a denunciation only the named handlers see it), and the transmission log of every
// forwarding. States, deadlines (rule sets with validity), confidentiality and follow-up rules live
// in src/domain/letters; the agency's part is projected onto the follow-up engine (kind 'letter').
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, date, timestamp, jsonb, boolean, index, uniqueIndex, customType, check } from 'drizzle-orm/pg-core';
import { agencies, councils, delegates } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { opinions } from '../petitions/schema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** Number in the council's letter register of the year (sổ theo dõi đơn thư). */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** Pseudonymous reference shown wherever the identity is protected (e.g. "Đ-2026-0007"). */
    reference: text('reference').notNull(),
    receivedOn: date('received_on').notNull(),
    /** reception | post | email | online | contact_meeting | forwarded_by_body | delegate */
    channel: text('channel').notNull(),
    /** complaint | denunciation | request | feedback */
    kind: text('kind').notNull(),
    handleAsDenunciation: boolean('handle_as_denunciation').notNull().default(false),
    /** The rule set in force when the letter was received; it keeps it for life. */
    ruleSetKey: text('rule_set_key').notNull(),
    state: text('state').notNull().default('received'),
    summary: text('summary').notNull(),
    content: text('content').notNull().default(''),
    /** Who or what the letter is about (a body, an official), as written. */
    respondent: text('respondent').notNull().default(''),
    /** ours | elected_body | not_ours, once classified. */
    competence: text('competence'),
    anonymous: boolean('anonymous').notNull().default(false),
    /** The citizen asked to be told the result (C3). */
    citizenWantsNotice: boolean('citizen_wants_notice').notNull().default(true),
    /** A mixed letter's parts point at the first part; a duplicate at the letter it repeats. */
    splitFromId: uuid('split_from_id').references((): any => letters.id),
    duplicateOfId: uuid('duplicate_of_id').references((): any => letters.id),
    /** A complaint raised at a contact meeting, handed over by the petitions module. */
    sourceOpinionId: uuid('source_opinion_id').references(() => opinions.id),
    /** Where it came from, as handed over (the opinion's meeting, date, text, history), for the letter's page. */
    origin: jsonb('origin'),
    /** The delegate who received or forwarded it (their own list). */
    delegateId: uuid('delegate_id').references(() => delegates.id),
    /** The named people handling it (a denunciation's identity is theirs only). */
    handlerIds: jsonb('handler_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The last forwarding: the agency that owes the result, when and by which due date. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    forwardedOn: date('forwarded_on'),
    originalDue: date('original_due'),
    due: date('due'),
    resultReceivedOn: date('result_received_on'),
    resultSummary: text('result_summary').notNull().default(''),
    citizenInformedOn: date('citizen_informed_on'),
    closedOn: date('closed_on'),
    /** Why it was filed or what the citizen was guided to do. */
    outcomeNote: text('outcome_note').notNull().default(''),
    /** Field (lĩnh vực) code of the council's letter taxonomy (letter_fields, or the shipped defaults); set by the clerk. */
    fieldCode: text('field_code'),
    /** What the text engine suggested at intake (kept to measure it); null: no suggestion. */
    fieldSuggested: text('field_suggested'),
    /** The clerk confirmed or chose the field (a suggestion alone is not a classification). */
    fieldConfirmed: boolean('field_confirmed').notNull().default(false),
    /** Folded summary for lookup; empty for a denunciation (search never reveals its content). */
    searchKey: text('search_key').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('letters_register_uq').on(t.councilId, t.year, t.number),
    index('letters_council_received_idx').on(t.councilId, t.receivedOn),
    index('letters_delegate_idx').on(t.delegateId),
    // An opinion handed over from a contact meeting becomes one letter (its first part).
    uniqueIndex('letters_source_opinion_uq').on(t.sourceOpinionId).where(sql`source_opinion_id is not null`),
  ],
);

/** The people who signed a letter: the protected record (never in exports, search or the audit log for a denunciation). */
export const letterSigners = pgTable(
  'letter_signers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id').notNull().references(() => letters.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    idNumber: text('id_number'),
    phone: text('phone'),
    email: text('email'),
  },
  (t) => [index('letter_signers_letter_idx').on(t.letterId), index('letter_signers_id_number_idx').on(t.idNumber)],
);

/** The transmission log: one row per hop (công văn chuyển đơn). */
export const letterForwardings = pgTable(
  'letter_forwardings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id').notNull().references(() => letters.id),
    toAgencyId: uuid('to_agency_id').notNull().references(() => agencies.id),
    forwardedOn: date('forwarded_on').notNull(),
    letterNumber: text('letter_number').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    resultDue: date('result_due').notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('letter_forwardings_letter_idx').on(t.letterId)],
);

/** One row of the Sổ tiếp công dân (Mẫu 03/TCD, NĐ 154/2026): a citizen received, by a delegate or the standing committee. */
export const receptionRecords = pgTable(
  'reception_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    year: integer('year').notNull(),
    /** (1) STT in the year's register. */
    number: integer('number').notNull(),
    /** (2) Ngày tiếp. */
    receivedOn: date('received_on').notNull(),
    /** in_person | online (online only from 01/07/2026). */
    mode: text('mode').notNull(),
    /** delegate | standing_committee | secretariat */
    receiverKind: text('receiver_kind').notNull(),
    receiverName: text('receiver_name').notNull(),
    /** The delegate who received (their own list), when a delegate did. */
    delegateId: uuid('delegate_id').references(() => delegates.id),
    /** (3) Họ tên, địa chỉ; (4) giấy tờ tùy thân. */
    citizenName: text('citizen_name').notNull(),
    citizenAddress: text('citizen_address').notNull(),
    idDocument: text('id_document').notNull(),
    proxy: boolean('proxy').notNull().default(false),
    authorisationRef: text('authorisation_ref'),
    /** (5) Tóm tắt nội dung; what the citizen asks. */
    summary: text('summary').notNull(),
    request: text('request').notNull(),
    /** (6) Phân loại. */
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    /** (7) Số người cùng nội dung. */
    peopleCount: integer('people_count').notNull().default(1),
    /** (8) Cơ quan đã giải quyết hết thẩm quyền. */
    priorHandling: text('prior_handling'),
    /** (9) Thuộc thẩm quyền. */
    withinCompetence: boolean('within_competence').notNull(),
    /** (10) Hướng dẫn; (11) Chuyển đơn: { body, letterNumber }. */
    guidance: jsonb('guidance'),
    forwarding: jsonb('forwarding'),
    outcome: text('outcome').notNull(),
    /** (12) Theo dõi kết quả giải quyết. */
    followUp: text('follow_up'),
    /** The letters opened from this reception (a mixed matter: one per kind). */
    letterIds: jsonb('letter_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdById: uuid('created_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('reception_records_register_uq').on(t.councilId, t.year, t.number), index('reception_records_delegate_idx').on(t.delegateId)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The council's field taxonomy of letters (lĩnh vực); none stored: the shipped defaults (domain DEFAULT_LETTER_FIELDS). */
export const letterFields = pgTable(
  'letter_fields',
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
  (t) => [uniqueIndex('letter_fields_council_code_uq').on(t.councilId, t.code)],
);

/**
 * Scans and documents handed over with a letter or at a reception (type checked by content). A
 * denunciation's attachments are read by its named handlers only, each download audited; no
 * export or list ever carries their bytes.
 */
export const letterAttachments = pgTable(
  'letter_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    letterId: uuid('letter_id').references(() => letters.id),
    receptionId: uuid('reception_id').references(() => receptionRecords.id),
    /** handwriting (the letter itself, a scan) | evidence | other */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    index('letter_attachments_letter_idx').on(t.letterId),
    index('letter_attachments_reception_idx').on(t.receptionId),
    check('letter_attachments_one_owner', sql`(letter_id is null) <> (reception_id is null)`),
  ],
);

/** A reception day the council publishes (its schedule), on which citizens may ask for an online slot. */
export const receptionDays = pgTable(
  'reception_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    on: date('on').notNull(),
    /** delegate | standing_committee | secretariat */
    receiverKind: text('receiver_kind').notNull(),
    receiverName: text('receiver_name').notNull(),
    delegateId: uuid('delegate_id').references(() => delegates.id),
    place: text('place').notNull().default(''),
    /** Online slots offered that day (0: in person only). */
    onlineSlots: integer('online_slots').notNull().default(0),
    published: boolean('published').notNull().default(true),
    createdById: uuid('created_by_id').references(() => users.id),
    ...timestamps,
  },
  (t) => [index('reception_days_council_on_idx').on(t.councilId, t.on)],
);

/** A citizen's request (public, no login) for an online reception slot; the secretariat confirms or declines; the record is made from it. */
export const onlineReceptionRequests = pgTable(
  'online_reception_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    dayId: uuid('day_id').notNull().references(() => receptionDays.id),
    citizenName: text('citizen_name').notNull(),
    citizenAddress: text('citizen_address').notNull(),
    idDocument: text('id_document').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    summary: text('summary').notNull(),
    /** requested | confirmed | declined | received */
    state: text('state').notNull().default('requested'),
    slotTime: text('slot_time'),
    meetingLink: text('meeting_link'),
    decisionNote: text('decision_note').notNull().default(''),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    receptionId: uuid('reception_id').references(() => receptionRecords.id),
    /** The short code the citizen keeps (no other data is ever shown to the public). */
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('online_reception_requests_council_idx').on(t.councilId, t.state), uniqueIndex('online_reception_requests_code_uq').on(t.code)],
);
