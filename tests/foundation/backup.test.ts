// Backup → restore gives back exactly what was backed up, on both databases and through the CLI;
// a second process on the same embedded data directory is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { backupDatabase, restoreDatabase, RestoreError } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/client.ts';
import { seedDemo } from '../../src/server/seed.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { createUser, grantRole } from '../../src/modules/accounts/service.ts';
import { issueToken } from '../../src/modules/backup/cliToken.ts';
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
      }, 240_000); // two databases and the demo data: minutes on a loaded two-core machine
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

describe('GET /api/admin/backup', () => {
  const tokenDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-token-'));
  afterAll(() => fs.rmSync(tokenDir, { recursive: true, force: true }));

  it('gives administrators a restorable backup, audited; the command line once per token', async () => {
    const t = await createTestApp('pglite', { dataDir: tokenDir });
    try {
      expect((await t.anonymous().get('/api/admin/backup')).status).toBe(401);
      expect((await (await t.as('vp.sahuynh')).get('/api/admin/backup')).status).toBe(403);
      const res = await (await t.as('admin')).get('/api/admin/backup');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gzip');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="nghitruong-sao-luu-\d{8}-\d{4}\.json\.gz"/);
      const downloaded = new Uint8Array(await res.arrayBuffer());
      const target = await createTestDb('pglite');
      try {
        await restoreDatabase(target.db, downloaded);
        expect(tables(await backupDatabase(target.db))).toEqual(tables(downloaded));
      } finally {
        await target.close();
      }
      const events = (await t.db.execute(sql`select actor_name, entity_type from audit_events where action = 'database.backup'`)).rows;
      expect(events).toEqual([{ actor_name: 'Quản trị hệ thống', entity_type: 'database' }]);

      // The command line's token: admitted once, on this endpoint only, from an owner-only file.
      const anon = t.anonymous();
      const token = issueToken(tokenDir);
      expect((await anon.request('GET', '/api/audit', undefined, token.headers)).status).toBe(401);
      expect((await anon.request('GET', '/api/admin/backup', undefined, token.headers)).status).toBe(200);
      expect((await anon.request('GET', '/api/admin/backup', undefined, token.headers)).status).toBe(401);
      const [id] = Object.values(token.headers)[0]!.split('.');
      expect((await anon.request('GET', '/api/admin/backup', undefined, { 'x-nghitruong-backup-token': `${id}.${'0'.repeat(64)}` })).status).toBe(401);
      const shared = issueToken(tokenDir);
      const [sharedId] = Object.values(shared.headers)[0]!.split('.');
      fs.chmodSync(path.join(tokenDir, `backup-${sharedId}.token`), 0o644);
      expect((await anon.request('GET', '/api/admin/backup', undefined, shared.headers)).status).toBe(401);
      shared.remove();
      const byCli = (await t.db.execute(sql`select actor_id, actor_name from audit_events where action = 'database.backup' order by id`)).rows;
      expect(byCli.at(-1)).toEqual({ actor_id: null, actor_name: 'Dòng lệnh nghitruong backup' });
      expect(byCli).toHaveLength(2);
    } finally {
      await t.close();
    }
  }, 180_000);
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
  }, 600_000);
});
