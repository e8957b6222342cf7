// Request admission for the embedded database. PGlite executes one statement at a time on the
// server's own thread, so a burst of requests whose statements interleave finishes all of them
// late: with 100 requests of two statements each, every request waits for about 200 statements.
// Admitting a few requests at a time, in arrival order, lets each run its statements back to back
// while later ones wait in a first-come, first-served line: the average wait halves and no request
// is overtaken. A few slots (not one) keep a long request (an import, an export) from stopping
// everyone behind it. A request whose client gave up while waiting is not run (its answer would
// go nowhere, and the work would delay everyone behind it).
import type { MiddlewareHandler } from 'hono';

export function fairQueue(slots = 4): MiddlewareHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return async (c, next) => {
    if (running < slots) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      if (c.req.raw.signal.aborted) return c.body(null, 503);
      await next();
    } finally {
      release();
    }
  };
}
