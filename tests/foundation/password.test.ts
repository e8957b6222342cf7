// Password hashes at OWASP's scrypt cost, and older hashes raised to it at the next login. The rest
// of the suite hashes at a test cost (NT_TEST_SCRYPT_LOG2N in vitest.config.ts); here it is lifted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { OWASP_SCRYPT, currentParams, hashPassword, needsRehash, verifyPassword } from '../../src/modules/accounts/password.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

const testCost = process.env.NT_TEST_SCRYPT_LOG2N;
const realCost = () => delete process.env.NT_TEST_SCRYPT_LOG2N;
const restore = () => {
  if (testCost === undefined) delete process.env.NT_TEST_SCRYPT_LOG2N;
  else process.env.NT_TEST_SCRYPT_LOG2N = testCost;
};

describe('password hashing', () => {
  afterAll(restore);
  it('hashes at N = 2^17, r = 8, p = 1 unless a test asks for less', async () => {
    realCost();
    expect(currentParams()).toEqual({ N: 131072, r: 8, p: 1 });
    expect(OWASP_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    const h = await hashPassword('MatKhau2026');
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('MatKhau2026', h)).toBe(true);
    expect(await verifyPassword('MatKhau2027', h)).toBe(false);
    expect(needsRehash(h)).toBe(false);
    expect(needsRehash('scrypt$32768$8$1$c2FsdA$a2V5')).toBe(true);
    // Out-of-range test values fall back to the real cost.
    process.env.NT_TEST_SCRYPT_LOG2N = '3';
    expect(currentParams().N).toBe(131072);
    process.env.NT_TEST_SCRYPT_LOG2N = '10';
    expect(currentParams().N).toBe(1024);
  }, 120_000);
});

for (const kind of dbKinds()) {
  describe(`rehash at login [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    }, 300_000);
    afterAll(async () => {
      restore();
      await t.close();
    });

    it('replaces a hash made at the old cost (2^15) on the next successful login', async () => {
      const old = await hashPassword('CuTruoc2025', { N: 2 ** 15, r: 8, p: 1 });
      await t.db.update(users).set({ passwordHash: old }).where(eq(users.username, 'ban.sahuynh'));
      realCost();
      const login = (password: string) =>
        t.app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'ban.sahuynh', password }),
        });
      expect((await login('SaiMatKhau1')).status).toBe(401);
      const [unchanged] = await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.username, 'ban.sahuynh'));
      expect(unchanged!.h).toBe(old);
      expect((await login('CuTruoc2025')).status).toBe(200);
      const [after] = await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.username, 'ban.sahuynh'));
      expect(after!.h).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword('CuTruoc2025', after!.h)).toBe(true);
      expect((await login('CuTruoc2025')).status).toBe(200);
    }, 120_000);
  });
}
