// Accounts: users, their scoped role grants, and login sessions.
import { pgTable, uuid, text, boolean, timestamp, index, uniqueIndex, unique, integer, bigint } from 'drizzle-orm/pg-core';
import { councils, bodies, agencies, delegates } from '../directory/schema.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** TOTP (RFC 6238) secret, base32, once the user confirmed a code; never returned by the API. */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** An administrator requires two-factor sign-in for this user (roles can require it too). */
    totpRequired: boolean('totp_required').notNull().default(false),
    delegateId: uuid('delegate_id').references(() => delegates.id),
    /** fold() of username, full name and e-mail: accent-insensitive lookup in the users list. */
    searchKey: text('search_key').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** A role held by a user, scoped to a council (and a body), or to an agency. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role').notNull(),
    councilId: uuid('council_id').references(() => councils.id),
    bodyId: uuid('body_id').references(() => bodies.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_grants_uq').on(t.userId, t.role, t.councilId, t.bodyId, t.agencyId).nullsNotDistinct(),
  ],
);

export const authSessions = pgTable(
  'auth_sessions',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent').notNull().default(''),
    /** The client address at login (clientAddress(), TRUST_PROXY aware). */
    address: text('address').notNull().default(''),
    /** Refreshed at most every few minutes while the session is used. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/**
 * Failed-login counters shared by every server process. One row per key: `a:<address>`,
 * `u:<username>` and `p:<username> <address>` (see domain/accounts/loginThrottle.ts). A row counts
 * failures until `window_ends_at`; the next failure after that starts a new window.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_window_idx').on(t.windowEndsAt)],
);

/** Roles whose holders must sign in with a TOTP code. */
export const totpRequiredRoles = pgTable('totp_required_roles', {
  role: text('role').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
