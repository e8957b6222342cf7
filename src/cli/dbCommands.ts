// The commands that open the database (serve, admin, seed-demo, backup, restore). Loaded only when
// one of them runs: the pure commands (text, vote, election) start without the whole app.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { readEnv } from '../server/config.ts';
import { isFresh, seedDemo } from '../server/seed.ts';
import { installModules } from '../server/install.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { createUser, grantRole } from '../modules/accounts/service.ts';
import { issueToken, readServerNote, type ServerNote } from '../modules/backup/cliToken.ts';
import { flag, readStdin } from './args.ts';

async function open(o: { worker?: boolean } = {}) {
  const env = readEnv();
  return { env, database: await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, worker: o.worker }) };
}

/** The server (one process, or one per core on PostgreSQL): src/cli/serve.ts. */
export { cmdServe } from './serve.ts';

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
