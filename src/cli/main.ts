// The `nghitruong` command line. Every command that opens the embedded database takes the data
// directory's lock, so it refuses to run beside a server using the same directory — except
// `backup`, which then asks that server for the backup (src/modules/backup/cliToken.ts).
import fs from 'node:fs';
import { readStdin } from './args.ts';

const HELP = `Nghị Trường — dòng lệnh

  nghitruong serve [--demo]            Chạy máy chủ (cổng PORT, mặc định 3000). --demo: nạp dữ liệu mẫu nếu CSDL mới.
  nghitruong admin create <tên-đăng-nhập> --name "<Họ tên>" [--password <mật khẩu>]
                                       Tạo quản trị viên (mật khẩu đọc từ stdin nếu không có --password).
  nghitruong seed-demo                 Nạp dữ liệu mẫu vào CSDL mới.
  nghitruong backup <tệp.json.gz>      Sao lưu toàn bộ CSDL (một thời điểm nhất quán; CSDL nhúng đang có máy chủ chạy:
                                       sao lưu qua máy chủ đó).
  nghitruong restore <tệp.json.gz>     Khôi phục vào CSDL mới (trống).
  nghitruong text <normalize|convert|similar|dedup|classify> [--train TỆP]
                                       Xử lý văn bản tiếng Việt: JSON Lines từ stdin ra stdout.
  nghitruong vote result [--json]      Tính kết quả biểu quyết (danh sách đại biểu, quy tắc, số phiếu: JSON từ stdin).
  nghitruong election winners [--json] Xác định người trúng cử của một đơn vị bầu cử (số liệu kiểm phiếu: JSON từ stdin).

Biến môi trường: PORT, DATABASE_URL (bỏ trống = CSDL nhúng PGlite trong DATA_DIR, mặc định ./data),
NT_WORKERS (với PostgreSQL: số tiến trình phục vụ, mặc định bằng số lõi CPU), SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_FROM, PUBLIC_URL.`;

const db = () => import('./dbCommands.ts');

async function cmdText(args: string[]) {
  const { runTextCommand } = await import('../domain/text/cli.ts');
  const [sub = '', ...rest] = args;
  process.stdout.write(runTextCommand(sub, rest, await readStdin(), { readFile: (p) => fs.readFileSync(p, 'utf8') }));
}

async function cmdVote(args: string[]) {
  const { runVoteCommand } = await import('../domain/sessions/votesCli.ts');
  const [sub = '', ...rest] = args;
  process.stdout.write(runVoteCommand(sub, rest, await readStdin()));
}

async function cmdElection(args: string[]) {
  const { runElectionCommand } = await import('../domain/elections/winnersCli.ts');
  const [sub = '', ...rest] = args;
  process.stdout.write(runElectionCommand(sub, rest, await readStdin()));
}

/** Resolves once everything written to the stream so far has left the process. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * The entry points' runner: runs a command, then exits with its code only after standard output
 * and error are drained — through a pipe they are written asynchronously, and exiting earlier
 * would cut the output after the pipe's first 64 KB. A reader that stops early (`| head`) ends the
 * command quietly.
 */
export async function run(argv: string[]): Promise<void> {
  // (Not for the server: its log going nowhere must not stop it.)
  if (argv[0] !== 'serve') {
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(0);
        throw err;
      });
    }
  }
  const code = await main(argv);
  if (code < 0) return; // serving
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case 'serve':
        await (await db()).cmdServe(args);
        return -1; // keeps running
      case 'admin':
        await (await db()).cmdAdmin(args);
        return 0;
      case 'seed-demo':
        await (await db()).cmdSeed();
        return 0;
      case 'backup':
        await (await db()).cmdBackup(args);
        return 0;
      case 'restore':
        await (await db()).cmdRestore(args);
        return 0;
      case 'text':
        await cmdText(args);
        return 0;
      case 'vote':
        await cmdVote(args);
        return 0;
      case 'election':
        await cmdElection(args);
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
