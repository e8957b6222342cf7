// The request path under the in-process caches (src/db/cache.ts): what a warm request costs in
// database round trips, and that a change made through one app instance is seen by the very next
// request to another one on the same database (on PostgreSQL: two pools, as two processes would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { driverStats, openDatabase, type Database, type Db } from '../../src/db/client.ts';
import { invalidate, VersionReader } from '../../src/db/cache.ts';
import { createApp } from '../../src/server/app.ts';

type App = ReturnType<typeof createApp>;

/** Counts the statements sent to the database driver (both drivers, in and out of transactions). */
function statementCounter(db: Db) {
  let n = 0;
  const client = (db as unknown as { $client: Record<string, (...a: unknown[]) => unknown> }).$client;
  const wrap = (target: Record<string, (...a: unknown[]) => unknown>) => {
    const query = target.query!.bind(target);
    target.query = (...a: unknown[]) => {
      n++;
      return query(...a);
    };
  };
  if (typeof client.connect === 'function' && 'totalCount' in client) {
    // pg.Pool: every statement runs on a client taken from the pool (pool.query too).
    const connect = client.connect.bind(client);
    const wrapped = new WeakSet<object>();
    const once = (c: Record<string, (...a: unknown[]) => unknown> | undefined) => {
      if (c && !wrapped.has(c)) {
        wrapped.add(c);
        wrap(c);
      }
    };
    client.connect = (...a: unknown[]) => {
      const cb = a[0] as ((err: unknown, c?: Record<string, (...a: unknown[]) => unknown>, done?: unknown) => void) | undefined;
      if (cb) return connect((err: unknown, c: Record<string, (...a: unknown[]) => unknown> | undefined, done: unknown) => (once(c), cb(err, c, done)));
      return (connect() as Promise<Record<string, (...a: unknown[]) => unknown>>).then((c) => (once(c), c));
    };
  } else {
    // PGlite: statements outside a transaction, and a transaction's through its own object.
    wrap(client);
    const transaction = client.transaction!.bind(client);
    client.transaction = (fn: unknown) =>
      transaction(async (tx: Record<string, (...a: unknown[]) => unknown>) => {
        wrap(tx);
        return (fn as (t: unknown) => unknown)(tx);
      });
  }
  return {
    async during(fn: () => Promise<unknown>): Promise<number> {
      const before = n;
      await fn();
      return n - before;
    },
  };
}

describe.runIf(dbKinds().includes('postgres'))('cache versions shared by concurrent requests [postgres]', () => {
  it('a read serves only the requests that arrived before it was sent: later ones wait for the next read', async () => {
    const t = await createTestApp('postgres');
    const other = await openDatabase({ databaseUrl: t.where, migrate: false });
    try {
      const pool = (t.db as unknown as { $client: pg.Pool }).$client;
      const reader = new VersionReader(pool);
      await reader.read(); // connected
      const before = driverStats.statements;
      const a = reader.read(); // sent now
      const b = reader.read(); // arrived while a is under way
      const c = reader.read();
      const [va, vb, vc] = await Promise.all([a, b, c]);
      expect(driverStats.statements - before).toBe(2);
      expect(vb).toBe(vc);
      expect(vb).not.toBe(va);
      // A change committed through another pool is in the very next read.
      await other.db.transaction((tx) => invalidate(tx, 'settings'));
      const committed = (await other.db.execute(sql`select version from cache_versions where name = 'settings'`)).rows[0] as { version: string };
      expect((await reader.read()).get('settings')).toBe(committed.version);
      reader.close();
    } finally {
      await other.close();
      await t.close();
    }
  }, 600_000);
});

for (const kind of dbKinds()) {
  describe(`request path [${kind}]`, () => {
    let t: TestApp;
    let other: Database | null = null;
    /** A second app on the same database: another pool on PostgreSQL, another instance on PGlite. */
    let b: App;
    let council: string;
    beforeAll(async () => {
      t = await createTestApp(kind);
      council = t.id('council:sa-huynh');
      if (kind === 'postgres') other = await openDatabase({ databaseUrl: t.where, migrate: false });
      b = createApp({
        db: other?.db ?? t.db,
        dbKind: kind,
        clock: () => t.now,
        config: { publicUrl: 'http://localhost:3000', secureCookies: false },
      });
    }, 600_000); // the demo seed, on a busy machine
    afterAll(async () => {
      await other?.close();
      await t?.close();
    });

    const onB = (cookie: string, path: string) => b.request(path, { headers: { cookie } });
    const cookieOf = async (username: string) => {
      const res = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'NghiTruong@2026' }),
      });
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    };
    const listPath = () => `/api/councils/${council}/petitions?deadline=due_soon&status=dispatched`;

    it('a warm authenticated, filtered list costs at most two statements; page and total agree with a fresh count', async () => {
      const clerk = await t.as('vp.sahuynh');
      const counter = statementCounter(t.db);
      const first = await clerk.get(listPath());
      expect(first.status).toBe(200);
      const warm = await counter.during(async () => {
        const res = await clerk.get(listPath());
        expect(res.status).toBe(200);
      });
      expect(warm).toBeLessThanOrEqual(2);
      expect(warm).toBeGreaterThanOrEqual(1);
      const all = (await (await clerk.get(`/api/councils/${council}/petitions?pageSize=200`)).json()) as { total: number; items: unknown[] };
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBeGreaterThan(2);
      // A page past the end still knows the total.
      const past = (await (await clerk.get(`/api/councils/${council}/petitions?page=50&pageSize=20`)).json()) as { total: number; items: unknown[] };
      expect(past.items).toEqual([]);
      expect(past.total).toBe(all.total);
    });

    it('a burst of requests shares the cache-version reads: far fewer statements than two per request', async () => {
      const clerk = await t.as('vp.sahuynh');
      expect((await clerk.get(listPath())).status).toBe(200);
      const counter = statementCounter(t.db);
      const n = 40;
      const sent = await counter.during(async () => {
        const answers = await Promise.all(Array.from({ length: n }, () => clerk.get(listPath())));
        expect(answers.every((r) => r.status === 200)).toBe(true);
      });
      // One page statement each; on PostgreSQL the versions are read once per batch, not per request.
      expect(sent).toBeGreaterThanOrEqual(n);
      expect(sent).toBeLessThan(kind === 'postgres' ? n + n / 2 : n + 1);
    });

    it('a public text search in a council (a small scope) is one statement: page, tiers and total', async () => {
      const counter = statementCounter(t.db);
      const path = `/api/public/councils/${council}/petitions?q=${encodeURIComponent('đường')}`;
      const first = (await (await t.app.request(path)).json()) as { total: number; items: { text: string }[] };
      expect(first.total).toBeGreaterThan(0);
      expect(first.items.every((i) => /đường/i.test(i.text))).toBe(true);
      const warm = await counter.during(async () => expect((await t.app.request(path)).status).toBe(200));
      // The page with its answers, both tiers ranked and counted (the published rounds are a
      // subquery); no transaction, no planner settings. PostgreSQL also reads the cache versions.
      expect(warm).toBeLessThanOrEqual(kind === 'postgres' ? 2 : 1);
    });

    it('a role revoked through one app is refused on the next request to the other', async () => {
      const cookie = await cookieOf('vp.sahuynh');
      expect((await onB(cookie, listPath())).status).toBe(200);
      expect((await onB(cookie, listPath())).status).toBe(200); // cached in B now
      const admin = await t.as('admin');
      const users = (await (await admin.get('/api/users?q=vp.sahuynh')).json()) as { items: { id: string; grants: { id: string }[] }[] };
      const u = users.items[0]!;
      const res = await admin.delete(`/api/users/${u.id}/grants/${u.grants[0]!.id}`);
      expect(res.status).toBe(200);
      expect((await onB(cookie, listPath())).status).toBe(403);
      // Granted again: allowed again on the next request.
      expect((await admin.post(`/api/users/${u.id}/grants`, { role: 'secretariat', councilId: council })).status).toBe(201);
      expect((await onB(cookie, listPath())).status).toBe(200);
    });

    it('a logout, a deactivation and an expiry end the session everywhere at once', async () => {
      const admin = await t.as('admin');
      const c1 = await cookieOf('tt.sahuynh');
      expect((await onB(c1, '/api/auth/me')).status).toBe(200);
      await t.app.request('/api/auth/logout', {
        method: 'POST',
        headers: { cookie: c1, 'x-csrf-token': ((await (await t.app.request('/api/auth/me', { headers: { cookie: c1 } })).json()) as { csrfToken: string }).csrfToken },
      });
      expect((await onB(c1, '/api/auth/me')).status).toBe(401);

      const c2 = await cookieOf('daibieu.sahuynh');
      expect((await onB(c2, '/api/auth/me')).status).toBe(200);
      const users = (await (await admin.get('/api/users?q=daibieu.sahuynh')).json()) as { items: { id: string }[] };
      expect((await admin.patch(`/api/users/${users.items[0]!.id}`, { active: false })).status).toBe(200);
      expect((await onB(c2, '/api/auth/me')).status).toBe(401);

      const c3 = await cookieOf('mttq.sahuynh');
      expect((await onB(c3, '/api/auth/me')).status).toBe(200);
      const now = t.now;
      t.setNow(new Date(now.getTime() + 12 * 3600_000 + 1000));
      try {
        expect((await onB(c3, '/api/auth/me')).status).toBe(401);
      } finally {
        t.setNow(now);
      }
    });

    it("a council's settings and the holiday table changed through one app are used by the next request to the other", async () => {
      const cookie = await cookieOf('vp.sahuynh');
      const clerk = await t.as('vp.sahuynh');
      const settingsPath = `/api/councils/${council}/petition-settings`;
      const before = (await (await onB(cookie, settingsPath)).json()) as { thresholds: { dueSoonWorkingDays: number } };
      const days = before.thresholds.dueSoonWorkingDays === 9 ? 8 : 9;
      expect((await clerk.put(settingsPath, { thresholds: { dueSoonWorkingDays: days } })).status).toBe(200);
      const after = (await (await onB(cookie, settingsPath)).json()) as { thresholds: { dueSoonWorkingDays: number } };
      expect(after.thresholds.dueSoonWorkingDays).toBe(days);
      const fromA = await (await clerk.get(listPath())).json();
      expect(await (await onB(cookie, listPath())).json()).toEqual(fromA);

      const admin = await t.as('admin');
      const year = 2031;
      const calendarPath = `/api/calendar/years/${year}`;
      const plain = (await (await onB(cookie, calendarPath)).json()) as unknown;
      const put = await admin.put(`/api/calendar/overrides/${year}`, { daysOff: [{ date: '2031-03-04', name: 'Ngày nghỉ thử' }], notOff: [], workingDays: [] });
      expect(put.status).toBe(200);
      const changed = (await (await onB(cookie, calendarPath)).json()) as unknown;
      expect(changed).not.toEqual(plain);
      expect(changed).toEqual(await (await admin.get(calendarPath)).json());
    });
  });
}
