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

const SEP = '\u001f';
const NUL = '\u001e';
const CONTROL = /[\u001e\u001f]/;

/**
 * Inserts `rows` column by column: INSERT … SELECT FROM unnest(string_to_array($1), …), one text
 * parameter per column (values joined by U+001F, NULL as U+001E), and a column whose value is the
 * same in every row as one scalar parameter. Far less to build, send and parse than one JSON object
 * per row (the keys are not repeated), the same on PGlite and PostgreSQL. Returns false, writing
 * nothing, when a value holds one of the two separators (control characters that a checked cell
 * never has): the caller then uses insertMany. Rows need the same keys (those of the first row).
 */
export async function insertColumns<T extends PgTable<TableConfig>>(tx: Db | Tx, table: T, rows: readonly T['$inferInsert'][]): Promise<boolean> {
  if (!rows.length) return true;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const constants: { name: string; type: string; value: unknown }[] = [];
  const arrays: { name: string; type: string; text: string }[] = [];
  for (const k of keys) {
    const c = columns[k];
    if (!c) throw new Error(`insertColumns: ${getTableName(table)} has no column ${k}`);
    const type = c.getSQLType();
    const first = (rows[0] as Record<string, unknown>)[k] ?? null;
    let same = true;
    for (let i = 1; i < rows.length && same; i++) same = ((rows[i] as Record<string, unknown>)[k] ?? null) === first;
    if (same && (first === null || typeof first !== 'object')) {
      constants.push({ name: c.name, type, value: first });
      continue;
    }
    const parts = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const x = (rows[i] as Record<string, unknown>)[k];
      if (x === null || x === undefined) parts[i] = NUL;
      else {
        const t = x instanceof Date ? x.toISOString() : String(x);
        if (CONTROL.test(t)) return false;
        parts[i] = t;
      }
    }
    arrays.push({ name: c.name, type, text: parts.join(SEP) });
  }
  const names = sql.join([...constants, ...arrays].map((c) => sql.identifier(c.name)), sql`, `);
  const values = sql.join([
    ...constants.map((c) => (c.value === null ? sql`null::${sql.raw(c.type)}` : sql`${c.value instanceof Date ? c.value.toISOString() : c.value}::${sql.raw(c.type)}`)),
    ...arrays.map((_, i) => sql.identifier(`c${i}`)),
  ], sql`, `);
  if (!arrays.length) {
    await tx.execute(sql`insert into ${table} (${names}) select ${values} from generate_series(1, ${rows.length}::int)`);
    return true;
  }
  const sources = sql.join(arrays.map((a) => sql`string_to_array(${a.text}, ${SEP}, ${NUL})::${sql.raw(a.type)}[]`), sql`, `);
  const aliases = sql.join(arrays.map((_, i) => sql.identifier(`c${i}`)), sql`, `);
  await tx.execute(sql`insert into ${table} (${names}) select ${values} from unnest(${sources}) as x(${aliases})`);
  return true;
}
