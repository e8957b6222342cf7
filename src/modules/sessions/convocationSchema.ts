// Convocation of a session (giấy triệu tập to the delegates, giấy mời to invited guests, the
// session's programme), its guest list, each recipient's delivery, and the per-user secret token of
// the calendar feed. The documents themselves live in the documents register (documents.id).
import { pgTable, uuid, text, integer, date, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils, delegates } from '../directory/schema.ts';
import { users } from '../accounts/schema.ts';
import { documents } from '../documents/schema.ts';
import { councilSessions } from './schema.ts';

/** A guest invited to a session (khách mời): name, e-mail, organisation. */
export const sessionGuests = pgTable(
  'session_guests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_guests_session_idx').on(t.sessionId)],
);

/** One convocation sent: the documents issued for it, when and where the session meets. */
export const sessionConvocations = pgTable(
  'session_convocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => councilSessions.id),
    councilId: uuid('council_id').notNull().references(() => councils.id),
    /** Giấy triệu tập (delegates), giấy mời (guests, null without guests), chương trình kỳ họp. */
    convocationDocumentId: uuid('convocation_document_id').notNull().references(() => documents.id),
    invitationDocumentId: uuid('invitation_document_id').references(() => documents.id),
    agendaDocumentId: uuid('agenda_document_id').notNull().references(() => documents.id),
    openingDate: date('opening_date').notNull(),
    closingDate: date('closing_date'),
    /** "07:30", Vietnam time. */
    startTime: text('start_time').notNull(),
    place: text('place').notNull(),
    /** iCalendar SEQUENCE sent with it (the session's version). */
    sequence: integer('sequence').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('session_convocations_session_idx').on(t.sessionId, t.createdAt)],
);

/** Each recipient of a convocation and whether its e-mail left. */
export const sessionConvocationRecipients = pgTable(
  'session_convocation_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    convocationId: uuid('convocation_id').notNull().references(() => sessionConvocations.id),
    /** delegate | guest */
    kind: text('kind').notNull(),
    delegateId: uuid('delegate_id').references(() => delegates.id),
    guestId: uuid('guest_id').references(() => sessionGuests.id),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    organisation: text('organisation').notNull().default(''),
    /** pending | sent | failed | noEmail | noServer */
    status: text('status').notNull().default('pending'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('session_convocation_recipients_idx').on(t.convocationId)],
);

/** The secret of a user's calendar feed: only its SHA-256 is stored; revoked = row deleted. */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_feed_tokens_user_uq').on(t.userId), uniqueIndex('calendar_feed_tokens_hash_uq').on(t.tokenHash)],
);
