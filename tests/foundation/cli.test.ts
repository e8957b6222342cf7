// The first administrator comes from the command line, on a fresh embedded database; every
// command's output goes whole through a pipe; a too old Node.js gets one Vietnamese line.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { roleGrants, users } from '../../src/db/schema.ts';
import { verifyPassword } from '../../src/modules/accounts/password.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-cli-'));
const cli = (args: string[], input = '') =>
  spawnSync(process.execPath, [path.resolve('bin/nghitruong.js'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
  });

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('nghitruong admin create', () => {
  it('creates an administrator whose password works, reading the password from stdin', async () => {
    const weak = cli(['admin', 'create', 'truongphong', '--name', 'Trưởng phòng'], 'ngan\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('ít nhất 8 ký tự');
    const ok = cli(['admin', 'create', 'truongphong', '--name', 'Trần Thị Trưởng'], 'MatKhau2026\n');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Đã tạo quản trị viên "truongphong"');
    const again = cli(['admin', 'create', 'truongphong', '--password', 'MatKhau2026']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('đã tồn tại');
    const database = await openDatabase({ dataDir: dir });
    try {
      const [u] = await database.db.select().from(users).where(eq(users.username, 'truongphong'));
      expect(u!.fullName).toBe('Trần Thị Trưởng');
      expect(await verifyPassword('MatKhau2026', u!.passwordHash)).toBe(true);
      const grants = await database.db.select().from(roleGrants).where(eq(roleGrants.userId, u!.id));
      expect(grants.map((g) => g.role)).toEqual(['admin']);
    } finally {
      await database.close();
    }
  }, 300_000); // four openings of a new embedded database: minutes on a loaded two-core machine

  it('explains its usage in Vietnamese', () => {
    const r = cli(['khong-co-lenh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Lệnh không hợp lệ');
  });
});

describe('output through a pipe', () => {
  const input = path.join(dir, 'y-kien.jsonl');
  const lines = 20_000;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    input,
    Array.from({ length: lines }, (_, i) => JSON.stringify({ id: String(i), text: `Cử tri phản ánh đường giao thông liên xã xuống cấp, số ${i}` })).join('\n'),
  );
  const bin = path.resolve('bin/nghitruong.js');

  it('writes all of more than 1 MB into a slow reader', () => {
    const out = path.join(dir, 'ra.jsonl');
    // The reader starts late: the pipe fills (64 KB) and the rest waits in the process.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" text normalize < "${input}" | (sleep 1; cat > "${out}")`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.length).toBeGreaterThan(1_000_000);
    const got = text.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    expect(got).toHaveLength(lines);
    expect(got.at(-1)!.id).toBe(String(lines - 1));
  });

  it('stops quietly when the reader stops early', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" text normalize < "${input}" | head -n 1 > /dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('an old Node.js', () => {
  /** Runs an entry point on this Node.js, told it is `version` (process.versions.node). */
  const runAs = (version: string, entry: string, args: string[] = []) =>
    spawnSync(process.execPath, ['--import', `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`, path.resolve(entry), ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
    });

  it('gets one Vietnamese line saying which version is needed, before any TypeScript loads', () => {
    for (const version of ['20.20.2', '22.17.1', '23.5.0']) {
      for (const entry of ['bin/nghitruong.js', 'scripts/start.js']) {
        const r = runAs(version, entry, ['help']);
        expect(r.status, `${entry} on ${version}`).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`cần Node.js 22.18 trở lên (máy này đang chạy Node.js ${version})`)]);
        expect(r.stderr).toContain('nvm install 24');
      }
    }
    for (const version of ['22.18.0']) {
      const r = runAs(version, 'bin/nghitruong.js', ['help']);
      expect(r.status, version).toBe(0);
      expect(r.stdout).toContain('Nghị Trường — dòng lệnh');
    }
  });

  it('on the real Node.js 20 of this machine (/usr/bin/node), `npm start` and the command say so', () => {
    const old = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    expect(old.stdout).toMatch(/^v20\./);
    for (const entry of ['bin/nghitruong.js', 'scripts/start.js']) {
      const r = spawnSync('/usr/bin/node', [path.resolve(entry)], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('cần Node.js 22.18 trở lên');
    }
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe('node scripts/start.js');
  });
});
