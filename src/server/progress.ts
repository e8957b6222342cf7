// Progress of a long request (an import of 20,000 rows), kept in memory while it runs so that the
// client can poll it: the client names the job (a random id) when it sends the request, and only
// the user who started it can read it. Reading it writes nothing. Several app processes on one
// PostgreSQL database (`serve` with NT_WORKERS, or separate servers behind a proxy) hand each
// report to the others through the live-update path (LISTEN/NOTIFY, src/server/live.ts), so that
// a poll served by another process than the import's sees it; each report carries its process's
// sequence number, so a late notification never replaces a newer report.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { liveHub, publish } from './live.ts';

export interface JobProgress {
  /** reading | checking | writing | done | failed */
  phase: string;
  /** Vietnamese, shown as is. */
  label: string;
  done: number;
  total: number;
}

const TTL_MS = 10 * 60_000;
/** The live channel of the reports; no SSE route serves it (it is read by the app processes only). */
const CHANNEL = 'app:job-progress';
/** This process, in its reports (it keeps its own reports as it makes them). */
const PROCESS = randomUUID();

interface Kept extends JobProgress {
  at: number;
  /** The reporting process and its sequence number: a report replaces only an older one of the same process. */
  from: string;
  seq: number;
}
interface SharedProgress {
  key: string;
  progress: JobProgress;
  from: string;
  seq: number;
}

const jobs = new Map<string, Kept>();
let seq = 0;
let sharedThrough: Db | null = null;

const keyOf = (owner: string, jobId: string) => `${owner}\u0000${jobId}`;

function keep(key: string, p: JobProgress, from: string, n: number): void {
  const old = jobs.get(key);
  if (old && old.from === from && old.seq > n) return;
  const now = Date.now();
  jobs.set(key, { phase: p.phase, label: p.label, done: p.done, total: p.total, at: now, from, seq: n });
  if (jobs.size > 1000) for (const [k, v] of jobs) if (now - v.at > TTL_MS) jobs.delete(k);
}

/**
 * From now on, this process's reports reach the other app processes on `db`'s PostgreSQL database
 * and theirs reach it (the server calls it at start; on PGlite, one process, it does nothing).
 */
export async function shareProgress(db: Db): Promise<void> {
  if (liveHub(db).kind !== 'postgres' || sharedThrough === db) return;
  sharedThrough = db;
  await liveHub(db).subscribe([CHANNEL], (m) => {
    const s = m.payload as SharedProgress;
    if (s && typeof s.key === 'string' && s.from !== PROCESS) keep(s.key, s.progress, s.from, s.seq);
  });
}

export function reportProgress(owner: string, jobId: string | undefined, p: JobProgress): void {
  if (!jobId) return;
  const key = keyOf(owner, jobId);
  const n = ++seq;
  keep(key, p, PROCESS, n);
  if (sharedThrough) {
    const report: SharedProgress = { key, progress: { phase: p.phase, label: p.label, done: p.done, total: p.total }, from: PROCESS, seq: n };
    // On its own connection, outside the import's transaction; a lost report only delays the bar.
    publish(sharedThrough, CHANNEL, report).catch(() => undefined);
  }
}

export function readProgress(owner: string, jobId: string): JobProgress | null {
  const j = jobs.get(keyOf(owner, jobId));
  if (!j || Date.now() - j.at > TTL_MS) return null;
  return { phase: j.phase, label: j.label, done: j.done, total: j.total };
}
