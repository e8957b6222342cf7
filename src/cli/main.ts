// The `nghitruong` command line. Every command that opens the embedded database takes the data
// directory's lock, so it refuses to run beside a server using the same directory.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { readEnv } from '../server/config.ts';
import { createApp } from '../server/app.ts';
import { isFresh, seedDemo } from '../server/seed.ts';
import { installModules } from '../server/install.ts';
import { SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { createUser, grantRole } from '../modules/accounts/service.ts';
import { startDailyJobs } from '../server/jobs.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `Nghị Trường — dòng lệnh

  nghitruong serve [--demo]            Chạy máy chủ (cổng PORT, mặc định 3000). --demo: nạp dữ liệu mẫu nếu CSDL mới.
  nghitruong admin create <tên-đăng-nhập> --name "<Họ tên>" [--password <mật khẩu>]
                                       Tạo quản trị viên (mật khẩu đọc từ stdin nếu không có --password).
  nghitruong seed-demo                 Nạp dữ liệu mẫu vào CSDL mới.
  nghitruong backup <tệp.json.gz>      Sao lưu toàn bộ CSDL.
  nghitruong restore <tệp.json.gz>     Khôi phục vào CSDL mới (trống).
  nghitruong text <normalize|convert|similar|dedup|classify> [--train TỆP]
                                       Xử lý văn bản tiếng Việt: JSON Lines từ stdin ra stdout.

Biến môi trường: PORT, DATABASE_URL (bỏ trống = CSDL nhúng PGlite trong DATA_DIR, mặc định ./data),
SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_FROM, PUBLIC_URL.`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function open() {
  const env = readEnv();
  return { env, database: await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir }) };
}

async function cmdServe(args: string[]) {
  const { env, database } = await open();
  console.log(`Cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite nhúng tại ${database.where}` : `PostgreSQL ${database.where}`}`);
  if (args.includes('--demo') && (await isFresh(database.db))) {
    console.log('CSDL mới: đang nạp dữ liệu mẫu (Đức Phổ, Quảng Ngãi)…');
    await seedDemo(database.db, new Date(), console.log);
  }
  const deps = { db: database.db, dbKind: database.kind, clock: () => new Date(), config: env.app };
  const app = createApp(deps, { webRoot: path.join(ROOT, 'dist/web') });
  // Daily jobs of the modules (reminders, notification digest): checked hourly, once a day across processes.
  const stopJobs = startDailyJobs(deps);
  const server = serve({ fetch: app.fetch, port: env.port }, (info) => {
    console.log(`Nghị Trường đang chạy tại http://localhost:${info.port}`);
  });
  const stop = async () => {
    stopJobs();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function cmdAdmin(args: string[]) {
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

async function cmdSeed() {
  const { database } = await open();
  try {
    if (!(await isFresh(database.db))) throw new Error('CSDL đã có dữ liệu; chỉ nạp dữ liệu mẫu vào CSDL mới.');
    await seedDemo(database.db, new Date(), console.log);
    console.log('Đã nạp dữ liệu mẫu.');
  } finally {
    await database.close();
  }
}

async function cmdBackup(args: string[]) {
  const file = args[0];
  if (!file) throw new Error('Cú pháp: nghitruong backup <tệp.json.gz>');
  const { database } = await open();
  try {
    const data = await backupDatabase(database.db, (t, i, n) => process.stderr.write(`\rSao lưu ${i}/${n}: ${t.padEnd(30)}`));
    fs.writeFileSync(file, data);
    process.stderr.write('\n');
    console.log(`Đã sao lưu vào ${file} (${(data.length / 1024).toFixed(0)} KB).`);
  } finally {
    await database.close();
  }
}

async function cmdRestore(args: string[]) {
  const file = args[0];
  if (!file) throw new Error('Cú pháp: nghitruong restore <tệp.json.gz>');
  if (!fs.existsSync(file)) throw new Error(`Không tìm thấy tệp ${file}.`);
  const { database } = await open();
  try {
    const r = await restoreDatabase(database.db, fs.readFileSync(file), (t, i, n) => process.stderr.write(`\rKhôi phục ${i}/${n}: ${t.padEnd(30)}`));
    process.stderr.write('\n');
    console.log(`Đã khôi phục ${r.rows} dòng trong ${r.tables} bảng.`);
  } finally {
    await database.close();
  }
}

async function cmdText(args: string[]) {
  const { runTextCommand } = await import('../domain/text/cli.ts');
  const [sub = '', ...rest] = args;
  process.stdout.write(runTextCommand(sub, rest, await readStdin(), { readFile: (p) => fs.readFileSync(p, 'utf8') }));
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case 'serve':
        await cmdServe(args);
        return -1; // keeps running
      case 'admin':
        await cmdAdmin(args);
        return 0;
      case 'seed-demo':
        await cmdSeed();
        return 0;
      case 'backup':
        await cmdBackup(args);
        return 0;
      case 'restore':
        await cmdRestore(args);
        return 0;
      case 'text':
        await cmdText(args);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(HELP);
        return 0;
      default:
        console.error(`Lệnh không hợp lệ: ${cmd}\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    console.error(`Lỗi: ${(err as Error).message}`);
    return 1;
  }
}
