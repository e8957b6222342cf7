// The embedded data directory's lock: a live second process is refused; a lock whose owner is
// gone never blocks a start — its PID dead, reused by another program, or our own PID (a server
// restarted after a crash with the same PID, as PID 1 in a container is).
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirLockedError, lockDataDir } from '../../src/db/lock.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nt-lockdir-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

let n = 0;
const freshDir = () => path.join(root, `d${++n}`);
const lockFile = (dir: string) => path.join(dir, 'nghitruong.lock');
/** A lock file as an earlier process would have left it. */
function leaveLock(dir: string, owner: object) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(lockFile(dir), JSON.stringify(owner));
}
const startTimeOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};

/** A child process that takes the lock and keeps it until killed. */
async function holder(dir: string): Promise<ChildProcess> {
  const code = `import { lockDataDir } from ${JSON.stringify(path.resolve('src/db/lock.ts'))};
lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
    child.on('exit', (c) => reject(new Error(`holder exited ${c}`)));
  });
  return child;
}

describe('the data directory lock', () => {
  it('refuses while another live process holds it, and is taken over once that process is killed', async () => {
    const dir = freshDir();
    const child = await holder(dir);
    let refused: unknown;
    try {
      lockDataDir(dir).release();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).pid).toBe(child.pid);
    expect((refused as Error).message).toContain('đang được một tiến trình khác sử dụng');
    // A crash (SIGKILL: no exit handler runs) leaves the lock file behind; it does not block.
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    const lock = lockDataDir(dir);
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  }, 60_000);

  it('refuses a second lock inside the same process', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      lock.release();
    }
  });

  it('takes over a lock left with our own PID by an earlier life of this process', () => {
    const dir = freshDir();
    leaveLock(dir, { pid: process.pid, nonce: 'an-earlier-run', startTime: '1', startedAt: '2026-11-30T01:00:00Z' });
    lockDataDir(dir).release();
    // An old-format lock (PID only) with our PID is ours from before, too.
    leaveLock(dir, { pid: process.pid, startedAt: '2026-11-30T01:00:00Z' });
    lockDataDir(dir).release();
  });

  it('takes over a lock whose PID now belongs to another program', async () => {
    const dir = freshDir();
    const other = spawn('sleep', ['60']);
    children.push(other);
    await new Promise((r) => other.once('spawn', r));
    const real = startTimeOf(other.pid!);
    leaveLock(dir, { pid: other.pid, nonce: 'x', startTime: String(Number(real) - 1000) });
    lockDataDir(dir).release();
    // …but the same PID with its real start time is that process, alive: refused.
    leaveLock(dir, { pid: other.pid, nonce: 'x', startTime: real });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    other.kill('SIGKILL');
  });

  it('takes over a lock of a process that no longer exists, or an unreadable lock file', async () => {
    const dir = freshDir();
    const gone = spawn('true');
    await new Promise((r) => gone.once('exit', r));
    leaveLock(dir, { pid: gone.pid, nonce: 'x' });
    lockDataDir(dir).release();
    fs.writeFileSync(lockFile(dir), '{"pi');
    lockDataDir(dir).release();
  });
});
