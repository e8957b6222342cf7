// In the chamber (issue #12, "Attendance and the floor"): who is in the room, online or absent
// (with the reason) for the whole session and for single agenda items, and the floor state of the
// speakers' list. The list itself stays the portal's `session_speakers` (registration in advance,
// with the intended text); a speaker called from the floor gets a row there too, and this module
// adds the order the chair sets, the status (waiting / speaking / done) and the speaking times.
import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, timestamp, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils, delegates } from '../../directory/schema.ts';
import { users } from '../../accounts/schema.ts';
import { councilSessions, sessionItems } from '../schema.ts';
import { sessionSpeakers } from '../portalSchema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A delegate's attendance checked in the chamber: one row per delegate for the session
 * (item_id null) and at most one per agenda item, which overrides the session row for that item.
 * The row is the current state; every change is an audit event.
 */
export const chamberAttendance = pgTable(
  'chamber_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    /** null: the whole session; else this agenda item only. */
    itemId: uuid('item_id').references(() => sessionItems.id),
    delegateId: uuid('delegate_id').notNull().references(() => delegates.id),
    /** present (in the room) | online | absent */
    status: text('status').notNull(),
    /** Required when absent (Luật 72/2025 Điều 33 k2), empty otherwise. */
    reason: text('reason').notNull().default(''),
    /** secretariat | self (the delegate on their phone, when the council allows it) */
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: at('recorded_at').notNull().defaultNow(),
    /** First time the delegate was recorded present or online (kept when later marked absent). */
    checkedInAt: at('checked_in_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('chamber_attendance_session_uq').on(t.sessionId, t.delegateId).where(sql`item_id is null`),
    uniqueIndex('chamber_attendance_item_uq').on(t.itemId, t.delegateId).where(sql`item_id is not null`),
    // (session, delegate): a ballot reads its own delegate's marks, not the whole roll.
    index('chamber_attendance_session_idx').on(t.sessionId, t.delegateId),
  ],
);

/** The floor state of one registration to speak (portal `session_speakers`), in the chair's order. */
export const chamberSpeakers = pgTable(
  'chamber_speakers',
  {
    /** The registration (session_speakers.id): one floor row per registration. */
    speakerId: uuid('speaker_id').primaryKey().references(() => sessionSpeakers.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    itemId: uuid('item_id').notNull().references(() => sessionItems.id),
    /** Order on the list, 1-based, set by the chair. */
    position: integer('position').notNull(),
    /** waiting | speaking | done */
    status: text('status').notNull().default('waiting'),
    /** Added by the secretariat or the chair from the floor (not registered in advance). */
    fromFloor: boolean('from_floor').notNull().default(false),
    /** speech | question | answer: picks the time in the council profile. */
    kind: text('kind').notNull().default('speech'),
    /** Time allotted, from the council profile when the speaker was added (seconds). */
    allottedSeconds: integer('allotted_seconds').notNull(),
    startedAt: at('started_at'),
    endedAt: at('ended_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('chamber_speakers_item_idx').on(t.itemId, t.position)],
);

/** One speakers' list per agenda item: its version makes every change to the order concurrency-safe. */
export const chamberSpeakerLists = pgTable('chamber_speaker_lists', {
  itemId: uuid('item_id').primaryKey().references(() => sessionItems.id),
  councilId: uuid('council_id').notNull().references(() => councils.id),
  sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
  version: integer('version').notNull().default(0),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
