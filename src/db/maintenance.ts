// The planner's statistics and the tables' dead rows, on a database without autovacuum.
//
// PostgreSQL's autovacuum analyzes a table once enough of it changed and vacuums away the dead
// rows that updates and deletes leave. The embedded PGlite runs no background processes, so no
// autovacuum: without this file a PGlite database is never analyzed — the planner guesses every
// table's size from defaults for ever (a 15-row table planned as 1,000+ rows, a hash built per
// outer row) — and its dead rows are never reclaimed, so a table that is updated only grows.
//
// PGlite does keep the change counters autovacuum reads (pg_stat_user_tables), once they are
// flushed: `maintainTables` asks for the flush, reads the counters and applies autovacuum's own
// rules with the database's own settings (autovacuum_vacuum_threshold, …_scale_factor, the insert
// and analyze ones): VACUUM (ANALYZE) for dead or newly inserted rows, ANALYZE for changed ones,
// one table per statement. A table never analyzed is vacuumed and analyzed whatever its counters
// say (after a restart that followed a crash they start again from zero).
//
// On PGlite this runs when the server starts and then every minute (src/server/jobs.ts); the
// server's database runs in its own thread, so a VACUUM holds back other statements for its
// duration, not the event loop. On PostgreSQL autovacuum does the work; only tables never analyzed
// (small tables below autovacuum's thresholds, a freshly loaded demo database) are analyzed, once,
// when the server starts.
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/** A table's counters since its last vacuum and analyze (pg_stat_user_tables). */
export interface TableStats {
  table: string;
  /** pg_class.reltuples: rows estimated at the last analyze or vacuum, -1 if never. */
  reltuples: number;
  /** Pages of the table's file now. */
  pages: number;
  deadRows: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyze: number;
}

/** autovacuum's thresholds (each: a number of rows plus a share of the table's rows). */
export interface Thresholds {
  vacuum: { base: number; share: number };
  insert: { base: number; share: number };
  analyze: { base: number; share: number };
}

/** PostgreSQL's defaults for the thresholds (the database's settings are read in `tableStats`). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  vacuum: { base: 50, share: 0.2 },
  insert: { base: 1000, share: 0.2 },
  analyze: { base: 50, share: 0.1 },
};

export type Maintenance = 'vacuum' | 'analyze' | null;

/**
 * What a table needs: 'vacuum' (VACUUM with ANALYZE), 'analyze', or nothing. On PostgreSQL only a
 * table never analyzed is analyzed: autovacuum follows the changes.
 */
export function needsMaintenance(t: TableStats, kind: 'pglite' | 'postgres', th: Thresholds = DEFAULT_THRESHOLDS): Maintenance {
  if (t.reltuples < 0) return t.pages > 0 ? (kind === 'pglite' ? 'vacuum' : 'analyze') : null;
  if (kind === 'postgres') return null;
  const over = (n: number, { base, share }: { base: number; share: number }) => n > base + share * t.reltuples;
  if (over(t.deadRows, th.vacuum) || over(t.insertedSinceVacuum, th.insert)) return 'vacuum';
  if (over(t.modifiedSinceAnalyze, th.analyze)) return 'analyze';
  return null;
}

/** The app's tables with their counters, and the database's thresholds. */
export async function tableStats(db: Db): Promise<{ tables: TableStats[]; thresholds: Thresholds }> {
  // Counters are flushed to where pg_stat_user_tables reads them at the end of a statement, at most
  // once a second unless forced: this statement forces it, the next one reads them.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const { rows } = await db.execute(sql`select c.relname as "table", c.reltuples::float8 as "reltuples",
      (pg_relation_size(c.oid) / current_setting('block_size')::int)::int as "pages",
      coalesce(s.n_dead_tup, 0)::float8 as "deadRows", coalesce(s.n_ins_since_vacuum, 0)::float8 as "insertedSinceVacuum",
      coalesce(s.n_mod_since_analyze, 0)::float8 as "modifiedSinceAnalyze",
      current_setting('autovacuum_vacuum_threshold')::float8 as "vt", current_setting('autovacuum_vacuum_scale_factor')::float8 as "vs",
      current_setting('autovacuum_vacuum_insert_threshold')::float8 as "it", current_setting('autovacuum_vacuum_insert_scale_factor')::float8 as "is",
      current_setting('autovacuum_analyze_threshold')::float8 as "at", current_setting('autovacuum_analyze_scale_factor')::float8 as "as"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_stat_user_tables s on s.relid = c.oid
    where c.relkind in ('r', 'm') and n.nspname = current_schema() order by c.relname`);
  const first = rows[0];
  const thresholds: Thresholds = first
    ? {
        vacuum: { base: Number(first.vt), share: Number(first.vs) },
        insert: { base: Number(first.it), share: Number(first.is) },
        analyze: { base: Number(first.at), share: Number(first.as) },
      }
    : DEFAULT_THRESHOLDS;
  const tables = rows.map((r) => ({
    table: String(r.table),
    reltuples: Number(r.reltuples),
    pages: Number(r.pages),
    deadRows: Number(r.deadRows),
    insertedSinceVacuum: Number(r.insertedSinceVacuum),
    modifiedSinceAnalyze: Number(r.modifiedSinceAnalyze),
  }));
  return { tables, thresholds };
}

/**
 * Vacuums and analyzes (PGlite) or analyzes (PostgreSQL) the tables that need it; returns their
 * names. One statement per table: VACUUM cannot run inside a transaction, and a failure on one
 * table leaves the others done.
 */
export async function maintainTables(db: Db, kind: 'pglite' | 'postgres'): Promise<string[]> {
  const { tables, thresholds } = await tableStats(db);
  const done: string[] = [];
  for (const t of tables) {
    const need = needsMaintenance(t, kind, thresholds);
    if (!need) continue;
    const name = sql.identifier(t.table);
    await db.execute(need === 'vacuum' ? sql`vacuum (analyze) ${name}` : sql`analyze ${name}`);
    done.push(t.table);
  }
  return done;
}
