// Request admission for the embedded database. PGlite executes one statement at a time on the
// server's own thread, so a burst of requests whose statements interleave finishes all of them
// late: with 100 requests of two statements each, every request waits for about 200 statements.
// Admitting a few requests at a time, in arrival order, lets each run its statements back to back
// while later ones wait in a first-come, first-served line: the average wait halves and no request
// is overtaken. A few slots (not one) keep a long request (an import, an export) from stopping
// everyone behind it. A request whose client gave up while waiting is not run (its answer would
// go nowhere, and the work would delay everyone behind it).
//
// The line is kept short enough to be worth waiting in: from how long requests have been holding
// their slots lately, a newcomer's wait is its place in the line times the time a slot takes to
// free up. When that would be more than `maxWaitMs`, it is refused at once — 503 with a Vietnamese
// message and Retry-After — rather than left to wait until its client times out; the people already
// in the line are served as fast as before.
import type { MiddlewareHandler } from 'hono';

export interface FairQueueOptions {
  /** Requests run at once (default 4). */
  slots?: number;
  /** Longest expected wait in the line before a newcomer is refused (default 1 s). */
  maxWaitMs?: number;
}

export const BUSY_MESSAGE = 'Hệ thống đang phục vụ nhiều yêu cầu cùng lúc. Vui lòng thử lại sau ít giây.';

/** Weight of the newest request in the running average of slot times. */
const SMOOTHING = 0.1;

export function fairQueue(opts: FairQueueOptions = {}): MiddlewareHandler {
  const slots = opts.slots ?? 4;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  let running = 0;
  const waiting: (() => void)[] = [];
  /** Running average of how long a request holds its slot, in ms (0 until one has finished). */
  let holdMs = 0;
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  /** Expected wait of a request joining the line now: `slots` slots free up every slot-time. */
  const expectedWait = () => ((waiting.length + 1) * holdMs) / slots;
  return async (c, next) => {
    if (running < slots) running++;
    else {
      const wait = expectedWait();
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
      const held = performance.now() - start;
      holdMs = holdMs ? holdMs + SMOOTHING * (held - holdMs) : held;
      release();
    }
  };
}
