// Voter lists (danh sách cử tri, Mẫu 31), issue #14. `voter_entries` is APPEND-ONLY and
// PARTITIONED BY LIST (province_code): every addition, removal, correction or exclusion is a new
// version of a voter's row with its reason; a trigger refuses UPDATE, DELETE and TRUNCATE. The
// partitioning, the default partition and the trigger are hand-written in the migration (drizzle-kit
// cannot express them); a province's partition is created with its first polling area
// (votersPartitions.ts). The ballots a voter gets are COMPUTED (domain voterEligibility) and stored
// with the version, never typed.
import { pgTable, uuid, text, integer, date, timestamp, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { elections, pollingAreas } from './schema.ts';

export const voterEntries = pgTable('voter_entries', {
  id: uuid('id').notNull().defaultRandom(),
  provinceCode: text('province_code').notNull(),
  electionId: uuid('election_id').notNull(),
  /** The voter's row, stable across versions. */
  voterId: uuid('voter_id').notNull(),
  version: integer('version').notNull(),
  pollingAreaId: uuid('polling_area_id').notNull(),
  communeCode: text('commune_code').notNull(),
  /** initial | add | correct | remove | exclude | readd | move */
  change: text('change').notNull(),
  reason: text('reason').notNull().default(''),
  /** This version takes the voter off the list (removed, excluded, moved away). */
  removed: boolean('removed').notNull().default(false),
  citizenId: text('citizen_id'),
  fullName: text('full_name').notNull(),
  /** Folded name (src/domain/text fold) for reconciliation in SQL. */
  nameKey: text('name_key').notNull(),
  /** 'YYYY-MM-DD', or 'YYYY' when only the year is known. */
  birthDate: text('birth_date').notNull(),
  /** male | female */
  sex: text('sex').notNull(),
  ethnicity: text('ethnicity').notNull().default(''),
  /** permanent | temporary */
  residenceKind: text('residence_kind').notNull(),
  residenceSince: date('residence_since'),
  permanentAddress: text('permanent_address').notNull().default(''),
  temporaryAddress: text('temporary_address').notNull().default(''),
  currentAddress: text('current_address').notNull().default(''),
  /** Place of origin (reconciliation where the ID is missing). */
  place: text('place').notNull().default(''),
  /** domain VoterStatus */
  status: text('status').notNull().default('none'),
  exclusionGround: text('exclusion_ground'),
  exclusionEndsAt: text('exclusion_ends_at'),
  ballotNa: boolean('ballot_na').notNull(),
  ballotProvince: boolean('ballot_province').notNull(),
  ballotCommune: boolean('ballot_commune').notNull(),
  eligibilityReason: text('eligibility_reason').notNull(),
  /** Mẫu 31 column (11). */
  note: text('note').notNull().default(''),
  household: text('household').notNull().default(''),
  rowOrder: integer('row_order').notNull().default(0),
  importId: uuid('import_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.provinceCode, t.id] }),
  uniqueIndex('voter_entries_version_uq').on(t.provinceCode, t.voterId, t.version),
  index('voter_entries_area_idx').on(t.provinceCode, t.pollingAreaId, t.rowOrder),
]);

/** Khiếu nại về danh sách cử tri: within 30 days of posting, answered within 5 days (Điều 33). */
export const voterListComplaints = pgTable('voter_list_complaints', {
  id: uuid('id').primaryKey().defaultRandom(),
  electionId: uuid('election_id').notNull().references(() => elections.id),
  pollingAreaId: uuid('polling_area_id').notNull().references(() => pollingAreas.id),
  councilId: uuid('council_id').notNull().references(() => councils.id),
  /** The voter the complaint is about (a voter_entries voter_id), if any. */
  voterId: uuid('voter_id'),
  complainant: text('complainant').notNull(),
  content: text('content').notNull(),
  receivedOn: date('received_on').notNull(),
  answerDue: date('answer_due').notNull(),
  /** open | answered */
  state: text('state').notNull().default('open'),
  answer: text('answer').notNull().default(''),
  answeredOn: date('answered_on'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('voter_list_complaints_area_idx').on(t.electionId, t.pollingAreaId)]);
