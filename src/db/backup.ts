// Full backup and restore on either database. The backup is gzip'd JSON: every table of the public
// schema as rows serialised by PostgreSQL itself (row_to_json), so both drivers produce the same
// bytes and a restore loads them back with json_populate_recordset — types, NULLs and timestamps
// round-trip exactly. The backup reads everything in one REPEATABLE READ READ ONLY transaction
// (on PostgreSQL one connection, one snapshot: taken while the app writes it is still one
// consistent instant; on PGlite the transaction holds the only connection, so writes wait).
// Restore is one transaction into an empty, migrated database.
import { invalidateAll } from './cache.ts';
import { gzipSync, gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

const FORMAT = 'nghitruong-backup';
const CHUNK = 2000;

interface TableInfo {
  name: string;
  /** Foreign keys to other tables (parents). */
  parents: string[];
  /** Columns referencing the same table (tree tables: admin_units.parent_id…). */
  selfRefs: string[];
  identity: string[];
  /** Columns the table stores, in order: generated columns are derived again, not backed up. */
  columns: string[];
}

async function rows<T>(db: Db | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

async function tables(db: Db | Tx): Promise<TableInfo[]> {
  const names = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          -- cache versions are process bookkeeping, not data: a restore writes fresh ones
          and table_name <> 'cache_versions'
          -- a partition's rows are read and written through its partitioned table
          and table_name not in (select c.relname from pg_class c where c.relispartition and c.relnamespace = 'public'::regnamespace)
        order by table_name`,
  );
  const fks = await rows<{ child: string; parent: string; col: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as col
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const ident = await rows<{ tbl: string; col: string }>(
    db,
    sql`select table_name as tbl, column_name as col from information_schema.columns
        where table_schema = 'public' and (is_identity = 'YES' or column_default like 'nextval(%')`,
  );
  const cols = await rows<{ tbl: string; col: string }>(
    db,
    sql`select table_name as tbl, column_name as col from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  const strip = (s: string) => s.replace(/^public\./, '').replace(/"/g, '');
  const infos = names.map(({ name }) => ({
    name,
    parents: [...new Set(fks.filter((f) => strip(f.child) === name && strip(f.parent) !== name).map((f) => strip(f.parent)))],
    selfRefs: fks.filter((f) => strip(f.child) === name && strip(f.parent) === name).map((f) => f.col),
    identity: ident.filter((i) => i.tbl === name).map((i) => i.col),
    columns: cols.filter((c) => c.tbl === name).map((c) => c.col),
  }));
  // Parents before children.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (t: TableInfo, depth = 0) => {
    if (done.has(t.name) || depth > 50) return;
    for (const p of t.parents) {
      const pt = infos.find((i) => i.name === p);
      if (pt) visit(pt, depth + 1);
    }
    if (!done.has(t.name)) {
      done.add(t.name);
      ordered.push(t);
    }
  };
  infos.forEach((t) => visit(t));
  return ordered;
}

const columnList = (t: TableInfo) => sql.join(t.columns.map((c) => sql.identifier(c)), sql`, `);

/** Orders rows of a tree table so every parent row precedes its children. */
function parentsFirst(list: Record<string, unknown>[], selfRefs: string[]): Record<string, unknown>[] {
  if (!selfRefs.length) return list;
  const byId = new Map(list.map((r) => [r.id, r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<unknown>();
  const place = (r: Record<string, unknown>, depth = 0) => {
    if (placed.has(r.id) || depth > 100) return;
    for (const col of selfRefs) {
      const parent = byId.get(r[col]);
      if (parent && parent !== r) place(parent, depth + 1);
    }
    placed.add(r.id);
    out.push(r);
  };
  list.forEach((r) => place(r));
  return out;
}

/** Partitions made at run time (voter lists by province): recreated before a restore writes rows. */
type Partition = { name: string; parent: string; bound: string };
// A backup file is input: only plain names and list bounds are turned back into DDL.
const SAFE_NAME = /^[a-z][a-z0-9_]*$/;
const SAFE_BOUND = /^(DEFAULT|FOR VALUES IN \('[A-Za-z0-9_]+'(, '[A-Za-z0-9_]+')*\))$/;

async function partitions(db: Db | Tx): Promise<Partition[]> {
  return rows<Partition>(
    db,
    sql`select c.relname as name, p.relname as parent, pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_class c join pg_inherits i on i.inhrelid = c.oid join pg_class p on p.oid = i.inhparent
        where c.relispartition and c.relkind in ('r', 'p') and c.relnamespace = 'public'::regnamespace order by c.relname`,
  );
}

async function appliedMigrations(db: Db | Tx): Promise<string[]> {
  // Looked up first rather than caught: an error would abort the backup's transaction.
  const [{ present }] = await rows<{ present: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!present) return [];
  return (await rows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`)).map((r) => r.hash);
}

export interface BackupProgress {
  (table: string, done: number, total: number): void | Promise<void>;
}

export async function backupDatabase(db: Db, onProgress?: BackupProgress): Promise<Uint8Array> {
  const doc = await db.transaction(
    async (tx) => {
      const infos = await tables(tx);
      const data: Record<string, unknown[]> = {};
      for (const [i, t] of infos.entries()) {
        const list = (
          await rows<{ r: string }>(tx, sql`select row_to_json(t)::text as r from (select ${columnList(t)} from ${sql.identifier(t.name)}) t order by 1`)
        ).map((x) => JSON.parse(x.r) as Record<string, unknown>);
        data[t.name] = parentsFirst(list, t.selfRefs);
        await onProgress?.(t.name, i + 1, infos.length);
      }
      const [{ at }] = await rows<{ at: string }>(tx, sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`);
      return { format: FORMAT, version: 1, createdAt: at, migrations: await appliedMigrations(tx), partitions: await partitions(tx), tables: data };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return gzipSync(Buffer.from(JSON.stringify(doc)));
}

export class RestoreError extends Error {}

export async function restoreDatabase(db: Db, backup: Uint8Array, onProgress?: BackupProgress): Promise<{ tables: number; rows: number }> {
  let doc: { format?: string; migrations?: string[]; partitions?: Partition[]; tables?: Record<string, Record<string, unknown>[]> };
  try {
    doc = JSON.parse(gunzipSync(backup).toString('utf8'));
  } catch {
    throw new RestoreError('Tệp sao lưu bị hỏng hoặc không phải tệp sao lưu của Nghị Trường.');
  }
  if (doc.format !== FORMAT || !doc.tables) throw new RestoreError('Tệp này không phải tệp sao lưu của Nghị Trường.');
  const have = await appliedMigrations(db);
  const missing = (doc.migrations ?? []).filter((m) => !have.includes(m));
  if (missing.length) {
    throw new RestoreError('Tệp sao lưu được tạo bởi phiên bản Nghị Trường mới hơn. Hãy cập nhật phần mềm trước khi khôi phục.');
  }
  // "Empty" means nothing ever happened here: the audit log is empty. Reference rows that the
  // migrations themselves insert (e.g. the known holiday table) are replaced by the backup's.
  const [{ events }] = await rows<{ events: number }>(db, sql`select count(*)::int as events from audit_events`);
  if (events > 0) {
    throw new RestoreError(`Cơ sở dữ liệu đích đã có dữ liệu (${events} sự kiện trong nhật ký). Chỉ khôi phục vào cơ sở dữ liệu mới.`);
  }
  const infos = await tables(db);
  let total = 0;
  await db.transaction(async (tx) => {
    for (const p of doc.partitions ?? []) {
      if (!SAFE_NAME.test(p.name) || !SAFE_NAME.test(p.parent) || !SAFE_BOUND.test(p.bound)) {
        throw new RestoreError(`Tệp sao lưu có phân vùng dữ liệu không hợp lệ (${p.name}: ${p.bound}).`);
      }
      await tx.execute(sql.raw(`create table if not exists "${p.name}" partition of "${p.parent}" ${p.bound}`));
    }
    for (const t of [...infos].reverse()) {
      const [{ n }] = (await tx.execute(sql.raw(`select count(*)::int as n from "${t.name}"`))).rows as { n: number }[];
      if (n > 0) await tx.execute(sql.raw(`delete from "${t.name}"`));
    }
    for (const [i, t] of infos.entries()) {
      const list = doc.tables![t.name] ?? [];
      const overriding = t.identity.length ? 'overriding system value' : '';
      for (let k = 0; k < list.length; k += CHUNK) {
        const chunk = JSON.stringify(list.slice(k, k + CHUNK));
        await tx.execute(
          // "on conflict do nothing": rows a trigger already derived while restoring earlier tables
          // (the search vocabulary) are the same rows; the round-trip test proves nothing is lost.
          sql`insert into ${sql.identifier(t.name)} (${columnList(t)}) ${sql.raw(overriding)}
              select ${columnList(t)} from json_populate_recordset(null::${sql.identifier(t.name)}, ${chunk}::json) on conflict do nothing`,
        );
      }
      for (const col of t.identity) {
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${t.name}, ${col}), coalesce((select max(${sql.identifier(col)}) from ${sql.identifier(t.name)}), 0) + 1, false)`,
        );
      }
      total += list.length;
      onProgress?.(t.name, i + 1, infos.length);
    }
    // The restored rows replace what every process may have cached (and the backup's own versions).
    await invalidateAll(tx);
  });
  return { tables: infos.length, rows: total };
}
