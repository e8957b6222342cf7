// Account actions: each is one function, in one transaction, writing its audit event.
import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { countWhere, pageWithTotal } from '../../db/paging.ts';
import type { Db, Tx } from '../../db/client.ts';
import { nameSearch } from '../../db/textSearch.ts';
import { conflict, invalid, notFound } from '../../server/errors.ts';
import { fold } from '../../domain/text/normalize.ts';
import { actorOf, recordEvent, type Actor } from '../audit/service.ts';
import type { AuthUser } from '../../server/permissions.ts';
import { agencies, bodies, councils } from '../directory/schema.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { ROLES } from './roles.ts';
import { roleGrants, totpRequiredRoles, users } from './schema.ts';
import { isTotpSecret, totpStep } from './totp.ts';
import { endSessions } from './session.ts';
import { invalidate } from '../../db/cache.ts';

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export function publicUser(u: typeof users.$inferSelect) {
  // The search key is derived and internal: not in API responses nor audit snapshots; the TOTP
  // secret is never shown again after enrollment.
  const { passwordHash: _ignored, searchKey: _key, totpSecret, totpLastStep: _step, ...rest } = u;
  return { ...rest, totpEnabled: totpSecret !== null, createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString() };
}

/**
 * Accent-insensitive search key of a user (fold of username, full name and e-mail). Migration 0009
 * backfills existing rows with the SQL equivalent; keep the two in step.
 */
export function userSearchKey(u: { username: string; fullName: string; email: string }): string {
  return fold(`${u.username} ${u.fullName} ${u.email}`);
}

export interface NewUser {
  username: string;
  fullName: string;
  email?: string;
  password: string;
  mustChangePassword?: boolean;
  /** The hash of `password`, when the caller already has it (the demo seed hashes its one password once). */
  passwordHash?: string;
}

export async function createUser(db: Db, actor: Actor, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username)) {
    throw invalid('Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (3–50 ký tự).');
  }
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem);
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) throw conflict(`Tên đăng nhập "${username}" đã tồn tại.`);
    const email = input.email ?? '';
    const [user] = await tx
      .insert(users)
      .values({
        username,
        fullName: input.fullName,
        email,
        searchKey: userSearchKey({ username, fullName: input.fullName, email }),
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? true,
      })
      .returning();
    await recordEvent(tx, actor, { action: 'user.create', entityType: 'user', entityId: user!.id, after: publicUser(user!) });
    return publicUser(user!);
  });
}

export interface UserPatch {
  fullName?: string;
  email?: string;
  active?: boolean;
  /** An administrator's password reset: the user must change it at next login. */
  password?: string;
  /** Require two-factor sign-in of this user. */
  totpRequired?: boolean;
}

export async function updateUser(db: Db, actor: Actor, userId: string, patch: UserPatch) {
  let passwordHash: string | undefined;
  if (patch.password !== undefined) {
    const problem = passwordProblem(patch.password);
    if (problem) throw invalid(problem);
    passwordHash = await hashPassword(patch.password);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw notFound('người dùng');
    const renamed = patch.fullName !== undefined || patch.email !== undefined;
    const [after] = await tx
      .update(users)
      .set({
        ...(patch.fullName !== undefined ? { fullName: patch.fullName } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(renamed
          ? {
              searchKey: userSearchKey({
                username: before.username,
                fullName: patch.fullName ?? before.fullName,
                email: patch.email ?? before.email,
              }),
            }
          : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.totpRequired !== undefined ? { totpRequired: patch.totpRequired } : {}),
        ...(passwordHash ? { passwordHash, mustChangePassword: true } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    // A locked account or a reset password ends every session of the user.
    if (patch.active === false || passwordHash) await endSessions(tx, { userId });
    // Sessions carry the user's name and flags.
    else await invalidate(tx, 'sessions');
    await recordEvent(tx, actor, {
      action: passwordHash ? 'user.reset_password' : 'user.update',
      entityType: 'user',
      entityId: userId,
      before: publicUser(before),
      after: publicUser(after!),
    });
    return publicUser(after!);
  });
}

/**
 * A user changes their own password (the current one checked by the caller, under the login
 * limiter): every other session of the user ends, the one making the change stays.
 */
export async function changeOwnPassword(db: Db, actor: Actor, user: { id: string; sessionId: string }, current: string, next: string) {
  if (current === next) throw invalid('Mật khẩu mới phải khác mật khẩu hiện tại.');
  const problem = passwordProblem(next);
  if (problem) throw invalid(problem);
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
    const ended = await endSessions(tx, { userId: user.id, except: user.sessionId });
    await recordEvent(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: user.id, after: { otherSessionsEnded: ended.length } });
  });
}

export interface GrantInput {
  role: string;
  councilId?: string | null;
  bodyId?: string | null;
  agencyId?: string | null;
}

export async function grantRole(db: Db, actor: Actor, userId: string, input: GrantInput) {
  const def = ROLES[input.role];
  if (!def) throw invalid(`Vai trò "${input.role}" không tồn tại.`);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('người dùng');
    let councilId: string | null = null;
    let bodyId: string | null = null;
    let agencyId: string | null = null;
    if (def.scope === 'council') {
      if (!input.councilId) throw invalid(`Vai trò "${def.label}" cần chọn HĐND.`);
      const [c] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.id, input.councilId));
      if (!c) throw notFound('hội đồng nhân dân');
      councilId = c.id;
    } else if (def.scope === 'body') {
      if (!input.bodyId) throw invalid(`Vai trò "${def.label}" cần chọn Ban HĐND.`);
      const [b] = await tx.select({ id: bodies.id, councilId: bodies.councilId }).from(bodies).where(eq(bodies.id, input.bodyId));
      if (!b) throw notFound('ban của HĐND');
      bodyId = b.id;
      councilId = b.councilId;
    } else if (def.scope === 'agency') {
      if (!input.agencyId) throw invalid(`Vai trò "${def.label}" cần chọn cơ quan.`);
      const [a] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
      if (!a) throw notFound('cơ quan');
      agencyId = a.id;
    }
    const [dup] = await tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, userId),
          eq(roleGrants.role, input.role),
          councilId ? eq(roleGrants.councilId, councilId) : sql`${roleGrants.councilId} is null`,
          bodyId ? eq(roleGrants.bodyId, bodyId) : sql`${roleGrants.bodyId} is null`,
          agencyId ? eq(roleGrants.agencyId, agencyId) : sql`${roleGrants.agencyId} is null`,
        ),
      );
    if (dup) throw conflict('Người dùng đã có vai trò này.');
    const [grant] = await tx.insert(roleGrants).values({ userId, role: input.role, councilId, bodyId, agencyId }).returning();
    await invalidate(tx, 'sessions');
    await recordEvent(tx, actor, {
      action: 'user.grant_role',
      entityType: 'user',
      entityId: userId,
      councilId,
      agencyId,
      after: grant,
    });
    return { ...grant!, createdAt: grant!.createdAt.toISOString() };
  });
}

export async function revokeRole(db: Db, actor: Actor, userId: string, grantId: string) {
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
    if (!grant) throw notFound('vai trò của người dùng');
    await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
    await invalidate(tx, 'sessions');
    await recordEvent(tx, actor, {
      action: 'user.revoke_role',
      entityType: 'user',
      entityId: userId,
      councilId: grant.councilId,
      agencyId: grant.agencyId,
      before: grant,
    });
  });
}

/** Substring match of the folded query on the search key, as in the directory lists. */
export async function listUsers(db: Db, q: { page: number; pageSize: number; q?: string }) {
  const cond = nameSearch(users.searchKey, q.q);
  const { items: rows, total } = await pageWithTotal(
    q,
    (total) => db.select({ ...getTableColumns(users), total }).from(users).where(cond).orderBy(asc(users.username)),
    () => countWhere(db, users, cond),
  );
  const ids = rows.map((r) => r.id);
  const grants = ids.length
    ? await db.select().from(roleGrants).where(sql`${roleGrants.userId} in ${ids}`)
    : [];
  return {
    items: rows.map((u) => ({
      ...publicUser(u),
      grants: grants.filter((g) => g.userId === u.id).map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findUserForLogin(db: Db, username: string) {
  const [user] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return user;
}

// Two-factor sign-in (TOTP) -----------------------------------------------------------------------

/** The user confirms the secret shown to them with a code from their app; from then on it is required. */
export async function enableTotp(db: Db, actor: Actor, user: { id: string; username: string }, secret: string, code: string, now: Date) {
  if (!isTotpSecret(secret)) throw invalid('Khóa bí mật không hợp lệ. Hãy bắt đầu lại việc bật xác thực hai bước.');
  const step = totpStep(secret, user.username, code.trim(), now);
  if (step === null) throw invalid('Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại và nhập mã đang hiển thị.');
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpSecret: secret, totpLastStep: step, updatedAt: now })
      .where(and(eq(users.id, user.id), isNull(users.totpSecret)))
      .returning({ id: users.id });
    if (!rows.length) throw conflict('Xác thực hai bước đã được bật cho tài khoản này.');
    await invalidate(tx, 'sessions');
    await recordEvent(tx, actor, { action: 'user.totp_enable', entityType: 'user', entityId: user.id });
  });
}

/** Turns two-factor sign-in off: the user themself (when not required) or an administrator's reset. */
export async function disableTotp(db: Db, actor: Actor, userId: string, by: 'self' | 'admin') {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw notFound('người dùng');
    if (!before.totpSecret) throw conflict('Tài khoản này chưa bật xác thực hai bước.');
    if (by === 'self' && (before.totpRequired || (await totpRequiredByRole(tx, userId)))) {
      throw conflict('Tài khoản của bạn bắt buộc dùng xác thực hai bước; chỉ quản trị viên mới đặt lại được.');
    }
    await tx.update(users).set({ totpSecret: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, userId));
    await invalidate(tx, 'sessions');
    await recordEvent(tx, actor, { action: by === 'self' ? 'user.totp_disable' : 'user.totp_reset', entityType: 'user', entityId: userId });
  });
}

async function totpRequiredByRole(tx: Tx | Db, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(totpRequiredRoles, eq(totpRequiredRoles.role, roleGrants.role))
    .where(eq(roleGrants.userId, userId))
    .limit(1);
  return rows.length > 0;
}

export async function listTotpRoles(db: Db | Tx): Promise<string[]> {
  return (await db.select().from(totpRequiredRoles).orderBy(asc(totpRequiredRoles.role))).map((r) => r.role);
}

/** The roles whose holders must sign in with a code (replaces the list). */
export async function setTotpRoles(db: Db, actor: Actor, roles: string[]) {
  const unknown = roles.find((r) => !ROLES[r]);
  if (unknown) throw invalid(`Vai trò "${unknown}" không tồn tại.`);
  const next = [...new Set(roles)].sort();
  return db.transaction(async (tx) => {
    const before = await listTotpRoles(tx);
    await tx.delete(totpRequiredRoles);
    if (next.length) await tx.insert(totpRequiredRoles).values(next.map((role) => ({ role })));
    await invalidate(tx, 'sessions');
    await recordEvent(tx, actor, { action: 'settings.totp_roles', entityType: 'totp_required_roles', entityId: 'totp_required_roles', before: { roles: before }, after: { roles: next } });
    return next;
  });
}

// Sessions ------------------------------------------------------------------------------------------

/**
 * A user ends sessions of their own: the current one (logout), one chosen from their list, or all
 * the others. Returns how many ended.
 */
export async function endOwnSessions(
  db: Db,
  user: AuthUser,
  which: { logout: true; address: string } | { sessionId: string } | { others: true },
): Promise<number> {
  return db.transaction(async (tx) => {
    const ids =
      'logout' in which
        ? await endSessions(tx, { userId: user.id, sessionId: user.sessionId })
        : 'sessionId' in which
          ? await endSessions(tx, { userId: user.id, sessionId: which.sessionId })
          : await endSessions(tx, { userId: user.id, except: user.sessionId });
    if ('sessionId' in which && !ids.length) throw notFound('phiên đăng nhập');
    await recordEvent(
      tx,
      actorOf(user),
      'logout' in which
        ? { action: 'auth.logout', entityType: 'user', entityId: user.id, after: { address: which.address } }
        : { action: 'auth.session_end', entityType: 'user', entityId: user.id, after: { sessions: ids.length, current: ids.includes(user.sessionId) } },
    );
    return ids.length;
  });
}
