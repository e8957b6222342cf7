// Login sessions in httpOnly cookies, and CSRF protection for every state-changing API call:
// the client must echo the session's CSRF token in the X-CSRF-Token header.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { AppEnv } from '../../server/context.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { forbidden } from '../../server/errors.ts';
import type { Db } from '../../db/client.ts';
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
  if (token) await c.var.db.delete(authSessions).where(eq(authSessions.id, sha256(token)));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
}

export async function loadSessionUser(c: Context<AppEnv>): Promise<AuthUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const db = c.var.db;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      mustChangePassword: users.mustChangePassword,
      csrfToken: authSessions.csrfToken,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sha256(token)), gt(authSessions.expiresAt, c.var.deps.clock()), eq(users.active, true)));
  if (!row) return null;
  const grants = await db
    .select({ role: roleGrants.role, councilId: roleGrants.councilId, bodyId: roleGrants.bodyId, agencyId: roleGrants.agencyId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, row.id));
  return { ...row, grants };
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
