// Daily jobs of the modules (AppModule.dailyJobs): checked every hour and once at start; each job
// runs when the Vietnam-time day has changed and its hour has come. A job claims its (job, day)
// row in job_runs itself, so several server processes run it once. Immediate notification
// e-mails left behind are retried on every check.
import { modules } from '../modules/index.ts';
import { todayInVietnam } from '../domain/calendar/index.ts';
import type { JobDeps } from './module.ts';
import { deliverPending } from '../modules/notifications/service.ts';
import { logUnexpected } from './errors.ts';
import { maintainTables } from '../db/maintenance.ts';
import type { Db } from '../db/client.ts';

const vnHour = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).getUTCHours();

/** Runs the jobs due now (in module order); returns what each did. */
export async function runDueJobs(deps: JobDeps, lastDay: Map<string, string>) {
  const now = deps.clock();
  const day = todayInVietnam(now);
  const done: { key: string; ran: boolean; summary?: string }[] = [];
  for (const job of modules.flatMap((m) => m.dailyJobs ?? [])) {
    if (lastDay.get(job.key) === day || vnHour(now) < (job.hour?.(deps.config) ?? 0)) continue;
    try {
      const r = await job.run(deps);
      lastDay.set(job.key, day);
      done.push({ key: job.key, ...r });
      if (r.ran && r.summary) console.log(`[việc hằng ngày] ${day} ${job.key}: ${r.summary}.`);
    } catch (err) {
      logUnexpected('JOB', job.key, err); // a database error's message carries its parameters
    }
  }
  await deliverPending(deps).catch((err) => logUnexpected('JOB', 'thông báo qua thư', err));
  return done;
}

/**
 * Runs `task` every `everyMs` (and once now with `now`), never two at once: a run still going when
 * the next is due makes that one skip. The timer keeps no process alive. Returns a function that stops it.
 */
function every(everyMs: number, task: () => Promise<unknown>, o: { now?: boolean } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } finally {
      running = false;
    }
  };
  if (o.now) void tick();
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Checks every `everyMs` (default an hour) and once at start. Returns a function that stops it. */
export function startDailyJobs(deps: JobDeps, everyMs = 3_600_000): () => void {
  const lastDay = new Map<string, string>();
  return every(everyMs, () => runDueJobs(deps, lastDay), { now: true });
}

/**
 * The embedded database's statistics and dead rows (src/db/maintenance.ts; PGlite has no
 * autovacuum), checked every `everyMs` (default a minute; the server checks once before it
 * listens). Returns a function that stops it.
 */
export function startMaintenance(db: Db, everyMs = 60_000): () => void {
  return every(everyMs, async () => {
    try {
      const t0 = performance.now();
      const done = await maintainTables(db, 'pglite');
      // Quiet as autovacuum is, unless it held the database for long (statements wait meanwhile).
      const ms = Math.round(performance.now() - t0);
      if (ms >= 1000) console.log(`[CSDL] đã cập nhật thống kê và dọn dữ liệu cũ của ${done.length} bảng trong ${ms} ms (các câu lệnh khác chờ trong lúc đó).`);
    } catch (err) {
      logUnexpected('CSDL', 'bảo trì bảng', err);
    }
  });
}
