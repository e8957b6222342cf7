// What the embedded database acknowledged survives: PostgreSQL's own fsync calls reach the disk
// (counted with a spy on the fs module our file system layer calls), and a server killed with
// SIGKILL right after a 201 still has the row when it comes back; the server analyzes what it
// loaded before it serves.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '../../src/modules/accounts/seed.ts';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { createTestApp } from '../support/app.ts';
import { freePort } from '../support/ports.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-durable-'));
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});
const BIN = path.resolve('bin/nghitruong.js');


/** `nghitruong serve` as a real child process on an embedded data directory, once it listens. */
async function startServer(dataDir: string, port: number, args: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += String(d);
      if (output.includes('đang chạy tại')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  return child;
}

/** Logs in over HTTP; returns a fetch that carries the session cookie and CSRF token. */
async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await (await fetch(`${base}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return (p: string, init: RequestInit = {}) =>
    fetch(`${base}${p}`, { ...init, headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json', ...init.headers } });
}

/** The file an open descriptor of this process points to. */
const fdPath = (fd: number) => fs.readlinkSync(`/proc/self/fd/${fd}`);

describe('the embedded database', () => {
  it('syncs the write-ahead log to disk before a write is acknowledged', async () => {
    const dataDir = path.join(dir, 'in-process');
    const database = await openDatabase({ dataDir });
    const t = await createTestApp('pglite', { database });
    try {
      const vp = await t.as('vp.sahuynh');
      const synced: string[] = [];
      const realFsync = fs.fsyncSync;
      const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
        synced.push(fdPath(fd));
        realFsync(fd);
      });
      try {
        const res = await vp.post(`/api/councils/${t.id('council:sa-huynh')}/delegates`, { fullName: 'Bà Nguyễn Thị Bền', position: 'Đại biểu' });
        expect(res.status).toBe(201);
        // By the time the 201 exists, the WAL segment holding the commit was fsynced.
        expect(synced.some((p) => p.startsWith(path.join(dataDir, 'pgdata', 'pg_wal') + path.sep))).toBe(true);
      } finally {
        spy.mockRestore();
      }
    } finally {
      await t.close();
    }
  }, 600_000); // a new data directory and the demo data: minutes on a loaded two-core machine
});

describe('a server killed right after acknowledging a write', () => {
  it('has the row when it comes back; `nghitruong backup` goes through the running server', async () => {
    const dataDir = path.join(dir, 'server');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(dataDir, port, ['--demo']);
    let call = await login(base, 'vp.sahuynh');
    const councils = (await (await call('/api/councils')).json()) as { items: { id: string }[] };
    const councilId = councils.items[0]!.id;
    const res = await call(`/api/councils/${councilId}/delegates`, {
      method: 'POST',
      body: JSON.stringify({ fullName: 'Ông Trần Văn Bền Bỉ', position: 'Đại biểu' }),
    });
    expect(res.status).toBe(201);
    server.kill('SIGKILL'); // the instant the 201 arrives: no shutdown, no checkpoint
    await new Promise((r) => server.once('exit', r));

    // Same data directory: the dead server's lock does not block the restart.
    server = await startServer(dataDir, port);
    call = await login(base, 'vp.sahuynh');
    const list = (await (await call(`/api/councils/${councilId}/delegates?q=${encodeURIComponent('Bền Bỉ')}`)).json()) as { items: { fullName: string }[] };
    expect(list.items.map((d) => d.fullName)).toContain('Ông Trần Văn Bền Bỉ');

    // A backup while the server runs: the command asks the server, with a one-time token.
    const file = path.join(dir, 'qua-may-chu.json.gz');
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const r = spawnSync(process.execPath, [BIN, 'backup', file], { env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`qua máy chủ đang chạy (PID ${server.pid})`);
    const doc = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as { tables: Record<string, Record<string, unknown>[]> };
    expect(doc.tables.delegates!.map((d) => d.full_name)).toContain('Ông Trần Văn Bền Bỉ');
    // The token was used once and is gone; the backup is in the audit log.
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.token'))).toEqual([]);
    const again = spawnSync(process.execPath, [BIN, 'backup', path.join(dir, 'lan-hai.json.gz')], { env, encoding: 'utf8' });
    expect(again.status).toBe(0);
    const second = JSON.parse(gunzipSync(fs.readFileSync(path.join(dir, 'lan-hai.json.gz'))).toString('utf8')) as typeof doc;
    expect(second.tables.audit_events!.filter((e) => e.action === 'database.backup').map((e) => e.actor_name)).toEqual(['Dòng lệnh nghitruong backup']);
    // Restoring still needs the directory to itself.
    const restore = spawnSync(process.execPath, [BIN, 'restore', file], { env, encoding: 'utf8' });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('đang được một tiến trình khác sử dụng');
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    // The server analyzed the demo data before its first request (PGlite has no autovacuum;
    // src/db/maintenance.ts): the planner knows the tables' sizes.
    const database = await openDatabase({ dataDir, migrate: false });
    try {
      const { rows } = await database.db.execute(sql`select relname, reltuples from pg_class where relname in ('petitions', 'delegates', 'audit_events') order by relname`);
      expect(rows.map((r) => [r.relname, Number(r.reltuples) > 0])).toEqual([['audit_events', true], ['delegates', true], ['petitions', true]]);
    } finally {
      await database.close();
    }
  }, 600_000);
});
