// The embedded database on its own thread (src/db/pgliteWorker.ts), as the server opens it: a
// transaction opens with its first statement (one crossing), commits what it wrote, rolls back
// on an error, and one that ran nothing leaves nothing open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';

describe('PGlite in a worker thread: transactions', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-worker-'));
  let database: Database;
  const names = async () => (await database.db.execute(sql`select name from worker_t order by name`)).rows.map((r) => r.name);

  beforeAll(async () => {
    database = await openDatabase({ dataDir: dir, worker: true, migrate: false });
    await database.db.execute(sql`create table worker_t (name text primary key)`);
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits every statement of a transaction, and answers each in order', async () => {
    const got = await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into worker_t values ('a')`);
      // Statements sent together, before the first has answered, run in the same transaction.
      const [b, c] = await Promise.all([
        tx.execute(sql`insert into worker_t values ('b') returning name`),
        tx.execute(sql`select count(*)::int as n from worker_t`),
      ]);
      return [b.rows[0]!.name, c.rows[0]!.n];
    });
    expect(got).toEqual(['b', 2]);
    expect(await names()).toEqual(['a', 'b']);
  });

  it('concurrent statements opening a transaction see its own writes only', async () => {
    const seen = await database.db.transaction(async (tx) => {
      const [, inside] = await Promise.all([
        tx.execute(sql`insert into worker_t values ('c')`),
        tx.execute(sql`select count(*)::int as n from worker_t`),
      ]);
      return inside.rows[0]!.n;
    });
    expect(seen).toBe(3);
    expect(await names()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back on an error, also when the first statement fails; the database stays usable', async () => {
    const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code);
    const duplicate = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into worker_t values ('d')`);
      await tx.execute(sql`insert into worker_t values ('a')`); // duplicate key
    });
    expect(await codeOf(duplicate)).toBe('23505');
    expect(await codeOf(database.db.transaction(async (tx) => void (await tx.execute(sql`select * from no_such_table`))))).toBe('42P01');
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into worker_t values ('e')`);
        tx.rollback();
      }),
    ).rejects.toThrow();
    expect(await names()).toEqual(['a', 'b', 'c']);
  });

  it('a transaction that runs nothing opens nothing: the next statements run at once', async () => {
    expect(await database.db.transaction(async () => 42)).toBe(42);
    await expect(database.db.transaction(async () => Promise.reject(new Error('refused before any statement')))).rejects.toThrow('refused');
    await database.db.execute(sql`insert into worker_t values ('f')`);
    expect(await names()).toEqual(['a', 'b', 'c', 'f']);
  });
});
