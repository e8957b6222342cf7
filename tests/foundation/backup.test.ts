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
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
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

  for (const kind of dbKinds()) {
    it(`is one consistent snapshot while the app writes (${kind}), restorable into an empty database`, async () => {
      const t = await createTestApp(kind);
      let k = 0;
      // One write as the app does it: a user, then (another transaction) the user's role.
      const writePair = async () => {
        const n = ++k;
        const user = await createUser(t.db, SYSTEM_ACTOR, { username: `ghi.${n}`, fullName: `Người ghi ${n}`, password: 'MatKhau2026' });
        await grantRole(t.db, SYSTEM_ACTOR, user.id, { role: 'admin' });
        return `ghi.${n}`;
      };
      let writing = true;
      const writer = (async () => {
        while (writing) await writePair();
      })();
      const during: Promise<string>[] = [];
      let first: Uint8Array;
      try {
        await writePair();
        first = await backupDatabase(t.db, async (table) => {
          // A whole write lands between reading users and reading role_grants. PostgreSQL: awaited
          // (another pool connection). PGlite: the backup holds the only connection, it waits.
          if (table !== 'users') return;
          const pair = writePair();
          during.push(pair);
          if (kind === 'postgres') await pair;
        });
      } finally {
        writing = false;
        await writer;
      }
      const duringNames = await Promise.all(during);
      const snap = tables(first!) as { users: { id: string; username: string }[]; role_grants: { user_id: string }[] };
      const writers = snap.users.filter((u) => u.username.startsWith('ghi.'));
      expect(writers.length).toBeGreaterThan(0);
      expect(snap.users.map((u) => u.username)).not.toContain(duringNames[0]);
      // Every user in the snapshot whose role was granted before the snapshot has it, and no grant
      // points at a user the snapshot lacks.
      const userIds = new Set(snap.users.map((u) => u.id));
      expect(snap.role_grants.every((g) => userIds.has(g.user_id))).toBe(true);
      await t.close();
      const target = await createTestDb(kind);
      try {
        await restoreDatabase(target.db, first!);
        expect(tables(await backupDatabase(target.db))).toEqual(tables(first!));
      } finally {
        await target.close();
      }
    }, 180_000);
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
