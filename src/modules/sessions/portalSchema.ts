// The delegates' portal of a session: which version of each expected document the secretariat
// published to the delegates (drafts stay hidden), who opened which published file and when (read
// receipts), each user's private notes per document, attendance confirmed beforehand (present /
// online / absent with reason) and registrations to speak on an item (with the intended text).
import {
  pgTable, uuid, text, integer, timestamp, index, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { councils, delegates } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { councilSessions, sessionDocumentFiles, sessionDocuments, sessionItems } from './schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** One publication of a file version to the delegates; the latest row of a document is what they see. */
export const sessionPublications = pgTable(
  'session_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id').notNull().references(() => sessionDocuments.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    fileId: uuid('file_id').notNull().references(() => sessionDocumentFiles.id),
    version: integer('version').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: at('published_at'),
  },
  (t) => [
    uniqueIndex('session_publications_file_uq').on(t.fileId),
    index('session_publications_session_idx').on(t.sessionId, t.documentId),
  ],
);

/** A delegate opened (read in the browser or downloaded) a published file: first and last time. */
export const sessionReads = pgTable(
  'session_reads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    documentId: uuid('document_id').notNull().references(() => sessionDocuments.id),
    fileId: uuid('file_id').notNull().references(() => sessionDocumentFiles.id),
    version: integer('version').notNull(),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    userId: uuid('user_id').references(() => users.id),
    firstOpenedAt: at('first_opened_at'),
    lastOpenedAt: at('last_opened_at'),
    opens: integer('opens').notNull().default(1),
  },
  (t) => [
    uniqueIndex('session_reads_delegate_file_uq').on(t.delegateId, t.fileId),
    index('session_reads_session_idx').on(t.sessionId, t.documentId),
  ],
);

/** A private note of one user on one document: only its author ever reads it (never audited, never exported). */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    documentId: uuid('document_id').notNull().references(() => sessionDocuments.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    text: text('text').notNull(),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [uniqueIndex('session_notes_user_document_uq').on(t.userId, t.documentId)],
);

/** A delegate's attendance confirmed before the session (Luật 72/2025 Điều 33 k2: reason to the chair). */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    /** present | online | absent */
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: at('confirmed_at'),
  },
  (t) => [uniqueIndex('session_attendance_delegate_uq').on(t.sessionId, t.delegateId)],
);

/** A delegate's registration to speak on an agenda item; withdrawn rows and their text are kept. */
export const sessionSpeakers = pgTable(
  'session_speakers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    /** The intended speech, filed so that "registered but not called" keeps it. */
    text: text('text').notNull().default(''),
    /** registered | withdrawn (calling and speaking belong to the chamber, part 2) */
    state: text('state').notNull().default('registered'),
    registeredAt: at('registered_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    uniqueIndex('session_speakers_item_delegate_uq').on(t.itemId, t.delegateId),
    index('session_speakers_session_idx').on(t.sessionId, t.registeredAt),
  ],
);
