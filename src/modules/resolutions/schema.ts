// Resolutions (nghị quyết) of a council: the register (number in the council's series from the
// documents register, title, kind, passage at a session on an agenda item by a vote,
// certification, publication, gazette, entry into force), typed links between resolutions
// (amends / replaces / repeals, wholly or in part: the status on any date is computed from them,
// src/domain/resolutions/graph.ts), and implementation tasks assigned to agencies with their
// progress reports.
import {
  pgTable, uuid, text, integer, date, timestamp, boolean, index, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agencies, councils } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { councilSessions, sessionItems } from '../sessions/schema.ts';
import { chamberVotes } from '../sessions/chamber/votesSchema.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const resolutions = pgTable(
  'resolutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** The session that passed it and the agenda item (tờ trình) it came from; null for one passed before the system. */
    sessionId: uuid('session_id').references(() => councilSessions.id),
    itemId: uuid('item_id').references(() => sessionItems.id),
    /** The vote that passed it (chamber votes, sessions/chamber/votesSchema.ts). */
    voteId: uuid('vote_id').references(() => chamberVotes.id),
    /** Figures as announced when no vote record is linked (a session held before the system). */
    announcedFor: integer('announced_for'),
    announcedAgainst: integer('announced_against'),
    announcedAbstain: integer('announced_abstain'),
    announcedTotal: integer('announced_total'),
    title: text('title').notNull(),
    /** Quy phạm pháp luật (carries the year in its number, in force ≥ 10 days after passing) or cá biệt. */
    normative: boolean('normative').notNull(),
    shortenedProcedure: boolean('shortened_procedure').notNull().default(false),
    /** The main content (articles), for the resolution's document and the public page. */
    content: text('content').notNull().default(''),
    passedOn: date('passed_on').notNull(),
    /** Rule set (domain RESOLUTION_RULE_SETS) in force on the day of passage. */
    ruleSetKey: text('rule_set_key').notNull(),
    /** Number in the council's series (the register of the council issuer): null until numbered. */
    number: integer('number'),
    year: integer('year'),
    symbol: text('symbol'),
    /** issued (the system issued the document) | typed (a number given before the system) */
    numberSource: text('number_source'),
    documentId: uuid('document_id').references(() => documents.id),
    certifiedOn: date('certified_on'),
    certifiedBy: uuid('certified_by').references(() => users.id),
    certifiedByName: text('certified_by_name').notNull().default(''),
    publishedOn: date('published_on'),
    publishedWhere: text('published_where').notNull().default(''),
    gazetteSentOn: date('gazette_sent_on'),
    inForceFrom: date('in_force_from'),
    /** Folded symbol + title for the accent-insensitive search (domain/text fold). */
    searchKey: text('search_key').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('resolutions_council_idx').on(t.councilId, t.passedOn),
    uniqueIndex('resolutions_council_symbol_uq').on(t.councilId, t.symbol),
    index('resolutions_session_idx').on(t.sessionId),
  ],
);

export const resolutionLinks = pgTable(
  'resolution_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** The later resolution that acts. */
    fromId: uuid('from_id').notNull().references(() => resolutions.id),
    /** The earlier resolution it acts on. */
    toId: uuid('to_id').notNull().references(() => resolutions.id),
    /** amends | replaces | repeals */
    type: text('type').notNull(),
    /** Repeals: only some provisions. */
    partial: boolean('partial').notNull().default(false),
    provisions: text('provisions').notNull().default(''),
    /** When the link takes effect if not the day the acting resolution enters into force. */
    effectiveFrom: date('effective_from'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    uniqueIndex('resolution_links_uq').on(t.fromId, t.toId, t.type, t.provisions),
    index('resolution_links_to_idx').on(t.toId),
  ],
);

/** A task of the resolution's "giao" article: an agency, a due date, periodic reports. */
export const resolutionTasks = pgTable(
  'resolution_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resolutionId: uuid('resolution_id').notNull().references(() => resolutions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    title: text('title').notNull(),
    /** The article or clause it comes from ("Điều 3 khoản 1"). */
    provision: text('provision').notNull().default(''),
    assignedOn: date('assigned_on').notNull(),
    originalDue: date('original_due').notNull(),
    due: date('due').notNull(),
    /** A progress report every this many months (0: only at the end). */
    reportEveryMonths: integer('report_every_months').notNull().default(0),
    /** open | reported | done | cancelled (domain taskTransition) */
    state: text('state').notNull().default('open'),
    closedOn: date('closed_on'),
    closingNote: text('closing_note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('resolution_tasks_resolution_idx').on(t.resolutionId),
    index('resolution_tasks_agency_idx').on(t.agencyId, t.due),
  ],
);

export const resolutionTaskReports = pgTable(
  'resolution_task_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id').notNull().references(() => resolutionTasks.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    /** progress | completed */
    kind: text('kind').notNull(),
    reportedOn: date('reported_on').notNull(),
    content: text('content').notNull(),
    /** app (the agency through its login) | paper (recorded by the secretariat) */
    filedVia: text('filed_via').notNull(),
    filedBy: uuid('filed_by').references(() => users.id),
    filedByName: text('filed_by_name').notNull().default(''),
    createdAt: timestamps.createdAt,
  },
  (t) => [index('resolution_task_reports_task_idx').on(t.taskId, t.reportedOn)],
);

/**
 * A council's numbering of its resolutions (sessions.md "Numbering": whether normative and
 * individual resolutions share one series is UNVERIFIED, so it is the council's choice). No row:
 * the shipped default of the resolution rules in force (domain resolutions/rules.ts sharedSeries).
 */
export const resolutionSettings = pgTable('resolution_settings', {
  councilId: uuid('council_id').primaryKey().references(() => councils.id),
  /** true: one series for every resolution; false: normative resolutions in their own series. */
  sharedSeries: boolean('shared_series').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
