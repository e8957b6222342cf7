// A list's page and its total come from one statement (src/db/paging.ts): the total is right on
// the first page, a middle page and a page past the end, the items carry no `total` of their own,
// and only a page past the end sends a second statement (the count alone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds, type DbKind } from '../support/db.ts';
import { driverStats, type Db } from '../../src/db/client.ts';
import { listAgencies, listCouncils, listDelegates, listUnits } from '../../src/modules/directory/service.ts';
import { listUsers } from '../../src/modules/accounts/service.ts';
import { listEvents } from '../../src/modules/audit/service.ts';
import { listSessions } from '../../src/modules/sessions/queries/sessions.ts';

type Page = { page: number; pageSize: number };
type PageOf = { items: object[]; total: number; page: number; pageSize: number };

/**
 * Statements sent so far on `db`: the driver's own count on PostgreSQL (driverStats); an
 * in-memory PGlite is not counted there, so its client's `query` is counted here.
 */
function statementCount(kind: DbKind, db: Db): () => number {
  if (kind === 'postgres') return () => driverStats.statements;
  const client = (db as unknown as { $client: { query: (...a: unknown[]) => unknown } }).$client;
  const query = client.query.bind(client);
  let n = 0;
  client.query = (...a: unknown[]) => {
    n++;
    return query(...a);
  };
  return () => n;
}

for (const kind of dbKinds()) {
  describe(`a page and its total in one statement [${kind}]`, () => {
    let t: TestApp;
    let admin: TestClient;
    let sent: () => number;
    beforeAll(async () => {
      t = await createTestApp(kind);
      admin = await t.as('admin');
      sent = statementCount(kind, t.db);
    }, 600_000); // the demo seed, on a busy machine
    afterAll(async () => {
      await t?.close();
    });

    const statementsOf = async <T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> => {
      const before = sent();
      const value = await fn();
      return { value, statements: sent() - before };
    };

    /** Lists whose page and total are all they read (before: a page statement and a count statement). */
    const lists: Record<string, (p: Page) => Promise<PageOf>> = {
      agencies: (p) => listAgencies(t.db, p),
      units: (p) => listUnits(t.db, p),
      councils: (p) => listCouncils(t.db, p),
      delegates: (p) => listDelegates(t.db, t.id('council:sa-huynh'), p),
      sessions: (p) => listSessions(t.db, t.id('council:sa-huynh'), p),
    };

    for (const [name, list] of Object.entries(lists)) {
      it(`${name}: first, middle and past-the-end pages, one statement each but the last (two)`, async () => {
        const all = await list({ page: 1, pageSize: 500 });
        expect(all.total).toBe(all.items.length);
        expect(all.total).toBeGreaterThanOrEqual(3);
        // Three pages at least, so that page 2 is a middle one.
        const pageSize = Math.floor(all.total / 3);
        const pages = Math.ceil(all.total / pageSize);

        const first = await statementsOf(() => list({ page: 1, pageSize }));
        expect(first.statements).toBe(1);
        expect(first.value).toEqual({ items: all.items.slice(0, pageSize), total: all.total, page: 1, pageSize });

        const middle = await statementsOf(() => list({ page: 2, pageSize }));
        expect(middle.statements).toBe(1);
        expect(middle.value).toEqual({ items: all.items.slice(pageSize, 2 * pageSize), total: all.total, page: 2, pageSize });

        const last = await statementsOf(() => list({ page: pages, pageSize }));
        expect(last.statements).toBe(1);
        expect(last.value.items).toEqual(all.items.slice((pages - 1) * pageSize));
        expect(last.value.total).toBe(all.total);

        // "Page 3 of a 2-page list": no row to carry the total, so it is counted on its own.
        const past = await statementsOf(() => list({ page: pages + 2, pageSize }));
        expect(past.statements).toBe(2);
        expect(past.value).toEqual({ items: [], total: all.total, page: pages + 2, pageSize });

        for (const item of all.items) expect(item).not.toHaveProperty('total');
      });
    }

    it('an empty list: total 0 from the one page statement, no count', async () => {
      const none = await statementsOf(() => listAgencies(t.db, { page: 1, pageSize: 20, q: 'không có cơ quan nào tên này' }));
      expect(none.value).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      expect(none.statements).toBe(1);
    });

    it('users: page and total in one statement, the page’s role grants in a second', async () => {
      const all = await listUsers(t.db, { page: 1, pageSize: 500 });
      expect(all.total).toBe(all.items.length);
      const page = await statementsOf(() => listUsers(t.db, { page: 2, pageSize: 3 }));
      expect(page.statements).toBe(2); // before: 3 (count, page, grants)
      expect(page.value.items).toEqual(all.items.slice(3, 6));
      expect(page.value.total).toBe(all.total);
    });

    it('audit events: the total as an InitPlan column, right on every page', async () => {
      const counted = ((await t.db.execute(sql`select count(*)::int as n from audit_events`)).rows[0] as { n: number }).n;
      expect(counted).toBeGreaterThan(6);
      const all = await listEvents(t.db, { page: 1, pageSize: counted + 10 });
      expect(all.total).toBe(counted);
      expect(all.items).toHaveLength(counted);
      const middle = await listEvents(t.db, { page: 2, pageSize: 3 });
      expect(middle.items).toEqual(all.items.slice(3, 6));
      expect(middle.total).toBe(all.total);
      const past = await listEvents(t.db, { page: Math.ceil(all.total / 3) + 1, pageSize: 3 });
      expect(past.items).toEqual([]);
      expect(past.total).toBe(all.total);
      for (const e of all.items) expect(e).not.toHaveProperty('total');
    });

    it('over the API: the same JSON shape, no total in the items, the total past the end', async () => {
      for (const path of ['/api/agencies', '/api/users', `/api/councils/${t.id('council:sa-huynh')}/delegates`]) {
        const all = (await (await admin.get(`${path}?pageSize=200`)).json()) as PageOf;
        expect(Object.keys(all).sort(), path).toEqual(['items', 'page', 'pageSize', 'total']);
        expect(all.total, path).toBe(all.items.length);
        expect(all.total, path).toBeGreaterThan(2);
        const second = (await (await admin.get(`${path}?page=2&pageSize=2`)).json()) as PageOf;
        expect(second, path).toEqual({ items: all.items.slice(2, 4), total: all.total, page: 2, pageSize: 2 });
        const past = (await (await admin.get(`${path}?page=99&pageSize=2`)).json()) as PageOf;
        expect(past, path).toEqual({ items: [], total: all.total, page: 99, pageSize: 2 });
        for (const item of all.items) expect(item, path).not.toHaveProperty('total');
      }
    });
  });
}
