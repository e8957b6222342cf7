// The one live-update path of the app (docs/architecture.md "Live updates"): a module calls
// `publish(db, channel, payload)` after its transaction commits; every browser subscribed to that
// channel through a server-sent-events route (`liveRoute`) receives it.
//
// On PostgreSQL a publication is a `pg_notify('nt_live', …)`, and each app process keeps ONE
// dedicated connection that LISTENs on it and fans the notifications out to its own subscribers,
// so several app processes on one database stay in step (a vote closed on A reaches a screen
// connected to B). The process that publishes receives its own notification the same way: one
// path for everyone, in commit order. On PGlite the database belongs to one process: the hub
// delivers in process.
//
// Payloads are small public summaries (PostgreSQL refuses a notification above 8000 bytes): a
// larger payload is replaced by `{ stale: true }` and clients reload. After the listening
// connection is lost and comes back, subscribers receive `{ stale: true }` too (they may have
// missed something). Never publish private data: a channel reaches everyone allowed on its route.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { streamSSE } from 'hono/streaming';
import type { Context } from 'hono';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Db, Tx } from '../db/client.ts';
import type { AppEnv } from './context.ts';
import type { Router, RouteSpec } from './route.ts';

const PG_CHANNEL = 'nt_live';
/** Bytes of a notification's text PostgreSQL accepts (8000), less room for the envelope. */
const MAX_PAYLOAD = 7_000;
/** A comment line sent this often keeps proxies and browsers from closing an idle stream. */
const KEEPALIVE_MS = 15_000;

export type LiveMessage = { channel: string; payload: unknown };
type Listener = (m: LiveMessage) => void;

/** The payload as sent: `{ stale: true }` when too large for a notification. */
function envelope(channel: string, payload: unknown): string {
  const text = JSON.stringify({ channel, payload });
  return Buffer.byteLength(text) > MAX_PAYLOAD ? JSON.stringify({ channel, payload: { stale: true } }) : text;
}

class LiveHub {
  #listeners = new Map<string, Set<Listener>>();
  #pool: pg.Pool | null;
  #client: pg.Client | null = null;
  #connecting: Promise<void> | null = null;
  #closed = false;

  constructor(pool: pg.Pool | null) {
    this.#pool = pool;
  }

  get kind(): 'pglite' | 'postgres' {
    return this.#pool ? 'postgres' : 'pglite';
  }

  /** Subscribers right now, over all channels (bench and tests). */
  get size(): number {
    let n = 0;
    for (const s of this.#listeners.values()) n += s.size;
    return n;
  }

  #deliver(text: string): void {
    let m: LiveMessage;
    try {
      m = JSON.parse(text) as LiveMessage;
    } catch {
      return;
    }
    for (const fn of this.#listeners.get(m.channel) ?? []) fn(m);
  }

  #staleAll(): void {
    for (const [channel, set] of this.#listeners) for (const fn of set) fn({ channel, payload: { stale: true } });
  }

  /** Opens the listening connection once (PostgreSQL); resolves when LISTEN is in effect. */
  #listen(): Promise<void> {
    if (!this.#pool || this.#client || this.#closed) return Promise.resolve();
    this.#connecting ??= (async () => {
      const opts = this.#pool!.options as pg.ClientConfig;
      const client = new pg.Client({ connectionString: opts.connectionString, host: opts.host, port: opts.port, user: opts.user, database: opts.database, password: opts.password });
      client.on('notification', (n) => {
        if (n.channel === PG_CHANNEL && n.payload) this.#deliver(n.payload);
      });
      client.on('error', (err) => {
        console.error(`[trực tiếp] mất kết nối lắng nghe PostgreSQL: ${err.message}`);
        this.#client = null;
        client.end().catch(() => {});
        if (!this.#closed && this.size > 0) setTimeout(() => this.#listen().then(() => this.#staleAll(), () => {}), 1000);
      });
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
      this.#client = client;
    })().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  /** Receives every message of `channels` until the returned function is called; resolves once listening. */
  async subscribe(channels: readonly string[], fn: Listener): Promise<() => void> {
    for (const ch of channels) {
      let set = this.#listeners.get(ch);
      if (!set) this.#listeners.set(ch, (set = new Set()));
      set.add(fn);
    }
    const unsubscribe = () => {
      for (const ch of channels) {
        const set = this.#listeners.get(ch);
        set?.delete(fn);
        if (set && set.size === 0) this.#listeners.delete(ch);
      }
    };
    try {
      await this.#listen();
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  async publish(channel: string, payload: unknown, tx?: Db | Tx): Promise<void> {
    const text = envelope(channel, payload);
    if (!this.#pool) {
      queueMicrotask(() => this.#deliver(text));
      return;
    }
    // Inside a transaction, PostgreSQL delivers at commit (and never on rollback).
    if (tx) await tx.execute(sqlNotify(text));
    else await this.#pool.query('select pg_notify($1, $2)', [PG_CHANNEL, text]);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    const c = this.#client;
    this.#client = null;
    if (c) await c.end().catch(() => {});
  }
}

const sqlNotify = (text: string) => sql`select pg_notify(${PG_CHANNEL}, ${text})`;

const hubs = new WeakMap<object, LiveHub>();

/** The hub of a database handle (one per app process and database). */
export function liveHub(db: Db): LiveHub {
  let hub = hubs.get(db);
  if (!hub) {
    const client = (db as unknown as { $client?: unknown }).$client;
    hub = new LiveHub(client instanceof pg.Pool ? client : null);
    hubs.set(db, hub);
  }
  return hub;
}

/**
 * Publishes `payload` on `channel` to every subscriber in every app process. Call it after the
 * transaction commits, with the app's database handle; or pass the transaction as `tx` to have
 * PostgreSQL deliver it at commit (on PGlite it is delivered at once: only use `tx` there when
 * nothing can fail after it).
 */
export function publish(db: Db, channel: string, payload: unknown, tx?: Db | Tx): Promise<void> {
  return liveHub(db).publish(channel, payload, tx);
}

/** Closes the listening connection of a database handle (before closing its pool). */
export async function closeLive(db: Db): Promise<void> {
  await hubs.get(db)?.close();
  hubs.delete(db);
}

export type LiveStart = {
  /** Channels the stream follows (already checked against the caller's scope). */
  channels: string[];
  /** Sent first, as event "snapshot": the state now, so a client needs no separate fetch. */
  snapshot?: unknown;
};

/**
 * A server-sent-events route declared like every other (permission + scope through the Router):
 * `start` runs inside the request (permission checked, database in reach) and names the channels;
 * the stream then sends `snapshot` once and an event "update" `{ channel, payload }` per
 * publication, until the client goes away.
 */
export function liveRoute<R extends RouteSpec>(router: Router, spec: R, start: (c: Context<AppEnv>) => Promise<LiveStart>): void {
  const handler = async (c: Context<AppEnv>) => {
    const { channels, snapshot } = await start(c);
    const hub = liveHub(c.var.deps.db);
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let unsubscribe = () => {};
      const done = new Promise<void>((resolve) => stream.onAbort(() => resolve()));
      unsubscribe = await hub.subscribe(channels, (m) => {
        stream.writeSSE({ event: 'update', data: JSON.stringify(m) }).catch(() => {});
      });
      try {
        await stream.writeSSE({ event: 'snapshot', data: JSON.stringify(snapshot ?? null) });
        const timer = setInterval(() => stream.write(': ping\n\n').catch(() => {}), KEEPALIVE_MS);
        await done;
        clearInterval(timer);
      } finally {
        unsubscribe();
      }
    });
  };
  router.add(
    { ...spec, responses: { 200: { description: 'Luồng sự kiện (text/event-stream)', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...spec.responses } } as R,
    handler as unknown as RouteHandler<R, AppEnv>,
  );
}
