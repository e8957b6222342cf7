// Opens the database: embedded PGlite in a locked data directory, or a PostgreSQL server when a
// URL is given. Both are driven through the same Drizzle API and the same migrations.
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import * as schema from './schema.ts';
import { lockDataDir } from './lock.ts';
import { DurableNodeFS, durableStartParams } from './durableFs.ts';
import { PGliteOnThread } from './pgliteWorker.ts';
import { preparing, resultTypeChanged, statementKind } from './pglitePrepared.ts';
import { closeLive } from '../server/live.ts';
import { closeCaches } from './cache.ts';
import { installFlatSql } from './flatSql.ts';

// Statements are rendered from their flattened pieces (flatSql.ts: the same text, less CPU).
installFlatSql();

export type Schema = typeof schema;
/**
 * Both drivers share Drizzle's PostgreSQL API; `execute` returns `{ rows }` on both, so the
 * node-postgres flavour of the type serves for either.
 */
export type Db = NodePgDatabase<Schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable location for logs: a directory or a URL without password. */
  where: string;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Run pending migrations (default true). */
  migrate?: boolean;
  /**
   * PGlite only: run the database in a worker thread (src/db/pgliteWorker.ts), so that its
   * statements never stop this thread (the server). Default false: the command line and tests
   * keep it in their own thread.
   */
  worker?: boolean;
  /** PostgreSQL only: connections of the pool (default 10). Several server processes share the server's limit. */
  poolSize?: number;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

/**
 * Statements sent to the database by this process (round trips: each one waits for its answer),
 * transaction control included. The throughput bench reads it (src/cli/main.ts, NT_BENCH).
 */
export const driverStats = { statements: 0 };

/** Distinct statements a connection keeps prepared; beyond that, statements are sent unnamed. */
const PREPARED_PER_CONNECTION = 500;

/**
 * Statements this process sent that may have changed a table's shape (statementKind 'schema':
 * ALTER, DROP…, a migration): every connection's statements prepared before are named anew
 * (parsed again), since PostgreSQL refuses to run one whose result type changed.
 */
let schemaChanges = 0;

/**
 * A PostgreSQL connection that prepares every single statement it runs, named by a hash of its
 * text: the server parses and plans a statement once per connection (and may keep a generic plan)
 * instead of at every request. Text search turns generic plans off for its own statements
 * (usePlan in textSearch.ts), whose plans depend on settings made for the transaction. A
 * statement refused because its result type changed under it (DDL this process did not send:
 * another process's migration, DDL inside a function) is named anew on this connection, and run
 * again at once outside a transaction.
 */
class PreparingClient extends pg.Client {
  #names = new Set<string>();
  /** Statement name → times it was refused on this connection for a changed result type. */
  #renamed = new Map<string, number>();
  /** Queries asked for and not yet answered, and the last one's settlement (#inOrder). */
  #open = 0;
  #last: Promise<unknown> = Promise.resolve();
  /**
   * Runs queries asked for together on this connection — `Promise.all` inside a transaction — one
   * after another, in the order asked: pg 8 queues them itself but deprecates it, pg 9 refuses.
   */
  #inOrder<T>(run: () => Promise<T>): Promise<T> {
    const settle = () => {
      this.#open--;
    };
    const p = this.#open++ === 0 ? run() : this.#last.then(run, run);
    p.then(settle, settle);
    this.#last = p.catch(() => undefined);
    return p;
  }
  #nameFor(info: StatementInfo): string | undefined {
    let name = info.name;
    if (!name) return undefined;
    const again = this.#renamed.get(name);
    if (schemaChanges || again) name = `${name}_${schemaChanges}_${again ?? 0}`;
    if (!this.#names.has(name) && this.#names.size >= PREPARED_PER_CONNECTION) return undefined;
    this.#names.add(name);
    return name;
  }
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    driverStats.statements++;
    const c = config as { text?: string; name?: string; submit?: unknown } | null;
    if (!c || typeof c !== 'object' || typeof c.text !== 'string' || c.name || c.submit) return (super.query as (...a: unknown[]) => never)(config, values, callback);
    const text = c.text;
    const info = statementInfo(text);
    const schema = info.kind === 'schema';
    if (schema) schemaChanges++;
    const [args, cb] = typeof values === 'function' ? [undefined, values] : [values, callback];
    const send = () => {
      const name = this.#nameFor(info);
      return (super.query as (...a: unknown[]) => Promise<unknown>)(name ? { ...c, name } : c, args);
    };
    const run = async () => {
      try {
        return await send();
      } catch (err) {
        if (!resultTypeChanged(err)) throw err;
        const name = info.name;
        this.#renamed.set(name, (this.#renamed.get(name) ?? 0) + 1);
        if (this.getTransactionStatus() !== 'I') throw err;
        return await send();
      } finally {
        if (schema) schemaChanges++;
      }
    };
    const result = this.#inOrder(run);
    if (typeof cb !== 'function') return result as never;
    result.then((r) => cb(null, r), (err: unknown) => cb(err));
    return undefined as never;
  }
}

interface StatementInfo {
  /** Its prepared name ('' when it cannot be prepared). */
  name: string;
  kind: ReturnType<typeof statementKind>;
}

/**
 * Statement text → its prepared name and kind, shared by the pool's connections: hashing and
 * testing a long statement's text at every request cost more than a lookup. Bounded like the
 * connections' own sets (beyond, they are computed each time).
 */
const statementInfos = new Map<string, StatementInfo>();
function statementInfo(text: string): StatementInfo {
  let info = statementInfos.get(text);
  if (info === undefined) {
    info = { name: preparable(text) ? `nt_${createHash('sha1').update(text).digest('base64url')}` : '', kind: statementKind(text) };
    if (statementInfos.size < PREPARED_PER_CONNECTION * 4) statementInfos.set(text, info);
  }
  return info;
}

/** One statement, not transaction control (several statements cannot be prepared). */
function preparable(text: string): boolean {
  return !text.includes(';') && !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(text);
}

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const runMigrations = opts.migrate ?? true;
  if (opts.databaseUrl) {
    // Every connection in UTC so timestamps mean the same on both databases. No JIT compilation:
    // it costs tens of milliseconds and pays only on long analytical statements, while the
    // estimate of work a statement may skip (textSearch.ts, smallScopePage) would trigger it.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c TimeZone=UTC -c jit=off', Client: PreparingClient });
    // An idle connection dropped by the server (restart, administrator) is replaced on next use;
    // it must not bring the process down.
    pool.on('error', (err) => console.error(`[CSDL] mất kết nối tới PostgreSQL: ${err.message}`));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    if (runMigrations) await migratePg(db as never, { migrationsFolder });
    // The live hub's listening connection (src/server/live.ts) goes first.
    return { db, kind: 'postgres', where: redact(opts.databaseUrl), close: async () => { closeCaches(db); await closeLive(db); await pool.end(); } };
  }
  const dir = path.resolve(opts.dataDir ?? 'data');
  const lock = lockDataDir(dir);
  try {
    // Durable: a committed transaction is on disk before COMMIT returns (see durableFs.ts).
    let client: PGlite;
    if (opts.worker) client = (await PGliteOnThread.create(dir, durableStartParams())) as unknown as PGlite;
    else {
      client = await PGlite.create({ fs: new DurableNodeFS(path.join(dir, 'pgdata')), startParams: durableStartParams(), extensions: { pg_trgm } });
      await client.exec("SET TIME ZONE 'UTC'");
      preparing(client);
    }
    countStatements(client);
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    if (runMigrations) await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      where: dir,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Counts PGlite's statements in driverStats: queries, and a transaction's own and its begin and commit. */
function countStatements(client: PGlite): void {
  const query = client.query.bind(client);
  client.query = ((...a: Parameters<PGlite['query']>) => (driverStats.statements++, query(...a))) as PGlite['query'];
  const transaction = client.transaction.bind(client);
  client.transaction = ((fn: Parameters<PGlite['transaction']>[0]) =>
    transaction((tx) => {
      driverStats.statements += 2;
      const txQuery = tx.query.bind(tx);
      tx.query = ((...a: Parameters<typeof tx.query>) => (driverStats.statements++, txQuery(...a))) as typeof tx.query;
      return fn(tx);
    })) as PGlite['transaction'];
}

/** A throw-away in-memory PGlite database (tests, benchmarks), migrated. `loadDataDir` starts it from a `dumpMemory` image
 * (tests start from a seeded image instead of seeding every time); `dumpMemory` writes one. */
export async function openMemoryDatabase(opts: { loadDataDir?: Blob } = {}): Promise<Database & { dumpMemory(): Promise<Blob> }> {
  const client = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: opts.loadDataDir });
  await client.exec("SET TIME ZONE 'UTC'");
  preparing(client);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: 'pglite', where: 'memory', close: () => client.close(), dumpMemory: () => client.dumpDataDir('none') };
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
