// The planner's statistics and dead rows without autovacuum (src/db/maintenance.ts): a table never
// analyzed is analyzed once, and the planner then knows its size; on PGlite a table that grew by
// a fifth is vacuumed and analyzed again, and a table that is only updated stops growing once it
// is, while the same updates without maintenance keep growing its file. On PostgreSQL growth is
// left to autovacuum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_THRESHOLDS, maintainTables, needsMaintenance, tableStats, type TableStats } from '../../src/db/maintenance.ts';
import type { Database, Db } from '../../src/db/client.ts';
import { createTestDb, dbKinds } from '../support/db.ts';
import { startMaintenance } from '../../src/server/jobs.ts';

describe('which tables need maintenance (autovacuum’s rules)', () => {
  const t = (o: Partial<TableStats>): TableStats => ({ table: 't', reltuples: 10_000, pages: 100, deadRows: 0, insertedSinceVacuum: 0, modifiedSinceAnalyze: 0, ...o });
  it('an empty table never; a table never analyzed always', () => {
    expect(needsMaintenance(t({ reltuples: -1, pages: 0 }), 'pglite')).toBe(null);
    expect(needsMaintenance(t({ reltuples: -1, pages: 1 }), 'pglite')).toBe('vacuum');
    expect(needsMaintenance(t({ reltuples: -1, pages: 1 }), 'postgres')).toBe('analyze');
  });
  it('on PGlite: dead rows beyond 50 + 20 %, inserted ones beyond 1,000 + 20 %, changed ones beyond 50 + 10 %', () => {
    expect(needsMaintenance(t({ deadRows: 2050 }), 'pglite')).toBe(null);
    expect(needsMaintenance(t({ deadRows: 2051 }), 'pglite')).toBe('vacuum');
    expect(needsMaintenance(t({ insertedSinceVacuum: 3000 }), 'pglite')).toBe(null);
    expect(needsMaintenance(t({ insertedSinceVacuum: 3001 }), 'pglite')).toBe('vacuum');
    expect(needsMaintenance(t({ modifiedSinceAnalyze: 1050 }), 'pglite')).toBe(null);
    expect(needsMaintenance(t({ modifiedSinceAnalyze: 1051 }), 'pglite')).toBe('analyze');
    // The database's own settings, when changed.
    const th = { ...DEFAULT_THRESHOLDS, analyze: { base: 0, share: 0.01 } };
    expect(needsMaintenance(t({ modifiedSinceAnalyze: 101 }), 'pglite', th)).toBe('analyze');
  });
  it('on PostgreSQL, changes are autovacuum’s', () => {
    expect(needsMaintenance(t({ deadRows: 1e6, insertedSinceVacuum: 1e6, modifiedSinceAnalyze: 1e6 }), 'postgres')).toBe(null);
  });
});

/** The planner's estimate of a statement's rows. */
async function estimate(db: Db, query: string): Promise<number> {
  const { rows } = await db.execute(sql.raw(`explain (format json) ${query}`));
  const plan = rows[0]!['QUERY PLAN'] as unknown;
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  return parsed[0]!.Plan['Plan Rows'];
}

async function statsOf(db: Db, table: string) {
  return (await tableStats(db)).tables.find((s) => s.table === table)!;
}

/** Heap pages of a table's file. */
async function pagesOf(db: Db, table: string): Promise<number> {
  return (await statsOf(db, table)).pages;
}

for (const kind of dbKinds()) {
  describe(`database maintenance [${kind}]`, () => {
    let database: Database;
    let db: Db;
    // On PostgreSQL autovacuum must not analyze the test's tables behind its back.
    const opts = kind === 'postgres' ? ' with (autovacuum_enabled = false)' : '';
    beforeAll(async () => {
      database = await createTestDb(kind);
      db = database.db;
    });
    afterAll(() => database.close());

    it('analyzes a table never analyzed, once; the planner then knows its size', async () => {
      await db.execute(sql.raw(`create table maint_new (id int primary key, v text)${opts}`));
      await db.execute(sql.raw(`insert into maint_new select g, 'dòng ' || g from generate_series(1, 3000) g`));
      expect((await statsOf(db, 'maint_new')).reltuples).toBe(-1);
      const guessed = await estimate(db, 'select * from maint_new');
      expect(await maintainTables(db, kind)).toContain('maint_new');
      expect((await statsOf(db, 'maint_new')).reltuples).toBe(3000);
      expect(await estimate(db, 'select * from maint_new')).toBe(3000);
      expect(guessed).not.toBe(3000);
      // Nothing changed since: nothing to do.
      expect(await maintainTables(db, kind)).not.toContain('maint_new');
    });

    if (kind === 'pglite') {
      it('maintains a table again once enough of it changed', async () => {
        await db.execute(sql`insert into maint_new select g, 'dòng ' || g from generate_series(3001, 3300) g`);
        expect(await maintainTables(db, kind)).not.toContain('maint_new'); // 300 new rows: below 1,000 + 20 %
        await db.execute(sql`delete from maint_new where id > 2000`);
        expect(await maintainTables(db, kind)).toContain('maint_new'); // 1,300 dead rows
        expect(await estimate(db, 'select * from maint_new')).toBe(2000);
      });

      it('an updated table stops growing; without maintenance the same updates keep growing it', async () => {
        for (const t of ['maint_kept', 'maint_left']) {
          await db.execute(sql.raw(`create table ${t} (id int primary key, v text, n int not null default 0)`));
          await db.execute(sql.raw(`create index on ${t} (n)`));
          await db.execute(sql.raw(`insert into ${t} select g, repeat('x', 200) from generate_series(1, 2000) g`));
        }
        await maintainTables(db, kind);
        const start = await pagesOf(db, 'maint_left');
        // Every row updated six times, nothing maintained between.
        for (let round = 0; round < 6; round++) await db.execute(sql`update maint_left set n = n + 1`);
        const left = await pagesOf(db, 'maint_left');
        // The same updates with the server's minute-by-minute check between them.
        for (let round = 0; round < 6; round++) {
          await db.execute(sql`update maint_kept set n = n + 1`);
          expect(await maintainTables(db, kind)).toContain('maint_kept');
        }
        const kept = await pagesOf(db, 'maint_kept');
        expect(left).toBeGreaterThan(start * 4);
        expect(kept).toBeLessThanOrEqual(start * 2);
      });

      it('the server’s periodic check does it while the server runs', async () => {
        await db.execute(sql`create table maint_timer (id int primary key)`);
        await db.execute(sql`insert into maint_timer select generate_series(1, 500)`);
        const stop = startMaintenance(db, 50);
        try {
          await expect.poll(async () => (await statsOf(db, 'maint_timer')).reltuples, { timeout: 10_000 }).toBe(500);
        } finally {
          stop();
        }
      });
    } else {
      it('leaves a grown table to autovacuum', async () => {
        await db.execute(sql.raw(`insert into maint_new select g, 'dòng ' || g from generate_series(3001, 9000) g`));
        expect(await maintainTables(db, kind)).not.toContain('maint_new');
      });
    }
  });
}
