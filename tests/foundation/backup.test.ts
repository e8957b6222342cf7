// Backup → restore gives back exactly what was backed up, on both databases and through the CLI;
// a second process on the same embedded data directory is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { backupDatabase, restoreDatabase, RestoreError } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/client.ts';
import { seedDemo } from '../../src/server/seed.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDb, dbKinds } from '../support/db.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/nghitruong.js');
const tables = (b: Uint8Array) => JSON.parse(gunzipSync(b).toString('utf8')).tables as Record<string, unknown[]>;

describe('backup and restore', () => {
  for (const from of dbKinds()) {
    for (const to of dbKinds()) {
      it(`round trip ${from} → ${to} compares equal`, async () => {
        const t = await createTestApp(from);
        const vp = await t.as('vp.sahuynh');
        await vp.post(`/api/councils/${t.id('council:sa-huynh')}/delegates`, { fullName: 'Ông Ích Khiêm', position: 'Đại biểu' });
        const first = await backupDatabase(t.db);
        await t.close();
        const target = await createTestDb(to);
        try {
          const r = await restoreDatabase(target.db, first);
          expect(r.rows).toBeGreaterThan(100);
          const second = await backupDatabase(target.db);
          expect(tables(second)).toEqual(tables(first));
          // The restored database keeps working: identities continue, the audit log appends.
          await expect(restoreDatabase(target.db, first)).rejects.toThrow(RestoreError);
        } finally {
          await target.close();
        }
      });
    }
  }

  it('refuses a file that is not a backup', async () => {
    const target = await createTestDb('pglite');
    await expect(restoreDatabase(target.db, new Uint8Array([1, 2, 3]))).rejects.toThrow('Tệp sao lưu bị hỏng');
    await target.close();
  });
});

describe('the embedded data directory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a second process, and backs up / restores through the CLI', async () => {
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ dataDir });
    await seedDemo(database.db);
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const second = await run(process.execPath, [BIN, 'backup', path.join(dir, 'x.json.gz')], { env }).catch((e) => e);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('đang được một tiến trình khác sử dụng');
    const inProcess = await backupDatabase(database.db);
    await database.close();

    const file = path.join(dir, 'sao-luu.json.gz');
    await run(process.execPath, [BIN, 'backup', file], { env });
    const restoredDir = path.join(dir, 'restored');
    const out = await run(process.execPath, [BIN, 'restore', file], { env: { ...env, DATA_DIR: restoredDir } });
    expect(out.stdout).toContain('Đã khôi phục');
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      expect(tables(await backupDatabase(restored.db))).toEqual(tables(inProcess));
    } finally {
      await restored.close();
    }
  }, 180_000);
});
