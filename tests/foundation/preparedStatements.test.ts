// Prepared statements (PGlite: src/db/pglitePrepared.ts; PostgreSQL: PreparingClient in
// src/db/client.ts) answer exactly as an unprepared statement would: with every type of
// parameter, in and out of transactions, and after the tables they read have changed under them
// (DDL, a migration, DDL hidden in a function) — a statement prepared before a change must not
// keep the old shape, fail, or fail forever.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrationsFolder, type Database, type Db } from '../../src/db/client.ts';
import { PREPARED_MAX, preparedState } from '../../src/db/pglitePrepared.ts';
import { createTestDb, dbKinds } from '../support/db.ts';

const rowsOf = async (db: Db, q: ReturnType<typeof sql>) => (await db.execute(q)).rows;

describe.each(dbKinds())('prepared statements [%s]', (kind) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDb(kind);
    db = database.db;
    await db.execute(sql`create table pt (id int primary key, a int not null, b text, at timestamptz, tags text[], doc jsonb, ok boolean)`);
    await db.execute(sql`insert into pt values (1, 10, 'một', '2026-01-02T03:04:05Z', '{x,y}', '{"k": [1, 2]}', true), (2, 20, null, null, null, null, false)`);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const byId = (id: number) => sql`select id, a, b from pt where id = ${id}`;

  it('a table changed under a prepared statement (DDL in and out of a transaction, a rollback) gives its new shape', async () => {
    expect(await rowsOf(db, byId(1))).toEqual([{ id: 1, a: 10, b: 'một' }]);
    expect(await rowsOf(db, byId(1))).toEqual([{ id: 1, a: 10, b: 'một' }]);
    await db.execute(sql`alter table pt alter column a type text using 'v' || a`);
    expect(await rowsOf(db, byId(1))).toEqual([{ id: 1, a: 'v10', b: 'một' }]);
    // `select *` follows a new column.
    const all = sql`select * from pt where id = ${2}`;
    expect(Object.keys((await rowsOf(db, all))[0]!)).toEqual(['id', 'a', 'b', 'at', 'tags', 'doc', 'ok']);
    await db.execute(sql`alter table pt add column c int default 7`);
    expect((await rowsOf(db, all))[0]).toMatchObject({ id: 2, a: 'v20', c: 7 });
    // In a transaction: used, changed, used again; then rolled back: the old shape again.
    await expect(
      db.transaction(async (tx) => {
        expect(await rowsOf(tx as unknown as Db, byId(1))).toEqual([{ id: 1, a: 'v10', b: 'một' }]);
        await tx.execute(sql`alter table pt alter column a type int using length(a)`);
        expect(await rowsOf(tx as unknown as Db, byId(1))).toEqual([{ id: 1, a: 3, b: 'một' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowsOf(db, byId(1))).toEqual([{ id: 1, a: 'v10', b: 'một' }]);
    await db.execute(sql`alter table pt drop column c`);
  });

  it('a change made where the driver cannot see it (DDL inside a function) is followed too', async () => {
    expect(await rowsOf(db, byId(2))).toEqual([{ id: 2, a: 'v20', b: null }]);
    await db.execute(sql.raw(`create or replace function pt_change() returns int language plpgsql as $$
      begin execute 'alter table pt alter column b type varchar(20)'; execute 'alter table pt alter column a type int using length(a)'; return 1; end $$`));
    await db.execute(sql`select pt_change()`);
    expect(await rowsOf(db, byId(2))).toEqual([{ id: 2, a: 3, b: null }]);
    expect(await rowsOf(db, byId(2))).toEqual([{ id: 2, a: 3, b: null }]);
    await db.execute(sql.raw(`alter table pt alter column a type text using 'v' || (a * 10)::text, alter column b type text`));
  });

  it('a migration applied after statements were prepared: they read the migrated table', async () => {
    expect(await rowsOf(db, byId(1))).toEqual([{ id: 1, a: 'v30', b: 'một' }]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-migrations-'));
    try {
      fs.cpSync(migrationsFolder, folder, { recursive: true });
      const journalFile = path.join(folder, 'meta/_journal.json');
      const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
      const last = journal.entries[journal.entries.length - 1]!;
      const tag = `${String(last.idx + 1).padStart(4, '0')}_prepared_test`;
      journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      fs.writeFileSync(path.join(folder, `${tag}.sql`), `ALTER TABLE "pt" ALTER COLUMN "a" TYPE integer USING length("a");--> statement-breakpoint\nALTER TABLE "pt" RENAME COLUMN "b" TO "b_old";--> statement-breakpoint\nALTER TABLE "pt" ADD COLUMN "b" text DEFAULT 'mới';`);
      if (kind === 'pglite') await migratePglite(db as never, { migrationsFolder: folder });
      else await migratePg(db as never, { migrationsFolder: folder });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
    expect(await rowsOf(db, byId(1))).toEqual([{ id: 1, a: 3, b: 'mới' }]);
  });

  it('in transactions: a statement prepared in one that rolled back, or that failed in one, works after; inside, it sees the transaction’s own rows', async () => {
    const count = sql`select count(*)::int as n from pt where id >= ${0}`;
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into pt (id, a) values (${3}, ${1})`);
        // First use of this text, inside the transaction.
        expect(await rowsOf(tx as unknown as Db, sql`select count(*)::int as n from pt where id > ${-1}`)).toEqual([{ n: 3 }]);
        expect(await rowsOf(tx as unknown as Db, count)).toEqual([{ n: 3 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowsOf(db, sql`select count(*)::int as n from pt where id > ${-1}`)).toEqual([{ n: 2 }]);
    expect(await rowsOf(db, count)).toEqual([{ n: 2 }]);
    // A bad parameter fails the statement (and its transaction), not the next ones.
    await expect(db.transaction(async (tx) => tx.execute(sql`select id from pt where id = ${'not a number'}`))).rejects.toThrow();
    await expect(db.execute(sql`select id from pt where id = ${'x'}`)).rejects.toThrow();
    expect(await rowsOf(db, sql`select id from pt where id = ${'1'}`)).toEqual([{ id: 1 }]);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into pt (id, a) values (${4}, ${1})`);
      expect(await rowsOf(tx as unknown as Db, count)).toEqual([{ n: 3 }]);
    });
    expect(await rowsOf(db, count)).toEqual([{ n: 3 }]);
    await db.execute(sql`delete from pt where id = ${4}`);
  });
});

describe('prepared statements on PGlite: the same answers as PGlite’s own unnamed statements', () => {
  let database: Database;
  let client: PGlite;
  beforeAll(async () => {
    database = await createTestDb('pglite');
    client = (database.db as unknown as { $client: PGlite }).$client;
    await client.query(`create table pq (id int primary key, n numeric, d date, at timestamptz, tags text[], doc jsonb, ok boolean, raw bytea, big bigint)`);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });
  /** PGlite's own query, unprepared. */
  const unprepared = (text: string, params?: unknown[], options?: QueryOptions) => PGlite.prototype.query.call(client, text, params, options);
  /** The error a statement fails with. */
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => ({ message: 'no error' }) as Record<string, unknown>,
      (e: unknown) => e as Record<string, unknown>,
    );

  it('writes and reads every kind of parameter alike, and reuses the prepared statement', async () => {
    const insert = 'insert into pq values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *';
    const values = (id: number) => [id, '12.50', '2026-02-03', new Date('2026-01-02T03:04:05.678Z'), ['a', 'b "c"', null], { k: [1, 'đ'], n: null }, true, new Uint8Array([0, 1, 255]), 2n ** 40n];
    const a = await client.query(insert, values(1));
    const b = await unprepared(insert, values(2));
    expect({ ...a.rows[0]!, id: 0 }).toEqual({ ...b.rows[0]!, id: 0 });
    expect(a.fields).toEqual(b.fields);
    const nulls = [3, null, null, null, null, null, null, null, null];
    expect(await client.query(insert, nulls)).toMatchObject({ rows: [{ id: 3, n: null, tags: null, doc: null }] });
    const select = 'select * from pq where id = any($1) and (ok = $2 or $2 is null) order by id';
    const before = preparedState(client)!.counts.reused;
    for (const params of [[[1, 2, 3], null], [[1, 3], true], [[2], false]]) {
      const p = await client.query(select, params);
      const u = await unprepared(select, params);
      expect(p.rows).toEqual(u.rows);
      expect(p.fields).toEqual(u.fields);
      const arrays = await client.query(select, params, { rowMode: 'array' });
      expect(arrays.rows).toEqual((await unprepared(select, params, { rowMode: 'array' })).rows);
    }
    expect(preparedState(client)!.counts.reused - before).toBeGreaterThanOrEqual(4);
    const update = await client.query('update pq set ok = not ok where id = any($1)', [[1, 2]]);
    expect(update.affectedRows).toBe(2);
  });

  it('an error reads as the unnamed path’s, with its SQLSTATE; DEALLOCATE/DISCARD by hand do not break it', async () => {
    const bad = 'select id from pq where id = $1';
    const e1 = await failure(client.query(bad, ['x']));
    const e2 = await failure(unprepared(bad, ['x']));
    expect(e1).toMatchObject({ code: e2.code, message: e2.message, query: bad });
    const missing = await failure(client.query('select nope from pq'));
    expect(missing).toMatchObject({ code: '42703' });
    expect((await client.query(bad, [1])).rows).toEqual([{ id: 1 }]);
    await client.exec('deallocate all');
    expect((await client.query(bad, [1])).rows).toEqual([{ id: 1 }]);
    await client.query('discard all');
    await client.exec("set time zone 'UTC'");
    expect((await client.query(bad, [1])).rows).toEqual([{ id: 1 }]);
  });

  it(`keeps at most ${PREPARED_MAX} statements prepared, the least recently used closed first`, async () => {
    for (let i = 0; i < PREPARED_MAX + 50; i++) expect((await client.query(`select $1::int + ${i} as v`, [1])).rows).toEqual([{ v: 1 + i }]);
    expect(preparedState(client)!.statements.size).toBeLessThanOrEqual(PREPARED_MAX);
    const open = await unprepared(`select count(*)::int as n from pg_prepared_statements`);
    expect((open.rows[0] as { n: number }).n).toBeLessThanOrEqual(PREPARED_MAX);
    // Inside a transaction at the limit, a new statement runs unnamed.
    await client.transaction(async (tx) => {
      expect((await tx.query('select $1::text as t', ['trong giao dịch'])).rows).toEqual([{ t: 'trong giao dịch' }]);
    });
  });
});
