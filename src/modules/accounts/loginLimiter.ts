// The login limiter's counters, in PostgreSQL (login_attempts), so every server process sees the
// same counts. The rules are in domain/accounts/loginThrottle.ts.
import { inArray, or, lte, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { loginWait, throttleKeys, windowMs, type Counter, type CounterKind } from '../../domain/accounts/loginThrottle.ts';
import { loginAttempts } from './schema.ts';

export type LoginKeys = Record<CounterKind, string>;

export function loginKeys(username: string, address: string): LoginKeys {
  return throttleKeys(username.trim().toLowerCase(), address);
}

/** Milliseconds this attempt must wait before it is evaluated (one query). */
export async function loginWaitFor(db: Db, keys: LoginKeys, now: Date): Promise<number> {
  const rows = await db.select().from(loginAttempts).where(inArray(loginAttempts.key, Object.values(keys)));
  const counters: Partial<Record<CounterKind, Counter>> = {};
  for (const kind of Object.keys(keys) as CounterKind[]) {
    const row = rows.find((r) => r.key === keys[kind]);
    if (row) counters[kind] = row;
  }
  return loginWait(counters, now);
}

/** Counts one failure under each key (one statement; a counter whose window ended starts anew). */
export async function recordLoginFailure(db: Db | Tx, keys: LoginKeys, now: Date): Promise<void> {
  await db
    .insert(loginAttempts)
    .values(
      (Object.keys(keys) as CounterKind[]).map((kind) => ({
        key: keys[kind],
        failures: 1,
        lastFailureAt: now,
        windowEndsAt: new Date(now.getTime() + windowMs(kind)),
      })),
    )
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowEndsAt} > excluded.last_failure_at then ${loginAttempts.failures} + 1 else 1 end`,
        windowEndsAt: sql`case when ${loginAttempts.windowEndsAt} > excluded.last_failure_at then ${loginAttempts.windowEndsAt} else excluded.window_ends_at end`,
        lastFailureAt: sql`excluded.last_failure_at`,
      },
    });
}

/** After a successful login: the pair's failures are forgiven; counters past their window go. */
export async function clearLoginFailures(db: Db | Tx, keys: LoginKeys, now: Date): Promise<void> {
  await db.delete(loginAttempts).where(or(eq(loginAttempts.key, keys.pair), lte(loginAttempts.windowEndsAt, now)));
}
