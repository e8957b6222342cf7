// Election day (issue #14, elections.md "Polling day and turnout", "The count and the tally sheet",
// "Results"): the committee's settings for the day, turnout reports per polling area, tally sheets
// (Mẫu 23) with their append-only versions, the result minutes per unit (Mẫu 24) and per council
// (Mẫu 25), and complaints about results. Elections, units, polling areas and candidates are the
// elections core (schema.ts). Turnout holds counts only: never who has or has not voted.
import { index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { elections, electoralUnits, pollingAreas } from './schema.ts';

/** The election committee's settings for the day: report hours and the configurable tally options. */
export const electionDaySettings = pgTable('election_day_settings', {
  electionId: uuid('election_id').primaryKey().references(() => elections.id),
  /** Clock times 'HH:MM' at which every polling team reports turnout. */
  turnoutHours: jsonb('turnout_hours').$type<string[]>().notNull(),
  /** TallyOptions.inventoryIdentity: 'issued' (default) | 'received' (UNVERIFIED, CONFIGURABLE). */
  inventoryIdentity: text('inventory_identity').notNull().default('issued'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One polling area's cumulative count at one reporting hour (never who voted). */
export const turnoutReports = pgTable(
  'election_turnout_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    electionId: uuid('election_id').notNull().references(() => elections.id),
    pollingAreaId: uuid('polling_area_id').notNull().references(() => pollingAreas.id),
    /** 'HH:MM' on election day. */
    at: text('at').notNull(),
    voted: integer('voted').notNull(),
    /** estimated | final */
    kind: text('kind').notNull().default('estimated'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('election_turnout_area_at_uq').on(t.pollingAreaId, t.at), index('election_turnout_election_idx').on(t.electionId)],
);

/**
 * A tally sheet (Mẫu 23): one per polling area × ballot type × round. Its content lives in
 * versions; `currentVersion` is the newest. A locked version is never changed: a correction is a
 * new version with its reason.
 */
export const tallySheets = pgTable(
  'election_tally_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    electionId: uuid('election_id').notNull().references(() => elections.id),
    pollingAreaId: uuid('polling_area_id').notNull().references(() => pollingAreas.id),
    unitId: uuid('unit_id').notNull().references(() => electoralUnits.id),
    /** na | province | commune */
    ballotType: text('ballot_type').notNull(),
    /** first | revote | additional */
    round: text('round').notNull().default('first'),
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('election_tally_sheets_area_uq').on(t.pollingAreaId, t.ballotType, t.round),
    index('election_tally_sheets_unit_idx').on(t.unitId, t.ballotType, t.round),
  ],
);

/** Mẫu 23 lines other than the figures: people, times, witnesses, incidents. */
export type TallyFormFields = {
  teamLeader: string;
  secretary: string;
  members: string;
  boxCheckedAt: string;
  boxWitnesses: string;
  votingClosedAt: string;
  countWitnesses: string;
  inventoryMade: boolean;
  incidents: string;
  completedAt: string;
};

export const tallySheetVersions = pgTable(
  'election_tally_sheet_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id').notNull().references(() => tallySheets.id),
    version: integer('version').notNull(),
    /** draft | submitted | locked | superseded */
    state: text('state').notNull().default('draft'),
    /** domain TallyFigures (candidates with their votes). */
    figures: jsonb('figures').notNull(),
    form: jsonb('form').$type<TallyFormFields>().notNull(),
    /** Overridden checks with their reasons (TallyOverrides). */
    overrides: jsonb('overrides').$type<Record<string, string>>().notNull(),
    /** Why this version replaces the locked one (required from version 2). */
    reason: text('reason').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    lockedBy: uuid('locked_by').references(() => users.id),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('election_tally_sheet_versions_uq').on(t.sheetId, t.version)],
);

/**
 * Result minutes: a Ban's record for one unit and round (Mẫu 24, `scope = unit`) or the committee's
 * summary for one council level (Mẫu 25, `scope = council`). Figures and outcome are frozen when
 * the record is confirmed; publication opens the complaint window (Điều 87).
 */
export const resultMinutes = pgTable(
  'election_result_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    electionId: uuid('election_id').notNull().references(() => elections.id),
    /** unit | council */
    scope: text('scope').notNull(),
    unitId: uuid('unit_id').references(() => electoralUnits.id),
    ballotType: text('ballot_type').notNull(),
    round: text('round').notNull().default('first'),
    /** The roll-up (domain TallyFigures) and the outcome (UnitOutcome, or per unit for a council). */
    figures: jsonb('figures').notNull(),
    outcome: jsonb('outcome').notNull(),
    /** confirmed | published */
    state: text('state').notNull().default('confirmed'),
    documentId: uuid('document_id'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    publishedOn: date('published_on'),
  },
  (t) => [unique('election_result_minutes_uq').on(t.electionId, t.scope, t.unitId, t.ballotType, t.round).nullsNotDistinct()],
);

/** A complaint about a result (Điều 87): ≤ 03 days after publication, decided ≤ 07 days, final. */
export const resultComplaints = pgTable(
  'election_result_complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    electionId: uuid('election_id').notNull().references(() => elections.id),
    minutesId: uuid('minutes_id').notNull().references(() => resultMinutes.id),
    /** Private: never in public responses. */
    complainant: text('complainant').notNull(),
    content: text('content').notNull(),
    receivedOn: date('received_on').notNull(),
    /** received | decided | outOfTime */
    state: text('state').notNull().default('received'),
    decision: text('decision').notNull().default(''),
    decidedOn: date('decided_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('election_result_complaints_minutes_idx').on(t.minutesId)],
);
