// In-process caches of what nearly every request reads (sessions and their grants, council
// settings, the holiday calendar, the abbreviation dictionary), with one invalidation mechanism.
//
// Every change to cached data calls `invalidate(tx, name)` in the transaction that makes it: that
// writes a fresh random value into the `cache_versions` row of that cache. A request reads the rows
// once, when it first touches a cache (one small prepared statement), and an entry is served only if
// it was loaded under the same value. So a change committed by any process is seen by the next
// request in every process, with no timer and no delivery delay. Concurrent requests share a read
// (VersionReader): a read serves every request that arrived before it was sent, never one that
// arrived while it was under way, so the guarantee holds and a busy server sends one read for many
// requests instead of one each. On PGlite the database belongs to
// one process, so the versions are counters kept in memory, bumped by the same `invalidate` call
// (PGlite runs a transaction alone, so no request can read between the bump and the commit).
//
// Outside a request (jobs, the CLI, tests calling functions directly) and inside a transaction,
// loaders read the database directly: only the request's own database handle is cached.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db, Tx } from './client.ts';

export const CACHE_NAMES = ['sessions', 'settings', 'calendar', 'abbreviations'] as const;
/**
 * - `sessions`: login sessions with their user and grants (any change to a user's grants, active
 *   flag, name, password or sessions);
 * - `settings`: a council's petition settings; `calendar`: the holiday override table;
 * - `abbreviations`: the administrator's abbreviations.
 */
export type CacheName = (typeof CACHE_NAMES)[number];

/** Versions kept in memory: authoritative on PGlite, a superset of changes made by this process. */
const local = new Map<CacheName, number>();

interface Scope {
  db: Db;
  kind: 'pglite' | 'postgres';
  versions?: Promise<Map<string, string>>;
}
const scope = new AsyncLocalStorage<Scope>();

/** Every cache's version, one fixed statement (prepared on PostgreSQL like any other). */
const READ_VERSIONS_TEXT = 'select name, version from cache_versions';
const READ_VERSIONS = sql.raw(READ_VERSIONS_TEXT);

/** Runs a request with the caches of `db` (app middleware). */
export function withCaches<T>(db: Db, kind: 'pglite' | 'postgres', fn: () => Promise<T>): Promise<T> {
  return scope.run({ db, kind }, fn);
}

type Versions = Map<string, string>;

/**
 * Reads the versions for many requests at once, on a connection of its own (so that a read never
 * waits in the pool's queue behind the requests' own statements). Requests that arrive while a
 * read is under way wait for the next one, sent as soon as it returns: that read was sent after
 * they arrived, so it sees every change committed before they did — what a read of their own would
 * see. Under load one read serves a whole batch; an idle server reads once per request as before.
 */
export class VersionReader {
  #waiting: { resolve: (v: Versions) => void; reject: (e: unknown) => void }[] = [];
  #reading = false;
  #client: pg.PoolClient | null = null;
  #closed = false;
  readonly #pool: pg.Pool;
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  read(): Promise<Versions> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      if (!this.#reading) void this.#pump();
    });
  }

  async #pump(): Promise<void> {
    this.#reading = true;
    while (this.#waiting.length) {
      const batch = this.#waiting;
      this.#waiting = [];
      try {
        this.#client ??= await this.#pool.connect();
        const { rows } = await this.#client.query<{ name: string; version: string }>({ text: READ_VERSIONS_TEXT });
        const versions: Versions = new Map(rows.map((r) => [r.name, r.version]));
        for (const w of batch) w.resolve(versions);
      } catch (err) {
        // A broken connection goes back to the pool as broken (it is closed); the next read takes another.
        this.#client?.release(err as Error);
        this.#client = null;
        for (const w of batch) w.reject(err);
      }
    }
    this.#reading = false;
    if (this.#closed) this.close();
  }

  /** Gives the connection back (before the pool is closed); a read under way finishes first. */
  close(): void {
    this.#closed = true;
    if (this.#reading) return;
    this.#client?.release();
    this.#client = null;
  }
}

const readers = new WeakMap<object, VersionReader | null>();

/** The shared reader of a database handle on PostgreSQL (null for a handle not on a pool). */
function readerOf(db: Db): VersionReader | null {
  let r = readers.get(db);
  if (r === undefined) {
    const client = (db as unknown as { $client?: unknown }).$client;
    readers.set(db, (r = client instanceof pg.Pool ? new VersionReader(client) : null));
  }
  return r;
}

/** Releases the reader's connection of a database handle (call before closing its pool). */
export function closeCaches(db: Db): void {
  readers.get(db)?.close();
  readers.delete(db);
}

function versionsOf(s: Scope): Promise<Versions> {
  if (s.kind === 'pglite') return Promise.resolve(new Map([...local].map(([k, v]) => [k, String(v)])));
  if (!s.versions) {
    const reader = readerOf(s.db);
    s.versions = reader ? reader.read() : s.db.execute(READ_VERSIONS).then(({ rows }) => new Map((rows as { name: string; version: string }[]).map((r) => [r.name, r.version])));
  }
  return s.versions;
}

/**
 * Marks caches as changed, in the transaction that changes their data (call it before commit).
 * For modules: after ending sessions or changing grants, users or settings, this is the one call.
 */
export async function invalidate(tx: Db | Tx, ...names: CacheName[]): Promise<void> {
  for (const n of names) local.set(n, (local.get(n) ?? 0) + 1);
  const s = scope.getStore();
  if (s) s.versions = undefined; // the rest of this request reads them again
  await tx.execute(
    sql`insert into cache_versions (name, version) values ${sql.join(names.map((n) => sql`(${n}, gen_random_uuid()::text)`), sql`, `)}
        on conflict (name) do update set version = excluded.version`,
  );
}

/** Every cache of the process (after a restore, a seed or a test writing rows directly). */
export function invalidateAll(tx: Db | Tx): Promise<void> {
  return invalidate(tx, ...CACHE_NAMES);
}

const MAX_ENTRIES = 10_000;

/**
 * A cached loader: `get(db, key)` returns what `load(db, key)` returned under the current version of
 * `name`, loading at most once per version (concurrent requests share the load). A failed load is
 * not kept.
 */
export function processCache<V>(name: CacheName, load: (db: Db | Tx, key: string) => Promise<V>) {
  const byDb = new WeakMap<object, Map<string, { version: string; value: Promise<V> }>>();
  return async function get(db: Db | Tx, key = ''): Promise<V> {
    const s = scope.getStore();
    if (!s || s.db !== db) return load(db, key);
    const version = (await versionsOf(s)).get(name) ?? '';
    let entries = byDb.get(db);
    if (!entries) byDb.set(db, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && hit.version === version) return hit.value;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const value = load(db, key);
    const entry = { version, value };
    entries.set(key, entry);
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
}
