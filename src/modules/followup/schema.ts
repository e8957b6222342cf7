// The one follow-up engine's table (src/domain/followup): every item an agency owes — a petition's
// answer, a supervision recommendation, an interpellation commitment, a resolution's
// implementation task, a forwarded letter — projected by its own module onto one row here, in the
// same transaction as the action that changed it. The source keeps its own rich states; this row
// holds what is shared (who owes it, due dates, answered, closed) so the agency's inbox, the
// reminders and the figures read one table.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, date, timestamp, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { agencies, councils } from '../directory/schema.ts';

export const followupItems = pgTable(
  'followup_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** petition_answer | recommendation | commitment | resolution_task | letter */
    kind: text('kind').notNull(),
    /** The source row (a dispatch item, a recommendation, …); (kind, source_id) is unique. */
    sourceId: uuid('source_id').notNull(),
    /** The council that owns the item and verifies its closure. */
    councilId: uuid('council_id').notNull().references(() => councils.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    /** Web path where the agency acts on the item. */
    link: text('link').notNull(),
    originalDue: date('original_due').notNull(),
    due: date('due').notNull(),
    answeredOn: date('answered_on'),
    closedOn: date('closed_on'),
    /** The source's own state, in Vietnamese. */
    stateLabel: text('state_label').notNull(),
    /** Folded title and detail for accent-insensitive lookup (nameSearch). */
    searchKey: text('search_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('followup_items_source_uq').on(t.kind, t.sourceId),
    // The agency's inbox and the reminder job read open items by due date.
    index('followup_items_agency_open_idx').on(t.agencyId, t.due).where(sql`closed_on is null`),
    index('followup_items_council_idx').on(t.councilId, t.due),
  ],
);

/** A reminder the daily job sent for an item, for the due date it was about. */
export const followupReminders = pgTable(
  'followup_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id').notNull().references(() => followupItems.id, { onDelete: 'cascade' }),
    /** beforeDue | overdue */
    kind: text('kind').notNull(),
    due: date('due').notNull(),
    sentOn: date('sent_on').notNull(),
    /** How many people were told. */
    notified: integer('notified').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('followup_reminders_uq').on(t.itemId, t.kind, t.due, t.sentOn)],
);
