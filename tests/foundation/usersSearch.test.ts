// The users list is searched accent-insensitively, like every other name list: a folded search key
// kept by the account actions, and backfilled by migration 0009 with an SQL fold that must agree
// with the code's fold().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/client.ts';
import { fold } from '../../src/domain/text/normalize.ts';
import { userSearchKey } from '../../src/modules/accounts/service.ts';
import { users } from '../../src/modules/accounts/schema.ts';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

const MIGRATION = path.join(migrationsFolder, '0009_users_search_key.sql');

/** The backfill statement of the migration (the one UPDATE among its statements). */
function backfillStatement(): string {
  const statements = readFileSync(MIGRATION, 'utf8').split('--> statement-breakpoint');
  const updates = statements.filter((s) => /\bUPDATE\s+"users"/i.test(s));
  expect(updates).toHaveLength(1);
  return updates[0]!.trim();
}

/** Every Vietnamese vowel with every tone (and the bare ă â ê ô ơ ư), and đ; lowercase and uppercase. */
function everyVietnameseLetter(): string {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const words = bases.map((b) => tones.map((t) => (b + t).normalize('NFC')).join(''));
  const lower = `${words.join(' ')} đ`;
  return `${lower} ${lower.toUpperCase()}`;
}

const found = async (c: TestClient, q: string): Promise<string[]> => {
  const res = await c.get(`/api/users?pageSize=200&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()).items as { username: string }[]).map((u) => u.username);
};

for (const kind of dbKinds()) {
  describe(`users search [${kind}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('finds a user by name without diacritics, in any case, as a substring', async () => {
      const admin = await t.as('admin');
      const created = await admin.post('/api/users', { username: 'vp.hanh', fullName: 'Nguyễn Thị Đức Hạnh', password: 'BanDau2026' });
      expect(created.status).toBe(201);
      const user = await created.json();
      expect(user.searchKey).toBeUndefined();
      expect(await found(admin, 'duc hanh')).toContain('vp.hanh');
      expect(await found(admin, 'ĐỨC')).toContain('vp.hanh');
      expect(await found(admin, 'nguyen thi')).toContain('vp.hanh');
      expect(await found(admin, '  Nguyễn   Thị  ')).toContain('vp.hanh');
      expect(await found(admin, 'vp.ha')).toContain('vp.hanh');
      expect(await found(admin, 'hung')).not.toContain('vp.hanh');
      // LIKE wildcards in the query are literal characters.
      expect(await found(admin, '%')).toEqual([]);
      // The export follows the same search.
      const xlsx = await admin.get(`/api/users/export.xlsx?q=${encodeURIComponent('duc hanh')}`);
      expect(xlsx.status).toBe(200);
    });

    it('finds a renamed user by the new name, not the old one', async () => {
      const admin = await t.as('admin');
      const created = await admin.post('/api/users', { username: 'vp.doiten', fullName: 'Lê Văn Tường', password: 'BanDau2026' });
      const user = await created.json();
      expect(await found(admin, 'tuong')).toContain('vp.doiten');
      const renamed = await admin.patch(`/api/users/${user.id}`, { fullName: 'Phan Thị Ngọc Ánh', email: 'anh.phan@quangngai.gov.vn' });
      expect(renamed.status).toBe(200);
      expect(await found(admin, 'ngoc anh')).toContain('vp.doiten');
      expect(await found(admin, 'anh.phan@')).toContain('vp.doiten');
      expect(await found(admin, 'tuong')).not.toContain('vp.doiten');
      // Changing something else keeps the key.
      expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
      expect(await found(admin, 'ngoc anh')).toContain('vp.doiten');
    });

    it("backfills existing users with the migration's SQL fold, equal to the code's", async () => {
      const letters = everyVietnameseLetter();
      await t.db.insert(users).values([
        { username: 'backfill.all', fullName: letters, email: 'Đ.Ư@Example.VN', passwordHash: 'x' },
        // Decomposed (NFD) text and runs of spaces.
        { username: 'backfill.nfd', fullName: 'Nguyễn  Thị   Đức Hạnh'.normalize('NFD'), passwordHash: 'x' },
      ]);
      await t.db.update(users).set({ searchKey: '' });
      await t.db.execute(sql.raw(backfillStatement()));
      const rows = await t.db.select().from(users);
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) expect(r.searchKey, r.username).toBe(userSearchKey(r));
      const all = rows.find((r) => r.username === 'backfill.all')!;
      expect(all.searchKey).toMatch(/^[a-z .@]+$/);
      expect(rows.find((r) => r.username === 'backfill.nfd')!.searchKey).toBe('backfill.nfd nguyen thi duc hanh');
      // Backfilled users are found like the others.
      expect(await found(await t.as('admin'), 'DUC HANH')).toEqual(expect.arrayContaining(['backfill.nfd', 'vp.hanh']));
    });

    it('folds in SQL like fold() even where lower() only knows ASCII (C collation)', async () => {
      const expr = backfillStatement().match(/SET\s+"search_key"\s*=\s*([\s\S]+?);?$/)![1]!;
      const letters = everyVietnameseLetter();
      for (const collation of ['default', 'C']) {
        const col = (v: string) => (collation === 'C' ? sql`${v}::text collate "C"` : sql`${v}::text`);
        const res = await t.db.execute<{ k: string }>(
          sql`select ${sql.raw(expr)} as k from (select ${col('')} as "username", ${col(letters)} as "full_name", ${col('')} as "email") s`,
        );
        expect(res.rows[0]!.k, collation).toBe(fold(letters));
      }
    });
  });
}
