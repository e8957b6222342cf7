// The permission matrix: every registered route, called by every demo role, in and out of scope.
// New routes are covered automatically because the test enumerates the route registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { routeRegistry, type RouteMeta } from '../../src/server/route.ts';
import { roleHas } from '../../src/server/permissions.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

// Each demo user, the role it holds, and where (see src/modules/accounts/seed.ts).
const USERS = [
  { username: 'admin', role: 'admin', council: null, agency: null },
  { username: 'vp.sahuynh', role: 'secretariat', council: 'A', agency: null },
  { username: 'tt.sahuynh', role: 'standing_member', council: 'A', agency: null },
  { username: 'ban.sahuynh', role: 'committee_member', council: 'A', agency: null },
  { username: 'daibieu.sahuynh', role: 'delegate', council: 'A', agency: null },
  { username: 'mttq.sahuynh', role: 'front_staff', council: 'A', agency: null },
  { username: 'ubnd.sahuynh', role: 'agency_responder', council: null, agency: 'A' },
  { username: 'so.xaydung', role: 'agency_responder', council: null, agency: 'B' },
] as const;

type Who = (typeof USERS)[number] | null;

function expected(route: RouteMeta, who: Who, target: 'A' | 'B'): 'allowed' | 401 | 403 {
  if (route.scope === 'public') return 'allowed';
  if (!who) return 401;
  if (route.scope === 'authenticated') return 'allowed';
  const holds = roleHas(who.role, route.permission!);
  if (who.role === 'admin') return 'allowed';
  if (!holds) return 403;
  if (route.scope === 'global') return 'allowed';
  if (route.scope === 'council') return who.council === target ? 'allowed' : 403;
  return who.agency === target ? 'allowed' : 403;
}

for (const kind of dbKinds()) {
  describe(`permission matrix [${kind}]`, () => {
    let t: TestApp;
    const clients = new Map<string, TestClient>();
    beforeAll(async () => {
      t = await createTestApp(kind);
      for (const u of USERS) clients.set(u.username, await t.as(u.username));
    });
    afterAll(() => t.close());

    it('covers a non-trivial number of routes', () => {
      expect(routeRegistry.length).toBeGreaterThan(30);
    });

    it('gives every role in and out of scope the expected status on every route', async () => {
      const councils = { A: t.id('council:sa-huynh'), B: t.id('council:duc-pho-ward') };
      const agencies = { A: t.id('agency:ubnd-sa-huynh'), B: t.id('agency:so-xay-dung') };
      const failures: string[] = [];
      const routes = routeRegistry;
      let checked = 0;
      for (const route of routes) {
        for (const target of ['A', 'B'] as const) {
          const path =
            '/api' +
            route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
              name === 'councilId' ? councils[target] : name === 'agencyId' && route.scope === 'agency' ? agencies[target] : randomUUID(),
            );
          for (const who of [null, ...USERS] as Who[]) {
            if (route.path === '/auth/login') continue; // public by design; exercised in auth tests
            // Logging out ends the session: give that route a fresh login each time.
            const client = !who ? t.anonymous() : route.path === '/auth/logout' ? await t.as(who.username) : clients.get(who.username)!;
            const res = await client.request(route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
            const want = expected(route, who, target);
            const ok = want === 'allowed' ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === want;
            checked++;
            if (!ok) failures.push(`${route.method} ${route.path} [${target}] as ${who?.username ?? 'anonymous'}: got ${res.status}, want ${want}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(400);
    }, 240_000); // over a thousand requests: minutes on a loaded two-core machine

    it('keeps a commune secretariat out of another commune, and responders out of councils', async () => {
      const other = t.id('council:duc-pho-ward');
      const vp = clients.get('vp.sahuynh')!;
      expect((await vp.get(`/api/councils/${other}/delegates`)).status).toBe(403);
      const body = await (await vp.get(`/api/councils/${other}/delegates`)).json();
      expect(body.error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
      const responder = await t.as('ubnd.sahuynh');
      expect((await responder.get(`/api/councils/${t.id('council:sa-huynh')}/delegates`)).status).toBe(403);
      const front = await t.as('mttq.sahuynh');
      expect((await front.get(`/api/councils/${t.id('council:sa-huynh')}/delegates`)).status).toBe(200);
      expect((await front.post(`/api/councils/${t.id('council:sa-huynh')}/delegates`, { fullName: 'Thử Nghiệm' })).status).toBe(403);
    });
  });
}
