// The administrator's abbreviations, added to (or replacing) the shipped defaults of
// src/domain/text/abbreviations.ts for search and matching.
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const textAbbreviations = pgTable(
  'text_abbreviations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** As usually written: 'KDC', 'BQLDA' (AbbreviationEntry.abbr). */
    abbreviation: text('abbreviation').notNull(),
    /** Lowercase Vietnamese expansion (AbbreviationEntry.expansion). */
    expansion: text('expansion').notNull(),
    /** A prefix glued to a number ('QL1A'): expands only before a number. */
    numbered: boolean('numbered').notNull().default(false),
    /** Expand only when written in capitals; null = the default rule (1–2 letters: yes). */
    caseSensitive: boolean('case_sensitive'),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('text_abbreviations_abbreviation_uq').on(t.abbreviation)],
);
