// A list's page and its total from one statement (issue #9: an authenticated list costs at most
// two round trips in the common case).
//
// The page statement carries the total as a column, `(count(*) over ())::int`: a window count of
// every row the statement matches, computed before its LIMIT/OFFSET. That form was chosen over the
// InitPlan `(select count(*) from … where …)` that the searchable lists use (textSearch.ts) because
// it needs nothing but the page statement itself — joins, grouping and filters included — so the
// total can never drift from the rows the page reads, and any Drizzle select takes it as one more
// field. Its cost, reading every matching row before the page is cut, is nothing at the scale of a
// council's lists (hundreds, a few thousand rows); the million-row petition list keeps its own plan.
// Not for a SELECT DISTINCT: a window runs before DISTINCT and would count the duplicates. Nor for
// a list that grows without bound and has wide rows (the audit log, its JSON snapshots): a window
// keeps every matching row until the page is cut; such a list selects countColumn instead, the
// InitPlan form, counted once beside an index-ordered read that stops after the page.
//
// An empty page says nothing of the total, except on the first page: only then (a page past the
// end) is the count run as a statement of its own.
import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The count of every row the statement matches, as a column of each of its rows. */
export const totalColumn: SQL<number> = sql<number>`(count(*) over ())::int`;

/** The InitPlan form of the total: `from`'s rows matching `where`, counted once (see the header). */
export function countColumn(from: PgTable, where: SQL | undefined): SQL<number> {
  return sql<number>`(select count(*)::int from ${from} where ${where ?? sql`true`})`;
}

/** A page statement before its bounds: a Drizzle select, which pageWithTotal limits to the page. */
export interface PageStatement<R> {
  limit(limit: number): { offset(offset: number): PromiseLike<R[]> };
}

/**
 * A page of a list and the list's total. `rows` is the list's statement in its order, selecting
 * `total` as a field (`db.select({ ...getTableColumns(t), total }).from(t).where(w).orderBy(…)`);
 * the page's LIMIT and OFFSET are added here, and the field is taken off the rows before `map`
 * sees them. `count` counts the list alone; it runs only for an empty page past the first.
 */
export async function pageWithTotal<R extends { total: number }, T = Omit<R, 'total'>>(
  p: PageRequest,
  rows: (total: SQL<number>) => PageStatement<R>,
  count: () => PromiseLike<number>,
  map: (row: Omit<R, 'total'>) => T = (row) => row as T,
): Promise<{ items: T[]; total: number; page: number; pageSize: number }> {
  const offset = (p.page - 1) * p.pageSize;
  const found = await rows(totalColumn).limit(p.pageSize).offset(offset);
  const total = found[0]?.total ?? (offset === 0 ? 0 : await count());
  const items = found.map(({ total: _total, ...row }) => map(row));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

/** count(*) of a table's rows matching `where` (a list's count for an empty page past the first). */
export async function countWhere(db: Db | Tx, table: PgTable, where: SQL | undefined): Promise<number> {
  return (await db.select({ n: count() }).from(table).where(where))[0]?.n ?? 0;
}
