// Sessions as their owner sees them: the list (device, address, times), ending one or all others,
// a password change ending the other sessions, an administrator's reset ending all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { createTestApp, fromAddress, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

for (const kind of dbKinds()) {
  describe(`sessions [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    }, 300_000);
    afterAll(() => t.close());

    /** Signs in from a device: a cookie + CSRF pair with a user agent and an address. */
    const device = async (username: string, userAgent: string, address: string, password = DEMO_PASSWORD) => {
      const res = await t.app.request(
        '/api/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': userAgent }, body: JSON.stringify({ username, password }) },
        fromAddress(address),
      );
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const me = await (await t.app.request('/api/auth/me', { headers: { cookie } })).json();
      const call = (method: string, path: string, body?: unknown) =>
        t.app.request(path, {
          method,
          headers: { cookie, 'x-csrf-token': me.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      return { call, alive: async () => (await call('GET', '/api/auth/me')).status === 200 };
    };

    it('lists my sessions with device, address and times, and ends one of them', async () => {
      const phone = await device('vp.tinh', 'Dien thoai Android', '198.51.100.1');
      t.setNow(new Date(t.now.getTime() + 60_000));
      const office = await device('vp.tinh', 'May tinh van phong', '203.0.113.9');
      const list = (await (await office.call('GET', '/api/auth/sessions')).json()).items;
      expect(list).toHaveLength(2);
      expect(list.map((s: { userAgent: string; address: string; current: boolean }) => [s.userAgent, s.address, s.current])).toEqual([
        ['May tinh van phong', '203.0.113.9', true],
        ['Dien thoai Android', '198.51.100.1', false],
      ]);
      expect(list[1].createdAt).toBe(new Date(t.now.getTime() - 60_000).toISOString());
      // Another user's session cannot be ended from here.
      const other = await device('vp.thixa', 'Khac', '198.51.100.2');
      const otherId = (await (await other.call('GET', '/api/auth/sessions')).json()).items[0].id;
      expect((await office.call('DELETE', `/api/auth/sessions/${otherId}`)).status).toBe(404);
      expect(await other.alive()).toBe(true);
      // The phone is ended from the office.
      expect((await office.call('DELETE', `/api/auth/sessions/${list[1].id}`)).status).toBe(200);
      expect(await phone.alive()).toBe(false);
      expect(await office.alive()).toBe(true);
    });

    it('refreshes "last seen" while a session is used', async () => {
      const s = await device('vp.ducpho', 'Trinh duyet', '198.51.100.3');
      const created = (await (await s.call('GET', '/api/auth/sessions')).json()).items[0].lastSeenAt;
      t.setNow(new Date(t.now.getTime() + 10 * 60_000));
      await s.call('GET', '/api/menu');
      const seen = (await (await s.call('GET', '/api/auth/sessions')).json()).items[0].lastSeenAt;
      expect(seen).toBe(t.now.toISOString());
      expect(seen).not.toBe(created);
    });

    it('ends all my other sessions on request', async () => {
      const a = await device('tt.sahuynh', 'A', '198.51.100.4');
      const b = await device('tt.sahuynh', 'B', '198.51.100.5');
      const c = await device('tt.sahuynh', 'C', '198.51.100.6');
      expect(await (await c.call('POST', '/api/auth/sessions/end-others')).json()).toEqual({ ended: 2 });
      expect([await a.alive(), await b.alive(), await c.alive()]).toEqual([false, false, true]);
    });

    it('a password change ends my other sessions and keeps this one', async () => {
      const old = await device('mttq.sahuynh', 'Cu', '198.51.100.7');
      const here = await device('mttq.sahuynh', 'Moi', '198.51.100.8');
      expect((await here.call('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'DoiMatKhau2027' })).status).toBe(200);
      expect(await old.alive()).toBe(false);
      expect(await here.alive()).toBe(true);
    });

    it("an administrator's password reset ends every session of the user", async () => {
      const admin = await t.as('admin');
      const a = await device('dienluc', 'A', '198.51.100.9');
      const b = await device('dienluc', 'B', '198.51.100.10');
      const users = await (await admin.get('/api/users?q=dienluc')).json();
      expect((await admin.patch(`/api/users/${users.items[0].id}`, { password: 'DatLai2026x' })).status).toBe(200);
      expect([await a.alive(), await b.alive()]).toEqual([false, false]);
      // The new session is held to the forced change until the password is changed.
      const after = await device('dienluc', 'C', '198.51.100.11', 'DatLai2026x');
      const refused = await after.call('GET', `/api/agencies/${t.id('agency:dien-luc')}/dispatch-items`);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toBe('Bạn cần đổi mật khẩu do quản trị viên đặt trước khi tiếp tục sử dụng Nghị Trường.');
      expect((await after.call('GET', '/api/auth/me')).status).toBe(200);
      expect((await after.call('GET', '/api/auth/sessions')).status).toBe(200);
      expect((await after.call('POST', '/api/users', { username: 'x.y', fullName: 'X', password: 'abc12345' })).status).toBe(403);
      expect((await after.call('POST', '/api/auth/password', { currentPassword: 'DatLai2026x', newPassword: 'CuaToi2027' })).status).toBe(200);
      expect((await after.call('GET', `/api/agencies/${t.id('agency:dien-luc')}/dispatch-items`)).status).toBe(200);
      expect((await after.call('POST', '/api/auth/logout')).status).toBe(200);
      expect(await after.alive()).toBe(false);
    });
  });
}
