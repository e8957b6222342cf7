import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { routeRegistry } from '../../src/server/route.ts';

const login = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

for (const kind of dbKinds()) {
  describe(`accounts [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('logs in with an httpOnly, SameSite cookie and logs out', async () => {
      const res = await login(t, 'vp.sahuynh', 'NghiTruong@2026');
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const c = await t.as('vp.sahuynh');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      expect((await c.post('/api/auth/logout')).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
    });

    it('refuses a wrong password with one Vietnamese message, whether or not the user exists', async () => {
      const a = await (await login(t, 'vp.sahuynh', 'sai-mat-khau1')).json();
      const b = await (await login(t, 'khong.co.ai', 'sai-mat-khau1')).json();
      expect(a.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
      expect(b.error.message).toBe(a.error.message);
    });

    it('slows down repeated failures for a username from one address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(t, 'ban.sahuynh', `sai-${i}-abc`)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses[5]).toBe(429);
      // Even the right password is refused while the delay runs.
      const locked = await login(t, 'ban.sahuynh', 'NghiTruong@2026');
      expect(locked.status).toBe(429);
      expect((await locked.json()).error.message).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.');
      // The delay passes.
      t.setNow(new Date(t.now.getTime() + 61_000));
      expect((await login(t, 'ban.sahuynh', 'NghiTruong@2026')).status).toBe(200);
    });

    it('protects every state change against CSRF', async () => {
      const c = await t.as('vp.sahuynh');
      const path = `/api/councils/${t.id('council:sa-huynh')}/delegates`;
      const noToken = await c.request('POST', path, { fullName: 'Không Có Mã' }, { 'x-csrf-token': '' });
      expect(noToken.status).toBe(403);
      const crossSite = await c.request('POST', path, { fullName: 'Trang Khác' }, { origin: 'https://evil.example', host: 'localhost' });
      expect(crossSite.status).toBe(403);
      expect((await login(t, 'vp.sahuynh', 'NghiTruong@2026', { origin: 'https://evil.example', host: 'localhost' })).status).toBe(403);
    });

    it('changes a password: the old one stops working', async () => {
      const c = await t.as('daibieu.sahuynh');
      const weak = await c.post('/api/auth/password', { currentPassword: 'NghiTruong@2026', newPassword: 'ngan' });
      expect(weak.status).toBe(422);
      expect((await weak.json()).error.message).toContain('ít nhất 8 ký tự');
      expect((await c.post('/api/auth/password', { currentPassword: 'sai', newPassword: 'MatKhauMoi2027' })).status).toBe(422);
      expect((await c.post('/api/auth/password', { currentPassword: 'NghiTruong@2026', newPassword: 'MatKhauMoi2027' })).status).toBe(200);
      expect((await login(t, 'daibieu.sahuynh', 'NghiTruong@2026')).status).toBe(401);
      expect((await login(t, 'daibieu.sahuynh', 'MatKhauMoi2027')).status).toBe(200);
    });

    it('lets an administrator create a user, grant a scoped role, and lock the account', async () => {
      const admin = await t.as('admin');
      const created = await admin.post('/api/users', { username: 'vp.tracau', fullName: 'Châu Thị Mận', password: 'BanDau2026' });
      expect(created.status).toBe(201);
      const user = await created.json();
      expect(user.passwordHash).toBeUndefined();
      expect(user.mustChangePassword).toBe(true);
      expect((await admin.post('/api/users', { username: 'vp.tracau', fullName: 'Trùng', password: 'BanDau2026' })).status).toBe(409);
      expect((await admin.post(`/api/users/${user.id}/grants`, { role: 'secretariat' })).status).toBe(422);
      expect((await admin.post(`/api/users/${user.id}/grants`, { role: 'secretariat', councilId: t.id('council:tra-cau') })).status).toBe(201);
      const c = await t.as('vp.tracau', 'BanDau2026');
      const me = await (await c.get('/api/auth/me')).json();
      expect(me.mustChangePassword).toBe(true);
      expect(me.councils.map((x: { name: string }) => x.name)).toEqual(['Hội đồng nhân dân phường Trà Câu']);
      // Until the user changes the password the administrator set, the server refuses everything else.
      const refused = await c.get(`/api/councils/${t.id('council:tra-cau')}/delegates`);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toContain('đổi mật khẩu');
      expect((await c.get('/api/menu')).status).toBe(403);
      expect((await c.get('/api/auth/sessions')).status).toBe(200);
      expect((await c.post('/api/auth/password', { currentPassword: 'BanDau2026', newPassword: 'CuaMinh2027' })).status).toBe(200);
      expect((await c.get(`/api/councils/${t.id('council:tra-cau')}/delegates`)).status).toBe(200);
      expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
    });

    it('shows each user the menu entries of what they may do, with group titles', async () => {
      type Entry = { key: string; groupLabel: string; councilIds?: string[] | 'all' };
      const vp = ((await (await (await t.as('vp.sahuynh')).get('/api/menu')).json()) as { entries: Entry[] }).entries;
      const delegates = vp.find((e) => e.key === 'delegates')!;
      expect(delegates.groupLabel).toBe('Danh mục');
      expect(delegates.councilIds).toEqual([t.id('council:sa-huynh')]);
      expect(vp.some((e) => e.key === 'users')).toBe(false);
      const admin = ((await (await (await t.as('admin')).get('/api/menu')).json()) as { entries: Entry[] }).entries;
      expect(admin.find((e) => e.key === 'users')).toMatchObject({ groupLabel: 'Hệ thống', councilIds: 'all' });
      const responder = ((await (await (await t.as('ubnd.sahuynh')).get('/api/menu')).json()) as { entries: Entry[] }).entries;
      expect(responder.some((e) => e.key === 'delegates')).toBe(false);
    });

    it('publishes an OpenAPI document covering every route, and a health endpoint', async () => {
      const doc = await (await t.app.request('/api/openapi.json')).json();
      for (const r of routeRegistry) {
        expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
      }
      const health = await (await t.app.request('/api/health')).json();
      expect(health).toMatchObject({ status: 'ok', database: kind });
    });
  });
}
