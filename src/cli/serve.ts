// `nghitruong serve`: the HTTP server. On PostgreSQL it runs one server process per core
// (node:cluster, NT_WORKERS): the primary process migrates the database and loads the demo data
// once, then forks the workers, which each open their own pool and listen on the same port with a
// socket of their own (SO_REUSEPORT: the kernel spreads new connections over them). Nothing a
// request depends on is kept per process without a check against the database (src/db/cache.ts),
// live updates go through LISTEN/NOTIFY (src/server/live.ts), the daily jobs run in one worker
// (each also claims its day in job_runs), and the progress of a long import reaches every
// process through LISTEN/NOTIFY too (src/server/progress.ts). PGlite's data directory belongs to one process: on it the server
// is always a single process.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createAdaptorServer, serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { maintainTables } from '../db/maintenance.ts';
import { driverStats, openDatabase, type Database } from '../db/client.ts';
import { readEnv, type EnvSettings } from '../server/config.ts';
import { dummyHash } from '../modules/accounts/password.ts';
import { createApp } from '../server/app.ts';
import { isFresh, seedDemo } from '../server/seed.ts';
import { startDailyJobs, startMaintenance } from '../server/jobs.ts';
import { warmSheetReader } from '../modules/spreadsheets/index.ts';
import { warmSearchColumns } from '../db/searchColumns.ts';
import { shareProgress } from '../server/progress.ts';
import { noteServer } from '../modules/backup/cliToken.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNNING = 'Nghị Trường đang chạy tại';
const STATEMENTS = '[đo] câu lệnh CSDL đã gửi:';

/** Messages between the primary and its workers (process IPC). */
type Message =
  | { nt: 'statements?'; ask: number }
  | { nt: 'statements'; ask: number; n: number }
  | { nt: 'listening' };

/** Connections of each worker's pool: together about 40, at least 4 each (PostgreSQL's default limit is 100). */
export function poolSizeFor(workers: number): number {
  return Math.max(4, Math.min(10, Math.floor(40 / workers)));
}

/** Server processes asked for by NT_WORKERS (default: one per core on PostgreSQL). */
export function workerCount(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): number {
  const raw = env.NT_WORKERS?.trim();
  let n = os.availableParallelism();
  if (raw) {
    n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`NT_WORKERS không hợp lệ (số tiến trình phục vụ, từ 1 đến 256): ${env.NT_WORKERS}`);
  }
  if (!databaseUrl) {
    if (raw && n > 1) console.log(`NT_WORKERS=${raw}: CSDL nhúng PGlite chỉ dùng được trong một tiến trình — chạy một tiến trình phục vụ (dùng PostgreSQL để chạy nhiều tiến trình).`);
    return 1;
  }
  return n;
}

function notes(env: EnvSettings) {
  if (process.env.NT_TEST_SCRYPT_LOG2N) {
    console.warn('CẢNH BÁO: NT_TEST_SCRYPT_LOG2N chỉ dùng cho kiểm thử — mật khẩu mới sẽ được băm yếu hơn mức OWASP. Hãy bỏ biến này.');
  }
  if (env.app.trustProxy?.length) console.log(`Tin X-Forwarded-For từ proxy: ${env.app.trustProxy.join(', ')}`);
}

async function prepare(env: EnvSettings, database: Database, args: string[]) {
  console.log(`Cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite nhúng tại ${database.where}` : `PostgreSQL ${database.where}`}`);
  const seeded = args.includes('--demo') && (await isFresh(database.db));
  if (seeded) {
    console.log('CSDL mới: đang nạp dữ liệu mẫu (Đức Phổ, Quảng Ngãi)…');
    await seedDemo(database.db, new Date(), console.log);
  }
  // The planner's statistics of tables never analyzed (a new database, the demo data) or, on PGlite,
  // grown since (src/db/maintenance.ts), before the first request is planned.
  const maintained = await maintainTables(database.db, database.kind);
  if (maintained.length) console.log(`CSDL: đã cập nhật thống kê của ${maintained.length} bảng.`);
  // PGlite writes the seed's and the maintenance's pages back at its next checkpoint, which would
  // stall the first requests for seconds (one thread): take it now, before the server listens.
  if (database.kind === 'pglite' && (seeded || maintained.length)) await database.db.execute(sql`checkpoint`);
  notes(env);
}

/** The app on an open database, listening on env.port; `onListening` once it accepts connections. */
function listen(env: EnvSettings, database: Database, o: { jobs: boolean; onListening(port: number): void }) {
  const dataDir = database.kind === 'pglite' ? database.where : undefined;
  const deps = { db: database.db, dbKind: database.kind, clock: () => new Date(), config: env.app, dataDir };
  // The first login with an unknown username must not be slower than the others (login.ts).
  void dummyHash();
  // The import's worker threads (sheet reading, search columns) load now, not on the first file.
  warmSheetReader();
  warmSearchColumns();
  const app = createApp(deps, { webRoot: path.join(ROOT, 'dist/web') });
  // Daily jobs of the modules (reminders, notification digest): checked hourly; each job claims its
  // day in the database, so it runs once a day whichever process checks.
  const stopDaily = o.jobs ? startDailyJobs(deps) : () => {};
  // Statistics and dead rows while it runs: autovacuum's work on PGlite, which has none (src/db/maintenance.ts).
  const stopMaintenance = database.kind === 'pglite' ? startMaintenance(database.db) : () => {};
  const stopJobs = () => {
    stopDaily();
    stopMaintenance();
  };
  let forgetServer = () => {};
  const onListening = (info: AddressInfo) => {
    // `nghitruong backup` on this data directory finds the server here.
    if (dataDir) forgetServer = noteServer(dataDir, info.port);
    o.onListening(info.port);
  };
  let server: Server;
  if (cluster.isWorker) {
    // Each worker listens on a socket of its own on the shared port (SO_REUSEPORT): the kernel
    // spreads new connections evenly over the workers. Through the primary's shared socket, a
    // burst of new connections went to whichever worker answered the primary first (70/30 was
    // seen), and one worker queued while the other idled.
    server = createAdaptorServer({ fetch: app.fetch }) as Server;
    server.listen({ port: env.port, exclusive: true, reusePort: true }, () => onListening(server.address() as AddressInfo));
  } else {
    server = serve({ fetch: app.fetch, port: env.port }, onListening) as Server;
  }
  if (process.env.NT_BENCH === '1' && cluster.isWorker) {
    // Which process answered (tests of the multi-process server); set before the app writes its headers.
    const pid = String(process.pid);
    server.prependListener('request', (_req, res) => res.setHeader('x-nt-worker', pid));
  }
  let stopping = false;
  return async () => {
    if (stopping) return;
    stopping = true;
    forgetServer();
    stopJobs();
    server.close();
    await database.close();
    process.exit(0);
  };
}

export async function cmdServe(args: string[]) {
  const env = readEnv();
  if (cluster.isWorker) return serveAsWorker(env);
  const workers = workerCount(process.env, env.databaseUrl);
  if (workers > 1) return serveAsPrimary(env, args, workers);
  // One process: the server runs PGlite in a worker thread (src/db/pgliteWorker.ts); PGLITE_WORKER=0
  // keeps it in the server's own thread (as the command line does).
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, worker: process.env.PGLITE_WORKER !== '0' });
  await prepare(env, database, args);
  // Another server on the same PostgreSQL database may serve the polls of an import run here.
  await shareProgress(database.db);
  const stop = listen(env, database, { jobs: true, onListening: (port) => console.log(`${RUNNING} http://localhost:${port}`) });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The throughput bench (bench/http.ts) asks how many statements the server has sent so far.
  if (process.env.NT_BENCH === '1') process.on('SIGUSR2', () => console.log(`${STATEMENTS} ${driverStats.statements}`));
}

/** A worker: its own pool on the database the primary has migrated; listens on the shared port. */
async function serveAsWorker(env: EnvSettings) {
  const workers = Number(process.env.NT_WORKER_COUNT) || 1;
  const database = await openDatabase({ databaseUrl: env.databaseUrl, migrate: false, poolSize: poolSizeFor(workers) });
  // A long import's progress, for the polls that another process serves (through PostgreSQL).
  await shareProgress(database.db);
  process.on('message', (msg: Message) => {
    if (msg?.nt === 'statements?') process.send?.({ nt: 'statements', ask: msg.ask, n: driverStats.statements } satisfies Message);
  });
  const stop = listen(env, database, { jobs: process.env.NT_WORKER_JOBS === '1', onListening: () => process.send?.({ nt: 'listening' } satisfies Message) });
  process.on('SIGTERM', stop);
  // Ctrl-C reaches the whole process group: the primary stops the workers in order.
  process.on('SIGINT', () => {});
  process.on('SIGUSR2', () => {});
}

/** The primary: migrations and demo data once, then `count` workers, kept running until SIGTERM/SIGINT. */
async function serveAsPrimary(env: EnvSettings, args: string[], count: number) {
  const database = await openDatabase({ databaseUrl: env.databaseUrl });
  try {
    await prepare(env, database, args);
  } finally {
    await database.close();
  }
  // The workers' sockets share the port with each other (SO_REUSEPORT), and would with another
  // server started the same way: make sure nothing listens on it yet.
  await portFree(env.port);
  console.log(`Chạy ${count} tiến trình phục vụ (NT_WORKERS) trên cùng cổng ${env.port}.`);
  const slots = new Map<Worker, number>();
  const startedAt = new Map<Worker, number>();
  const listening = new Set<number>();
  let started = false;
  let stopping = false;
  let failures = 0;

  const fork = (slot: number) => {
    // Slot 0 runs the daily jobs; its replacement takes them over.
    const w = cluster.fork({ NT_WORKER_SLOT: String(slot), NT_WORKER_JOBS: slot === 0 ? '1' : '0', NT_WORKER_COUNT: String(count) });
    slots.set(w, slot);
    startedAt.set(w, Date.now());
    w.on('message', (msg: Message) => {
      if (msg?.nt === 'listening') listened(slot);
    });
    return w;
  };

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const alive = [...slots.keys()].filter((w) => !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => w.process.kill('SIGKILL'), 10_000);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(code);
  };

  // Each worker says when it listens (on its own socket: the primary does not see it).
  const listened = (slot: number) => {
    if (started) return;
    listening.add(slot);
    if (listening.size === count) {
      started = true;
      console.log(`${RUNNING} http://localhost:${env.port} (${count} tiến trình phục vụ)`);
    }
  };

  cluster.on('exit', (w, code, signal) => {
    const slot = slots.get(w)!;
    slots.delete(w);
    const lived = Date.now() - (startedAt.get(w) ?? 0);
    startedAt.delete(w);
    if (stopping) return;
    const how = signal ? `tín hiệu ${signal}` : `mã ${code}`;
    if (!started) {
      console.error(`Lỗi: tiến trình phục vụ ${w.process.pid} dừng trước khi máy chủ sẵn sàng (${how}).`);
      void stopAll(1);
      return;
    }
    // A worker dying again and again (the database gone…) is restarted less and less often.
    failures = lived < 10_000 ? failures + 1 : 0;
    const delay = failures ? Math.min(30_000, 500 * 2 ** (failures - 1)) : 0;
    console.error(`[máy chủ] Tiến trình phục vụ ${w.process.pid} đã dừng (${how}); khởi động tiến trình thay thế${delay ? ` sau ${delay / 1000} giây` : ''}.`);
    setTimeout(() => {
      if (!stopping) fork(slot);
    }, delay).unref();
  });

  for (let i = 0; i < count; i++) fork(i);
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  if (process.env.NT_BENCH === '1') {
    // The throughput bench (bench/http.ts) asks how many statements the server has sent: every
    // worker's count, summed (the primary's own migrations are not requests and not counted).
    let asks = 0;
    process.on('SIGUSR2', () => void sumStatements([...slots.keys()], ++asks).then((n) => console.log(`${STATEMENTS} ${n}`)));
  }
}

/** Resolves when nothing listens on `port` (a plain socket can take it), fails otherwise. */
function portFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Cổng ${port} đang được một chương trình khác sử dụng.`) : err),
    );
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Asks each worker for its statement count; a worker that does not answer in 2 s counts nothing. */
function sumStatements(workers: Worker[], ask: number): Promise<number> {
  return Promise.all(
    workers
      .filter((w) => w.isConnected())
      .map(
        (w) =>
          new Promise<number>((resolve) => {
            const timer = setTimeout(() => done(0), 2000);
            const onMessage = (msg: Message) => {
              if (msg?.nt === 'statements' && msg.ask === ask) done(msg.n);
            };
            const done = (n: number) => {
              clearTimeout(timer);
              w.off('message', onMessage);
              resolve(n);
            };
            w.on('message', onMessage);
            w.send({ nt: 'statements?', ask } satisfies Message);
          }),
      ),
  ).then((ns) => ns.reduce((a, n) => a + n, 0));
}
