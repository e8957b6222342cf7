// Accent-insensitive search in the database, identical on PGlite and PostgreSQL: matching, ranking,
// typo tolerance, and the bounded plans and window of searchPage (src/db/textSearch.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { orderFirst, searchPage, SEARCH_WINDOW, type SearchableList } from '../../src/db/textSearch.ts';
import { exactDocument, searchDocument } from '../../src/domain/text/searchQuery.ts';
import { AppError } from '../../src/server/errors.ts';
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

/** A searchable table shaped like the real ones (the vector is derived by the database). */
async function createTable(db: Awaited<ReturnType<typeof createTestDb>>['db'], name: string) {
  await db.execute(sql.raw(`create table ${name} (id serial primary key, body text, search_text text not null default '', exact_text text not null default '',
    search_vector tsvector generated always as (nt_search_vector(search_text, exact_text)) stored)`));
  await db.execute(sql.raw(`create index ${name}_search on ${name} using gin (search_vector)`));
  // The vocabulary table comes with the migrations; this test table feeds it like the real ones.
  await db.execute(sql.raw(`create trigger ${name}_vocabulary after insert on ${name} for each row execute function search_vocabulary_collect()`));
}

function listOf(name: string): SearchableList<{ id: number; body: string }> {
  return {
    rows: async (db, where, offset, limit, extra, first) =>
      (
        await db.execute(
          sql`select id, body${extra ? sql`, ${extra.total} as total` : sql``} from ${sql.identifier(name)} where ${where ?? sql`true`}
            order by ${sql.join([...orderFirst(first), sql`id`], sql`, `)} limit ${limit} offset ${offset}`,
        )
      ).rows as { id: number; body: string }[],
    from: sql`${sql.identifier(name)}`,
  };
}

for (const kind of dbKinds()) {
  describe(`text search in the database [${kind}]`, () => {
    let database: Awaited<ReturnType<typeof createTestDb>>;
    const page = (table: string, q: string, p = 1, pageSize = 20, filters?: SQL) =>
      searchPage(database.db, listOf(table), { vector: sql.raw('search_vector'), query: q, filters, page: p, pageSize });
    const search = async (q: string) => (await page('t', q)).rows.map((r) => r.body);

    beforeAll(async () => {
      database = await createTestDb(kind);
      await createTable(database.db, 't');
      for (const body of DOCS) {
        await database.db.execute(sql`insert into t (body, search_text, exact_text) values (${body}, ${searchDocument(body)}, ${exactDocument(body)})`);
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
      expect(found).toEqual([DOCS[0], DOCS[6], DOCS[1]]);
      // Without diacritics in the query, the list's own order.
      expect(await search('duong')).toEqual([DOCS[0], DOCS[1], DOCS[6]]);
    });

    it('matches whole words: "an" does not find "Thạnh" or "Trung Sơn"', async () => {
      expect(await search('an')).toEqual([]);
    });

    it('phrases, prefixes and combined terms', async () => {
      expect(await search('"nuoc sach"')).toEqual([DOCS[4]]);
      expect(await search('"sach nuoc"')).toEqual([]);
      expect(await search('thạn*')).toHaveLength(4);
      expect(await search('sua chua hu hong')).toEqual([DOCS[2], DOCS[5]]);
      expect(await search('"dân phố"')).toEqual([DOCS[3]]);
    });

    it('expands abbreviations both ways and matches old-style tone marks', async () => {
      expect(await search('QL1A')).toEqual([DOCS[2]]);
      expect(await search('"quoc lo 1a"')).toEqual([DOCS[2]]);
      expect(await search('thcs')).toEqual([DOCS[7]]);
      expect(await search('hòa bình')).toEqual([DOCS[6]]);
    });

    it('tolerates a typo in a longer word, by correcting it against the vocabulary', async () => {
      expect(await search('chung nhann')).toEqual([DOCS[3]]);
      expect((await page('t', 'chung nhann')).corrected).toEqual({ nhann: expect.arrayContaining(['nhan']) });
      expect(await search('sua chua tau caa')).toEqual([]);
      expect(await search('nguw dan')).toEqual([DOCS[5]]);
    });

    it('combines the text with the caller\'s filters', async () => {
      expect((await page('t', 'duong', 1, 20, sql`id > 1`)).rows.map((r) => r.body)).toEqual([DOCS[1], DOCS[6]]);
    });

    describe('at scale: bounded counts, the window, and the same order whatever the plan', () => {
      // 3,000 rows: every 3rd says "đường", the others "dương"; one in 500 also says "cầu treo".
      const N = 3000;
      const bodyOf = (i: number) => `Kiến nghị số ${i} về ${i % 3 === 0 ? 'đường' : 'dương'}${i % 500 === 0 ? ' cầu treo' : ''}`;
      beforeAll(async () => {
        await createTable(database.db, 'big');
        const rows = Array.from({ length: N }, (_, k) => {
          const body = bodyOf(k + 1);
          return { body, s: searchDocument(body), e: exactDocument(body) };
        });
        await database.db.execute(
          sql`insert into big (body, search_text, exact_text) select body, s, e from json_to_recordset(${JSON.stringify(rows)}::json) as x(body text, s text, e text)`,
        );
        await database.db.execute(sql`analyze big`);
      });
      const ids = (r: { rows: { id: number }[] }) => r.rows.map((x) => x.id);
      const expected = (q: 'đường' | 'duong') => {
        const all = Array.from({ length: N }, (_, k) => k + 1);
        return q === 'duong' ? all : [...all.filter((i) => i % 3 === 0), ...all.filter((i) => i % 3 !== 0)];
      };

      it('counts up to the window and says there are more', async () => {
        const r = await page('big', 'duong');
        expect(r.total).toBe(SEARCH_WINDOW);
        expect(r.more).toBe(true);
        expect(ids(r)).toEqual(expected('duong').slice(0, 20));
        const few = await page('big', 'cau treo');
        expect({ total: few.total, more: few.more }).toEqual({ total: 6, more: false });
        expect(ids(few)).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
      });

      it('ranks exact diacritics first on every page, across the tier boundary', async () => {
        const want = expected('đường');
        for (const p of [1, 2, 17, 50]) {
          expect(ids(await page('big', 'đường', p))).toEqual(want.slice((p - 1) * 20, p * 20));
        }
        // A page that straddles the two tiers (1,000 exact rows, then the rest).
        expect(ids(await page('big', 'đường', 10, 100))).toEqual(want.slice(900, 1000));
        expect(ids(await page('big', 'đường', 2, 999))).toEqual(want.slice(999, 1998));
        // Exact and partial words together: "cầu treo" rows that say "đường" first.
        expect(ids(await page('big', 'đường "cầu treo"'))).toEqual([1500, 3000, 500, 1000, 2000, 2500]);
        expect(ids(await page('big', 'cầu treo dương'))).toEqual([500, 1000, 2000, 2500, 1500, 3000]);
      });

      it('refuses a page past the window with a Vietnamese message; an export gets every match', async () => {
        const err = await page('big', 'duong', 51).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).status).toBe(400);
        expect((err as AppError).message).toMatch(/Chỉ xem được 1\.000 kết quả/);
        const all = await page('big', 'đường', 1, 5000);
        expect(ids(all)).toEqual(expected('đường'));
      });
    });

    describe('a small scope answers in one statement, exactly as the steered plan does', () => {
      // 2,100 rows, interleaved: 900 in group "a" (a small scope: under 1,000 rows), 1,200 padding
      // rows in group "b" that no query below matches. Groups a+b are a large scope with the same
      // matches, searched by the steered, multi-statement plan: both must answer the same.
      const bodyOf = (i: number) =>
        `Kiến nghị ${i} về ${i % 3 === 0 ? 'đường' : 'dương'}${i % 5 === 0 ? ' cầu treo' : ''}${i % 4 === 0 ? ' nước sạch' : ''}`;
      const inA = (k: number) => k % 7 >= 4;
      const N = 2100;
      beforeAll(async () => {
        await createTable(database.db, 'mixed');
        await database.db.execute(sql`alter table mixed add column grp text not null default 'b'`);
        const rows = Array.from({ length: N }, (_, j) => {
          const k = j + 1;
          const body = inA(k) ? bodyOf(k) : `Không liên quan, hồ sơ lưu trữ ${k}`;
          return { body, s: searchDocument(body), e: exactDocument(body), g: inA(k) ? 'a' : 'b' };
        });
        await database.db.execute(
          sql`insert into mixed (body, search_text, exact_text, grp) select body, s, e, g from json_to_recordset(${JSON.stringify(rows)}::json) as x(body text, s text, e text, g text)`,
        );
        await database.db.execute(sql`analyze mixed`);
      });
      /** The database handle searchPage is given, counting its statements and transactions. */
      const watched = () => {
        const seen = { statements: 0, transactions: 0 };
        const db = new Proxy(database.db, {
          get(target, prop) {
            if (prop === 'execute') return (...a: Parameters<Db['execute']>) => (seen.statements++, target.execute(...a));
            if (prop === 'transaction') return (...a: Parameters<Db['transaction']>) => (seen.transactions++, target.transaction(...a));
            const v = Reflect.get(target, prop, target) as unknown;
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        });
        return { db, seen };
      };
      const search = async (group: SQL, filter: SQL | undefined, q: string, p: number, pageSize: number) => {
        const w = watched();
        const r = await searchPage(w.db, listOf('mixed'), { vector: sql.raw('search_vector'), query: q, filters: and(group, filter), page: p, pageSize });
        return { r, seen: w.seen };
      };
      const small = sql`grp = 'a'`;
      const large = sql`grp in ('a', 'b')`;
      const ALL_PAGES: [number, number][] = [[1, 20], [2, 20], [15, 20], [16, 20], [45, 20], [46, 20], [3, 100], [4, 100], [43, 7], [1, 1000]];
      const SOME_PAGES: [number, number][] = [[1, 20], [2, 20], [50, 20]];

      it('the same rows, order, total, "more" and corrections on every page, with and without a filter', async () => {
        const queries: [string, [number, number][]][] = [
          ['đường', ALL_PAGES], ['duong', ALL_PAGES], ['dương', SOME_PAGES], ['cầu treo', SOME_PAGES], ['đường "cầu treo"', SOME_PAGES],
          ['nước sạch đường', SOME_PAGES], ['cau treo duong', SOME_PAGES], ['nuocc sach', SOME_PAGES], ['xyzw', SOME_PAGES],
        ];
        for (const [q, pages] of queries) {
          for (const [p, size] of pages) {
            for (const filter of [undefined, sql`id % 2 = 0`]) {
              const what = `"${q}" page ${p} of ${size}${filter ? ', even ids' : ''}`;
              const one = await search(small, filter, q, p, size);
              const steered = await search(large, filter, q, p, size);
              expect(one.r, what).toEqual(steered.r);
              // The paths really differ: the large scope opens its steered transaction, the small never.
              expect(steered.seen.transactions, what).toBeGreaterThan(0);
              expect(one.seen.transactions, what).toBe(0);
              if (one.r.rows.length && !one.r.corrected) expect(one.seen.statements, what).toBe(1);
            }
          }
        }
      });

      it('exact diacritics first, then the rest, each in the list\'s order; a page past the end keeps the total', async () => {
        const a = Array.from({ length: N }, (_, j) => j + 1).filter(inA);
        const want = [...a.filter((i) => i % 3 === 0), ...a.filter((i) => i % 3 !== 0)];
        const ids = (r: { rows: { id: number }[] }) => r.rows.map((x) => x.id);
        const first = await search(small, undefined, 'đường', 1, 20);
        expect(ids(first.r)).toEqual(want.slice(0, 20));
        expect({ total: first.r.total, more: first.r.more }).toEqual({ total: 900, more: false });
        // Across the tier boundary (300 exact rows, then 600).
        expect(ids((await search(small, undefined, 'đường', 43, 7)).r)).toEqual(want.slice(294, 301));
        expect(ids((await search(small, undefined, 'đường', 1, 1000)).r)).toEqual(want);
        const even = want.filter((i) => i % 2 === 0);
        expect(ids((await search(small, sql`id % 2 = 0`, 'đường', 8, 20)).r)).toEqual(even.slice(140, 160));
        const past = await search(small, undefined, 'đường', 46, 20);
        expect({ rows: past.r.rows, total: past.r.total, more: past.r.more }).toEqual({ rows: [], total: 900, more: false });
        expect(past.seen).toEqual({ statements: 2, transactions: 0 });
        const none = await search(small, undefined, 'xyzw', 1, 20);
        expect({ rows: none.r.rows, total: none.r.total, corrected: none.r.corrected }).toEqual({ rows: [], total: 0, corrected: null });
        expect(none.seen).toEqual({ statements: 2, transactions: 0 });
        // A typo: the empty answer brings the corrections with it, then the search runs again.
        const typo = await search(small, undefined, 'nuocc sach', 1, 20);
        expect(typo.r.corrected).toEqual({ nuocc: expect.arrayContaining(['nuoc']) });
        expect(ids(typo.r)).toEqual(a.filter((i) => i % 4 === 0).slice(0, 20));
        expect(typo.seen).toEqual({ statements: 3, transactions: 0 });
        // The window's refusal holds whatever the scope's size.
        const err = await search(small, undefined, 'đường', 51, 20).catch((e: unknown) => e);
        expect((err as AppError).status).toBe(400);
      });
    });
  });
}
