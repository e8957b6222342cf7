// Request admission for the embedded database. PGlite executes one statement at a time on the
// server's own thread, synchronously: while it runs, the server reads no socket, so a burst of
// requests waits in the operating system, in no particular order, where nothing can tell how long
// the wait is. So every `/api` request joins a line as soon as it is read and runs when its turn
// comes, in arrival order, and the next in line is started only after the server has read the
// sockets again (setImmediate), so that newcomers are in the line — and counted — before it runs.
// A few slots (not one) keep a long request (an import, an export) from stopping everyone behind
// it. A request whose client gave up while waiting is not run (its answer would go nowhere, and
// the work would delay everyone behind it).
//
// The line is kept short enough to be worth waiting in: from how often a request has been
// finishing lately while others waited, a newcomer's wait is its place in the line times that
// interval. When that would be more than `maxWaitMs`, it is refused at once — 503 with a
// Vietnamese message and Retry-After — rather than left to wait until its client times out; the
// people already in the line are served as fast as before.
import type { MiddlewareHandler } from 'hono';

export interface FairQueueOptions {
  /** Requests run at once (default 4). */
  slots?: number;
  /**
   * Longest expected wait in the line before a newcomer is refused (default 0.7 s: with the time a
   * request waits to be read while the server runs others, about a second in all).
   */
  maxWaitMs?: number;
}

export const BUSY_MESSAGE = 'Hệ thống đang phục vụ nhiều yêu cầu cùng lúc. Vui lòng thử lại sau ít giây.';

/** Weight of the newest interval in the running average. */
const SMOOTHING = 0.2;

export function fairQueue(opts: FairQueueOptions = {}): MiddlewareHandler {
  const slots = opts.slots ?? 4;
  const maxWaitMs = opts.maxWaitMs ?? 700;
  let running = 0;
  const waiting: (() => void)[] = [];
  /** Running average of the time between two requests finishing while others waited, ms. */
  let gapMs = 0;
  /** How long the last request held its slot: the estimate until the line has been busy. */
  let lastHoldMs = 0;
  let lastDone = 0;
  let busyAtLastDone = false;
  const finished = (heldMs: number) => {
    const now = performance.now();
    if (busyAtLastDone) gapMs = gapMs ? gapMs + SMOOTHING * (now - lastDone - gapMs) : now - lastDone;
    lastHoldMs = heldMs;
    lastDone = now;
    busyAtLastDone = waiting.length > 0 || running > 1;
    const next = waiting.shift();
    if (next) setImmediate(next);
    else running--;
  };
  return async (c, next) => {
    if (running < slots && !waiting.length) {
      running++;
      // Let the server read the other sockets first: whoever arrived with this request is counted.
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      const wait = (waiting.length + 1) * (gapMs || lastHoldMs);
      if (wait > maxWaitMs) {
        c.header('Retry-After', String(Math.max(1, Math.ceil(wait / 1000))));
        return c.json({ error: { code: 'busy', message: BUSY_MESSAGE } }, 503);
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    const start = performance.now();
    try {
      if (c.req.raw.signal.aborted) return c.body(null, 503);
      await next();
    } finally {
      finished(performance.now() - start);
    }
  };
}
