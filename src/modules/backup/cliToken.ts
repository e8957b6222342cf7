// How `nghitruong backup` asks a running server on the same embedded data directory for a backup.
// The server notes its PID and port in the data directory; the command leaves a one-time token
// file there (mode 0600: only the directory's owner, who may read the database files anyway, can
// do so) and presents it; the server accepts it once, for the backup endpoint only, and deletes it.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';

const SERVER_FILE = 'nghitruong.server.json';
const TOKEN_HEADER = 'x-nghitruong-backup-token';
const tokenFile = (dataDir: string, id: string) => path.join(dataDir, `backup-${id}.token`);

export interface ServerNote {
  pid: number;
  port: number;
}

/** Called by the server once it listens; the note disappears when the process exits. */
export function noteServer(dataDir: string, port: number): () => void {
  const file = path.join(dataDir, SERVER_FILE);
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, port } satisfies ServerNote), { mode: 0o600 });
  const remove = () => {
    process.off('exit', remove);
    if (readServerNote(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on('exit', remove);
  return remove;
}

export function readServerNote(dataDir: string): ServerNote | null {
  try {
    const note = JSON.parse(fs.readFileSync(path.join(dataDir, SERVER_FILE), 'utf8')) as ServerNote;
    return Number.isInteger(note.pid) && Number.isInteger(note.port) ? note : null;
  } catch {
    return null;
  }
}

/** CLI side: a one-time token file and the header that presents it; `remove` when done. */
export function issueToken(dataDir: string): { headers: Record<string, string>; remove: () => void } {
  const id = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('hex');
  const file = tokenFile(dataDir, id);
  fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return { headers: { [TOKEN_HEADER]: `${id}.${secret}` }, remove: () => fs.rmSync(file, { force: true }) };
}

/** Server side: is the presented header a token left in the data directory? Consumes it. */
export function redeemToken(dataDir: string, header: string | undefined): boolean {
  const m = /^([0-9a-f]{24})\.([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const file = tokenFile(dataDir, m[1]!);
  let secret: string;
  try {
    // Only a file of the server's own user, readable by no one else, counts.
    const st = fs.statSync(file);
    if ((process.getuid && st.uid !== process.getuid()) || (st.mode & 0o077) !== 0) return false;
    secret = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const a = Buffer.from(secret);
  const b = Buffer.from(m[2]!);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

export { TOKEN_HEADER };
