// The web client and the embedded database's request line (src/db/fairQueue.ts): a request turned
// away at once with "503 busy" and Retry-After is sent again by the client (src/web/lib/api.ts)
// after the wait it was given, writes included, since nothing of them ran; a burst larger than the
// line then ends with every request served once, none shown the busy error. Other 503s are shown
// as they are. The client runs here against a real server on a port: its same-origin paths
// ("/api/…") are resolved against that server's address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fairQueue } from '../../src/db/fairQueue.ts';
import { ApiError, api } from '../../src/web/lib/api.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a request refused by a busy server', () => {
  let server: ServerType;
  const realFetch = globalThis.fetch;
  const ran: number[] = [];
  let arrivals = 0;
  beforeAll(async () => {
    const app = new Hono();
    app.use('/api/*', async (c, next) => {
      arrivals++;
      await next();
    });
    app.use('/api/line/*', fairQueue({ slots: 1, maxWaitMs: 250 }));
    app.post('/api/line/work', async (c) => {
      const { n } = await c.req.json<{ n: number }>();
      await sleep(40);
      ran.push(n);
      return c.json({ n });
    });
    app.get('/api/down', (c) => c.json({ error: { code: 'maintenance', message: 'Máy chủ đang bảo trì.' } }, 503));
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    globalThis.fetch = ((input: string, init?: RequestInit) => realFetch(new URL(input, `http://127.0.0.1:${port}`), init)) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
    server.close();
  });

  it('is sent again after Retry-After: a burst beyond the line is served whole, each write once', async () => {
    // Teach the line how long a request takes.
    await api.post('/line/work', { n: -1 });
    ran.length = 0;
    arrivals = 0;
    const N = 16;
    const answers = await Promise.allSettled(Array.from({ length: N }, (_, n) => api.post<{ n: number }>('/line/work', { n })));
    const failed = answers.filter((a) => a.status === 'rejected');
    expect(failed.map((a) => String((a as PromiseRejectedResult).reason))).toEqual([]);
    expect(answers.map((a) => (a as PromiseFulfilledResult<{ n: number }>).value.n)).toEqual(Array.from({ length: N }, (_, n) => n));
    // Every write ran exactly once, though more requests arrived than were written: some were
    // refused and came back.
    expect([...ran].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, n) => n));
    expect(arrivals).toBeGreaterThan(N);
  }, 60_000);

  it('another 503 is shown as it is, at once', async () => {
    arrivals = 0;
    const err = await api.get('/down').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(503);
    expect((err as ApiError).message).toBe('Máy chủ đang bảo trì.');
    expect(arrivals).toBe(1);
  });
});
