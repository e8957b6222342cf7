// Notifications: what happened to a user (in the app), whether and how it is e-mailed, and each
// user's choice per kind of notification.
import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/** A user's notification. `email` is fixed when it is created, from the user's preference. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Web path to open. */
    link: text('link').notNull().default(''),
    councilId: uuid('council_id'),
    agencyId: uuid('agency_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** none | now (one e-mail, sent right after the event) | digest (in the day's digest) */
    email: text('email').notNull().default('none'),
    /** When the e-mail (or the digest holding it) was handed to the SMTP server. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_mail_pending_idx').on(t.email, t.createdAt).where(sql`${t.emailedAt} is null and ${t.email} <> 'none'`),
  ],
);

/** A user's choice for one kind (absent: the kind's default). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: text('kind').notNull(),
    /** app | email | digest | off (NotificationChannel) */
    channel: text('channel').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
