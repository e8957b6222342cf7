// Login sessions in httpOnly cookies, and CSRF protection for every state-changing API call:
// the client must echo the session's CSRF token in the X-CSRF-Token header.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from '../../server/context.ts';
import type { AuthUser, Grant } from '../../server/permissions.ts';
import { clientAddress } from '../../server/clientAddress.ts';
import { forbidden } from '../../server/errors.ts';
import type { Db, Tx } from '../../db/client.ts';
import { invalidate, processCache } from '../../db/cache.ts';
import { authSessions, roleGrants, totpRequiredRoles, users } from './schema.ts';

export const SESSION_COOKIE = 'nt_session';
export const SESSION_HOURS = 12;
/** last_seen_at is written at most this often per session. */
const LAST_SEEN_EVERY_MS = 5 * 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates the session row (in the login's transaction) and sets the cookie; returns the session id. */
export async function startSession(c: Context<AppEnv>, tx: Tx | Db, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = c.var.deps.clock();
  const id = sha256(token);
  await tx.insert(authSessions).values({
    id,
    userId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 300),
    address: clientAddress(c),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
  return id;
}

/**
 * Every session deletion goes through here: one session of a user, all of a user's sessions, or
 * all but one (`except`, the session making a password change); every process's session cache
 * forgets them. Returns the ids ended.
 */
export async function endSessions(
  db: Tx | Db,
  which: { userId: string; sessionId?: string; except?: string },
): Promise<string[]> {
  const rows = await db
    .delete(authSessions)
    .where(
      and(
        eq(authSessions.userId, which.userId),
        which.sessionId !== undefined ? eq(authSessions.id, which.sessionId) : undefined,
        which.except !== undefined ? ne(authSessions.id, which.except) : undefined,
      ),
    )
    .returning({ id: authSessions.id });
  await invalidate(db, 'sessions');
  return rows.map((r) => r.id);
}

/** The user's own unexpired sessions, most recently used first, the current one marked. */
export async function listSessions(db: Db, user: { id: string; sessionId: string }, now: Date) {
  const rows = await db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, user.id), gt(authSessions.expiresAt, now)))
    .orderBy(desc(authSessions.lastSeenAt));
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.userAgent,
    address: r.address,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    current: r.id === user.sessionId,
  }));
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * A session with its user and grants, in one statement; cached per process until anything about
 * sessions, users, grants or two-factor requirements changes (src/db/cache.ts). Expiry is checked
 * on every request.
 */
const sessionOf = processCache('sessions', async (db, id) => {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      mustChangePassword: users.mustChangePassword,
      mustEnrollTotp: sql<boolean>`(${users.totpSecret} is null and (${users.totpRequired} or exists (
        select 1 from ${roleGrants} join ${totpRequiredRoles} on ${totpRequiredRoles.role} = ${roleGrants.role}
        where ${roleGrants.userId} = ${users.id})))`,
      csrfToken: authSessions.csrfToken,
      sessionId: authSessions.id,
      lastSeenAt: authSessions.lastSeenAt,
      expiresAt: authSessions.expiresAt,
      grants: sql<Grant[]>`coalesce((select json_agg(json_build_object('role', g.role, 'councilId', g.council_id, 'bodyId', g.body_id, 'agencyId', g.agency_id) order by g.created_at, g.id)
        from ${roleGrants} g where g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, id), eq(users.active, true)));
  return row ?? null;
});

/** When this process last wrote a session's last_seen_at (the cached row keeps the older value). */
const lastSeenWritten = new Map<string, number>();

export async function loadSessionUser(c: Context<AppEnv>): Promise<AuthUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const row = await sessionOf(c.var.db, sha256(token));
  const now = c.var.deps.clock();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  const seen = Math.max(row.lastSeenAt.getTime(), lastSeenWritten.get(row.sessionId) ?? 0);
  if (now.getTime() - seen >= LAST_SEEN_EVERY_MS) {
    lastSeenWritten.set(row.sessionId, now.getTime());
    await c.var.db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, row.sessionId));
  }
  const { expiresAt: _e, lastSeenAt: _seen, ...user } = row;
  return { ...user, mustEnrollTotp: Boolean(user.mustEnrollTotp) };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const checkCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  // A browser always sends Origin on cross-site POSTs: refuse any that is not this site.
  const origin = c.req.header('origin');
  if (origin) {
    const host = c.req.header('host');
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {
      // malformed origin: refused below
    }
    if (!host || originHost !== host) throw forbidden('Yêu cầu bị từ chối vì không xuất phát từ trang Nghị Trường.');
  }
  const user = c.get('user');
  if (user && c.req.header('x-csrf-token') !== user.csrfToken) {
    throw forbidden('Phiên làm việc đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang.');
  }
  return next();
};
