// Elections, part 1 (issue #14, elections.md): an election as data — the election day and the
// ballots cast, electoral units with their seats, polling areas per commune (with the special areas),
// the election bodies (Ủy ban, Ban, Tổ bầu cử) and their members, candidates per unit. The calendar
// is never stored: it is derived from the election day (src/domain/elections/calendar.ts).
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, date, timestamp, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { adminUnits, councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';

const createdAt = timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One election day (e.g. 15/03/2026) and the ballots cast on it (na | province | commune). */
export const elections = pgTable('elections', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  electionDay: date('election_day').notNull(),
  ballotTypes: jsonb('ballot_types').$type<string[]>().notNull().default(sql`'["na","province","commune"]'::jsonb`),
  /** The council whose election committee recorded it (the province, usually). */
  councilId: uuid('council_id').notNull().references(() => councils.id),
  note: text('note').notNull().default(''),
  createdAt,
}, (t) => [uniqueIndex('elections_council_day_uq').on(t.councilId, t.electionDay)]);

/**
 * Đơn vị bầu cử: of one council (province or commune; for the National Assembly, the province the
 * unit lies in) and one ballot type. Seats come from the Ủy ban's resolution, never from the
 * number of candidates.
 */
export const electoralUnits = pgTable('electoral_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  electionId: uuid('election_id').notNull().references(() => elections.id),
  councilId: uuid('council_id').notNull().references(() => councils.id),
  /** na | province | commune */
  ballotType: text('ballot_type').notNull(),
  number: integer('number').notNull(),
  name: text('name').notNull(),
  seats: integer('seats').notNull(),
  /** Administrative units (communes) the unit covers. */
  unitIds: jsonb('unit_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** The Ủy ban's resolution fixing the units and seats, e.g. "05/NQ-UBBC". */
  resolution: text('resolution').notNull().default(''),
  description: text('description').notNull().default(''),
  createdAt,
}, (t) => [uniqueIndex('electoral_units_number_uq').on(t.electionId, t.councilId, t.ballotType, t.number)]);

/**
 * Khu vực bỏ phiếu, set by the commune's UBND: belongs to one commune and, per ballot type, to one
 * electoral unit. `provinceCode` is the voter lists' partition key.
 */
export const pollingAreas = pgTable('polling_areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  electionId: uuid('election_id').notNull().references(() => elections.id),
  communeUnitId: uuid('commune_unit_id').notNull().references(() => adminUnits.id),
  /** The commune's council (scope of the commune's committee and teams). */
  councilId: uuid('council_id').notNull().references(() => councils.id),
  /** The province's council (scope of the province's committee). */
  provinceCouncilId: uuid('province_council_id').notNull().references(() => councils.id),
  provinceCode: text('province_code').notNull(),
  communeCode: text('commune_code').notNull(),
  number: integer('number').notNull(),
  name: text('name').notNull(),
  /** ordinary | military | hospital | careHome | detention (domain PollingAreaKind) */
  kind: text('kind').notNull().default('ordinary'),
  /** Hamlets / residential groups covered (free text). */
  hamlets: text('hamlets').notNull().default(''),
  naUnitId: uuid('na_unit_id').references(() => electoralUnits.id),
  provinceUnitId: uuid('province_unit_id').references(() => electoralUnits.id),
  communeUnitIdOfBallot: uuid('commune_ballot_unit_id').references(() => electoralUnits.id),
  /** When the voter list was posted (checked against the 40-day rule). */
  listPostedOn: date('list_posted_on'),
  createdAt,
}, (t) => [
  uniqueIndex('polling_areas_number_uq').on(t.electionId, t.communeUnitId, t.number),
  index('polling_areas_council_idx').on(t.electionId, t.councilId),
  index('polling_areas_province_idx').on(t.electionId, t.provinceCouncilId),
]);

/** Ủy ban bầu cử (province, commune), Ban bầu cử (per unit), Tổ bầu cử (per polling area). */
export const electionBodies = pgTable('election_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  electionId: uuid('election_id').notNull().references(() => elections.id),
  /** electionCommittee | unitBoard | pollingTeam (domain ElectionBodyKind) */
  kind: text('kind').notNull(),
  /** The council whose level the body serves (the commune's for a Tổ). */
  councilId: uuid('council_id').notNull().references(() => councils.id),
  electoralUnitId: uuid('electoral_unit_id').references(() => electoralUnits.id),
  pollingAreaId: uuid('polling_area_id').references(() => pollingAreas.id),
  name: text('name').notNull(),
  /** The decision establishing it. */
  decision: text('decision').notNull().default(''),
  createdAt,
}, (t) => [
  index('election_bodies_election_idx').on(t.electionId, t.councilId),
  uniqueIndex('election_bodies_area_uq').on(t.pollingAreaId),
  uniqueIndex('election_bodies_unit_uq').on(t.electoralUnitId),
]);

export const electionBodyMembers = pgTable('election_body_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  bodyId: uuid('body_id').notNull().references(() => electionBodies.id),
  fullName: text('full_name').notNull(),
  /** chair | viceChair | secretary | member */
  position: text('position').notNull().default('member'),
  organization: text('organization').notNull().default(''),
  /** The member's account: a Tổ member enters only the Tổ's area, a Ban member sees only its unit. */
  userId: uuid('user_id').references(() => users.id),
  createdAt,
}, (t) => [index('election_body_members_body_idx').on(t.bodyId), index('election_body_members_user_idx').on(t.userId)]);

/** Người ứng cử, per electoral unit (birth date needed: a tie goes to the older candidate). */
export const candidates = pgTable('election_candidates', {
  id: uuid('id').primaryKey().defaultRandom(),
  electionId: uuid('election_id').notNull().references(() => elections.id),
  electoralUnitId: uuid('electoral_unit_id').notNull().references(() => electoralUnits.id),
  fullName: text('full_name').notNull(),
  birthDate: date('birth_date').notNull(),
  /** male | female */
  sex: text('sex').notNull(),
  /** domain CandidateState */
  state: text('state').notNull().default('official'),
  /** Order on the ballot (alphabetical in practice). */
  listOrder: integer('list_order').notNull().default(0),
  occupation: text('occupation').notNull().default(''),
  workplace: text('workplace').notNull().default(''),
  residence: text('residence').notNull().default(''),
  removedReason: text('removed_reason').notNull().default(''),
  createdAt,
}, (t) => [index('election_candidates_unit_idx').on(t.electoralUnitId)]);
