// The embedded database's request line (src/db/fairQueue.ts): requests are served in arrival
// order, and one that would wait more than about a second is refused at once with a Vietnamese 503
// and Retry-After instead of waiting until its client gives up. First on a bare app whose handler
// takes a known time, then on the real app on PGlite under a burst of list requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { BUSY_MESSAGE, fairQueue } from '../../src/db/fairQueue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fair request line', () => {
  it('serves in arrival order and refuses at once whoever would wait longer than the limit', async () => {
    const HOLD = 50;
    const MAX_WAIT = 300;
    const served: number[] = [];
    const app = new Hono();
    app.use('*', fairQueue({ slots: 2, maxWaitMs: MAX_WAIT }));
    app.get('/:n', async (c) => {
      await sleep(HOLD);
      served.push(Number(c.req.param('n')));
      return c.json({ ok: true });
    });
    // A request teaches the line how long a request takes.
    await app.request('/-1');
    served.length = 0;
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, n) => {
        const res = await app.request(`/${n}`);
        return { n, res, ms: performance.now() - t0, body: (await res.json()) as { error?: { message: string } } };
      }),
    );
    const ok = answers.filter((a) => a.res.status === 200);
    const refused = answers.filter((a) => a.res.status === 503);
    expect(ok.length + refused.length).toBe(40);
    // About MAX_WAIT / HOLD × slots get a place in the line (a slower machine: fewer); the rest are refused.
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(ok.length).toBeLessThanOrEqual(20);
    expect(refused.length).toBeGreaterThanOrEqual(20);
    // Served in arrival order: the first comers, one after the other.
    expect(served).toEqual(ok.map((a) => a.n));
    expect(served).toEqual([...served].sort((a, b) => a - b));
    expect(served[0]).toBe(0);
    for (const r of refused) {
      expect(r.res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(r.body.error?.message).toBe(BUSY_MESSAGE);
      // Refused on arrival, not after waiting.
      expect(r.ms).toBeLessThan(ok.at(-1)!.ms);
    }
    // Nobody served waited much beyond the limit (timers on a busy machine run late).
    expect(Math.max(...ok.map((a) => a.ms))).toBeLessThan(MAX_WAIT + 8 * HOLD);
  });

  it('lets everyone in when the line is short', async () => {
    const app = new Hono();
    app.use('*', fairQueue({ slots: 2, maxWaitMs: 1000 }));
    app.get('/', async (c) => {
      await sleep(5);
      return c.json({ ok: true });
    });
    await app.request('/');
    const statuses = await Promise.all(Array.from({ length: 20 }, async () => (await app.request('/')).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});

describe('fair request line on the real app [pglite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { config: { queueMaxWaitMs: 700 } });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a burst of list requests is answered correctly or refused at once with a Vietnamese 503', async () => {
    const clerk = await t.as('vp.sahuynh');
    const path = `/api/councils/${t.id('council:sa-huynh')}/petitions?status=dispatched`;
    const expected = await (await clerk.get(path)).json();
    const answers = await Promise.all(Array.from({ length: 600 }, () => clerk.get(path)));
    const refused = answers.filter((r) => r.status === 503);
    expect(answers.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(answers.length);
    for (const r of answers) {
      const body = await r.json();
      if (r.status === 200) expect(body).toEqual(expected);
      else {
        expect(r.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
        expect(body.error.message).toBe(BUSY_MESSAGE);
      }
    }
    // The line empties: the next request is served.
    expect((await clerk.get(path)).status).toBe(200);
  });
});
