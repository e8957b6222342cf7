// The embedded database on its own thread. PGlite runs PostgreSQL (WebAssembly) synchronously in
// the thread that calls it: on the server's main thread, every statement stops the HTTP server
// (no socket read, no answer written) for as long as it runs. Here PGlite lives in a worker
// thread, and the main thread holds a small stand-in (`PGliteOnThread`) with the few methods the
// app and Drizzle's PGlite driver call: query, exec, transaction, close. Statements still run one
// at a time, in order (PGlite's own queue, in the worker), and requests still take turns through
// the fair queue (src/db/fairQueue.ts); what changes is that while the database works, the server
// keeps reading, answering and refusing requests.
//
// Messages: the main thread sends { id, op, ... }, the worker answers { id, ok, result | error }.
// A transaction is opened by its first statement, marked `begin` (the worker enters PGlite's
// transaction, keeps it open and runs the statement in it: one crossing instead of two); its
// id is that message's, later statements carry it, and 'end' commits or rolls it back. A
// transaction that ran no statement sends nothing.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

interface Start {
  dataDir: string;
  startParams: string[];
}

/** `begin`: this statement opens a transaction (whose id is this message's), and runs in it. */
type Request =
  | { id: number; op: 'query'; tx?: number; begin?: true; sql: string; params?: unknown[]; rowMode?: 'array' | 'object'; rawTypes?: number[] }
  | { id: number; op: 'exec'; tx?: number; begin?: true; sql: string }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

type Reply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: Record<string, unknown> };

/** An error's own fields (code, detail, constraint… of a DatabaseError), so the main thread sees the same error. */
function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: Record<string, unknown> = { message: err.message, name: err.name };
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}

/** Query options across the thread boundary: the types Drizzle reads as text are sent by number. */
function optionsOf(rowMode: 'array' | 'object' | undefined, rawTypes: number[] | undefined): QueryOptions {
  const o: QueryOptions = {};
  if (rowMode) o.rowMode = rowMode;
  if (rawTypes?.length) o.parsers = Object.fromEntries(rawTypes.map((t) => [t, (v: string) => v]));
  return o;
}

async function serveInWorker(start: Start): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { DurableNodeFS } = await import('./durableFs.ts');
  const { preparing } = await import('./pglitePrepared.ts');
  const path = await import('node:path');
  const pg = await PGlite.create({ fs: new DurableNodeFS(path.join(start.dataDir, 'pgdata')), startParams: start.startParams, extensions: { pg_trgm } });
  await pg.exec("SET TIME ZONE 'UTC'");
  // Single statements run as named prepared statements (parsed and planned once, src/db/pglitePrepared.ts).
  preparing(pg);
  interface Open {
    tx: Transaction;
    end: (commit: boolean) => void;
    done: Promise<unknown>;
  }
  /** Open transactions by id, registered as soon as their first statement arrives (later ones wait for it to open). */
  const txs = new Map<number, Promise<Open>>();
  const begin = (id: number) => {
    let end!: (commit: boolean) => void;
    let tx!: Transaction;
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const done = pg.transaction(async (t) => {
      tx = t;
      const commit = new Promise<boolean>((resolve) => (end = resolve));
      opened();
      if (!(await commit)) await t.rollback();
    });
    // A transaction that could not start answers its statements with its error.
    const open = Promise.race([isOpen, done]).then((): Open => ({ tx, end, done }));
    open.catch(() => {});
    txs.set(id, open);
  };
  const port = parentPort!;
  const reply = (r: Reply) => port.postMessage(r);
  const target = async (m: { id: number; tx?: number; begin?: true }): Promise<PGlite | Transaction> => {
    if (m.begin) begin(m.id);
    const id = m.begin ? m.id : m.tx;
    if (id === undefined) return pg;
    const t = txs.get(id);
    if (!t) throw new Error('Giao dịch không còn mở.');
    return (await t).tx;
  };
  port.on('message', (m: Request) => {
    const run = async (): Promise<unknown> => {
      switch (m.op) {
        case 'query':
          return (await target(m)).query(m.sql, m.params, optionsOf(m.rowMode, m.rawTypes));
        case 'exec':
          return (await target(m)).exec(m.sql);
        case 'end': {
          const t = txs.get(m.tx);
          if (!t) throw new Error('Giao dịch không còn mở.');
          txs.delete(m.tx);
          const open = await t;
          open.end(m.commit);
          await open.done;
          return null;
        }
        case 'close':
          await pg.close();
          return null;
      }
    };
    run().then(
      (result) => reply({ id: m.id, ok: true, result }),
      (err) => reply({ id: m.id, ok: false, error: errorFields(err) }),
    );
  });
  port.postMessage({ id: 0, ok: true, result: 'ready' } satisfies Reply);
}

if (!isMainThread && (workerData as { pgliteWorker?: Start } | null)?.pgliteWorker) {
  await serveInWorker((workerData as { pgliteWorker: Start }).pgliteWorker);
}

/** What the worker's answer rebuilds on this side: an error with the database's fields. */
function rebuiltError(fields: Record<string, unknown>): Error {
  const err = new Error(String(fields.message ?? 'Lỗi cơ sở dữ liệu'));
  Object.assign(err, fields);
  return err;
}

/** Sends a message; `sent` learns its id as it goes (a transaction's first statement: the transaction's id). */
type Send = (m: DistributiveOmit<Request, 'id'>, sent?: (id: number) => void) => Promise<unknown>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** The query options Drizzle passes: row mode, and types it wants as text (identity parsers). */
function queryMessage(sql: string, params: unknown[] | undefined, options: QueryOptions | undefined, tx?: number) {
  return { op: 'query' as const, tx, sql, params, rowMode: options?.rowMode, rawTypes: options?.parsers ? Object.keys(options.parsers).map(Number) : undefined };
}

/** A transaction's stand-in: its first statement opens it in the worker, the others run there. */
class TxOnThread {
  readonly #send: Send;
  /** The worker's id of the transaction, once its first statement is sent. */
  id: number | undefined;
  constructor(send: Send) {
    this.#send = send;
  }
  #statement(m: ReturnType<typeof queryMessage> | { op: 'exec'; sql: string }): Promise<unknown> {
    if (this.id !== undefined) return this.#send({ ...m, tx: this.id });
    return this.#send({ ...m, begin: true }, (id) => (this.id = id));
  }
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#statement(queryMessage(sql, params, options)) as Promise<Results<T>>;
  }
  exec(sql: string): Promise<Results[]> {
    return this.#statement({ op: 'exec', sql }) as Promise<Results[]>;
  }
  async rollback(): Promise<void> {
    throw new Error('rollback');
  }
}

/** The main thread's stand-in for a PGlite running in a worker thread (see the header). */
export class PGliteOnThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;
  #failed: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (r: Reply) => {
      const p = this.#pending.get(r.id);
      if (!p) return;
      this.#pending.delete(r.id);
      if (r.ok) p.resolve(r.result);
      else p.reject(rebuiltError(r.error));
    });
    const fail = (err: Error) => {
      this.#failed ??= err;
      for (const p of this.#pending.values()) p.reject(err);
      this.#pending.clear();
    };
    worker.on('error', (err) => fail(err as Error));
    // A worker that ended (closed, or crashed) answers nothing more: every later statement fails at once.
    worker.on('exit', (code) => fail(new Error(`CSDL nhúng (PGlite) đã dừng (mã ${code}).`)));
  }

  /** Starts the worker on `dataDir` and waits until its database is open. */
  static async create(dataDir: string, startParams: string[]): Promise<PGliteOnThread> {
    const worker = new Worker(new URL(import.meta.url), { workerData: { pgliteWorker: { dataDir, startParams } } });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (r: Reply) => {
        if (r.id !== 0) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`PGlite worker exited (${code})`)));
    });
    worker.removeAllListeners('exit');
    return new PGliteOnThread(worker);
  }

  #send: Send = (m, sent) => {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    sent?.(id);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...m, id });
    });
  };

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#send(queryMessage(sql, params, options)) as Promise<Results<T>>;
  }

  exec(sql: string): Promise<Results[]> {
    return this.#send({ op: 'exec', sql }) as Promise<Results[]>;
  }

  async transaction<T>(fn: (tx: TxOnThread) => Promise<T>): Promise<T> {
    const tx = new TxOnThread(this.#send);
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      if (tx.id !== undefined) await this.#send({ op: 'end', tx: tx.id, commit: false }).catch(() => {});
      throw err;
    }
    if (tx.id !== undefined) await this.#send({ op: 'end', tx: tx.id, commit: true });
    return result;
  }

  async close(): Promise<void> {
    await this.#send({ op: 'close' });
    await this.#worker.terminate();
  }
}
