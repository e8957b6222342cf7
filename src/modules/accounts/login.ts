// Signing in: the limiter (login_attempts), the password (scrypt, always run, also for unknown
// usernames), the TOTP code when the user has two-factor sign-in, then the session. Each outcome
// is one transaction with its audit event: "auth.login" or "auth.login_failed" (username tried and
// client address; never the password or the code).
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../../server/context.ts';
import { clientAddress } from '../../server/clientAddress.ts';
import { tooMany, unauthorized } from '../../server/errors.ts';
import type { Db, Tx } from '../../db/client.ts';
import { recordEvent, type Actor } from '../audit/service.ts';
import { clearLoginFailures, loginKeys, loginWaitFor, recordLoginFailure, type LoginKeys } from './loginLimiter.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { users } from './schema.ts';
import { findUserForLogin } from './service.ts';
import { startSession } from './session.ts';
import { totpStep } from './totp.ts';

export const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';
export const WRONG_CODE = 'Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới trên ứng dụng xác thực.';
/** Who is recorded as the actor of a failed login: nobody is signed in. */
const ANONYMOUS: Actor = { id: null, name: 'Người chưa đăng nhập' };

export function waitMessage(ms: number): string {
  const after = ms < 60_000 ? `${Math.max(1, Math.ceil(ms / 1000))} giây` : `${Math.ceil(ms / 60_000)} phút`;
  return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${after}.`;
}

/** Refuses (429) an attempt the limiter holds back; returns the attempt's keys. */
export async function checkLoginLimit(db: Db, username: string, address: string, now: Date): Promise<LoginKeys> {
  const keys = loginKeys(username, address);
  const wait = await loginWaitFor(db, keys, now);
  if (wait > 0) throw tooMany(waitMessage(wait));
  return keys;
}

/** Counts a failure and records it in the audit log (one transaction). */
export async function recordFailure(db: Db, keys: LoginKeys, now: Date, e: { username: string; address: string; reason: string }) {
  await db.transaction(async (tx) => {
    await recordLoginFailure(tx, keys, now);
    await recordEvent(tx, ANONYMOUS, {
      action: 'auth.login_failed',
      entityType: 'login',
      entityId: e.username.trim().toLowerCase().slice(0, 100),
      after: { username: e.username.slice(0, 100), address: e.address, reason: e.reason },
    });
  });
}

/** Accepts a code for a step later than the last one accepted; atomic across processes. */
export async function consumeTotpCode(db: Db | Tx, user: { id: string; username: string; totpSecret: string }, code: string, now: Date) {
  const step = totpStep(user.totpSecret, user.username, code, now);
  if (step === null) return false;
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export type LoginResult = { ok: true } | { ok: false; totpRequired: true };

export async function login(c: Context<AppEnv>, input: { username: string; password: string; totpCode?: string }): Promise<LoginResult> {
  const db = c.var.db;
  const now = c.var.deps.clock();
  const address = clientAddress(c);
  const keys = await checkLoginLimit(db, input.username, address, now);
  const user = await findUserForLogin(db, input.username);
  const usable = user && user.active ? user : undefined;
  // Always one scrypt: an unknown or locked username answers as slowly as a wrong password.
  const passwordOk = (await verifyPassword(input.password, usable?.passwordHash ?? (await dummyHash()))) && !!usable;
  const fail = { username: input.username, address };
  if (!passwordOk) {
    await recordFailure(db, keys, now, { ...fail, reason: 'Sai mật khẩu hoặc tên đăng nhập' });
    throw unauthorized(WRONG_LOGIN);
  }
  if (usable.totpSecret) {
    if (!input.totpCode) return { ok: false, totpRequired: true };
    if (!(await consumeTotpCode(db, { ...usable, totpSecret: usable.totpSecret }, input.totpCode.trim(), now))) {
      await recordFailure(db, keys, now, { ...fail, reason: 'Sai mã xác thực' });
      throw unauthorized(WRONG_CODE);
    }
  }
  // A hash made at a lower cost is replaced now that the password is known (before the
  // transaction: hashing takes a moment).
  const rehash = needsRehash(usable.passwordHash) ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    if (rehash) await tx.update(users).set({ passwordHash: rehash }).where(eq(users.id, usable.id));
    await startSession(c, tx, usable.id);
    await clearLoginFailures(tx, keys, now);
    await recordEvent(tx, { id: usable.id, name: usable.fullName }, {
      action: 'auth.login',
      entityType: 'user',
      entityId: usable.id,
      after: { username: usable.username, address, userAgent: (c.req.header('user-agent') ?? '').slice(0, 300), totp: !!usable.totpSecret },
    });
  });
  return { ok: true };
}

/**
 * Checks the signed-in user's current password before a change of password or of two-factor
 * sign-in, under the same limiter as the login: a stolen session cannot guess the password.
 */
export async function checkCurrentPassword(c: Context<AppEnv>, userId: string, password: string, wrong: () => Error): Promise<void> {
  const db = c.var.db;
  const now = c.var.deps.clock();
  const address = clientAddress(c);
  const [u] = await db.select({ username: users.username, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!u) throw unauthorized();
  const keys = await checkLoginLimit(db, u.username, address, now);
  if (!(await verifyPassword(password, u.passwordHash))) {
    await recordFailure(db, keys, now, { username: u.username, address, reason: 'Sai mật khẩu hiện tại (khi đổi mật khẩu hoặc tắt xác thực hai bước)' });
    throw wrong();
  }
}
