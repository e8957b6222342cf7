// Two-factor sign-in as a user and an administrator meet it: enrolling with an authenticator app
// (codes computed here with the same RFC 6238 library), the second login step, replayed and stale
// codes, the limiter, requirement per user and per role, and the administrator's reset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP, URI } from 'otpauth';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { createTestApp, fromAddress, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

const codeAt = (uri: string, at: Date) => (URI.parse(uri) as TOTP).generate({ timestamp: at.getTime() });

for (const kind of dbKinds()) {
  describe(`two-factor sign-in [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    }, 300_000);
    afterAll(() => t.close());

    const login = (username: string, body: Record<string, string>, address = '198.51.100.70') =>
      t.app.request(
        '/api/auth/login',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, ...body }) },
        fromAddress(address),
      );

    const enroll = async (c: TestClient) => {
      const setup = await (await c.post('/api/auth/totp/setup')).json();
      expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Ngh/);
      expect(setup.uri).toContain(`secret=${setup.secret}`);
      expect((await c.post('/api/auth/totp/enable', { secret: setup.secret, code: '000000' })).status).toBe(422);
      expect((await c.post('/api/auth/totp/enable', { secret: setup.secret, code: codeAt(setup.uri, t.now) })).status).toBe(200);
      return setup as { secret: string; uri: string };
    };

    it('enrolls, then asks for the code after the password, and never takes a code twice', async () => {
      const c = await t.as('vp.sahuynh');
      const { secret, uri } = await enroll(c);
      expect((await (await c.get('/api/auth/me')).json()).totpEnabled).toBe(true);
      // The secret is never shown again: not by /me, not in the users list, not in the audit log.
      const admin = await t.as('admin');
      for (const path of ['/api/auth/me', '/api/users?q=vp.sahuynh', '/api/audit?pageSize=200']) {
        const raw = await (await (path === '/api/auth/me' ? c : admin).get(path)).text();
        expect(raw, path).not.toContain(secret);
      }
      expect((await c.post('/api/auth/totp/setup')).status).toBe(409);

      // Step 1: the right password answers that a code is needed, and signs nobody in.
      const step1 = await login('vp.sahuynh', {});
      expect(step1.status).toBe(200);
      expect(await step1.json()).toEqual({ ok: false, totpRequired: true });
      expect(step1.headers.get('set-cookie')).toBeNull();
      // The code used at enrollment is spent.
      const replayEnroll = await login('vp.sahuynh', { totpCode: codeAt(uri, t.now) });
      expect(replayEnroll.status).toBe(401);
      expect((await replayEnroll.json()).error.message).toContain('Mã xác thực không đúng hoặc đã được dùng');
      // 30 s later a new code signs in, once.
      t.setNow(new Date(t.now.getTime() + 30_000));
      const code = codeAt(uri, t.now);
      const ok = await login('vp.sahuynh', { totpCode: code });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ ok: true });
      expect(ok.headers.get('set-cookie')).toMatch(/nt_session=/);
      expect((await login('vp.sahuynh', { totpCode: code })).status).toBe(401);
      // A code from one step back still works (clock drift); two minutes old does not.
      t.setNow(new Date(t.now.getTime() + 60_000));
      expect((await login('vp.sahuynh', { totpCode: codeAt(uri, new Date(t.now.getTime() - 120_000)) })).status).toBe(401);
      expect((await login('vp.sahuynh', { totpCode: codeAt(uri, new Date(t.now.getTime() - 30_000)) })).status).toBe(200);
      // A wrong password with a right code is still a wrong password.
      t.setNow(new Date(t.now.getTime() + 30_000));
      const wrong = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'vp.sahuynh', password: 'SaiMatKhau1', totpCode: codeAt(uri, t.now) }),
      }, fromAddress('198.51.100.71'));
      expect((await wrong.json()).error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    });

    it('counts wrong codes in the login limiter', async () => {
      const c = await t.as('vp.thixa');
      await enroll(c);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login('vp.thixa', { totpCode: String(100000 + i) }, '198.51.100.72')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    });

    it('an administrator requires it of a user: the user must enroll before anything else, and can be reset', async () => {
      const admin = await t.as('admin');
      const id = t.id('user:ubnd.sahuynh');
      expect((await admin.patch(`/api/users/${id}`, { totpRequired: true })).status).toBe(200);
      const c = await t.as('ubnd.sahuynh');
      const me = await (await c.get('/api/auth/me')).json();
      expect(me).toMatchObject({ mustEnrollTotp: true, totpEnabled: false });
      const refused = await c.get(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/dispatch-items`);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toContain('bắt buộc dùng xác thực hai bước');
      await enroll(c);
      expect((await c.get(`/api/agencies/${t.id('agency:ubnd-sa-huynh')}/dispatch-items`)).status).toBe(200);
      // Required: the user cannot turn it off; the administrator can reset it (lost phone).
      const off = await c.post('/api/auth/totp/disable', { password: DEMO_PASSWORD });
      expect(off.status).toBe(409);
      expect((await admin.post(`/api/users/${id}/totp/reset`)).status).toBe(200);
      expect((await (await c.get('/api/auth/me')).json()).mustEnrollTotp).toBe(true);
      // The password alone now starts a session (one that must enroll again).
      t.setNow(new Date(t.now.getTime() + 30_000));
      expect(await (await login('ubnd.sahuynh', {}, '198.51.100.73')).json()).toEqual({ ok: true });
    });

    it('an administrator requires it of a role', async () => {
      const admin = await t.as('admin');
      expect((await admin.put('/api/totp-required-roles', { roles: ['no_such_role'] })).status).toBe(422);
      expect(await (await admin.put('/api/totp-required-roles', { roles: ['agency_responder'] })).json()).toEqual({ roles: ['agency_responder'] });
      expect(await (await admin.get('/api/totp-required-roles')).json()).toEqual({ roles: ['agency_responder'] });
      const responder = await t.as('so.xaydung');
      expect((await (await responder.get('/api/auth/me')).json()).mustEnrollTotp).toBe(true);
      expect((await responder.get(`/api/agencies/${t.id('agency:so-xay-dung')}/dispatch-items`)).status).toBe(403);
      const other = await t.as('daibieu.sahuynh');
      expect((await (await other.get('/api/auth/me')).json()).mustEnrollTotp).toBe(false);
      // A user who is not required may turn it off, with their password.
      await enroll(other);
      expect((await other.post('/api/auth/totp/disable', { password: 'sai' })).status).toBe(422);
      expect((await other.post('/api/auth/totp/disable', { password: DEMO_PASSWORD })).status).toBe(200);
      expect(await (await login('daibieu.sahuynh', {}, '198.51.100.74')).json()).toEqual({ ok: true });
    });
  });
}
