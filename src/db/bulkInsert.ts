// Many rows in one INSERT … SELECT FROM json_to_recordset($1): one parameter however many rows,
// the same on PGlite and PostgreSQL. Building a multi-row VALUES statement costs the query builder
// far more than the database for thousands of rows (an import of 20,000 opinions).
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable, TableConfig } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

/** Column types a value shared by every row may be sent once as a parameter of (the same value either way). */
const SHARED_TYPES = new Set(['text', 'uuid', 'integer', 'smallint', 'bigint', 'boolean', 'date']);

/**
 * Inserts `rows` (the table's insert shape; every row with the same keys, those of the first row)
 * and returns the ids, in the rows' order. A key left undefined in a row is written as null. A
 * plain value every row shares (the council, the round, the channel…) is sent once as a parameter
 * instead of in every row of the JSON document, which the database parses row by row.
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
  const valueOf = (r: unknown, k: string) => (r as Record<string, unknown>)[k] ?? null;
  const shared = keys.map((k, i) => {
    if (!SHARED_TYPES.has(cols[i]!.getSQLType())) return false;
    const v = valueOf(rows[0], k);
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
    return rows.every((r) => valueOf(r, k) === v);
  });
  // json_to_recordset needs one column at least.
  if (shared.every(Boolean)) shared[0] = false;
  const varying = keys.map((_, i) => i).filter((i) => !shared[i]);
  const data = JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const i of varying) o[cols[i]!.name] = valueOf(r, keys[i]!);
      return o;
    }),
  );
  const names = sql.join(cols.map((c) => sql.identifier(c.name)), sql`, `);
  const picked = sql.join(
    cols.map((c, i) => (shared[i] ? sql`${valueOf(rows[0], keys[i]!)}::${sql.raw(c.getSQLType())}` : sql`x.${sql.identifier(c.name)}`)),
    sql`, `,
  );
  const varyingNames = sql.join(varying.map((i) => sql.identifier(cols[i]!.name)), sql`, `);
  const types = sql.join(varying.map((i) => sql`${sql.identifier(cols[i]!.name)} ${sql.raw(cols[i]!.getSQLType())}`), sql`, `);
  const res = await tx.execute(
    sql`insert into ${table} (${names}) select ${picked} from rows from (json_to_recordset(${data}::json) as (${types})) with ordinality as x(${varyingNames}, n)
        order by n returning id`,
  );
  return res.rows.map((r) => (r as { id: string }).id);
}
