// Many rows in one INSERT … SELECT FROM json_to_recordset($1): one parameter however many rows,
// the same on PGlite and PostgreSQL. Building a multi-row VALUES statement costs the query builder
// far more than the database for thousands of rows (an import of 20,000 opinions).
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

/**
 * Inserts `rows` (the table's insert shape; every row with the same keys, those of the first row)
 * and returns the ids, in the rows' order. A key left undefined in a row is written as null.
 */
export async function insertMany<T extends PgTable<TableConfig>>(tx: Db | Tx, table: T, rows: readonly T['$inferInsert'][]): Promise<string[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const cols = keys.map((k) => {
    const c = columns[k];
    if (!c) throw new Error(`insertMany: ${getTableName(table)} has no column ${k}`);
    return c;
  });
  const data = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k, i) => [cols[i]!.name, (r as Record<string, unknown>)[k] ?? null]))));
  const names = sql.join(cols.map((c) => sql.identifier(c.name)), sql`, `);
  const types = sql.join(cols.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`), sql`, `);
  const res = await tx.execute(
    sql`insert into ${table} (${names}) select ${names} from rows from (json_to_recordset(${data}::json) as (${types})) with ordinality as x(${names}, n)
        order by n returning id`,
  );
  return res.rows.map((r) => (r as { id: string }).id);
}
