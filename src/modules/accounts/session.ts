// Login sessions in httpOnly cookies, and CSRF protection for every state-changing API call:
// the client must echo the session's CSRF token in the X-CSRF-Token header.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from '../../server/context.ts';
import type { AuthUser, Grant } from '../../server/permissions.ts';
import { forbidden } from '../../server/errors.ts';
import type { Db, Tx } from '../../db/client.ts';
import { invalidate, processCache } from '../../db/cache.ts';
import { authSessions, roleGrants, users } from './schema.ts';

export const SESSION_COOKIE = 'nt_session';
export const SESSION_HOURS = 12;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = c.var.deps.clock();
  await c.var.db.insert(authSessions).values({
    id: sha256(token),
    userId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 300),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.secureCookies,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    await c.var.db.transaction(async (tx) => {
      await tx.delete(authSessions).where(eq(authSessions.id, sha256(token)));
      await invalidate(tx, 'sessions');
    });
  }
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Ends every session of a user (call inside the transaction of the change that requires it). */
export async function endAllSessions(db: Db | Tx, userId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
  await invalidate(db, 'sessions');
}

/**
 * A session with its user and grants, in one statement; cached per process until anything about
 * sessions, users or grants changes (src/db/cache.ts). Expiry is checked on every request.
 */
const sessionOf = processCache('sessions', async (db, id) => {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      mustChangePassword: users.mustChangePassword,
      csrfToken: authSessions.csrfToken,
      expiresAt: authSessions.expiresAt,
      grants: sql<Grant[]>`coalesce((select json_agg(json_build_object('role', g.role, 'councilId', g.council_id, 'bodyId', g.body_id, 'agencyId', g.agency_id) order by g.created_at, g.id)
        from ${roleGrants} g where g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, id), eq(users.active, true)));
  return row ?? null;
});

export async function loadSessionUser(c: Context<AppEnv>): Promise<AuthUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const row = await sessionOf(c.var.db, sha256(token));
  if (!row || row.expiresAt.getTime() <= c.var.deps.clock().getTime()) return null;
  const { expiresAt: _e, ...user } = row;
  return user;
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
