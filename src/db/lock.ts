// An exclusive lock on an embedded (PGlite) data directory.
// PGlite has no locking between processes: two processes opening the same directory silently
// corrupt it. The lock is a file created with O_EXCL holding the owner's PID; a lock left by a
// process that no longer exists is taken over.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Thư mục dữ liệu "${dir}" đang được một tiến trình khác sử dụng (PID ${pid}). ` +
        'Hãy dừng tiến trình đó (ví dụ máy chủ Nghị Trường đang chạy) rồi thử lại.',
    );
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  release(): void;
}

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'nghitruong.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
          if (owner.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = 0;
      try {
        pid = (JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number }).pid;
      } catch {
        // half-written lock file: treat as stale
      }
      if (pid && processAlive(pid)) throw new DataDirLockedError(dir, pid);
      // Stale: rename first so that two processes racing for a stale lock cannot both win.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.unlinkSync(`${file}.stale-${process.pid}`);
      } catch {
        // another process took it over first; loop and try again
      }
    }
  }
  throw new DataDirLockedError(dir, 0);
}
