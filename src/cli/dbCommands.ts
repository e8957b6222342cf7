// The commands that open the database (serve, admin, seed-demo, backup, restore). Loaded only when
// one of them runs: the pure commands (text, vote, election) start without the whole app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { driverStats, openDatabase } from '../db/client.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { readEnv } from '../server/config.ts';
import { dummyHash } from '../modules/accounts/password.ts';
import { createApp } from '../server/app.ts';
import { isFresh, seedDemo } from '../server/seed.ts';
import { installModules } from '../server/install.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { createUser, grantRole } from '../modules/accounts/service.ts';
import { startDailyJobs } from '../server/jobs.ts';
import { warmSheetReader } from '../modules/spreadsheets/index.ts';
import { warmSearchColumns } from '../db/searchColumns.ts';
import { issueToken, noteServer, readServerNote, type ServerNote } from '../modules/backup/cliToken.ts';
import { flag, readStdin } from './args.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function open(o: { worker?: boolean } = {}) {
  const env = readEnv();
  return { env, database: await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, worker: o.worker }) };
}

export async function cmdServe(args: string[]) {
  // The server runs PGlite in a worker thread (src/db/pgliteWorker.ts); PGLITE_WORKER=0 keeps it
  // in the server's own thread (as the command line does).
  const { env, database } = await open({ worker: process.env.PGLITE_WORKER !== '0' });
  console.log(`Cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite nhúng tại ${database.where}` : `PostgreSQL ${database.where}`}`);
  if (args.includes('--demo') && (await isFresh(database.db))) {
    console.log('CSDL mới: đang nạp dữ liệu mẫu (Đức Phổ, Quảng Ngãi)…');
    await seedDemo(database.db, new Date(), console.log);
    // PGlite writes the seed's pages back at its next checkpoint, which would stall the first
    // requests for seconds (one thread): take it now, before the server listens.
    if (database.kind === 'pglite') await database.db.execute(sql`checkpoint`);
  }
  const dataDir = database.kind === 'pglite' ? database.where : undefined;
  const deps = { db: database.db, dbKind: database.kind, clock: () => new Date(), config: env.app, dataDir };
  if (process.env.NT_TEST_SCRYPT_LOG2N) {
    console.warn('CẢNH BÁO: NT_TEST_SCRYPT_LOG2N chỉ dùng cho kiểm thử — mật khẩu mới sẽ được băm yếu hơn mức OWASP. Hãy bỏ biến này.');
  }
  // The first login with an unknown username must not be slower than the others (login.ts).
  void dummyHash();
  // The import's worker threads (sheet reading, search columns) load now, not on the first file.
  warmSheetReader();
  warmSearchColumns();
  if (env.app.trustProxy?.length) console.log(`Tin X-Forwarded-For từ proxy: ${env.app.trustProxy.join(', ')}`);
  const app = createApp(deps, { webRoot: path.join(ROOT, 'dist/web') });
  // Daily jobs of the modules (reminders, notification digest): checked hourly, once a day across processes.
  const stopJobs = startDailyJobs(deps);
  let forgetServer = () => {};
  const server = serve({ fetch: app.fetch, port: env.port }, (info) => {
    // `nghitruong backup` on this data directory finds the server here.
    if (dataDir) forgetServer = noteServer(dataDir, info.port);
    console.log(`Nghị Trường đang chạy tại http://localhost:${info.port}`);
  });
  const stop = async () => {
    forgetServer();
    stopJobs();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The throughput bench (bench/http.ts) asks how many statements the server has sent so far.
  if (process.env.NT_BENCH === '1') process.on('SIGUSR2', () => console.log(`[đo] câu lệnh CSDL đã gửi: ${driverStats.statements}`));
}

export async function cmdAdmin(args: string[]) {
  if (args[0] !== 'create' || !args[1]) throw new Error('Cú pháp: nghitruong admin create <tên-đăng-nhập> --name "<Họ tên>" [--password <mật khẩu>]');
  const password = flag(args, '--password') ?? (await readStdin()).trim();
  if (!password) throw new Error('Hãy nhập mật khẩu qua --password hoặc stdin.');
  const { database } = await open();
  try {
    installModules();
    const user = await createUser(database.db, SYSTEM_ACTOR, {
      username: args[1],
      fullName: flag(args, '--name') ?? 'Quản trị hệ thống',
      password,
      mustChangePassword: false,
    });
    await grantRole(database.db, SYSTEM_ACTOR, user.id, { role: 'admin' });
    console.log(`Đã tạo quản trị viên "${user.username}".`);
  } finally {
    await database.close();
  }
}

export async function cmdSeed() {
  const { database } = await open();
  try {
    if (!(await isFresh(database.db))) throw new Error('CSDL đã có dữ liệu; chỉ nạp dữ liệu mẫu vào CSDL mới.');
    await seedDemo(database.db, new Date(), console.log);
    console.log('Đã nạp dữ liệu mẫu.');
  } finally {
    await database.close();
  }
}

/** Written aside then renamed: a backup file is complete or absent. */
function writeBackupFile(file: string, data: Uint8Array) {
  fs.writeFileSync(`${file}.part`, data);
  fs.renameSync(`${file}.part`, file);
}

/** The running server on this embedded data directory makes the backup (one-time token). */
async function backupThroughServer(dataDir: string, server: ServerNote, file: string) {
  const token = issueToken(dataDir);
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/admin/backup`, { headers: token.headers });
    if (res.status !== 200) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(`Máy chủ đang chạy (PID ${server.pid}) không sao lưu được: ${body?.error?.message ?? `mã ${res.status}`}`);
    }
    const data = new Uint8Array(await res.arrayBuffer());
    writeBackupFile(file, data);
    console.log(`Đã sao lưu qua máy chủ đang chạy (PID ${server.pid}) vào ${file} (${(data.length / 1024).toFixed(0)} KB).`);
  } finally {
    token.remove();
  }
}

export async function cmdBackup(args: string[]) {
  const file = args[0];
  if (!file) throw new Error('Cú pháp: nghitruong backup <tệp.json.gz>');
  let opened: Awaited<ReturnType<typeof open>>;
  try {
    opened = await open();
  } catch (err) {
    const dataDir = path.resolve(readEnv().dataDir);
    const server = err instanceof DataDirLockedError ? readServerNote(dataDir) : null;
    if (server && server.pid === (err as DataDirLockedError).pid) return backupThroughServer(dataDir, server, file);
    throw err;
  }
  const { database } = opened;
  try {
    const data = await backupDatabase(database.db, (t, i, n) => {
      process.stderr.write(`\rSao lưu ${i}/${n}: ${t.padEnd(30)}`);
    });
    writeBackupFile(file, data);
    process.stderr.write('\n');
    console.log(`Đã sao lưu vào ${file} (${(data.length / 1024).toFixed(0)} KB).`);
  } finally {
    await database.close();
  }
}

export async function cmdRestore(args: string[]) {
  const file = args[0];
  if (!file) throw new Error('Cú pháp: nghitruong restore <tệp.json.gz>');
  if (!fs.existsSync(file)) throw new Error(`Không tìm thấy tệp ${file}.`);
  const { database } = await open();
  try {
    const r = await restoreDatabase(database.db, fs.readFileSync(file), (t, i, n) => {
      process.stderr.write(`\rKhôi phục ${i}/${n}: ${t.padEnd(30)}`);
    });
    process.stderr.write('\n');
    console.log(`Đã khôi phục ${r.rows} dòng trong ${r.tables} bảng.`);
  } finally {
    await database.close();
  }
}
