/**
 * Login bench, at the real (OWASP) scrypt cost: the answer time for an unknown username beside
 * that for a known one with a wrong password (the baseline: they should be equal), the time of one
 * bare scrypt verification beside it, and the event loop's longest stall during a login beside
 * an idle one (async scrypt: the loop stays free). Run alone: `node bench/login.ts`.
 */
import { createApp } from '../src/server/app.ts';
import { openMemoryDatabase } from '../src/db/client.ts';
import { seedDemo } from '../src/server/seed.ts';
import { hashPassword, verifyPassword } from '../src/modules/accounts/password.ts';
import type { Row } from './text/quality.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;
const row = (metric: string, value: number, baseline: number, unit: string, note: string): Row => ({
  metric,
  value: round(value),
  baseline: round(baseline),
  ratio: Math.round((value / baseline) * 100) / 100,
  unit,
  note,
});

/** Longest gap between 5 ms ticks while `fn` runs. */
async function maxStall(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last - 5);
    last = t;
  }, 5);
  await fn();
  clearInterval(timer);
  return worst;
}

export async function runLoginBench(rounds = 5): Promise<Row[]> {
  delete process.env.NT_TEST_SCRYPT_LOG2N;
  const database = await openMemoryDatabase();
  await seedDemo(database.db, new Date());
  let address = 0;
  const app = createApp({ db: database.db, dbKind: 'pglite', clock: () => new Date(), config: { publicUrl: 'http://localhost', secureCookies: false } });
  // Each attempt from its own address, so the limiter never holds one back.
  const attempt = async (username: string) => {
    const t0 = performance.now();
    const res = await app.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'SaiMatKhau123' }) },
      { incoming: { socket: { remoteAddress: `127.0.${Math.floor(++address / 250)}.${address % 250}` } } },
    );
    if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
    return performance.now() - t0;
  };
  await attempt('khong.co.ai'); // warms the dummy hash
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < rounds; i++) {
    known.push(await attempt('vp.sahuynh'));
    unknown.push(await attempt(`khong.co.ai.${i}`));
  }
  const hash = await hashPassword('MatKhau2026');
  const bare: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await verifyPassword('MatKhau2027', hash);
    bare.push(performance.now() - t0);
  }
  const idle = await maxStall(() => new Promise((r) => setTimeout(r, 1000)));
  const during = await maxStall(() => attempt('vp.tinh'));
  await database.close();
  return [
    row('login, unknown username (median)', median(unknown), median(known), 'ms', 'baseline: known username, wrong password'),
    row('login, known username, wrong password', median(known), median(bare), 'ms', 'baseline: one bare scrypt N=2^17 verify'),
    row('event-loop stall during a login', during, Math.max(idle, 1), 'ms', 'baseline: idle 1 s (max tick delay)'),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runLoginBench()) console.log(r);
}
