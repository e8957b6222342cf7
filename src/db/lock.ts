// An exclusive lock on an embedded (PGlite) data directory.
// PGlite has no locking between processes: two processes opening the same directory silently
// corrupt it. The lock is a file created with O_EXCL naming its owner: PID, the process's start
// time as the kernel counts it, the boot it belongs to and a random nonce. A lock is stale, and is
// taken over, when its owner is gone — including when its PID now belongs to another process (the
// start time differs) or to this very process (a server restarted after a crash with the same PID,
// e.g. PID 1 in a container: this process holds no lock with that nonce).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `Thư mục dữ liệu "${dir}" đang được một tiến trình khác sử dụng (PID ${pid}). ` +
        'Hãy dừng tiến trình đó (ví dụ máy chủ Nghị Trường đang chạy) rồi thử lại.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

interface LockOwner {
  pid: number;
  nonce?: string;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat), when known. */
  startTime?: string | null;
  bootId?: string | null;
  startedAt?: string;
}

/** Nonces of the locks this process holds now. */
const held = new Set<string>();

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), or null without /proc. */
function processStartTime(pid: number | 'self'): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ")".
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is the process that wrote this lock still running (and still the same process)? */
function ownerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return owner.nonce !== undefined && held.has(owner.nonce);
  if (!processAlive(owner.pid)) return false;
  if (owner.bootId && bootId() && owner.bootId !== bootId()) return false;
  if (owner.startTime) {
    const now = processStartTime(owner.pid);
    if (now && now !== owner.startTime) return false;
  }
  return true;
}

function parseOwner(text: string | null): LockOwner | null {
  try {
    const owner = JSON.parse(text ?? '') as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null; // missing, or not a lock we can read: stale
  }
}

export interface DirLock {
  release(): void;
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'nghitruong.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    const me: LockOwner = {
      pid: process.pid,
      nonce: randomBytes(12).toString('hex'),
      startTime: processStartTime('self'),
      bootId: bootId(),
      startedAt: new Date().toISOString(),
    };
    // Written aside then hard-linked into place: the lock appears atomically with its content
    // (link fails with EEXIST when a lock is there), so no one ever reads a half-written lock.
    const draft = `${file}.${me.nonce}`;
    fs.writeFileSync(draft, JSON.stringify(me), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
      held.add(me.nonce!);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(me.nonce!);
        process.off('exit', release);
        if (parseOwner(readText(file))?.nonce === me.nonce) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const seen = readText(file);
      const owner = parseOwner(seen);
      if (owner && ownerAlive(owner)) throw new DataDirLockedError(dir, owner.pid);
      // Stale: moved aside by rename, so of two processes racing for it only one moves it. If what
      // was moved is no longer the stale lock we judged (a racer's fresh lock), it goes back.
      const aside = `${file}.stale-${me.nonce}`;
      try {
        fs.renameSync(file, aside);
        if (readText(aside) !== seen) fs.linkSync(aside, file);
      } catch {
        // another process took it over first; loop and try again
      } finally {
        fs.rmSync(aside, { force: true });
      }
    } finally {
      fs.rmSync(draft, { force: true });
    }
  }
  throw new DataDirLockedError(dir, parseOwner(readText(file))?.pid ?? 0);
}
