// Accent-insensitive search in the database, identical on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { searchWithTypoFallback } from '../../src/db/textSearch.ts';
import { exactDocument, searchDocument } from '../../src/domain/text/searchQuery.ts';
import { createTestDb, dbKinds } from '../support/db.ts';

const DOCS = [
  'Đề nghị nâng cấp đường bê tông thôn Thạnh Đức 1',
  'Cử tri đề nghị nạo vét kênh mương Dương Thạnh',
  'Sửa chữa Quốc lộ 1A đoạn qua phường Sa Huỳnh bị hư hỏng nặng',
  'Cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân tổ dân phố Long Thạnh 2',
  'Lắp đặt hệ thống nước sạch cho thôn Trung Sơn',
  'Hỗ trợ ngư dân sửa chữa tàu cá bị hư hỏng do bão',
  'Điện chiếu sáng đường Hoà Bình chưa được lắp đặt',
  'Trường THCS Phổ Thạnh xuống cấp, đề nghị sửa chữa phòng học',
];

for (const kind of dbKinds()) {
  describe(`text search in the database [${kind}]`, () => {
    let database: Awaited<ReturnType<typeof createTestDb>>;
    const search = async (q: string) => {
      const { rows } = await searchWithTypoFallback(database.db, { searchDoc: sql.raw('search_text'), exactDoc: sql.raw('exact_doc') }, q, async (s) => {
        const r = await database.db.execute(sql`select body from t where ${s!.where} order by ${s!.rank ? sql`${s!.rank} desc,` : sql``} id`);
        return r.rows.map((x) => (x as { body: string }).body);
      });
      return rows;
    };
    beforeAll(async () => {
      database = await createTestDb(kind);
      await database.db.execute(sql`create table t (id serial primary key, body text, search_text text, exact_doc text)`);
      await database.db.execute(sql`create index t_trgm on t using gin (search_text gin_trgm_ops)`);
      // The vocabulary table comes with the migrations; this test table feeds it like the real ones.
      await database.db.execute(
        sql`create trigger t_vocabulary after insert on t for each row execute function search_vocabulary_collect()`,
      );
      for (const body of DOCS) {
        await database.db.execute(sql`insert into t (body, search_text, exact_doc) values (${body}, ${searchDocument(body)}, ${exactDocument(body)})`);
      }
    });
    afterAll(() => database.close());

    it('"duong" finds "đường" and "dương"', async () => {
      const found = await search('duong');
      expect(found).toContain(DOCS[0]);
      expect(found).toContain(DOCS[1]);
      expect(found).toContain(DOCS[6]);
    });

    it('"đường" ranks "đường" above "dương"', async () => {
      const found = await search('đường');
      expect(found.indexOf(DOCS[1]!)).toBeGreaterThan(found.indexOf(DOCS[0]!));
      expect(found.at(-1)).toBe(DOCS[1]);
    });

    it('matches whole words: "an" does not find "Thạnh" or "Trung Sơn"', async () => {
      expect(await search('an')).toEqual([]);
    });

    it('phrases, prefixes and combined terms', async () => {
      expect(await search('"nuoc sach"')).toEqual([DOCS[4]]);
      expect(await search('"sach nuoc"')).toEqual([]);
      expect(await search('thạn*')).toHaveLength(4);
      expect(await search('sua chua hu hong')).toEqual([DOCS[2], DOCS[5]]);
    });

    it('expands abbreviations both ways and matches old-style tone marks', async () => {
      expect(await search('QL1A')).toEqual([DOCS[2]]);
      expect(await search('"quoc lo 1a"')).toEqual([DOCS[2]]);
      expect(await search('thcs')).toEqual([DOCS[7]]);
      expect(await search('hòa bình')).toEqual([DOCS[6]]);
    });

    it('tolerates a typo in a longer word, by correcting it against the vocabulary', async () => {
      expect(await search('chung nhann')).toEqual([DOCS[3]]);
      expect(await search('sua chua tau caa')).toEqual([]);
      expect(await search('nguw dan')).toEqual([DOCS[5]]);
    });
  });
}
