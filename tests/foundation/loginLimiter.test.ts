// The login limiter as an attacker and the owner meet it: addresses behind and outside a trusted
// proxy, one address failing many times, the owner coming from elsewhere, and two server processes
// sharing one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/db/client.ts';
import { readEnv } from '../../src/server/config.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { createTestApp, fromAddress, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

type App = TestApp['app'];
// Documentation addresses (RFC 5737): only strings in a request, nothing is sent anywhere.
const PROXY = '127.0.0.1';
const login = (app: App, address: string, username: string, password: string, headers: Record<string, string> = {}) =>
  app.request(
    '/api/auth/login',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) },
    fromAddress(address),
  );

describe('TRUST_PROXY setting', () => {
  it('reads addresses and CIDRs, and refuses anything else in Vietnamese', () => {
    expect(readEnv({ TRUST_PROXY: '127.0.0.1, 10.1.0.0/16 ::1' }).app.trustProxy).toEqual(['127.0.0.1', '10.1.0.0/16', '::1']);
    expect(readEnv({}).app.trustProxy).toEqual([]);
    expect(() => readEnv({ TRUST_PROXY: 'proxy.local' })).toThrow('TRUST_PROXY không hợp lệ: "proxy.local"');
    expect(() => readEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow('TRUST_PROXY không hợp lệ');
  });
});

for (const kind of dbKinds()) {
  describe(`login limiter [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind, { config: { trustProxy: [PROXY] } });
    }, 300_000);
    afterAll(() => t.close());

    const failures = async (n: number, address: string, username: string, headers: Record<string, string> = {}) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) statuses.push((await login(t.app, address, username, `sai-${i}-mat-khau`, headers)).status);
      return statuses;
    };

    it('counts a client rotating X-Forwarded-For without a trusted proxy as one address', async () => {
      // 30 failures, each claiming another origin, on 30 different usernames: the address limit.
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const r = await login(t.app, '198.51.100.7', `khach${i}`, 'sai-mat-khau1', { 'x-forwarded-for': `203.0.113.${i}` });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
      // The address is refused for every username, the right password included…
      expect((await login(t.app, '198.51.100.7', 'vp.tinh', DEMO_PASSWORD)).status).toBe(429);
      // …and another address is not affected at all.
      expect((await login(t.app, '198.51.100.8', 'vp.tinh', DEMO_PASSWORD)).status).toBe(200);
    });

    it('believes X-Forwarded-For from the trusted proxy: clients behind it are told apart', async () => {
      const behind = (client: string) => ({ 'x-forwarded-for': `${client}, ${PROXY}` });
      expect((await failures(6, PROXY, 'vp.thixa', behind('203.0.113.50'))).at(-1)).toBe(429);
      // Another client behind the same proxy signs in; a spoofed left-most entry changes nothing.
      expect((await login(t.app, PROXY, 'vp.thixa', DEMO_PASSWORD, { 'x-forwarded-for': '203.0.113.50, 203.0.113.51' })).status).toBe(200);
      expect((await login(t.app, PROXY, 'vp.thixa', DEMO_PASSWORD, behind('203.0.113.50'))).status).toBe(429);
      // The session records the client's address, not the proxy's.
      const rows = await t.db.execute(sql`select s.address from auth_sessions s join users u on u.id = s.user_id where u.username = 'vp.thixa'`);
      expect(rows.rows.map((r) => (r as { address: string }).address)).toEqual(['203.0.113.51']);
    });

    it("lets the owner sign in from a fresh address after an attacker's failures", async () => {
      // The attacker fails from two addresses until each is slowed down: 10 failures on the account.
      const slowed = [401, 401, 401, 401, 401, 429];
      expect(await failures(6, '198.51.100.20', 'tt.sahuynh')).toEqual(slowed);
      expect(await failures(6, '198.51.100.22', 'tt.sahuynh')).toEqual(slowed);
      // The account is now under attack: a third address gets one free failure, not five.
      expect(await failures(2, '198.51.100.21', 'tt.sahuynh')).toEqual([401, 429]);
      // The owner, from an address that has not failed, signs in at once.
      expect((await login(t.app, '203.0.113.99', 'tt.sahuynh', DEMO_PASSWORD)).status).toBe(200);
      // Once the account is under attack, a mistyped password from the owner's address costs a
      // minute, not the account.
      expect((await failures(1, '203.0.113.98', 'tt.sahuynh'))).toEqual([401]);
      expect((await login(t.app, '203.0.113.98', 'tt.sahuynh', DEMO_PASSWORD)).status).toBe(429);
      t.setNow(new Date(t.now.getTime() + 61_000));
      expect((await login(t.app, '203.0.113.98', 'tt.sahuynh', DEMO_PASSWORD)).status).toBe(200);
    });

    it('treats unknown and known usernames alike', async () => {
      const known = await failures(6, '198.51.100.30', 'mttq.sahuynh');
      const unknown = await failures(6, '198.51.100.31', 'khong.ton.tai');
      expect(unknown).toEqual(known);
      expect(known).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('shares the counts between two server processes on one database', async () => {
      // A second process: for PostgreSQL its own connection pool, for PGlite the same database.
      const second = kind === 'postgres' ? await openDatabase({ databaseUrl: t.where }) : undefined;
      try {
        const other = createApp({ db: second?.db ?? t.db, dbKind: kind, clock: () => t.now, config: { publicUrl: 'http://localhost:3000', secureCookies: false } });
        const apps = [t.app, other];
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await login(apps[i % 2]!, '198.51.100.40', 'ubnd.sahuynh', `sai-${i}-mat-khau`)).status);
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
        expect((await login(t.app, '198.51.100.40', 'ubnd.sahuynh', DEMO_PASSWORD)).status).toBe(429);
        expect((await login(other, '198.51.100.40', 'ubnd.sahuynh', DEMO_PASSWORD)).status).toBe(429);
      } finally {
        await second?.close();
      }
    });

    it('records logins, logouts and failures in the audit log, never the password', async () => {
      await login(t.app, '198.51.100.60', 'so.xaydung', 'MatKhauSai999');
      const ok = await login(t.app, '198.51.100.61', 'so.xaydung', DEMO_PASSWORD, { 'user-agent': 'KiemThu/1.0' });
      const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
      const me = await (await t.app.request('/api/auth/me', { headers: { cookie } })).json();
      await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': me.csrfToken } }, fromAddress('198.51.100.61'));
      const admin = await t.as('admin');
      const res = await admin.get('/api/audit?pageSize=200');
      expect(res.status).toBe(200);
      const raw = await res.text();
      expect(raw).not.toContain('MatKhauSai999');
      expect(raw).not.toContain(DEMO_PASSWORD);
      const items = JSON.parse(raw).items as { action: string; actorName: string; entityId: string; after: Record<string, unknown> }[];
      const mine = items.filter((e) => e.after?.address && String(e.after.address).startsWith('198.51.100.6'));
      expect(mine.map((e) => e.action).reverse()).toEqual(['auth.login_failed', 'auth.login', 'auth.logout']);
      expect(mine.at(-1)).toMatchObject({ actorName: 'Người chưa đăng nhập', entityId: 'so.xaydung', after: { username: 'so.xaydung', address: '198.51.100.60' } });
      expect(mine[1]).toMatchObject({ actorName: 'Ngô Thị Thảo', after: { address: '198.51.100.61', userAgent: 'KiemThu/1.0' } });
    });
  });
}
