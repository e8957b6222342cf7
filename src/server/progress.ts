// Progress of a long request (an import of 20,000 rows), kept in this process's memory while it
// runs so that the client can poll it: the client names the job (a random id) when it sends the
// request, and only the user who started it can read it. Reading it writes nothing. Under several
// server processes (src/cli/serve.ts) each report is also handed to the others, so that a poll
// served by another process than the import sees it.
export interface JobProgress {
  /** reading | checking | writing | done | failed */
  phase: string;
  /** Vietnamese, shown as is. */
  label: string;
  done: number;
  total: number;
}

const TTL_MS = 10 * 60_000;
const jobs = new Map<string, JobProgress & { at: number }>();

const keyOf = (owner: string, jobId: string) => `${owner}\u0000${jobId}`;

/** A progress report as handed between server processes. */
export interface SharedProgress {
  key: string;
  progress: JobProgress;
}

let share: ((m: SharedProgress) => void) | null = null;

/** Hands every report of this process to `fn` too (the other server processes). */
export function shareProgress(fn: (m: SharedProgress) => void): void {
  share = fn;
}

function keep(key: string, p: JobProgress): void {
  const now = Date.now();
  jobs.set(key, { ...p, at: now });
  if (jobs.size > 1000) for (const [k, v] of jobs) if (now - v.at > TTL_MS) jobs.delete(k);
}

/** A report made in another server process. */
export function receiveProgress(m: SharedProgress): void {
  keep(m.key, m.progress);
}

export function reportProgress(owner: string, jobId: string | undefined, p: JobProgress): void {
  if (!jobId) return;
  const key = keyOf(owner, jobId);
  keep(key, p);
  share?.({ key, progress: { phase: p.phase, label: p.label, done: p.done, total: p.total } });
}

export function readProgress(owner: string, jobId: string): JobProgress | null {
  const j = jobs.get(keyOf(owner, jobId));
  if (!j || Date.now() - j.at > TTL_MS) return null;
  const { at: _at, ...p } = j;
  return p;
}
