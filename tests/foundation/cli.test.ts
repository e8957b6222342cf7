// The first administrator comes from the command line, on a fresh embedded database.
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

describe('nghitruong admin create', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
  }, 60_000);

  it('explains its usage in Vietnamese', () => {
    const r = cli(['khong-co-lenh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Lệnh không hợp lệ');
  });
});
