// The directory: administrative units (a tree of any depth, with validity dates and "became"
// links across reforms), councils, terms, bodies, delegates, constituencies and agencies.
import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, integer, date, timestamp, jsonb, boolean, index, uniqueIndex,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const adminUnits = pgTable(
  'admin_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Official code from the national statistics list. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Unit type code (see src/domain/directory/unitTypes.ts): tinh, thi_xa, phuong, xa, … */
    type: text('type').notNull(),
    /** Level of government (data, derived from type when created): province, district, commune. */
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): any => adminUnits.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** ASCII key computed by the text engine: Vietnamese order with COLLATE "C". */
    sortKey: text('sort_key').notNull().default(''),
    searchKey: text('search_key').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('admin_units_code_uq').on(t.code),
    index('admin_units_parent_idx').on(t.parentId),
  ],
);

/** "Became" links: an old unit merged into / renamed as a new unit on a date (e.g. 01/07/2025). */
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromUnitId: uuid('from_unit_id').notNull().references(() => adminUnits.id),
    toUnitId: uuid('to_unit_id').notNull().references(() => adminUnits.id),
    effectiveDate: date('effective_date').notNull(),
    note: text('note').notNull().default(''),
    createdAt: timestamps.createdAt,
  },
  (t) => [uniqueIndex('unit_successions_pair_uq').on(t.fromUnitId, t.toUnitId)],
);

export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id').notNull().references(() => adminUnits.id),
    name: text('name').notNull(),
    /** Short name used in document headers and symbols, e.g. "HĐND thị xã". */
    shortName: text('short_name').notNull().default(''),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** Per-council policy as data (deadline rules, document lead times…), read through settings. */
    settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
    sortKey: text('sort_key').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('councils_unit_uq').on(t.unitId)],
);

export const terms = pgTable(
  'terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** "Khóa XIII" */
    name: text('name').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('terms_council_name_uq').on(t.councilId, t.name)],
);

export const constituencies = pgTable(
  'constituencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    termId: uuid('term_id').notNull().references(() => terms.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    seats: integer('seats').notNull().default(1),
    /** Units the constituency covers (communes, hamlets are free text in description). */
    unitIds: jsonb('unit_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    description: text('description').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('constituencies_term_number_uq').on(t.termId, t.number)],
);

export const bodies = pgTable(
  'bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    termId: uuid('term_id').references(() => terms.id),
    /** standing | committee | delegate_group */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    constituencyId: uuid('constituency_id').references(() => constituencies.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('bodies_council_term_name_uq').on(t.councilId, t.termId, t.name)],
);

export const delegates = pgTable(
  'delegates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    termId: uuid('term_id').references(() => terms.id),
    fullName: text('full_name').notNull(),
    /** male | female */
    gender: text('gender'),
    birthYear: integer('birth_year'),
    position: text('position').notNull().default(''),
    workplace: text('workplace').notNull().default(''),
    constituencyId: uuid('constituency_id').references(() => constituencies.id),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    /** active | ended */
    status: text('status').notNull().default('active'),
    sortKey: text('sort_key').notNull().default(''),
    searchKey: text('search_key').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('delegates_council_idx').on(t.councilId, t.sortKey),
    // An account finds its delegate by e-mail (sessions portal delegateOf: every ballot) without reading the roll.
    index('delegates_email_idx').on(t.councilId, sql`lower(${t.email})`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    /** chair | vice_chair | member */
    role: text('role').notNull().default('member'),
    ...timestamps,
  },
  (t) => [uniqueIndex('memberships_body_delegate_uq').on(t.bodyId, t.delegateId)],
);

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    /** people_committee | department | fatherland_front | na_delegation | state_company | court | procuracy | other */
    kind: text('kind').notNull(),
    /** central | province | district | commune */
    level: text('level').notNull(),
    unitId: uuid('unit_id').references(() => adminUnits.id),
    parentAgencyId: uuid('parent_agency_id').references((): any => agencies.id),
    email: text('email').notNull().default(''),
    active: boolean('active').notNull().default(true),
    sortKey: text('sort_key').notNull().default(''),
    searchKey: text('search_key').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('agencies_unit_idx').on(t.unitId), uniqueIndex('agencies_unit_name_uq').on(t.unitId, t.name)],
);

